//! Guide files made at random from every part of the language, aiming at valid ones: scalars,
//! rules, conditions, the four step kinds, guides with targeting, and whole files with a
//! theme and translations.

use proptest::collection::{btree_map, vec};
use proptest::prelude::*;
use wowpath::core::guide::*;
use wowpath::core::sorted::SortedMap;

fn text() -> impl Strategy<Value = String> {
    "[A-Za-z][A-Za-z0-9 ,.!?'\"\\\\é中\n*-]{0,24}"
}

fn maybe<T: std::fmt::Debug + Clone>(
    s: impl Strategy<Value = T>,
) -> impl Strategy<Value = Option<T>> {
    prop::option::of(s)
}

/// Numbers written with few digits, as people write them (the reader is exact for those).
fn number() -> impl Strategy<Value = f64> {
    (-100_000i32..100_000).prop_map(|n| f64::from(n) / 100.0)
}

fn scalar() -> impl Strategy<Value = Scalar> {
    prop_oneof![
        any::<bool>().prop_map(Scalar::Bool),
        number().prop_map(Scalar::Number),
        text().prop_map(Scalar::String),
    ]
}

fn rule() -> impl Strategy<Value = Rule> {
    (
        maybe(scalar()),
        maybe(scalar()),
        maybe(vec(scalar(), 1..3)),
        maybe(scalar()),
        Just(Some(true)),
        maybe(number()),
        maybe(number()),
        (0u32..30).prop_map(f64::from),
    )
        .prop_map(
            |(equals, not_equals, one_of, contains, exists, gt, lte, days)| Rule {
                equals,
                not_equals,
                one_of,
                contains,
                exists,
                gt,
                gte: None,
                lt: None,
                lte: gt
                    .and(lte)
                    .filter(|l| gt.is_some_and(|g| *l > g))
                    .or(lte.filter(|_| gt.is_none())),
                within_days: Some(days),
                older_than_days: None,
            },
        )
}

fn rules() -> impl Strategy<Value = SortedMap<Rule>> {
    btree_map("[a-z_]{1,8}", rule(), 0..3).prop_map(|m| m.into_iter().collect())
}

fn condition() -> impl Strategy<Value = Condition> {
    prop_oneof![
        (text(), rules(), maybe(1u32..5)).prop_map(|(e, filters, count)| Condition {
            event: Some(e),
            filters,
            count,
            ..Default::default()
        }),
        Just(Condition {
            click: Some("#save".into()),
            ..Default::default()
        }),
        Just(Condition {
            url: Some("/team/*".into()),
            ..Default::default()
        }),
        Just(Condition {
            appears: Some("[data-wow=done]".into()),
            ..Default::default()
        }),
        Just(Condition {
            filled: Some("input[name=email]".into()),
            ..Default::default()
        }),
        Just(Condition {
            manual: true,
            ..Default::default()
        }),
    ]
}

fn step(i: usize) -> impl Strategy<Value = Step> {
    let kinds = prop_oneof![
        Just(StepKind::Checklist),
        Just(StepKind::Tooltip),
        Just(StepKind::Hotspot),
        Just(StepKind::Modal)
    ];
    (
        kinds,
        text(),
        maybe(text()),
        maybe(condition()),
        vec((text(), 0usize..4), 0..3),
        any::<bool>(),
        0..=i,
    )
        .prop_map(
            move |(kind, title, body, complete_when, buttons, flag, req)| {
                let anchored = matches!(kind, StepKind::Tooltip | StepKind::Hotspot);
                Step {
                    id: format!("s{i}"),
                    kind,
                    title: title.clone(),
                    body,
                    // Pictures only where they are shown, with and without a size.
                    image: (kind != StepKind::Checklist).then(|| Image {
                        src: "/img/step.png".into(),
                        alt: title.clone(),
                        width: flag.then_some(640),
                        height: flag.then_some(360),
                    }),
                    anchor: anchored.then(|| "#view > h1".to_string()),
                    placement: if anchored && flag {
                        Placement::LeftEnd
                    } else {
                        Placement::default()
                    },
                    spotlight: anchored.then_some(flag),
                    click_through: !anchored || flag,
                    url: flag.then(|| "/app/**".to_string()),
                    wait_ms: anchored.then_some(2500),
                    buttons: buttons
                        .into_iter()
                        .map(|(label, a)| {
                            let action =
                                [Action::Next, Action::Back, Action::Dismiss, Action::GoToUrl][a];
                            Button {
                                label,
                                action,
                                url: (action == Action::GoToUrl).then(|| "/reports".into()),
                                guide: None,
                            }
                        })
                        .collect(),
                    requires: if req < i {
                        vec![format!("s{req}")]
                    } else {
                        vec![]
                    },
                    complete_when,
                }
            },
        )
}

