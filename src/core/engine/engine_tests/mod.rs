//! The state machine, input by input: triggers, rules, scheduling, the wow milestone and the holdout.

use super::*;
use crate::core::guide::load;
use crate::core::json::parse;

const T0: Millis = 1_795_359_845_000;

const FILE: &str = r##"{
  "version": 1,
  "wow": { "event": "Report Shared", "where": { "recipients": { "gte": 1 } } },
  "guides": [
    { "id": "setup", "title": "Get started", "priority": 10, "target": { "url": ["/app/**"] },
      "steps": [
        { "id": "create", "title": "Create a project", "complete_when": { "event": "Project Created" } },
        { "id": "invite", "title": "Invite", "requires": ["create"], "complete_when": { "click": "#invite" } },
        { "id": "three", "title": "Three tasks", "complete_when": { "event": "Task Added", "count": 3 } },
        { "id": "big", "title": "A big project", "complete_when": { "event": "Project Created", "where": { "size": { "gt": 10 } } } },
        { "id": "visit", "title": "See reports", "complete_when": { "url": "/app/reports" } },
        { "id": "chart", "title": "A chart", "complete_when": { "appears": ".chart" } },
        { "id": "name", "title": "Your name", "complete_when": { "filled": "#name" } }
      ] },
    { "id": "tour", "title": "Tour", "start": { "event": "Tour Wanted" }, "target": { "traits": { "plan": { "in": ["trial"] } } },
      "steps": [
        { "id": "t1", "kind": "tooltip", "title": "One", "anchor": "#a" },
        { "id": "t2", "kind": "tooltip", "title": "Two", "anchor": "#b" }
      ] }
  ]
}"##;

/// A tour started by hand beside a checklist that goes first by priority.
const MANUAL_TOUR: &str = r##"{
  "version": 1,
  "cooldown_minutes": 0,
  "guides": [
    { "id": "tour", "title": "Tour", "start": { "manual": true }, "target": { "url": ["/app/**"] },
      "steps": [
        { "id": "t1", "kind": "tooltip", "title": "One", "anchor": "#a" },
        { "id": "t2", "kind": "tooltip", "title": "Two", "anchor": "#b" }
      ] },
    { "id": "setup", "title": "Get started", "priority": 10, "dismissible": false,
      "target": { "url": ["/app/**"] },
      "steps": [ { "id": "create", "title": "Create", "complete_when": { "event": "Project Created" } } ] }
  ]
}"##;

fn engine_with(text: &str, user: &str, path: &str) -> (Engine, Vec<Effect>) {
    engine_resumed(text, user, path, Progress::default(), "s1")
}

/// An engine for a later page load: `progress` as stored, in browser session `session`.
fn engine_resumed(
    text: &str,
    user: &str,
    path: &str,
    progress: Progress,
    session: &str,
) -> (Engine, Vec<Effect>) {
    engine_in_tab(text, user, path, progress, session, None)
}

/// The same, in a tab whose last page left guide `showing` (`user/guide`) on screen.
fn engine_in_tab(
    text: &str,
    user: &str,
    path: &str,
    progress: Progress,
    session: &str,
    showing: Option<&str>,
) -> (Engine, Vec<Effect>) {
    let file = load(text).file.expect("valid test file");
    let user = User {
        key: user.into(),
        traits: Some(parse(r#"{"plan":"trial"}"#).expect("traits")),
    };
    Engine::new(
        file,
        Start {
            project: "p".into(),
            user,
            session: session.into(),
            path: path.into(),
            progress,
            now: T0,
            showing: showing.map(str::to_string),
        },
    )
}

/// The id of the tour step showing, if any.
fn step_of(e: &Engine) -> Option<&str> {
    let (g, s) = e.current_tour_step()?;
    Some(e.file().guides[g].steps[s].id.as_str())
}

fn engine() -> Engine {
    engine_with(FILE, "ada", "/app/projects").0
}

fn emitted(effects: &[Effect]) -> Vec<&'static str> {
    effects
        .iter()
        .filter_map(|e| {
            if let Effect::Emit { event, .. } = e {
                Some(*event)
            } else {
                None
            }
        })
        .collect()
}

fn event<'a>(name: &'a str, props: &'a Node) -> Observed<'a> {
    Observed::Event {
        name,
        properties: Some(props),
    }
}

mod acts;
mod finished;
mod last_step;
mod properties;
mod replay;
mod resume;
mod rules;
mod schedule;
mod titles;
mod tours;
mod triggers;
