//! Reading a guide file from disk. Bytes that are not UTF-8 are a problem of the file, reported
//! where they are like any other, not a failure of the command.

use wowpath::core::guide::{Diagnostic, Severity};
use wowpath::core::json::LineIndex;

/// The file's text, or the diagnostic saying where it stops being UTF-8.
pub fn guide_file(path: &str) -> std::io::Result<Result<String, Diagnostic>> {
    let bytes = std::fs::read(path)?;
    Ok(String::from_utf8(bytes).map_err(|e| {
        let good = e.utf8_error().valid_up_to();
        let bytes = e.as_bytes();
        let prefix = std::str::from_utf8(&bytes[..good]).unwrap_or_default();
        Diagnostic {
            severity: Severity::Error,
            code: "encoding",
            pointer: String::new(),
            at: LineIndex::new(prefix).line_col(good),
            message: format!(
                "the file is not UTF-8: byte 0x{:02X} here begins no UTF-8 character (an editor \
                 saving in Latin-1 or Windows-1252 does this); save it as UTF-8, the encoding JSON \
                 requires",
                bytes.get(good).copied().unwrap_or_default()
            ),
        }
    }))
}
