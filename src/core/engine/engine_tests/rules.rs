//! Who sees what: traits, the wow milestone, the holdout and frequency rules.

use super::*;

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
        e.dismiss("setup", DismissedBy::CloseButton, T0);
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
                showing: None,
            },
        );
        assert_eq!(
            next.active().is_some(),
            dismissed_shows_again,
            "{frequency}"
        );
    }
}
