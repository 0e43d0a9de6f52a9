use super::*;
use crate::core::guide::{diagnostics_json, load, stamp};

const GOOD: &str = include_str!("../../../../www/guides.json");

#[test]
fn only_a_matching_stamp_skips_the_validator() {
    let stamped = stamp::write(GOOD).expect("the demo's file stamps");
    assert!(read_stamped(&stamped).is_some());
    // The same file without its stamp, or edited after stamping, is not read on trust.
    let unstamped = stamped.replacen("\"checked\"", "\"$comment\"", 1);
    assert!(read_stamped(&unstamped).is_none());
    let edited = stamped.replacen("\"version\": 1", "\"version\":1", 1);
    assert!(read_stamped(&edited).is_none());
    assert_eq!(read_checked(&edited), read_stamped(&stamped));
}

#[test]
fn a_stamped_file_the_reader_cannot_read_is_not_trusted() {
    // A stamp is only a hash: a file stamped by hand around an unknown field is still refused.
    let stamped = stamp::write("{\"version\": 1, \"guides\": [], \"colour\": 1}").expect("stamps");
    assert!(read_stamped(&stamped).is_none());
    assert!(read_checked(&stamped).is_none());
}

#[test]
fn the_verdict_prints_each_diagnostic_as_the_validator_would() {
    let text = "{\"version\": 2, \"guides\": [], \"holdout\": 0.9}";
    let loaded = load(text);
    let json = format!(
        "{{\"ok\":false,\"diagnostics\":{}}}",
        diagnostics_json(&loaded.diagnostics)
    );
    let verdict = Verdict::from_json(&json).expect("reads the validator's JSON");
    assert!(!verdict.ok);
    let expected: Vec<(Severity, String)> = loaded
        .diagnostics
        .iter()
        .map(|d| (d.severity, d.to_string()))
        .collect();
    assert_eq!(verdict.lines, expected);
    assert_eq!(verdict.errors(), 2);
}

#[test]
fn a_verdict_of_another_shape_is_refused() {
    for bad in [
        "",
        "[]",
        "{\"ok\":true}",
        "{\"ok\":\"yes\",\"diagnostics\":[]}",
        "{\"ok\":true,\"diagnostics\":[{\"severity\":\"fatal\"}]}",
    ] {
        assert_eq!(Verdict::from_json(bad), None, "{bad}");
    }
    let empty = Verdict::from_json("{\"ok\":true,\"diagnostics\":[]}").expect("reads");
    assert!(empty.ok && empty.lines.is_empty());
}

#[test]
fn the_widget_reads_exactly_what_the_validator_passes() {
    // Every file the repository holds, good or broken: read_checked gives the file the
    // validator's own reading gives, whenever the validator passes it.
    let mut files = Vec::new();
    for dir in [
        "examples/guides",
        "tests/guides/invalid",
        "tests/pages",
        "www",
    ] {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
        for entry in std::fs::read_dir(&dir)
            .expect("the directory exists")
            .flatten()
        {
            let path = entry.path();
            if path.extension().is_some_and(|e| e == "json") {
                files.push(path);
            }
        }
    }
    assert!(files.len() > 100, "found {}", files.len());
    for path in files {
        let text = std::fs::read_to_string(&path).expect("readable");
        let loaded = load(&text);
        if let Some(file) = loaded.file {
            assert_eq!(read_checked(&text), Some(file), "{}", path.display());
        }
    }
}
