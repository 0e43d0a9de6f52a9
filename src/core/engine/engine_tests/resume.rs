//! A tab's next page load (a reload, or a link to the next page of a tour) brings back the
//! guide that was on screen, where a new tab weighs the guides afresh.

use super::*;

/// Ada started the tour from the checklist and went through its first step on `/app`.
fn on_the_tour() -> Engine {
    let mut e = engine_with(MANUAL_TOUR, "ada", "/app").0;
    e.start("tour", false, T0);
    e.next(T0 + 1);
    assert_eq!(e.active().map(|g| g.id.as_str()), Some("tour"));
    e
}

/// The next page load in the same tab (`showing` as the last one left it), on `path`.
fn next_page(before: &Engine, path: &str, showing: Option<&str>) -> (Engine, Vec<Effect>) {
    let progress = before.progress().clone();
    engine_in_tab(MANUAL_TOUR, "ada", path, progress, "s1", showing)
}

#[test]
fn the_tour_on_screen_when_the_page_was_left_comes_back_at_its_step() {
    let e = on_the_tour();
    let showing = e.showing();
    assert_eq!(showing.as_deref(), Some("ada/tour"));
    let (next, effects) = next_page(&e, "/app/team", showing.as_deref());
    assert_eq!(next.active().map(|g| g.id.as_str()), Some("tour"));
    assert_eq!(step_of(&next), Some("t2"), "where the user was");
    assert!(
        !emitted(&effects).contains(&"Onboarding Guide Started"),
        "a guide resumed is not started again: {effects:?}"
    );
    let why = next.explain(T0 + 2);
    assert!(
        why.contains(&(
            "setup".to_string(),
            Decision::Waiting {
                behind: "tour".into()
            }
        )),
        "the checklist waits for the tour, as it did before the reload: {why:?}"
    );
}

#[test]
fn a_new_tab_weighs_the_guides_afresh() {
    let (next, _) = next_page(&on_the_tour(), "/app/team", None);
    assert_eq!(next.active().map(|g| g.id.as_str()), Some("setup"));
}

#[test]
fn what_the_tab_remembers_of_another_user_or_a_guide_no_longer_in_the_file_is_ignored() {
    let e = on_the_tour();
    for showing in ["bob/tour", "ada/gone", "ada", ""] {
        let (next, _) = next_page(&e, "/app", Some(showing));
        assert_eq!(
            next.active().map(|g| g.id.as_str()),
            Some("setup"),
            "{showing:?}"
        );
    }
}

#[test]
fn a_guide_that_may_no_longer_show_is_not_brought_back() {
    // Closed in another tab since, or off the page the link led to.
    let mut closed = on_the_tour();
    closed.dismiss("tour", DismissedBy::CloseButton, T0 + 2);
    let (next, _) = next_page(&closed, "/app", Some("ada/tour"));
    assert_eq!(next.active().map(|g| g.id.as_str()), Some("setup"));

    let (elsewhere, _) = next_page(&on_the_tour(), "/settings", Some("ada/tour"));
    assert_eq!(elsewhere.active(), None);
    assert_eq!(elsewhere.showing(), None);
}

#[test]
fn once_the_resumed_tour_ends_the_checklist_comes_back() {
    let e = on_the_tour();
    let (mut next, _) = next_page(&e, "/app/team", e.showing().as_deref());
    next.next(T0 + 3);
    assert!(next.progress().guide("tour").completed_at.is_some());
    assert_eq!(next.showing().as_deref(), Some("ada/setup"));
}
