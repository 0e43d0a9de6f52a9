//! Short import names. wasm-bindgen names each import of the module `./wowpath_bg.js` /
//! `__wbg_<method>_<16 hex digits>`, and writes every name twice: in the module's import
//! section and as a key of the glue's import object. The hex digits barely compress, so the
//! names cost 4.4 KB brotli across the two files. Both sides are renamed here to `w` / `a`,
//! `b`, …, `aa`, … before wasm-opt and esbuild run.

use anyhow::{bail, Context, Result};

/// The module name wasm-bindgen gives the glue's imports, and the one written instead.
const GLUE_MODULE: &str = "./wowpath_bg.js";
const SHORT_MODULE: &str = "w";

/// Renames the glue's imports in `wasm` and the matching keys in the glue `js`.
pub fn shorten(wasm: &[u8], js: &str) -> Result<(Vec<u8>, String)> {
    let mut module = walrus::Module::from_buffer(wasm).context("reading the wasm module")?;
    let mut js = js.to_string();
    let mut renamed = 0;
    for import in module.imports.iter_mut() {
        if import.module != GLUE_MODULE {
            continue;
        }
        let short = short_name(renamed);
        // The key is written once, as `name:` in the import object; anything else means the
        // glue's shape changed and a blind replace could break it.
        let key = format!("{}:", import.name);
        match js.matches(&key).count() {
            1 => js = js.replacen(&key, &format!("{short}:"), 1),
            n => bail!("the glue has {n} keys `{key}`, expected exactly one"),
        }
        import.module = SHORT_MODULE.to_string();
        import.name = short;
        renamed += 1;
    }
    let object = format!("\"{GLUE_MODULE}\":");
    if renamed > 0 {
        match js.matches(&object).count() {
            1 => js = js.replacen(&object, &format!("{SHORT_MODULE}:"), 1),
            n => bail!("the glue names the module {object} {n} times, expected exactly one"),
        }
    }
    Ok((module.emit_wasm(), js))
}

/// `a` … `z`, `A` … `Z`, then `aa`, `ab`, …: valid JavaScript keys, shortest first.
fn short_name(mut index: usize) -> String {
    const LETTERS: &[u8] = b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
    let mut name = Vec::new();
    loop {
        name.push(LETTERS[index % LETTERS.len()]);
        index /= LETTERS.len();
        if index == 0 {
            break;
        }
        index -= 1;
    }
    name.reverse();
    String::from_utf8(name).unwrap_or_default()
}

#[cfg(test)]
mod tests;
