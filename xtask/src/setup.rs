//! Installs what the tasks need on a fresh machine, from the registries this project uses:
//! the wasm target (rustup), Node packages (npm: wasm-opt, the Chromium driver) and Debian's
//! Chromium. The bindings generator is a Cargo dependency of xtask, pinned to the widget's
//! wasm-bindgen version, so it needs no install.

use crate::util::{has, root, run};
use anyhow::{bail, Result};
use std::path::Path;
use std::process::Command;

pub const CHROMIUM: &str = "/usr/bin/chromium";

pub fn wasm_target() -> Result<()> {
    let installed = Command::new("rustup")
        .args(["target", "list", "--installed"])
        .output()?;
    if !String::from_utf8_lossy(&installed.stdout)
        .lines()
        .any(|l| l.trim() == "wasm32-unknown-unknown")
    {
        run(Command::new("rustup").args(["target", "add", "wasm32-unknown-unknown"]))?;
    }
    Ok(())
}

pub fn node_packages() -> Result<()> {
    if !has("npm") {
        bail!("npm is needed for wasm-opt, esbuild and the browser tests: install Node.js 18 or newer (Debian: apt-get install nodejs npm)");
    }
    let lock_newer = |dir: &Path| {
        let modified = |p: &Path| std::fs::metadata(p).and_then(|m| m.modified()).ok();
        modified(&root().join("package-lock.json")) > modified(&dir.join(".package-lock.json"))
    };
    let modules = root().join("node_modules");
    if !modules.join(".bin/wasm-opt").exists()
        || !modules.join(".bin/esbuild").exists()
        || !modules.join("playwright-core").exists()
        || lock_newer(&modules)
    {
        run(Command::new("npm").args(["ci", "--no-audit", "--no-fund", "--loglevel=error"]))?;
    }
    Ok(())
}

/// Debian's Chromium and ChromeDriver; installed with apt-get when missing and we are root.
pub fn chromium() -> Result<()> {
    if Path::new(CHROMIUM).exists() {
        return Ok(());
    }
    let root_user = Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| o.stdout.starts_with(b"0"));
    if !root_user {
        bail!("Chromium is missing: run `sudo apt-get install -y chromium chromium-driver`, then try again");
    }
    run(Command::new("apt-get").args(["update", "-qq"]))?;
    run(Command::new("apt-get")
        .args([
            "install",
            "-y",
            "-qq",
            "--no-install-recommends",
            "chromium",
            "chromium-driver",
        ])
        .env("DEBIAN_FRONTEND", "noninteractive"))
}
