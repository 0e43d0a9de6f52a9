//! The cost of one tracked event through the engine with 50 guides of 20 steps loaded, natively
//! and in Chromium, beside a baseline that does no matching (the same input with no guides).

use super::median;
use crate::util::{root, run as run_cmd};
use crate::{build, setup};
use anyhow::Result;
use std::hint::black_box;
use std::process::Command;
use std::time::Instant;
use wowpath::core::engine::{Engine, Observed, Progress, Start, User};
use wowpath::core::guide::load;
use wowpath::core::json::parse;

const GUIDES: usize = 50;
const STEPS: usize = 20;
const EVENTS: usize = 10_000;

/// A guide file of `guides` guides with `STEPS` steps each; every step completes on its own
/// event with a property filter, so every tracked event is matched against 1,000 conditions.
pub fn guide_file(guides: usize) -> String {
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
    let file = load(&guide_file(guides))
        .file
        .unwrap_or_else(|| panic!("unreachable: the generated guide file is valid"));
    let start = Start {
        project: "bench".into(),
        user: User {
            key: "u".into(),
            traits: None,
        },
        session: "s".into(),
        path: "/app/x".into(),
        progress: Progress::default(),
        now: 0,
    };
    Engine::new(file, start).0
}

/// ns per tracked event, over `EVENTS` events that match no step (the common case: most
/// events a product tracks are not onboarding conditions), median of 7 runs.
fn native(guides: usize) -> f64 {
    let props =
        parse(r#"{"n":1,"plan":"trial"}"#).unwrap_or_else(|_| panic!("unreachable: literal JSON"));
    let runs = (0..7)
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
    median(runs)
}

pub fn run() -> Result<()> {
    let with = native(GUIDES);
    let without = native(0);
    println!("engine: one tracked event, {GUIDES} guides × {STEPS} steps loaded");
    println!("{:<34} {:>12} {:>12}", "", "ns/event", "vs baseline");
    println!(
        "{:<34} {:>12.0} {:>12}",
        "native, no guides (baseline)", without, "1.0×"
    );
    println!(
        "{:<34} {:>12.0} {:>11.1}×",
        "native, 1,000 steps matched",
        with,
        with / without.max(1.0)
    );
    build::run()?;
    setup::chromium()?;
    let collector = root().join("target/debug/wowpath-collector");
    run_cmd(Command::new("cargo").args(["build", "--package", "wowpath-collector"]))?;
    run_cmd(
        Command::new("node")
            .arg("tests/bench/engine.mjs")
            .env("WOWPATH_COLLECTOR", collector),
    )
}
