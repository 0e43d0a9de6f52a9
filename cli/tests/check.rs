//! Runs the real `wowpath` binary over the example guide files and over broken ones.

use std::path::{Path, PathBuf};
use std::process::Command;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn wowpath(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_wowpath"))
        .args(args)
        .current_dir(root())
        .output()
        .expect("the wowpath binary runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn example_files() -> Vec<String> {
    let mut files: Vec<String> = std::fs::read_dir(root().join("examples/guides"))
        .expect("examples/guides")
        .map(|e| {
            format!(
                "examples/guides/{}",
                e.expect("entry").file_name().to_string_lossy()
            )
        })
        .collect();
    files.sort();
    files.push("www/guides.json".into());
    files
}

#[test]
fn every_example_guide_file_passes_strictly() {
    let files = example_files();
    let mut args = vec!["check", "--strict"];
    args.extend(files.iter().map(String::as_str));
    let (code, stdout, stderr) = wowpath(&args);
    assert_eq!(code, 0, "{stdout}{stderr}");
    for f in &files {
        assert!(stdout.contains(&format!("{f}: ok")), "{stdout}");
    }
}

#[test]
fn a_broken_file_fails_with_located_messages() {
    let dir = std::env::temp_dir().join(format!("wowpath-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let file = dir.join("guides.json");
    std::fs::write(
        &file,
        "{\n  \"version\": 1,\n  \"guides\": [{ \"id\": \"g\", \"title\": \"T\",\n    \"stesp\": [] }]\n}",
    )
    .expect("written");
    let path = file.to_string_lossy().into_owned();
    let (code, stdout, _) = wowpath(&["check", &path]);
    assert_eq!(code, 1);
    assert!(
        stdout.contains(&format!(
            "{path}:4:5: error[unknown_field] at /guides/0/stesp: unknown field `stesp`: did you mean `steps`?"
        )),
        "{stdout}"
    );
    let (code, stdout, _) = wowpath(&["check", &path, "--json"]);
    assert_eq!(code, 1);
    assert!(stdout.starts_with("{\"files\":[{\"file\":"), "{stdout}");
    assert!(stdout.contains("\"errors\":1,\"warnings\":0"), "{stdout}");
    assert!(
        stdout.contains(
            "\"code\":\"unknown_field\",\"pointer\":\"/guides/0/stesp\",\"line\":4,\"column\":5"
        ),
        "{stdout}"
    );
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn usage_mistakes_exit_with_2() {
    assert_eq!(wowpath(&[]).0, 2);
    assert_eq!(wowpath(&["lint", "x.json"]).0, 2);
    assert_eq!(wowpath(&["check"]).0, 2);
    assert_eq!(wowpath(&["check", "--nope", "x.json"]).0, 2);
    let (code, _, stderr) = wowpath(&["check", "does-not-exist.json"]);
    assert_eq!(code, 2);
    assert!(
        stderr.contains("cannot read does-not-exist.json"),
        "{stderr}"
    );
}

#[test]
fn a_file_not_in_utf8_is_a_diagnostic_of_that_file() {
    let dir = std::env::temp_dir().join(format!("wowpath-cli-latin1-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let file = dir.join("latin1.json");
    // "Café" saved in Latin-1: é is the single byte 0xE9.
    let mut bytes = b"{\"version\": 1,\n \"guides\": [{\"id\": \"g\", \"title\": \"Caf".to_vec();
    bytes.extend_from_slice(b"\xe9\", \"steps\": []}]}");
    std::fs::write(&file, bytes).expect("write");
    let path = file.to_string_lossy().into_owned();
    let (code, stdout, _) = wowpath(&["check", &path]);
    assert_eq!(code, 1, "a broken file, not a broken command: {stdout}");
    assert!(
        stdout.contains(&format!(
            "{path}:2:38: error[encoding] at /: the file is not UTF-8: byte 0xE9 here"
        )),
        "{stdout}"
    );
    let (_, json, _) = wowpath(&["check", &path, "--json"]);
    assert!(json.contains("\"code\":\"encoding\""), "{json}");
}

#[test]
fn stamp_marks_only_passing_files_and_any_later_edit_is_reported() {
    let dir = std::env::temp_dir().join(format!("wowpath-cli-stamp-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let good = dir.join("good.json");
    let original = std::fs::read_to_string(root().join("examples/guides/trackly-onboarding.json"))
        .expect("example")
        .replace(
            &stamp_member(&root().join("examples/guides/trackly-onboarding.json")),
            "",
        );
    std::fs::write(&good, &original).expect("written");
    let path = good.to_string_lossy().into_owned();

    let (code, stdout, stderr) = wowpath(&["check", "--stamp", &path]);
    assert_eq!(code, 0, "{stdout}{stderr}");
    assert!(stderr.contains("is stamped"), "{stderr}");
    let stamped = std::fs::read_to_string(&good).expect("read back");
    assert!(stamped.contains("\"checked\": \"wowpath:"), "{stamped}");
    let (code, stdout, _) = wowpath(&["check", "--strict", &path]);
    assert_eq!(code, 0, "a fresh stamp is clean: {stdout}");

    // An edit after stamping: a warning, which --strict turns into a failure.
    std::fs::write(&good, stamped.replacen("Welcome", "Hello", 1)).expect("edited");
    let (code, stdout, _) = wowpath(&["check", "--strict", &path]);
    assert_eq!(code, 1, "{stdout}");
    assert!(
        stdout.contains("stale_stamp") || stdout.contains("changed after"),
        "{stdout}"
    );
    // Stamping again brings it up to date.
    let (code, _, stderr) = wowpath(&["check", "--stamp", "--strict", &path]);
    assert_eq!(code, 0, "{stderr}");
    let (code, stdout, _) = wowpath(&["check", "--strict", &path]);
    assert_eq!(code, 0, "{stdout}");

    // A file with errors is left as it was.
    let broken = dir.join("broken.json");
    let text = "{\n  \"version\": 2,\n  \"guides\": []\n}\n";
    std::fs::write(&broken, text).expect("written");
    let broken_path = broken.to_string_lossy().into_owned();
    let (code, _, stderr) = wowpath(&["check", "--stamp", &broken_path]);
    assert_eq!(code, 1);
    assert!(stderr.contains("was not stamped"), "{stderr}");
    assert_eq!(std::fs::read_to_string(&broken).expect("read back"), text);
    let _ = std::fs::remove_dir_all(&dir);
}

/// The example's own stamp line, if it has one, so the test starts from an unstamped file.
fn stamp_member(path: &Path) -> String {
    let text = std::fs::read_to_string(path).expect("example");
    text.lines()
        .find(|l| l.trim_start().starts_with("\"checked\""))
        .map(|l| format!("{l}\n"))
        .unwrap_or_else(|| "\u{0}never".into())
}
