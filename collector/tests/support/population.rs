//! The onboarding story the dashboard tests read: three people through a two-step guide
//! (one reaches wow), a holdout, people who say no group, and the problems the widget reports.
#![allow(dead_code)]

use serde_json::{json, Value};

pub const DAY: i64 = 86_400_000;
/// Five days before the fixture's clock.
pub const T0: i64 = super::support::NOW_MS as i64 - 5 * DAY;

pub fn at(ms: i64) -> String {
    wowpath_collector::time::format_ms(ms)
}

pub fn track(id: &str, user: &str, event: &str, t: i64, props: Value) -> Value {
    json!({"type": "track", "messageId": id, "userId": user, "event": event, "timestamp": at(t), "properties": props})
}

pub fn population() -> Vec<Value> {
    let mut m = vec![
        json!({"type": "identify", "messageId": "i1", "userId": "ann", "timestamp": at(T0), "traits": {"plan": "team"}}),
        json!({"type": "group", "messageId": "g1", "userId": "ann", "groupId": "acme", "timestamp": at(T0), "traits": {"name": "Acme"}}),
        json!({"type": "identify", "messageId": "i2", "userId": "bob", "timestamp": at(T0), "traits": {"plan": "trial", "account": "globex"}}),
    ];
    for (user, steps, wow) in [("ann", 2, true), ("bob", 1, false), ("cat", 0, false)] {
        m.push(track(
            &format!("{user}-s"),
            user,
            "Onboarding Guide Started",
            T0,
            json!({"guide_id": "g", "guide_title": "Get going", "group": "treatment"}),
        ));
        for (i, step) in ["one", "two"].iter().enumerate().take(steps) {
            let t = T0 + (i as i64 + 1) * 60_000;
            m.push(track(
                &format!("{user}-{step}"),
                user,
                "Onboarding Step Completed",
                t,
                // Step `two` comes without a name, as from an app's own `track`.
                json!({"guide_id": "g", "step_id": step, "step_index": i, "group": "treatment",
                       "step_title": if *step == "one" { "Create a thing" } else { "" }}),
            ));
        }
        if wow {
            m.push(track(
                &format!("{user}-w"),
                user,
                "Onboarding Wow Reached",
                T0 + 600_000,
                json!({"time_to_wow_ms": 600_000, "group": "treatment"}),
            ));
        }
    }
    m.push(track(
        "dan-w",
        "dan",
        "Onboarding Wow Reached",
        T0,
        json!({"time_to_wow_ms": 1, "group": "holdout", "extra": [1, 2]}),
    ));
    m.push(track(
        "fay-g",
        "fay",
        "Onboarding Group Assigned",
        T0,
        json!({"group": "holdout"}),
    ));
    // Problems the widget reports: a tour anchor gone (twice for bob, counted once) and a
    // guide file refused.
    for id in ["bob-m1", "bob-m2"] {
        m.push(track(
            id,
            "bob",
            "Onboarding Target Missing",
            T0 + 30_000,
            json!({"guide_id": "g", "guide_title": "Get going", "step_id": "two", "selector": "#share",
                   "url": "/reports", "hidden_matches": 0, "group": "treatment"}),
        ));
    }
    m.push(track(
        "bob-again",
        "bob",
        "Onboarding Guide Replayed",
        T0 + 30_000,
        json!({"guide_id": "g", "guide_title": "Get going", "group": "treatment"}),
    ));
    m.push(track(
        "cat-bad",
        "cat",
        "Onboarding Guide Config Invalid",
        T0,
        json!({"source": "/guides.json", "errors": "1", "first_error": "guides[0].steps[1]: `anchor` is required"}),
    ));
    m.push(track(
        "odd",
        "eve",
        "Onboarding Step Completed",
        T0,
        json!({"step_id": 5}),
    ));
    m
}
