//! Loading projects from the file and the environment, and the errors that name what to fix.

use super::*;

fn env_of(pairs: &'static [(&'static str, &'static str)]) -> impl Fn(&str) -> Option<String> {
    move |name| {
        pairs
            .iter()
            .find(|(k, _)| *k == name)
            .map(|(_, v)| v.to_string())
    }
}

#[test]
fn no_config_is_open_demo_mode() {
    let c = Config::load(None, env_of(&[])).expect("loads");
    assert!(c.is_open());
    assert_eq!(
        c.project_for_key(Some("demo")).map(|p| p.id),
        Some("default".into())
    );
    assert!(c.project_for_key(None).is_some());
    assert!(c.any_allows_origin("https://anywhere.example"));
}

#[test]
fn the_environment_defines_a_project() {
    let c = Config::load(
        None,
        env_of(&[
            ("WOWPATH_WRITE_KEY", "k1, k2"),
            ("WOWPATH_ALLOWED_ORIGINS", "https://a.example"),
            ("WOWPATH_ADMIN_TOKEN", "s3cret"),
        ]),
    )
    .expect("loads");
    assert!(!c.is_open());
    assert!(c.project_for_key(Some("k2")).is_some());
    assert!(c.project_for_key(Some("demo")).is_none());
    assert!(c.project_for_key(None).is_none());
    assert!(c.any_allows_origin("https://a.example"));
    assert!(!c.any_allows_origin("https://b.example"));
    assert_eq!(c.admin_token.as_deref(), Some("s3cret"));
}

#[test]
fn a_key_shared_by_two_projects_is_an_error() {
    let dir = std::env::temp_dir().join(format!("wowpath-config-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("dir");
    let path = dir.join("c.json");
    std::fs::write(
        &path,
        r#"{"projects":[{"id":"a","write_keys":["k"]},{"id":"b","write_keys":["k"]}]}"#,
    )
    .expect("write");
    let err = Config::load(Some(&path), env_of(&[])).expect_err("must fail");
    assert!(err.to_string().contains("used by two projects"), "{err}");
    std::fs::write(&path, r#"{"projects":[{"id":"a","write_key":["k"]}]}"#).expect("write");
    let err = Config::load(Some(&path), env_of(&[])).expect_err("must fail");
    assert!(err.to_string().contains("write_key"), "{err}");
}