fn guide(g: usize) -> impl Strategy<Value = Guide> {
    let steps = (1usize..4).prop_flat_map(|n| (0..n).map(step).collect::<Vec<_>>());
    let freq = prop_oneof![
        Just(Frequency::Once),
        Just(Frequency::UntilCompleted),
        Just(Frequency::EverySession)
    ];
    (
        text(),
        -5i32..5,
        freq,
        any::<bool>(),
        rules(),
        steps,
        maybe(1u32..60),
    )
        .prop_map(
            move |(title, priority, frequency, flag, traits, steps, days)| Guide {
                id: format!("g{g}"),
                title,
                priority,
                frequency,
                dismissible: flag,
                target: Target {
                    url: if flag {
                        vec!["/".into(), "/app/**".into()]
                    } else {
                        vec![]
                    },
                    traits,
                    signed_up_within_days: days.map(f64::from),
                },
                start: if flag {
                    Start {
                        event: Some("Signed In".into()),
                        ..Default::default()
                    }
                } else {
                    Start::default()
                },
                schedule: days.map(|d| Schedule {
                    from: Some(format!("2026-01-{:02}", d % 28 + 1)),
                    until: flag.then(|| "2027-06-30T18:00:00+02:00".into()),
                }),
                requires: if g > 0 && flag {
                    vec!["g0".into()]
                } else {
                    vec![]
                },
                variants: if flag {
                    vec![
                        Variant {
                            id: "a".into(),
                            weight: 1,
                            steps: None,
                        },
                        Variant {
                            id: "b".into(),
                            weight: 3,
                            steps: Some(steps.iter().map(|s| s.id.clone()).collect()),
                        },
                    ]
                } else {
                    vec![]
                },
                steps,
            },
        )
}

pub fn file() -> impl Strategy<Value = GuideFile> {
    let guides = (1usize..3).prop_flat_map(|n| (0..n).map(guide).collect::<Vec<_>>());
    (guides, 0u32..50, maybe(0u32..=32), any::<bool>(), text()).prop_map(
        |(guides, holdout, radius, flag, translation)| {
            let mut locales = SortedMap::new();
            if flag {
                let strings: SortedMap<String> = [("g0.title".to_string(), translation)].into();
                locales.insert("fr".to_string(), strings.clone());
                locales.insert("ar".to_string(), strings);
            }
            GuideFile {
                schema: flag.then(|| "../schema/guides.schema.json".into()),
                // Read, not judged, by both readers: a made-up stamp is only a warning.
                checked: flag.then(|| "wowpath:0123456789abcdef".into()),
                version: 1,
                wow: Some(if flag {
                    Wow {
                        step: Some("g0/s0".into()),
                        ..Default::default()
                    }
                } else {
                    Wow {
                        event: Some("Report Shared".into()),
                        filters: SortedMap::new(),
                        step: None,
                    }
                }),
                holdout: f64::from(holdout) / 100.0,
                cooldown_minutes: holdout,
                signup_trait: flag.then(|| "signed_up_at".into()),
                theme: Theme {
                    accent: Some("#5b5bd6".into()),
                    radius,
                    font: flag.then(|| "Inter, sans-serif".into()),
                    ..Default::default()
                },
                default_locale: flag.then(|| "en".into()),
                locales,
                guides,
            }
        },
    )
}
