//! `cargo xtask bench events`: `track()`'s cost in Chromium beside an empty JavaScript
//! function, and bytes per event on the wire (bench/events.mjs), against the real collector.

use crate::util::{cargo, root, run as run_cmd};
use crate::{build, setup};
use anyhow::{bail, Result};
use std::process::Command;

pub fn run(args: &[String]) -> Result<()> {
    if !args.is_empty() {
        bail!("usage: cargo xtask bench events");
    }
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
