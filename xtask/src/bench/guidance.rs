//! The guidance on screen, on the demo app in Chromium, beside the same page without the widget
//! in the same run: init → first guide in the DOM and visible, step advance, main-thread time
//! while a step sits open, heap and wasm memory, bytes on the wire (tests/bench/guidance.mjs).

use crate::util::{root, run as run_cmd};
use crate::{build, setup};
use anyhow::Result;
use std::process::Command;

pub fn run() -> Result<()> {
    build::run()?;
    setup::chromium()?;
    run_cmd(Command::new("cargo").args(["build", "--package", "wowpath-collector"]))?;
    run_cmd(
        Command::new("node")
            .arg("tests/bench/guidance.mjs")
            .env(
                "WOWPATH_COLLECTOR",
                root().join("target/debug/wowpath-collector"),
            )
            .env("CHROMIUM", setup::CHROMIUM),
    )
}
