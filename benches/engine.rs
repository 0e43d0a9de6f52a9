//! The cost of one tracked event through the engine with 50 guides of 20 steps loaded, beside
//! a baseline that does no matching (the same events with no guides), in one process.
//! `cargo bench -p wowpath --bench engine` (or `cargo xtask bench engine`, which adds Chromium).

use std::hint::black_box;
use std::time::Instant;
use wowpath::core::engine::{Engine, Observed, Progress, Start, User};
use wowpath::core::guide::load;
use wowpath::core::json::parse;

const STEPS: usize = 20;
const EVENTS: usize = 10_000;

/// Every step completes on its own event with a property filter, so each tracked event is
/// compared with 1,000 conditions.
fn guide_file(guides: usize) -> String {
    let guides: Vec<String> = (0..guides)
        .map(|g| {
            let steps: Vec<String> = (0..STEPS)
                .map(|s| format!(r#"{{"id":"s{s}","title":"Step {s}","complete_when":{{"event":"Event {g}-{s}","where":{{"n":{{"gte":3}}}}}}}}"#))
                .collect();
            format!(r#"{{"id":"g{g}","title":"Guide {g}","target":{{"url":["/app/**"]}},"steps":[{}]}}"#, steps.join(","))
        })
        .collect();
    format!(r#"{{"version":1,"guides":[{}]}}"#, guides.join(","))
}

fn engine(guides: usize) -> Engine {
    let Some(file) = load(&guide_file(guides)).file else {
        panic!("unreachable: the generated guide file is valid")
    };
    let user = User {
        key: "u".into(),
        traits: None,
    };
    Engine::new(
        file,
        Start {
            project: "bench".into(),
            user,
            session: "s".into(),
            path: "/app/x".into(),
            progress: Progress::default(),
            now: 0,
            showing: None,
        },
    )
    .0
}

/// ns per event over `EVENTS` events: half name a step (but fail its filter), half are other
/// product events; the median of 7 runs.
fn per_event(guides: usize) -> f64 {
    let Ok(props) = parse(r#"{"n":1,"plan":"trial"}"#) else {
        panic!("unreachable: literal JSON")
    };
    let mut runs: Vec<f64> = (0..7)
        .map(|_| {
            let mut e = engine(guides);
            let t = Instant::now();
            for i in 0..EVENTS {
                let name = if i % 2 == 0 {
                    "Event 7-3"
                } else {
                    "Page Viewed"
                };
                black_box(e.observe(
                    Observed::Event {
                        name,
                        properties: Some(&props),
                    },
                    i as u64,
                ));
            }
            t.elapsed().as_nanos() as f64 / EVENTS as f64
        })
        .collect();
    runs.sort_by(f64::total_cmp);
    runs[3]
}

fn main() {
    let without = per_event(0);
    let with = per_event(50);
    println!("engine: one tracked event, 50 guides × {STEPS} steps loaded (native, release)");
    println!("{:<34} {:>12} {:>12}", "", "ns/event", "vs baseline");
    println!(
        "{:<34} {:>12.0} {:>12}",
        "no guides (baseline)", without, "1.0×"
    );
    println!(
        "{:<34} {:>12.0} {:>11.1}×",
        "1,000 conditions checked",
        with,
        with / without.max(1.0)
    );
}
