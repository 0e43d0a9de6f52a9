//! The table of broken guide files (tests/guides/invalid/EXPECTED.tsv): each must produce a
//! diagnostic of the expected kind, at the expected JSON pointer and line:column.

use std::path::Path;
use wowpath::core::guide::{load, Severity};

const DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/guides/invalid");

/// Kinds that are warnings: the file still loads, the author is told.
const WARNINGS: &[&str] = &[
    "missing_translation",
    "missing_placeholder",
    "ignored_field",
    "impossible_rule",
    "single_variant",
    "low_contrast",
    "incomplete_size",
    "insecure_url",
    "invalid_stamp",
    "stale_stamp",
];

#[test]
fn every_broken_file_is_reported_where_it_is_broken() {
    let table = std::fs::read_to_string(Path::new(DIR).join("EXPECTED.tsv")).expect("EXPECTED.tsv");
    let mut failures = Vec::new();
    let mut listed = Vec::new();
    for row in table
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
    {
        let cols: Vec<&str> = row.split('\t').collect();
        let [file, code, pointer, at, _schema] = cols[..] else {
            panic!("bad row: {row}");
        };
        listed.push(file.to_string());
        // `/` stands for the whole document, as the messages print it.
        let pointer = if pointer == "/" { "" } else { pointer };
        let text = std::fs::read_to_string(Path::new(DIR).join(file)).expect("listed file exists");
        let loaded = load(&text);
        let found = loaded
            .diagnostics
            .iter()
            .any(|d| d.code == code && d.pointer == pointer && d.at.to_string() == at);
        if !found {
            failures.push(format!(
                "{file}: expected {code} at {pointer} {at}, got {:#?}",
                loaded.diagnostics
            ));
            continue;
        }
        let is_warning =
            WARNINGS.contains(&code) || (code == "unreachable" && loaded.file.is_some());
        if is_warning {
            if loaded.has_errors() {
                failures.push(format!(
                    "{file}: expected only warnings, got {:#?}",
                    loaded.diagnostics
                ));
            }
        } else if loaded.file.is_some()
            || !loaded
                .diagnostics
                .iter()
                .any(|d| d.severity == Severity::Error)
        {
            failures.push(format!("{file}: expected the file to be refused"));
        }
    }
    let mut on_disk: Vec<String> = std::fs::read_dir(DIR)
        .expect("the invalid directory")
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|n| n.ends_with(".json"))
        .collect();
    on_disk.sort();
    listed.sort();
    assert_eq!(
        on_disk, listed,
        "every file in tests/guides/invalid is in EXPECTED.tsv"
    );
    assert!(
        listed.len() >= 60,
        "the suite keeps at least 60 broken files"
    );
    assert!(
        failures.is_empty(),
        "{} of {} failed:\n{}",
        failures.len(),
        listed.len(),
        failures.join("\n")
    );
}
