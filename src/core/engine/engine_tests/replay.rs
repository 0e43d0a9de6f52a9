//! `start(guideId)` on a guide the user is done with shows it again ("Take the tour again");
//! a start that cannot show the guide says why.

use super::*;
use crate::core::view::build;

/// `start(id, { replay })`, which must be accepted.
fn start(e: &mut Engine, id: &str, replay: bool, now: Millis) -> Vec<Effect> {
    let act = Act::Start {
        id: id.into(),
        replay,
    };
    assert_eq!(e.check(&act, now).map_err(|x| x.to_string()), Ok(()));
    e.act(&act, now)
}

fn done_tour(path: &str) -> Engine {
    let mut e = engine_with(MANUAL_TOUR, "ada", path).0;
    let none = parse("{}").expect("props");
    e.observe(event("Project Created", &none), T0);
    start(&mut e, "tour", false, T0);
    e.next(T0);
    e.next(T0);
    assert!(e.progress().guide("tour").completed_at.is_some());
    assert!(e.active().is_none());
    e
}

#[test]
fn a_completed_tour_started_again_replays_from_its_first_step_and_then_hides() {
    let mut e = done_tour("/app");
    let effects = start(&mut e, "tour", true, T0 + 10);
    assert_eq!(step_of(&e), Some("t1"), "from the first step, done or not");
    assert_eq!(
        emitted(&effects),
        ["Onboarding Guide Replayed"],
        "{effects:?}"
    );
    e.next(T0 + 11);
    assert_eq!(step_of(&e), Some("t2"));
    let back = e.back(T0 + 12);
    assert!(emitted(&back).is_empty());
    assert_eq!(step_of(&e), Some("t1"), "back works in a replay too");
    e.next(T0 + 13);
    let end = e.next(T0 + 14);
    assert!(
        emitted(&end).is_empty(),
        "nothing is completed twice: {end:?}"
    );
    assert_eq!(step_of(&e), None);
    assert!(
        e.active().is_none(),
        "the replay is over and the guide hidden again"
    );
    assert_eq!(e.blocker(0, T0 + 15), Some(Decision::Completed));
}

#[test]
fn a_dismissed_tour_replays_and_closing_it_again_is_a_dismissal() {
    let mut e = engine_with(MANUAL_TOUR, "ada", "/app").0;
    let none = parse("{}").expect("props");
    e.observe(event("Project Created", &none), T0);
    start(&mut e, "tour", false, T0);
    e.next(T0);
    e.dismiss("tour", DismissedBy::Escape, T0 + 1);
    assert_eq!(e.blocker(0, T0 + 2), Some(Decision::Dismissed));
    start(&mut e, "tour", true, T0 + 3);
    assert_eq!(
        step_of(&e),
        Some("t1"),
        "from the start, though t1 was done"
    );
    let closed = e.dismiss("tour", DismissedBy::CloseButton, T0 + 4);
    assert_eq!(emitted(&closed), ["Onboarding Guide Dismissed"]);
    assert!(e.active().is_none());
}

#[test]
fn a_completed_checklist_started_again_shows_ticked_and_is_put_away_without_a_dismissal() {
    let mut e = done_tour("/app");
    start(&mut e, "setup", true, T0 + 10);
    let view = build(&e, "en");
    let checklist = view.checklist.expect("the checklist shows again");
    assert!(checklist.finished && checklist.dismissible, "{checklist:?}");
    assert!(checklist.items.iter().all(|i| i.done));
    assert_eq!(e.check(&Act::Dismiss("setup".into()), T0 + 11), Ok(()));
    let closed = e.dismiss("setup", DismissedBy::CloseButton, T0 + 11);
    assert!(emitted(&closed).is_empty(), "{closed:?}");
    assert!(build(&e, "en").checklist.is_none());
    assert!(e.progress().guide("setup").dismissed_at.is_none());
}

#[test]
fn without_replay_a_guide_the_user_is_done_with_stays_hidden_and_the_call_says_how() {
    let mut e = done_tour("/app");
    let again = Act::Start {
        id: "tour".into(),
        replay: false,
    };
    assert_eq!(
        e.check(&again, T0).map_err(|x| x.to_string()),
        Err("guide `tour` cannot show now: done: every step is complete (to show it again, start it with { replay: true })".into())
    );
    e.act(&again, T0);
    assert!(e.active().is_none());
}

#[test]
fn a_start_that_cannot_show_the_guide_even_as_a_replay_says_why() {
    let mut e = done_tour("/app");
    e.on_url("/settings", T0);
    assert_eq!(
        e.check(
            &Act::Start {
                id: "tour".into(),
                replay: true
            },
            T0
        )
        .map_err(|x| x.to_string()),
        Err(
            "guide `tour` cannot show now: hidden: `/settings` matches none of its target URLs"
                .into()
        )
    );
    let holdout = MANUAL_TOUR.replace(
        r#""cooldown_minutes": 0,"#,
        r#""cooldown_minutes": 0, "holdout": 0.5,"#,
    );
    let user = (0..100)
        .map(|n| format!("u{n}"))
        .find(|u| group("p", u, 0.5) == Group::Holdout)
        .expect("a holdout user");
    let (e, _) = engine_with(&holdout, &user, "/app");
    assert_eq!(
        e.check(
            &Act::Start {
                id: "tour".into(),
                replay: false
            },
            T0
        )
        .map_err(|x| x.to_string()),
        Err("guide `tour` cannot show now: hidden: this user is in the holdout group".into())
    );
}

#[test]
fn a_once_guide_from_an_earlier_session_replays_and_esc_cannot_close_it_if_it_may_not_be_dismissed()
{
    let text = MANUAL_TOUR.replace(
        r#""id": "tour", "title": "Tour","#,
        r#""id": "tour", "title": "Tour", "frequency": "once", "dismissible": false,"#,
    );
    let mut progress = Progress::default();
    progress.guide_mut("tour").session = Some("s0".into());
    progress.guide_mut("tour").started_at = Some(T0 - 1);
    let (mut e, _) = engine_resumed(&text, "ada", "/app", progress, "s1");
    assert_eq!(e.blocker(0, T0), Some(Decision::ShownInEarlierSession));
    start(&mut e, "tour", true, T0);
    assert_eq!(step_of(&e), Some("t1"));
    assert!(e.dismiss("tour", DismissedBy::Escape, T0 + 1).is_empty());
    e.observe(event("Unrelated", &parse("{}").expect("props")), T0 + 2);
    assert_eq!(step_of(&e), Some("t1"), "still replaying");
}
