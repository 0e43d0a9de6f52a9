use super::*;

fn first(text: &str) -> Diagnostic {
    load(text)
        .diagnostics
        .into_iter()
        .next()
        .expect("a diagnostic")
}

#[test]
fn a_valid_file_loads() {
    let loaded = load(
        r#"{"version":1,"guides":[{"id":"g","title":"T","steps":[{"id":"s","title":"S","complete_when":{"event":"E"}}]}]}"#,
    );
    assert!(loaded.diagnostics.is_empty(), "{:?}", loaded.diagnostics);
    assert_eq!(
        loaded.file.expect("file").guides[0].steps[0]
            .complete_when
            .as_ref()
            .and_then(|c| c.event.as_deref()),
        Some("E")
    );
}

#[test]
fn errors_carry_pointer_position_and_suggestion() {
    let d = first("{\"version\":1,\"guides\":[{\"id\":\"g\",\"title\":\"T\",\n \"stepz\":[]}]}");
    assert_eq!(
        (d.code, d.pointer.as_str(), d.at.to_string().as_str()),
        ("unknown_field", "/guides/0/stepz", "2:2")
    );
    assert!(d.message.contains("did you mean `steps`?"), "{}", d.message);

    let d = first("{\"version\":1,\n\"guides\":[{\"id\":\"g\",\"title\":7,\"steps\":[]}]}");
    assert_eq!(
        (d.pointer.as_str(), d.at.to_string().as_str()),
        ("/guides/0/title", "2:29")
    );
    assert_eq!(d.message, "expected a string, found the number 7");

    let d = first("{\"version\":1,\n  \"guides\": [,]}");
    assert_eq!((d.code, d.at.to_string().as_str()), ("syntax", "2:14"));
}

#[test]
fn every_structural_error_is_reported_not_just_the_first() {
    let loaded = load(
        r#"{"version":1,"holdot":0.1,"guides":[{"id":"g","title":"T","prority":2,
        "steps":[{"id":"s","title":"S","placment":"top","kind":"tooltop"}]}]}"#,
    );
    let codes: Vec<(&str, &str)> = loaded
        .diagnostics
        .iter()
        .map(|d| (d.code, d.pointer.as_str()))
        .collect();
    assert_eq!(
        codes,
        [
            ("unknown_field", "/holdot"),
            ("unknown_field", "/guides/0/prority"),
            ("unknown_field", "/guides/0/steps/0/placment"),
            ("unknown_value", "/guides/0/steps/0/kind"),
        ]
    );
    assert!(loaded.file.is_none());
}

#[test]
fn semantic_errors_are_all_collected() {
    let loaded = load(
        r#"{"version":1,"holdout":0.7,"guides":[{"id":"g","title":"T","requires":["h"],
        "steps":[{"id":"s","title":"S","kind":"tooltip","requires":["x"]},{"id":"s","title":"S"}]}]}"#,
    );
    let codes: Vec<&str> = loaded.diagnostics.iter().map(|d| d.code).collect();
    assert_eq!(
        codes,
        [
            "out_of_range",
            "unknown_reference",
            "missing_field",
            "unknown_reference",
            "duplicate_id"
        ]
    );
}

#[test]
fn duplicate_keys_are_errors_at_the_second_key() {
    let d = first("{\"version\":1,\"version\":1,\"guides\":[]}");
    assert_eq!(
        (d.code, d.pointer.as_str(), d.at.to_string().as_str()),
        ("duplicate_field", "/version", "1:14")
    );
}

#[test]
fn warnings_keep_the_file_usable() {
    let loaded = load(
        r#"{"version":1,"guides":[{"id":"g","title":"T","steps":[{"id":"s","title":"S","placement":"top"}]}]}"#,
    );
    assert_eq!(loaded.diagnostics.len(), 1);
    assert_eq!(loaded.diagnostics[0].severity, Severity::Warning);
    assert!(loaded.file.is_some());
}

#[test]
fn the_example_files_are_clean() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/guides");
    let mut seen = 0;
    for entry in std::fs::read_dir(dir).expect("examples/guides exists") {
        let path = entry.expect("a directory entry").path();
        let text = std::fs::read_to_string(&path).expect("readable");
        let loaded = load(&text);
        assert!(
            loaded.diagnostics.is_empty(),
            "{}: {:#?}",
            path.display(),
            loaded.diagnostics
        );
        seen += 1;
    }
    assert!(seen >= 3);
}

#[test]
fn a_web_page_instead_of_the_file_is_named_as_such() {
    for page in [
        "<!doctype html><html></html>",
        "\n  <html lang=\"en\">",
        "\u{feff}<?xml version=\"1.0\"?>",
    ] {
        let d = first(page);
        assert_eq!((d.code, d.pointer.as_str()), ("syntax", ""), "{page:?}");
        assert!(
            d.message.starts_with("this looks like an HTML page"),
            "{page:?}: {}",
            d.message
        );
    }
    // Other syntax errors keep the parser's own words.
    assert_eq!(
        first("nope").message,
        "expected a value (object, array, string, number, true, false or null)"
    );
}

/// Each diagnostic's code and pointer, in order.
fn found(text: &str) -> Vec<(&'static str, String)> {
    load(text)
        .diagnostics
        .into_iter()
        .map(|d| (d.code, d.pointer))
        .collect()
}

#[test]
fn a_misspelt_or_missing_required_field_does_not_hide_the_errors_after_it() {
    // (file, what is reported). A required field written wrong or left out gets a stand-in, so
    // reading goes on; a misspelt one's "missing" is not reported again, its misspelling says it.
    let table: [(&str, &[(&str, &str)]); 3] = [
        (
            r##"{"version":1,"guides":[
            {"id":"a","titel":"A","steps":[{"id":"s","title":"S","complete_when":{"manual":true}}]},
            {"id":"b","title":"B","steps":[{"id":"t","title":"T","kind":"tooltop","anchor":"#x"}]}],
            "holdot":0.1}"##,
            &[
                ("unknown_field", "/guides/0/titel"),
                ("unknown_value", "/guides/1/steps/0/kind"),
                ("unknown_field", "/holdot"),
            ],
        ),
        // Each kind of stand-in is tried until the reader takes one: `steps` wants an array.
        (
            r#"{"version":1,"guides":[{"id":"a","title":"A","stepz":[]},{"id":"b","title":"B","priority":"high","steps":[]}]}"#,
            &[
                ("unknown_field", "/guides/0/stepz"),
                ("invalid_type", "/guides/1/priority"),
            ],
        ),
        (
            r#"{"version":1,"guides":[{"title":"A","steps":[]},{"id":"b","title":"B","steps":[{"id":"t","title":"T","kind":"tooltop","anchor":"x"}]}]}"#,
            &[
                ("missing_field", "/guides/0"),
                ("unknown_value", "/guides/1/steps/0/kind"),
            ],
        ),
    ];
    for (text, expected) in table {
        let expected: Vec<(&str, String)> =
            expected.iter().map(|(c, p)| (*c, p.to_string())).collect();
        assert_eq!(found(text), expected, "{text}");
        assert!(load(text).file.is_none());
    }
}
