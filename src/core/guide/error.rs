use crate::core::json::LineCol;
use core::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Severity {
    Error,
    Warning,
}

/// One finding about a guide file: where it is, what is wrong, how to fix it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub severity: Severity,
    /// Stable snake_case label of the kind of problem (`syntax`, `unknown_field`, `duplicate_id`…).
    pub code: &'static str,
    /// RFC 6901 JSON pointer; empty for the whole document.
    pub pointer: String,
    pub at: LineCol,
    pub message: String,
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_line(f, self.at, self.severity, &self.pointer, &self.message)
    }
}

/// `line:col: severity at pointer: message`: how a finding is printed, by the CLI and by the
/// widget, whether it holds the `Diagnostic` or only the validator's JSON of it.
pub fn write_line(
    out: &mut impl fmt::Write,
    at: LineCol,
    severity: Severity,
    pointer: &str,
    message: &str,
) -> fmt::Result {
    let pointer = if pointer.is_empty() { "/" } else { pointer };
    write!(out, "{at}: {} at {pointer}: {message}", severity.as_str())
}
