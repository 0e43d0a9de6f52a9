//! Builds the widget into pkg/: release wasm → bindings → wasm-opt → the hand-written JS.

use crate::setup;
use crate::util::{cargo, root, run as run_cmd};
use anyhow::{Context, Result};
use std::path::PathBuf;
use std::process::Command;

/// Files of pkg/ written by hand (src/js), copied as they are.
const HAND_WRITTEN: [&str; 4] = ["index.js", "loader.js", "index.d.ts", "package.json"];

pub fn run() -> Result<PathBuf> {
    setup::wasm_target()?;
    setup::node_packages()?;
    let root = root();
    run_cmd(cargo().args([
        "build",
        "--lib",
        "--profile",
        "wasm",
        "--target",
        "wasm32-unknown-unknown",
        "--package",
        "wowpath",
    ]))?;
    let wasm = root.join("target/wasm32-unknown-unknown/wasm/wowpath.wasm");

    let bindgen_out = root.join("target/bindgen");
    std::fs::create_dir_all(&bindgen_out)?;
    eprintln!("xtask: generating bindings for {}", wasm.display());
    wasm_bindgen_cli_support::Bindgen::new()
        .input_path(&wasm)
        .web(true)?
        .typescript(false)
        .omit_default_module_path(false)
        .generate(&bindgen_out)
        .context("wasm-bindgen failed")?;

    let pkg = root.join("pkg");
    std::fs::create_dir_all(&pkg)?;
    optimize(
        &bindgen_out.join("wowpath_bg.wasm"),
        &pkg.join("wowpath_bg.wasm"),
    )?;
    std::fs::copy(bindgen_out.join("wowpath.js"), pkg.join("wowpath.js"))?;
    for file in HAND_WRITTEN {
        std::fs::copy(root.join("src/js").join(file), pkg.join(file))
            .with_context(|| format!("copying src/js/{file}"))?;
    }
    eprintln!("xtask: the widget is in {}", pkg.display());
    Ok(pkg)
}

/// wasm-opt from npm's binaryen 132: Debian's older binaryen produces a module that fails at
/// run time with this compiler's output, so it is never used.
fn optimize(input: &PathBuf, output: &PathBuf) -> Result<()> {
    let wasm_opt = root().join("node_modules/.bin/wasm-opt");
    run_cmd(
        Command::new(wasm_opt)
            .arg(input)
            .arg("-o")
            .arg(output)
            .args([
                "-Oz",
                "--strip-debug",
                "--strip-producers",
                "--enable-bulk-memory",
                "--enable-sign-ext",
                "--enable-nontrapping-float-to-int",
                "--enable-reference-types",
                "--enable-multivalue",
                "--enable-mutable-globals",
            ]),
    )
}
