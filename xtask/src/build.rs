//! Builds the widget and its validator into pkg/: release wasm → bindings → wasm-opt → the JS,
//! bundled and minified.

use crate::util::{cargo, root, run as run_cmd};
use crate::{compress, setup};
use anyhow::{Context, Result};
use std::path::{Path, PathBuf};
use std::process::Command;

/// Files of pkg/ written by hand (src/js), copied as they are.
const COPIED: [&str; 2] = ["index.d.ts", "package.json"];
/// Entry points bundled with the bindings' glue (wowpath.js) into one minified file each:
/// loader.js for the snippet (one request instead of three chained module imports) and
/// index.js for `import * as wowpath from 'wowpath'`.
const BUNDLED: [&str; 2] = ["loader.js", "index.js"];
/// The validator module's glue, minified on its own.
const VALIDATOR_GLUE: &str = "wowpath_check.js";

/// The two modules, by the name their files take: the widget, and the guide-file validator it
/// downloads only for a file without a matching stamp (the crate's `validator` feature).
const MODULES: [(&str, &[&str]); 2] = [
    ("wowpath", &[]),
    ("wowpath_check", &["--features", "validator"]),
];

pub fn run() -> Result<PathBuf> {
    setup::wasm_target()?;
    setup::node_packages()?;
    let root = root();
    let bindgen_out = root.join("target/bindgen");
    std::fs::create_dir_all(&bindgen_out)?;
    let pkg = root.join("pkg");
    std::fs::create_dir_all(&pkg)?;
    compress::remove_twins(&pkg);
    for (name, features) in MODULES {
        let wasm = compile(name, features)?;
        eprintln!("xtask: generating bindings for {}", wasm.display());
        wasm_bindgen_cli_support::Bindgen::new()
            .input_path(&wasm)
            .web(true)?
            .typescript(false)
            .omit_default_module_path(false)
            .generate(&bindgen_out)
            .context("wasm-bindgen failed")?;
        shorten_imports(&bindgen_out, name)?;
        let module = format!("{name}_bg.wasm");
        optimize(&bindgen_out.join(&module), &pkg.join(&module))?;
    }
    for file in COPIED {
        std::fs::copy(root.join("src/js").join(file), pkg.join(file))
            .with_context(|| format!("copying src/js/{file}"))?;
    }
    bundle(&bindgen_out, &pkg)?;
    compress::write_twins(&pkg)?;
    eprintln!("xtask: the widget is in {}", pkg.display());
    Ok(pkg)
}

/// The crate built for the web with `features`, copied to `target/modules/{name}.wasm` (both
/// builds write the same file, and the bindings take their names from the input's).
fn compile(name: &str, features: &[&str]) -> Result<PathBuf> {
    let root = root();
    run_cmd(
        cargo()
            .args([
                "build",
                "--lib",
                "--profile",
                "wasm",
                "--target",
                "wasm32-unknown-unknown",
                "--package",
                "wowpath",
            ])
            .args(features),
    )?;
    let modules = root.join("target/modules");
    std::fs::create_dir_all(&modules)?;
    let wasm = modules.join(format!("{name}.wasm"));
    std::fs::copy(
        root.join("target/wasm32-unknown-unknown/wasm/wowpath.wasm"),
        &wasm,
    )?;
    Ok(wasm)
}

/// Renames the module's glue imports and the glue's keys to match, in place (imports.rs).
fn shorten_imports(bindgen_out: &Path, name: &str) -> Result<()> {
    let (wasm_path, js_path) = (
        bindgen_out.join(format!("{name}_bg.wasm")),
        bindgen_out.join(format!("{name}.js")),
    );
    let (wasm, js) = crate::imports::shorten(
        &std::fs::read(&wasm_path)?,
        &std::fs::read_to_string(&js_path)?,
    )
    .context("shortening the import names")?;
    std::fs::write(&wasm_path, wasm)?;
    std::fs::write(&js_path, js)?;
    Ok(())
}

/// The hand-written modules beside the generated glue, then one esbuild bundle per entry. The
/// validator's glue stays a file of its own, imported only when a guide file needs it.
fn bundle(bindgen_out: &Path, pkg: &Path) -> Result<()> {
    let sources = root().join("target/js");
    std::fs::create_dir_all(&sources)?;
    for glue in ["wowpath.js", VALIDATOR_GLUE] {
        std::fs::copy(bindgen_out.join(glue), sources.join(glue))?;
    }
    for file in BUNDLED {
        std::fs::copy(root().join("src/js").join(file), sources.join(file))
            .with_context(|| format!("copying src/js/{file}"))?;
    }
    // pkg/ of an older build may still hold the separate glue; nothing imports it now.
    let _ = std::fs::remove_file(pkg.join("wowpath.js"));
    let esbuild = root().join("node_modules/.bin/esbuild");
    for file in BUNDLED.iter().chain([&VALIDATOR_GLUE]) {
        run_cmd(
            Command::new(&esbuild)
                .arg(sources.join(file))
                .arg(format!("--outfile={}", pkg.join(file).display()))
                .arg(format!("--external:./{VALIDATOR_GLUE}"))
                .args([
                    "--bundle",
                    "--format=esm",
                    "--minify",
                    "--legal-comments=none",
                    "--log-level=warning",
                ]),
        )?;
    }
    Ok(())
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
                // Measured on this widget (brotli): --converge saves ~0.1 KB; --low-memory-unused
                // ~0.35 KB. The latter is sound here: rustc links wasm with the stack first, so
                // the lowest 1 KB is the far end of a 1 MB stack that the widget never reaches.
                "-Oz",
                "--converge",
                "--low-memory-unused",
                // wasm-opt inlines every function that has a single caller, whatever its size,
                // by default. Keeping the larger ones apart saves ~3.6 KB brotli (their locals
                // are numbered alike, so their code repeats), with the first visit unchanged;
                // the sizes in 15..=30 all measured within 0.2 KB of each other.
                "--one-caller-inline-max-function-size",
                "25",
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
