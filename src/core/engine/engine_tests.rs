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

fn engine_with(text: &str, user: &str, path: &str) -> (Engine, Vec<Effect>) {
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
            session: "s1".into(),
            path: path.into(),
            progress: Progress::default(),
            now: T0,
        },
    )
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
    let effects = e.dismiss("tour", T0 + 1);
    assert!(emitted(&effects).contains(&"Onboarding Guide Dismissed"));
    assert!(e.active().is_none());
    assert_eq!(e.blocker(1, T0 + 2), Some(Decision::Dismissed));
}

#[test]
fn an_explicit_start_goes_first_reports_the_tour_and_hands_back() {
    let mut e = engine();
    assert_eq!(e.active().map(|g| g.id.as_str()), Some("setup"));
    let effects = e.start("tour", T0);
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
    assert!(e.start("nope", T0).is_empty());
}

#[test]
fn prerequisites_order_the_tour_and_missing_anchors_are_reported() {
    let (mut e, _) = engine_with(
        &FILE.replace(r#""start": { "event": "Tour Wanted" }, "#, ""),
        "ada",
        "/other",
    );
    assert_eq!(e.active().map(|g| g.id.as_str()), Some("tour"));
    let effects = e.anchor_missing("tour", "t1", "#a", T0);
    assert_eq!(emitted(&effects)[0], "Onboarding Target Missing");
    assert_eq!(
        e.current_tour_step(),
        Some((1, 1)),
        "the tour goes on without the missing target"
    );
    e.anchor_found("tour", "t1", T0);
    assert_eq!(e.current_tour_step(), Some((1, 0)));
}

#[test]
fn traits_target_guides_and_are_evaluated_again() {
    let mut e = engine();
    e.observe(Observed::Url("/elsewhere"), T0);
    let none = parse("{}").expect("props");
    e.observe(event("Tour Wanted", &none), T0);
    assert_eq!(e.active().map(|g| g.id.as_str()), Some("tour"));
    e.set_traits(parse(r#"{"plan":"enterprise"}"#).expect("traits"), T0);
    assert!(e.active().is_none());
    assert!(e.explain(T0).iter().any(|(id, d)| id == "tour"
        && *d
            == Decision::Trait {
                name: "plan".into()
            }));
}

#[test]
fn wow_is_reached_once_with_the_time_it_took() {
    let mut e = engine();
    let none = parse("{}").expect("props");
    assert!(
        e.observe(event("Report Shared", &none), T0 + 5)
            .iter()
            .all(|x| !matches!(
                x,
                Effect::Emit {
                    event: "Onboarding Wow Reached",
                    ..
                }
            )),
        "filters apply"
    );
    let shared = parse(r#"{"recipients": 2}"#).expect("props");
    let effects = e.observe(event("Report Shared", &shared), T0 + 60_000);
    let wow = effects.iter().find_map(|x| match x {
        Effect::Emit {
            event: "Onboarding Wow Reached",
            properties,
        } => Some(properties.clone()),
        _ => None,
    });
    assert_eq!(
        wow.as_deref(),
        Some(r#"{"group":"treatment","time_to_wow_ms":60000}"#)
    );
    assert_eq!(e.progress().wow_at, Some(T0 + 60_000));
    assert!(emitted(&e.observe(event("Report Shared", &shared), T0 + 70_000)).is_empty());
}

#[test]
fn holdout_users_see_nothing_but_their_wow_is_tracked() {
    let text = FILE.replace(r#""version": 1,"#, r#""version": 1, "holdout": 0.5,"#);
    let held = (0..100)
        .map(|i| format!("user-{i}"))
        .find(|u| group("p", u, 0.5) == Group::Holdout)
        .expect("someone held out");
    let (mut e, effects) = engine_with(&text, &held, "/app/x");
    assert!(e.active().is_none());
    assert!(
        effects.contains(&Effect::Emit {
            event: "Onboarding Group Assigned",
            properties: r#"{"group":"holdout"}"#.into()
        }),
        "the holdout is counted even without wow"
    );
    assert_eq!(emitted(&effects), ["Onboarding Group Assigned"]);
    assert!(e.explain(T0).iter().all(|(_, d)| *d == Decision::Holdout));
    let shared = parse(r#"{"recipients": 1}"#).expect("props");
    let effects = e.observe(event("Report Shared", &shared), T0 + 1);
    assert!(effects.contains(&Effect::Emit {
        event: "Onboarding Wow Reached",
        properties: r#"{"group":"holdout","time_to_wow_ms":1}"#.into()
    }));
}

#[test]
fn frequency_rules_decide_what_comes_back_in_a_new_session() {
    for (frequency, dismissed_shows_again) in [
        ("once", false),
        ("until_completed", false),
        ("every_session", true),
    ] {
        let text = FILE.replace(
            r#""priority": 10,"#,
            &format!(r#""priority": 10, "frequency": "{frequency}","#),
        );
        let (mut e, _) = engine_with(&text, "ada", "/app");
        e.dismiss("setup", T0);
        let progress = e.progress().clone();
        let file = load(&text).file.expect("valid");
        let user = User {
            key: "ada".into(),
            traits: None,
        };
        let (next, _) = Engine::new(
            file,
            Start {
                project: "p".into(),
                user,
                session: "s2".into(),
                path: "/app".into(),
                progress,
                now: T0 + 1,
            },
        );
        assert_eq!(
            next.active().is_some(),
            dismissed_shows_again,
            "{frequency}"
        );
    }
}

mod properties {
    use super::*;
    use proptest::prelude::*;

    fn apply(e: &mut Engine, input: u8, n: u64) {
        let none = parse("{}").expect("props");
        let big = parse(r#"{"size": 50, "recipients": 3}"#).expect("props");
        let _ = match input % 9 {
            0 => e.observe(event("Project Created", &none), T0 + n),
            1 => e.observe(event("Project Created", &big), T0 + n),
            2 => e.observe(event("Task Added", &none), T0 + n),
            3 => e.observe(Observed::Click("#invite"), T0 + n),
            4 => e.observe(Observed::Appeared(".chart"), T0 + n),
            5 => e.observe(Observed::Filled("#name"), T0 + n),
            6 => e.observe(event("Report Shared", &big), T0 + n),
            7 => e.complete("visit", T0 + n),
            _ => e.observe(Observed::Url("/app/reports"), T0 + n),
        };
    }

    proptest! {
        /// Any order of the same inputs ends with the same steps done (times aside), and
        /// repeating inputs changes nothing.
        #[test]
        fn any_interleaving_ends_in_the_same_progress(inputs in proptest::collection::vec(0u8..9, 0..30), seed in any::<u64>()) {
            let mut shuffled = inputs.clone();
            let mut rng = seed;
            for i in (1..shuffled.len()).rev() {
                rng = rng.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                shuffled.swap(i, (rng >> 33) as usize % (i + 1));
            }
            let mut a = engine();
            let mut b = engine();
            for (n, i) in inputs.iter().enumerate() { apply(&mut a, *i, n as u64); }
            for (n, i) in shuffled.iter().enumerate() { apply(&mut b, *i, n as u64); }
            let done = |e: &Engine| e.progress().done.keys().cloned().collect::<Vec<_>>();
            prop_assert_eq!(done(&a), done(&b));
            prop_assert_eq!(a.progress().wow_at.is_some(), b.progress().wow_at.is_some());
            let before = a.progress().done.clone();
            for (n, i) in inputs.iter().enumerate() { if *i != 2 { apply(&mut a, *i, 1000 + n as u64); } }
            prop_assert_eq!(&a.progress().done, &before, "completion is idempotent");
        }
    }
}
