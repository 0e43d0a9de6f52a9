//! The compressed twins of the files a page loads (`x.br` and `x.gz` beside `x`): a static
//! server that serves precompressed files (the collector, nginx's `brotli_static` and
//! `gzip_static`, most CDNs) then sends the widget at the size `dist` reports, without
//! compressing it on every request or at a lower quality.

use anyhow::{Context, Result};
use std::io::Write;
use std::path::Path;

/// The files of pkg/ a page may load from the snippet, the ones given twins: the widget, and the
/// validator it downloads for a guide file without a matching stamp.
pub const SERVED: [&str; 4] = [
    "wowpath_bg.wasm",
    "loader.js",
    "wowpath_check_bg.wasm",
    "wowpath_check.js",
];
const TWINS: [&str; 2] = ["br", "gz"];

pub fn gzip(bytes: &[u8]) -> std::io::Result<Vec<u8>> {
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    gz.write_all(bytes)?;
    gz.finish()
}

pub fn brotli(bytes: &[u8]) -> std::io::Result<Vec<u8>> {
    let mut out = Vec::new();
    let params = brotli::enc::BrotliEncoderParams {
        quality: 11,
        lgwin: 22,
        ..Default::default()
    };
    brotli::BrotliCompress(&mut &bytes[..], &mut out, &params)?;
    Ok(out)
}

/// Removes the twins of an earlier build first, so a build that stops half-way never leaves a
/// twin that no longer matches its file (servers would send the stale one).
pub fn remove_twins(pkg: &Path) {
    for file in SERVED {
        for ext in TWINS {
            let _ = std::fs::remove_file(pkg.join(format!("{file}.{ext}")));
        }
    }
}

pub fn write_twins(pkg: &Path) -> Result<()> {
    for file in SERVED {
        let path = pkg.join(file);
        let bytes = std::fs::read(&path).with_context(|| format!("reading {}", path.display()))?;
        for (ext, packed) in [("br", brotli(&bytes)), ("gz", gzip(&bytes))] {
            let twin = pkg.join(format!("{file}.{ext}"));
            let packed = packed.with_context(|| format!("compressing {}", path.display()))?;
            std::fs::write(&twin, packed).with_context(|| format!("writing {}", twin.display()))?;
        }
    }
    Ok(())
}
