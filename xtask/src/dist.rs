//! Sizes of everything a page loads, raw and compressed, against the budget.

use crate::{build, util::root};
use anyhow::Result;
use std::io::Write;

/// Whole widget on the wire (wasm + JS + CSS, brotli), bytes.
pub const WIDGET_BUDGET: usize = 30 * 1024;
/// The inline snippet, brotli, bytes.
pub const SNIPPET_BUDGET: usize = 1024;
/// What a page that pastes the snippet loads, in order.
pub const LOADED: [&str; 4] = ["loader.js", "index.js", "wowpath.js", "wowpath_bg.wasm"];

pub struct Sizes {
    pub raw: usize,
    pub gzip: usize,
    pub brotli: usize,
}

pub fn sizes(bytes: &[u8]) -> Sizes {
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    let _ = gz.write_all(bytes);
    let gzip = gz.finish().map_or(0, |v| v.len());
    let mut br = Vec::new();
    let params = brotli::enc::BrotliEncoderParams {
        quality: 11,
        lgwin: 22,
        ..Default::default()
    };
    let _ = brotli::BrotliCompress(&mut &bytes[..], &mut br, &params);
    Sizes {
        raw: bytes.len(),
        gzip,
        brotli: br.len(),
    }
}

fn row(name: &str, s: &Sizes) {
    println!("{name:<28} {:>9} {:>9} {:>9}", s.raw, s.gzip, s.brotli);
}

pub fn run() -> Result<()> {
    let pkg = build::run()?;
    println!(
        "\n{:<28} {:>9} {:>9} {:>9}",
        "file (bytes)", "raw", "gzip -9", "brotli 11"
    );
    let mut total = Sizes {
        raw: 0,
        gzip: 0,
        brotli: 0,
    };
    for file in LOADED {
        let s = sizes(&std::fs::read(pkg.join(file))?);
        row(file, &s);
        total.raw += s.raw;
        total.gzip += s.gzip;
        total.brotli += s.brotli;
    }
    row("widget total", &total);
    let snippet = sizes(&std::fs::read(root().join("www/snippet.html"))?);
    row("snippet (www/snippet.html)", &snippet);
    println!();
    let verdict = |size: usize, budget: usize| if size <= budget { "within" } else { "OVER" };
    println!(
        "widget on the wire: {} B brotli, budget {} B: {}",
        total.brotli,
        WIDGET_BUDGET,
        verdict(total.brotli, WIDGET_BUDGET)
    );
    println!(
        "snippet:            {} B brotli, budget {} B: {}",
        snippet.brotli,
        SNIPPET_BUDGET,
        verdict(snippet.brotli, SNIPPET_BUDGET)
    );
    println!("baseline (peers, JS+CSS brotli): Driver.js 7.2 KB, Shepherd 15.0 KB, Intro.js 19.5 KB: tours only");
    Ok(())
}
