//! `cargo xtask bench <name>`: measurements printed beside a baseline taken in the same run.
//! Never part of `cargo xtask test`: timings are reported, not asserted.

mod engine;
mod guidance;

use crate::util::{cargo, run as run_cmd};
use anyhow::{bail, Result};

pub const NAMES: &str = "engine, guidance, collector, events, report";

pub fn run(args: &[String]) -> Result<()> {
    match args.first().map(String::as_str) {
        Some("engine") => engine::run(),
        Some("guidance") => guidance::run(),
        Some("collector") => crate::bench_collector::run_bench(args),
        Some("events") => crate::bench_events::run(&args[1..]),
        Some("report") => run_cmd(cargo().args([
            "bench",
            "--package",
            "wowpath-collector",
            "--bench",
            "report",
        ])),
        None => engine::run(),
        Some(other) => bail!("unknown benchmark `{other}`; choose one of: {NAMES}"),
    }
}
