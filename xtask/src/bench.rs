//! `cargo xtask bench <what>`: measurements printed beside a baseline taken in the same run.

use crate::util::{cargo, root, run as run_cmd};
use crate::{build, setup};
use anyhow::{bail, Result};
use std::process::Command;

const USAGE: &str = "usage: cargo xtask bench events";

pub fn run(args: &[String]) -> Result<()> {
    match args {
        [what] if what == "events" => events(),
        _ => bail!(USAGE),
    }
}

/// `track()`'s cost in Chromium beside an empty JavaScript function, and bytes per event on
/// the wire (bench/events.mjs), against the real collector.
fn events() -> Result<()> {
    setup::wasm_target()?;
    setup::node_packages()?;
    setup::chromium()?;
    build::run()?;
    run_cmd(cargo().args(["build", "-p", "wowpath-collector"]))?;
    run_cmd(
        Command::new("node")
            .arg("bench/events.mjs")
            .env(
                "WOWPATH_COLLECTOR",
                root().join("target/debug/wowpath-collector"),
            )
            .env("CHROMIUM", setup::CHROMIUM),
    )
}
