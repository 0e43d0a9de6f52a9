//! What the dashboard's report costs over many stored events: `report()` (people, funnels per
//! variant, time to wow, the experiment, stuck users, problems, titles) beside a baseline that
//! only parses each row's JSON, which any report must do, in one process.
//! `cargo bench -p wowpath-collector --bench report` (or `cargo xtask bench report`).

use serde_json::{json, Value};
use std::hint::black_box;
use std::time::Instant;
use wowpath_collector::stats::{report, Filters};
use wowpath_collector::store::EventRow;

const STEPS: [(&str, &str); 3] = [
    ("create-project", "Create your first project"),
    ("invite-teammate", "Invite a teammate"),
    ("share-report", "Share your first report"),
];

/// The widget's events for `people` people: a group, a guide started, its steps viewed and
/// completed with some drop-off, a dismissal or a replay now and then, a wow for some.
fn rows(people: usize) -> Vec<EventRow> {
    let mut out = Vec::new();
    let mut push = |user: &str, event: &str, t: i64, properties: Value| {
        let raw =
            json!({"type": "track", "userId": user, "event": event, "properties": properties});
        out.push(EventRow {
            kind: "track".into(),
            event: Some(event.into()),
            user_id: Some(user.into()),
            anonymous_id: None,
            time_ms: t,
            client_ms: Some(t),
            raw: raw.to_string(),
        });
    };
    for p in 0..people {
        let user = format!("user-{p}");
        let group = if p % 10 == 0 { "holdout" } else { "treatment" };
        let variant = if p % 2 == 0 { "short" } else { "full" };
        let guide = json!({"guide_id": "first-project", "guide_title": "Get started", "variant": variant, "group": group});
        let mut t = 1_795_000_000_000 + (p as i64) * 60_000;
        push(
            &user,
            "Onboarding Group Assigned",
            t,
            json!({"group": group}),
        );
        if group == "holdout" {
            continue;
        }
        push(&user, "Onboarding Guide Started", t, guide.clone());
        for (i, (step, title)) in STEPS.iter().enumerate() {
            let mut props = guide.clone();
            props["step_id"] = json!(step);
            props["step_title"] = json!(title);
            props["step_index"] = json!(i);
            push(&user, "Onboarding Step Viewed", t, props.clone());
            if (p + i) % 4 == 0 {
                push(&user, "Onboarding Guide Dismissed", t + 1_000, props);
                break;
            }
            t += 120_000;
            push(&user, "Onboarding Step Completed", t, props);
        }
        if p % 7 == 0 {
            push(&user, "Onboarding Guide Replayed", t + 5_000, guide.clone());
        }
        if p % 3 == 0 {
            push(
                &user,
                "Onboarding Wow Reached",
                t + 10_000,
                json!({"time_to_wow_ms": 600_000, "group": group}),
            );
        }
    }
    out
}

/// Median ms of 5 runs of `f`.
fn median_ms(mut f: impl FnMut()) -> f64 {
    let mut runs: Vec<f64> = (0..5)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed().as_secs_f64() * 1e3
        })
        .collect();
    runs.sort_by(f64::total_cmp);
    runs[2]
}

fn main() {
    println!("report over stored events (median of 5 runs, release build)");
    println!(
        "{:>8} {:>10} {:>16} {:>16}",
        "people", "events", "parse only (ms)", "report() (ms)"
    );
    for people in [1_000, 10_000, 50_000] {
        let rows = rows(people);
        let parse = median_ms(|| {
            for r in &rows {
                black_box(serde_json::from_str::<Value>(&r.raw).ok());
            }
        });
        let full = median_ms(|| {
            black_box(report(&rows, Filters::at(1_800_000_000_000)));
        });
        println!("{people:>8} {:>10} {parse:>16.1} {full:>16.1}", rows.len());
    }
}
