//! `cargo xtask bench collector`: the collector's ingest benchmark (release build, loopback,
//! durable commits) beside a raw SQLite insert loop measured in the same run.

use crate::util::{cargo, run};
use anyhow::{bail, Result};

pub fn run_bench(args: &[String]) -> Result<()> {
    match args.first().map(String::as_str) {
        Some("collector") => {
            run(cargo().args(["bench", "-p", "wowpath-collector", "--bench", "ingest"]))
        }
        _ => bail!("usage: cargo xtask bench collector"),
    }
}
