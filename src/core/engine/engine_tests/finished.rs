//! A checklist completed on the page stays on screen, ticked, until the user closes it; one
//! completed earlier or on another device, dismissed, or followed by another guide does not.

use super::*;
use crate::core::view::build;

const CHECKLIST: &str = r##"{
  "version": 1,
  "cooldown_minutes": 0,
  "guides": [
    { "id": "setup", "title": "Get started", "priority": 10, "dismissible": false,
      "target": { "url": ["/", "/team"] },
      "steps": [
        { "id": "create", "title": "Create a project", "complete_when": { "event": "Project Created" } },
        { "id": "invite", "title": "Invite", "complete_when": { "event": "Teammate Invited" } }
      ] },
    { "id": "news", "title": "News", "start": { "event": "News Wanted" },
      "steps": [ { "id": "hello", "kind": "modal", "title": "Hello" } ] }
  ]
}"##;

fn finish(e: &mut Engine) -> Vec<Effect> {
    let none = parse("{}").expect("props");
    e.observe(event("Project Created", &none), T0);
    e.observe(event("Teammate Invited", &none), T0 + 1)
}

#[test]
fn a_checklist_completed_on_the_page_stays_ticked_until_closed() {
    let (mut e, _) = engine_with(CHECKLIST, "ada", "/");
    let effects = finish(&mut e);
    assert!(emitted(&effects).contains(&"Onboarding Guide Completed"));
    assert!(e.active().is_none(), "no guide is showing any more");
    assert_eq!(e.finished().map(|g| g.id.as_str()), Some("setup"));
    let view = build(&e, "en");
    let list = view
        .checklist
        .expect("the finished checklist is still drawn");
    assert!(list.finished);
    assert_eq!(list.done_count(), 2);
    assert!(
        list.dismissible,
        "a finished checklist can be put away, even a non-dismissible one"
    );
    assert_eq!(list.chrome.all_done, "You're all set");
    assert!(view.step.is_none());

    let put_away = Act::Dismiss("setup".into());
    assert_eq!(
        e.check(&put_away, T0),
        Ok(()),
        "wowpath('dismiss') may put it away too"
    );
    let effects = e.dismiss("setup", DismissedBy::CloseButton, T0 + 2);
    assert_eq!(
        effects,
        vec![Effect::Render],
        "closing it records and sends nothing"
    );
    assert!(e.progress().guide("setup").dismissed_at.is_none());
    assert!(build(&e, "en").checklist.is_none());
    assert_eq!(e.blocker(0, T0 + 3), Some(Decision::Completed));
    assert!(
        e.check(&put_away, T0).is_err(),
        "once it is away, the guide is not dismissible again"
    );
}

#[test]
fn another_guide_showing_puts_the_finished_checklist_away() {
    let (mut e, _) = engine_with(CHECKLIST, "ada", "/");
    finish(&mut e);
    let none = parse("{}").expect("props");
    e.observe(event("News Wanted", &none), T0 + 2);
    assert_eq!(e.active().map(|g| g.id.as_str()), Some("news"));
    assert!(e.finished().is_none());
    let view = build(&e, "en");
    assert!(view.checklist.is_none());
    assert_eq!(view.step.map(|s| s.step_id), Some("hello".to_string()));
    e.next(T0 + 3);
    assert!(
        e.active().is_none() && e.finished().is_none(),
        "a tour has no checklist to leave"
    );
    assert!(build(&e, "en").checklist.is_none());
}

#[test]
fn a_checklist_completed_before_the_page_or_dismissed_leaves_nothing() {
    let (mut before, _) = engine_with(CHECKLIST, "ada", "/");
    finish(&mut before);
    let progress = before.progress().clone();
    let (reloaded, _) = engine_resumed(CHECKLIST, "ada", "/", progress, "s2");
    assert!(reloaded.finished().is_none() && reloaded.active().is_none());
    assert!(build(&reloaded, "en").checklist.is_none());

    let text = CHECKLIST.replace(r#""dismissible": false"#, r#""dismissible": true"#);
    let (mut e, _) = engine_with(&text, "ada", "/");
    e.dismiss("setup", DismissedBy::CloseButton, T0);
    assert!(e.finished().is_none());
    assert!(build(&e, "en").checklist.is_none());
}

#[test]
fn a_finished_checklist_follows_the_urls_its_guide_targets() {
    let (mut e, _) = engine_with(CHECKLIST, "ada", "/");
    finish(&mut e);
    e.on_url("/team", T0 + 2);
    assert!(
        build(&e, "en").checklist.is_some(),
        "still inside the guide's pages"
    );
    let effects = e.on_url("/settings", T0 + 3);
    assert!(effects.contains(&Effect::Render));
    assert!(e.finished().is_none(), "gone once the page leaves them");
    e.on_url("/", T0 + 4);
    assert!(
        build(&e, "en").checklist.is_none(),
        "and it does not come back"
    );
}

#[test]
fn progress_from_another_device_completes_the_checklist_without_showing_it() {
    let (mut elsewhere, _) = engine_with(CHECKLIST, "ada", "/");
    finish(&mut elsewhere);
    let (mut e, _) = engine_with(CHECKLIST, "ada", "/");
    assert_eq!(e.active().map(|g| g.id.as_str()), Some("setup"));
    let effects = e.merge_progress(elsewhere.progress(), T0 + 5);
    assert!(effects.contains(&Effect::Render));
    assert!(e.active().is_none() && e.finished().is_none());
    assert!(
        build(&e, "en").checklist.is_none(),
        "done long ago elsewhere: nothing to celebrate here"
    );
}
