//! `cargo xtask schema`: writes schema/guides.schema.json from the guide model, through the
//! CLI's `wowpath schema` (the schema generator is a feature of the core crate that only native
//! tools turn on).

use crate::util::{cargo, root};
use anyhow::{bail, Context, Result};

pub fn run() -> Result<()> {
    let out = cargo()
        .args(["run", "--quiet", "--package", "wowpath-cli", "--", "schema"])
        .current_dir(root())
        .output()
        .context("could not run `wowpath schema`")?;
    if !out.status.success() {
        bail!(
            "`wowpath schema` failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let path = root().join("schema/guides.schema.json");
    std::fs::create_dir_all(root().join("schema"))?;
    std::fs::write(&path, &out.stdout).with_context(|| format!("writing {}", path.display()))?;
    eprintln!("xtask: wrote {}", path.display());
    Ok(())
}
