//! Starting a guide, every completion trigger, filters and counts, and a guide ending.

use super::*;

#[test]
fn starting_shows_the_targeted_guide_and_reports_it_once() {
    let (e, effects) = engine_with(FILE, "ada", "/app/projects");
    assert_eq!(e.active().map(|g| g.id.as_str()), Some("setup"));
    assert_eq!(
        emitted(&effects),
        ["Onboarding Group Assigned", "Onboarding Guide Started"]
    );
    assert!(e.progress().first_seen.is_some());
    let again = Engine::new(
        load(FILE).file.expect("valid"),
        Start {
            project: "p".into(),
            user: User {
                key: "ada".into(),
                traits: None,
            },
            session: "s2".into(),
            path: "/app/projects".into(),
            progress: e.progress().clone(),
            now: T0,
            showing: None,
        },
    )
    .1;
    assert!(
        !emitted(&again).contains(&"Onboarding Group Assigned"),
        "the group is said once per user"
    );
    let (e, _) = engine_with(FILE, "ada", "/pricing");
    assert!(e.active().is_none(), "not on a target URL");
    assert!(e
        .explain(T0)
        .iter()
        .any(|(id, d)| id == "setup" && matches!(d, Decision::NotOnUrl { .. })));
}

#[test]
fn every_trigger_completes_its_step_once() {
    let mut e = engine();
    let none = parse("{}").expect("props");
    let big = parse(r#"{"size": 12}"#).expect("props");
    let cases: Vec<(Observed<'_>, &str)> = vec![
        (event("Project Created", &none), "create"),
        (Observed::Click("#invite"), "invite"),
        (event("Project Created", &big), "big"),
        (Observed::Url("/app/reports"), "visit"),
        (Observed::Appeared(".chart"), "chart"),
        (Observed::Filled("#name"), "name"),
    ];
    for (seen, step) in cases {
        let effects = e.observe(seen, T0 + 1);
        assert!(e.progress().is_done("setup", step), "{step}");
        assert!(
            emitted(&effects).contains(&"Onboarding Step Completed"),
            "{step}"
        );
        assert!(
            !emitted(&e.observe(seen, T0 + 2)).contains(&"Onboarding Step Completed"),
            "{step} completes once"
        );
    }
}

#[test]
fn filters_and_counts_must_be_met() {
    let mut e = engine();
    let small = parse(r#"{"size": 2}"#).expect("props");
    e.observe(event("Project Created", &small), T0);
    assert!(!e.progress().is_done("setup", "big"));
    let none = parse("{}").expect("props");
    for n in 1..=3 {
        e.observe(event("Task Added", &none), T0 + n);
        assert_eq!(e.progress().is_done("setup", "three"), n == 3, "after {n}");
    }
}

#[test]
fn the_last_step_completes_the_guide_and_the_next_eligible_guide_may_start() {
    let mut e = engine();
    let none = parse("{}").expect("props");
    let mut all = Vec::new();
    for seen in [
        event("Project Created", &none),
        Observed::Click("#invite"),
        Observed::Url("/app/reports"),
        Observed::Appeared(".chart"),
        Observed::Filled("#name"),
    ] {
        all.extend(e.observe(seen, T0));
    }
    let big = parse(r#"{"size": 99}"#).expect("props");
    all.extend(e.observe(event("Project Created", &big), T0));
    for _ in 0..3 {
        all.extend(e.observe(event("Task Added", &none), T0));
    }
    assert!(emitted(&all).contains(&"Onboarding Guide Completed"));
    assert!(e.active().is_none(), "the tour waits for its start event");
    let effects = e.observe(event("Tour Wanted", &none), T0 + 5);
    assert_eq!(e.active().map(|g| g.id.as_str()), Some("tour"));
    assert_eq!(
        emitted(&effects),
        ["Onboarding Guide Started", "Onboarding Step Viewed"]
    );
}
