//! Tours: Next, Back, dismissing, an explicit start, prerequisites and missing anchors.

use super::*;

#[test]
fn tours_move_with_next_and_back_and_can_be_dismissed() {
    let text = FILE.replace(
        r#""priority": 10, "target": { "url": ["/app/**"] }"#,
        r#""start": { "manual": true }"#,
    );
    let (mut e, _) = engine_with(&text, "ada", "/app");
    let none = parse("{}").expect("props");
    e.observe(event("Tour Wanted", &none), T0);
    assert_eq!(e.current_tour_step(), Some((1, 0)));
    e.next(T0);
    assert!(
        e.progress().is_done("tour", "t1"),
        "next completes a step without a condition"
    );
    assert_eq!(e.current_tour_step(), Some((1, 1)));
    e.back(T0);
    assert_eq!(e.current_tour_step(), Some((1, 0)));
    let effects = e.dismiss("tour", DismissedBy::Outside, T0 + 1);
    assert!(emitted(&effects).contains(&"Onboarding Guide Dismissed"));
    assert!(
        effects
            .iter()
            .any(|f| matches!(f, Effect::Emit { properties, .. }
            if properties == r#"{"guide_id":"tour","guide_title":"Tour","step_id":"t1","step_title":"One","via":"outside","group":"treatment"}"#)),
        "the event says which guide and step were open, by id and by name, and how it was closed: {effects:?}"
    );
    assert!(e.active().is_none());
    assert_eq!(e.blocker(1, T0 + 2), Some(Decision::Dismissed));
}

#[test]
fn an_explicit_start_goes_first_reports_the_tour_and_hands_back() {
    let mut e = engine();
    assert_eq!(e.active().map(|g| g.id.as_str()), Some("setup"));
    let effects = e.start("tour", false, T0);
    assert_eq!(e.active().map(|g| g.id.as_str()), Some("tour"));
    assert_eq!(
        emitted(&effects),
        ["Onboarding Guide Started", "Onboarding Step Viewed"]
    );
    e.next(T0);
    let effects = e.next(T0);
    assert!(
        emitted(&effects).contains(&"Onboarding Guide Completed"),
        "{effects:?}"
    );
    assert_eq!(
        e.active().map(|g| g.id.as_str()),
        Some("setup"),
        "the checklist comes back"
    );
    assert!(e.start("nope", false, T0).is_empty());
}

#[test]
fn prerequisites_order_the_tour_and_missing_anchors_are_reported() {
    let (mut e, _) = engine_with(
        &FILE.replace(r#""start": { "event": "Tour Wanted" }, "#, ""),
        "ada",
        "/other",
    );
    assert_eq!(e.active().map(|g| g.id.as_str()), Some("tour"));
    let effects = e.anchor_missing("tour", "t1", "#a", 2, T0);
    assert_eq!(emitted(&effects)[0], "Onboarding Target Missing");
    let properties = effects.iter().find_map(|f| match f {
        Effect::Emit { properties, .. } => Some(properties.as_str()),
        _ => None,
    });
    assert!(
        properties.is_some_and(
            |p| p.contains(r##""selector":"#a""##) && p.contains(r#""hidden_matches":2"#)
        ),
        "{properties:?}"
    );
    assert_eq!(
        e.current_tour_step(),
        Some((1, 1)),
        "the tour goes on without the missing target"
    );
    e.anchor_found("tour", "t1", T0);
    assert_eq!(e.current_tour_step(), Some((1, 0)));
}
