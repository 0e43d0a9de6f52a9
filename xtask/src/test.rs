//! `cargo xtask test`: every test, in layers: native (core, collector), then the browser and
//! end-to-end suites in headless Chromium against the real collector and the built widget.

use crate::util::{cargo, root, run as run_cmd};
use crate::{build, dist, setup};
use anyhow::{bail, Result};
use std::process::Command;

pub fn run(args: &[String]) -> Result<()> {
    if !args.is_empty() {
        bail!("usage: cargo xtask test");
    }
    setup::wasm_target()?;
    setup::node_packages()?;
    setup::chromium()?;

    eprintln!("\nxtask: native tests");
    run_cmd(cargo().args(["test", "--workspace"]))?;

    eprintln!("\nxtask: browser and end-to-end tests");
    let pkg = build::run()?;
    dist::check_ceiling(&pkg)?;
    let root = root();
    let collector = root.join("target/debug/wowpath-collector");
    run_cmd(
        Command::new("node")
            .args([
                "--test",
                "--test-concurrency=1",
                "--test-reporter=spec",
                "tests/schema/",
                "tests/browser/",
                "tests/e2e/",
            ])
            .env("WOWPATH_COLLECTOR", collector)
            .env("CHROMIUM", setup::CHROMIUM),
    )
}
