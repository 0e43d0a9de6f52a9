//! Every onboarding event names its guide and step as the guide file writes them, beside
//! their ids, so a funnel reads "Invite a teammate" rather than "invite"; and a guide with
//! variants, the user's variant, so every funnel can be split by it.

use super::*;

/// The properties of each event in `effects`, in order.
fn sent(effects: &[Effect]) -> Vec<(&'static str, &str)> {
    effects
        .iter()
        .filter_map(|f| match f {
            Effect::Emit { event, properties } => Some((*event, properties.as_str())),
            _ => None,
        })
        .collect()
}

#[test]
fn guide_and_step_events_carry_the_titles_of_the_guide_file() {
    let (mut e, started) = engine_with(FILE, "ada", "/app/projects");
    assert_eq!(
        sent(&started),
        [
            ("Onboarding Group Assigned", r#"{"group":"treatment"}"#),
            (
                "Onboarding Guide Started",
                r#"{"guide_id":"setup","guide_title":"Get started","group":"treatment"}"#
            )
        ]
    );
    let none = parse("{}").expect("props");
    let done = e.observe(event("Project Created", &none), T0);
    assert_eq!(
        sent(&done)[0],
        (
            "Onboarding Step Completed",
            r#"{"guide_id":"setup","guide_title":"Get started","step_id":"create","step_title":"Create a project","group":"treatment","step_index":0}"#
        )
    );
}

#[test]
fn a_dismissal_with_no_step_open_names_the_guide_alone() {
    let mut e = engine();
    let effects = e.dismiss("setup", DismissedBy::CloseButton, T0);
    assert_eq!(
        sent(&effects),
        [(
            "Onboarding Guide Dismissed",
            r#"{"guide_id":"setup","guide_title":"Get started","step_id":"","via":"close","group":"treatment"}"#
        )]
    );
}

#[test]
fn a_missing_anchor_and_the_step_shown_instead_are_named() {
    let text = FILE.replace(r#""start": { "event": "Tour Wanted" }, "#, "");
    let (mut e, _) = engine_with(&text, "ada", "/other");
    let effects = e.anchor_missing("tour", "t1", "#a", 0, T0);
    assert_eq!(
        sent(&effects),
        [
            (
                "Onboarding Target Missing",
                r##"{"guide_id":"tour","guide_title":"Tour","step_id":"t1","step_title":"One","selector":"#a","url":"/other","group":"treatment","hidden_matches":0}"##
            ),
            (
                "Onboarding Step Viewed",
                r#"{"guide_id":"tour","guide_title":"Tour","step_id":"t2","step_title":"Two","group":"treatment","step_index":1}"#
            )
        ]
    );
}

#[test]
fn a_guide_with_variants_names_the_users_variant_in_each_of_its_events() {
    let text = r#"{
      "version": 1,
      "guides": [
        { "id": "setup", "title": "Get started",
          "variants": [ { "id": "short", "weight": 1, "steps": ["b"] } ],
          "steps": [
            { "id": "a", "title": "A", "complete_when": { "event": "A" } },
            { "id": "b", "title": "B", "complete_when": { "event": "B" } }
          ] }
      ]
    }"#;
    let (mut e, started) = engine_with(text, "ada", "/");
    assert_eq!(
        sent(&started)[1],
        (
            "Onboarding Guide Started",
            r#"{"guide_id":"setup","guide_title":"Get started","variant":"short","group":"treatment"}"#
        )
    );
    let none = parse("{}").expect("props");
    assert_eq!(
        sent(&e.observe(event("B", &none), T0)),
        [
            (
                "Onboarding Step Completed",
                r#"{"guide_id":"setup","guide_title":"Get started","variant":"short","step_id":"b","step_title":"B","group":"treatment","step_index":0}"#
            ),
            (
                "Onboarding Guide Completed",
                r#"{"guide_id":"setup","guide_title":"Get started","variant":"short","group":"treatment"}"#
            )
        ]
    );
}
