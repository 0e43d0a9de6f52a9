//! `--stamp`: writes the `checked` stamp into a file the validator passes.

use wowpath::core::guide::{load, stamp, Diagnostic, Severity};

/// Checks `text` (read from `path`) and stamps the file when it passes; the diagnostics are
/// those of the file as it will be, so an old stamp that is being replaced is not reported.
pub fn check_and_stamp(path: &str, text: &str, strict: bool) -> std::io::Result<Vec<Diagnostic>> {
    let mut diagnostics = load(text).diagnostics;
    diagnostics.retain(|d| !matches!(d.code, "stale_stamp" | "invalid_stamp"));
    let passes = !diagnostics
        .iter()
        .any(|d| d.severity == Severity::Error || strict);
    if !passes {
        eprintln!("wowpath: {path} was not stamped: fix what is reported first");
        return Ok(diagnostics);
    }
    let stamped = stamp::write(text).map_err(std::io::Error::other)?;
    if stamped != text {
        std::fs::write(path, stamped)?;
    }
    eprintln!(
        "wowpath: {path} is stamped: the widget reads it without its validator until it changes"
    );
    Ok(diagnostics)
}
