//! The last step of a tour offers Done only when Done can end it: one that completes by what
//! the user does ends when they do it, and Next there changes nothing.

use super::*;
use crate::core::view::build;

const FILE: &str = r##"{
  "version": 1,
  "guides": [
    { "id": "tour", "title": "Tour", "start": { "manual": true },
      "steps": [
        { "id": "name", "kind": "tooltip", "title": "Name it", "anchor": "#name",
          "complete_when": { "filled": "#name" } },
        { "id": "create", "kind": "tooltip", "title": "Create it", "anchor": "#create",
          "complete_when": { "click": "#create" } }
      ] }
  ]
}"##;

fn on_the_tour(text: &str) -> Engine {
    let mut e = engine_with(text, "ada", "/app").0;
    e.start("tour", false, T0);
    assert_eq!(step_of(&e), Some("name"));
    e
}

fn offers_next(e: &Engine) -> Option<bool> {
    build(e, "en").step.map(|s| s.next)
}

#[test]
fn a_last_step_that_asks_for_a_click_offers_no_done_and_ends_when_the_user_clicks() {
    let mut e = on_the_tour(FILE);
    assert_eq!(
        offers_next(&e),
        Some(true),
        "Next skips ahead from a step with a condition"
    );
    e.next(T0 + 1);
    assert_eq!(step_of(&e), Some("create"));
    assert!(
        !e.progress().is_done("tour", "name"),
        "skipping is not doing"
    );
    assert_eq!(offers_next(&e), Some(false));
    assert!(
        e.next(T0 + 2).is_empty(),
        "Next (the arrow key) on it changes nothing"
    );
    assert_eq!(
        step_of(&e),
        Some("create"),
        "and does not jump back to the skipped step"
    );

    e.observe(Observed::Click("#create"), T0 + 3);
    assert!(e.progress().is_done("tour", "create"));
    assert_eq!(
        step_of(&e),
        Some("name"),
        "the step skipped is what is left of the tour"
    );
}

#[test]
fn a_last_step_that_completes_on_next_offers_done() {
    let text = FILE.replace(
        r##""complete_when": { "click": "#create" }"##,
        r#""body": "Go""#,
    );
    let mut e = on_the_tour(&text);
    e.observe(Observed::Filled("#name"), T0 + 1);
    assert_eq!(step_of(&e), Some("create"));
    assert_eq!(offers_next(&e), Some(true));
    let effects = e.next(T0 + 2);
    assert!(
        emitted(&effects).contains(&"Onboarding Guide Completed"),
        "{effects:?}"
    );
}
