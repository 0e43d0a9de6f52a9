//! `cargo xtask demo`: build the widget, then serve the demo app and the collector.

use crate::util::{cargo, root, run as run_cmd};
use crate::{build, setup};
use anyhow::{bail, Result};
use std::process::Command;

pub fn run(args: &[String]) -> Result<()> {
    let port = match args {
        [] => "8080".to_string(),
        [flag, port] if flag == "--port" => port.clone(),
        _ => bail!("usage: cargo xtask demo [--port N]"),
    };
    setup::wasm_target()?;
    build::run()?;
    run_cmd(cargo().args(["build", "--release", "--package", "wowpath-collector"]))?;
    let root = root();
    println!("\nwowpath demo: open http://127.0.0.1:{port}/ (Ctrl-C stops it)\n");
    run_cmd(
        Command::new(root.join("target/release/wowpath-collector")).args([
            "--addr",
            &format!("127.0.0.1:{port}"),
            "--db",
            "wowpath-demo.db",
            "--www",
            "www",
            "--pkg",
            "pkg",
        ]),
    )
}
