//! A guide's schedule: nothing before `from`, nothing from `until` on, even mid-guide.

use super::*;
use crate::core::time::parse_iso8601;

const NEWS: &str = r#"{
  "version": 1,
  "guides": [
    { "id": "news", "title": "What's new",
      "schedule": { "from": "2026-11-23", "until": "2026-11-30T12:00:00+01:00" },
      "steps": [ { "id": "hello", "kind": "modal", "title": "Reports have teammates" } ] }
  ]
}"#;

fn at(date: &str) -> Millis {
    parse_iso8601(date).expect("a date")
}

fn decision(e: &Engine, now: Millis) -> Decision {
    e.explain(now)
        .into_iter()
        .find(|(id, _)| id == "news")
        .map(|(_, d)| d)
        .expect("the guide is explained")
}

#[test]
fn a_scheduled_guide_shows_only_within_its_period() {
    let (mut e, _) = engine_with(NEWS, "ada", "/app");
    assert!(e.active().is_none(), "T0 is the day before `from`");
    let from = at("2026-11-23");
    assert_eq!(decision(&e, T0), Decision::NotYet { from });
    assert_eq!(
        decision(&e, T0).to_string(),
        "waiting: scheduled from 2026-11-23T00:00:00.000Z"
    );

    e.observe(Observed::Url("/app"), from - 1);
    assert!(e.active().is_none(), "one millisecond early");
    e.observe(Observed::Url("/app"), from);
    assert_eq!(e.active().map(|g| g.id.as_str()), Some("news"));

    let until = at("2026-11-30T11:00:00Z");
    e.observe(Observed::Url("/app"), until - 1);
    assert_eq!(e.active().map(|g| g.id.as_str()), Some("news"));
    e.observe(Observed::Url("/app"), until);
    assert!(e.active().is_none(), "over, though the user was in it");
    assert_eq!(decision(&e, until), Decision::Ended { until });
}

#[test]
fn a_start_call_cannot_bring_back_an_ended_guide() {
    let (mut e, _) = engine_with(NEWS, "ada", "/app");
    let after = at("2026-12-01");
    e.start("news", false, after);
    assert!(e.active().is_none());
}
