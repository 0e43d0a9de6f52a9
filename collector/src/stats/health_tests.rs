use super::*;
use serde_json::json;

fn person(id: &str, problems: Vec<(i64, Value, &str)>) -> Person {
    Person {
        id: id.into(),
        problems: problems
            .into_iter()
            .filter_map(|(t, props, event)| Some((t, problem(event, &props)?)))
            .collect(),
        ..Person::default()
    }
}

const MISSING: &str = "Onboarding Target Missing";
const INVALID: &str = "Onboarding Guide Config Invalid";

fn missing(step: &str, url: &str, hidden: i64) -> Value {
    json!({"guide_id": "tour", "step_id": step, "selector": "#go", "url": url, "hidden_matches": hidden})
}

#[test]
fn missing_anchors_are_counted_by_people_and_named() {
    let ann = person(
        "ann",
        vec![
            (10, missing("a", "/app", 0), MISSING),
            (20, missing("a", "/app", 0), MISSING),
            (30, missing("b", "/team", 1), MISSING),
        ],
    );
    let bob = person(
        "bob",
        vec![
            (15, missing("a", "/app/x", 0), MISSING),
            (16, missing("a", "/app", 0), MISSING),
        ],
    );
    let mut titles = Titles::default();
    titles.note(
        &json!({"guide_id": "tour", "guide_title": "Tour", "step_id": "a", "step_title": "Go"}),
        1,
    );
    let h = health(&[&ann, &bob], &titles);
    let rows: Vec<(&str, &str, usize, bool, i64)> = h
        .missing_targets
        .iter()
        .map(|m| {
            (
                m.step_id.as_str(),
                m.step_title.as_str(),
                m.people,
                m.hidden,
                m.last_seen,
            )
        })
        .collect();
    assert_eq!(
        rows,
        [("a", "Go", 2, false, 20), ("b", "b", 1, true, 30)],
        "most people first; a step without a title reads as its id"
    );
    assert_eq!(
        h.missing_targets[0].urls,
        ["/app", "/app/x"],
        "the page most people met it on first"
    );
    assert_eq!(h.missing_targets[0].guide_title, "Tour");
    assert!(h.invalid_files.is_empty());
}

#[test]
fn refused_guide_files_are_grouped_by_file_and_first_error() {
    let bad = |e: &str| json!({"source": "/guides.json", "errors": "2", "first_error": e});
    let ann = person("ann", vec![(5, bad("steps[0]: missing title"), INVALID)]);
    let bob = person(
        "bob",
        vec![
            (7, bad("steps[0]: missing title"), INVALID),
            (9, bad("version: expected 1"), INVALID),
            (
                9,
                json!({"event": "not a problem"}),
                "Onboarding Guide Started",
            ),
        ],
    );
    let h = health(&[&ann, &bob], &Titles::default());
    let rows: Vec<(&str, usize, i64)> = h
        .invalid_files
        .iter()
        .map(|f| (f.first_error.as_str(), f.people, f.last_seen))
        .collect();
    assert_eq!(
        rows,
        [
            ("steps[0]: missing title", 2, 7),
            ("version: expected 1", 1, 9)
        ]
    );
    assert!(h.missing_targets.is_empty());
}
