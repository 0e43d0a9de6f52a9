//! The cost of one tracked event through the engine with 50 guides of 20 steps loaded, natively
//! (benches/engine.rs, release build) and in Chromium (tests/bench/engine.mjs), each beside a
//! baseline with no guides loaded, measured in the same run.

use crate::util::{cargo, root, run as run_cmd};
use crate::{build, setup};
use anyhow::Result;
use std::process::Command;

pub fn run() -> Result<()> {
    run_cmd(cargo().args(["bench", "--package", "wowpath", "--bench", "engine"]))?;
    build::run()?;
    setup::chromium()?;
    run_cmd(cargo().args(["build", "--package", "wowpath-collector"]))?;
    let collector = root().join("target/debug/wowpath-collector");
    run_cmd(
        Command::new("node")
            .arg("tests/bench/engine.mjs")
            .env("WOWPATH_COLLECTOR", collector),
    )
}
