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
        let sev = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        let pointer = if self.pointer.is_empty() {
            "/"
        } else {
            &self.pointer
        };
        write!(f, "{}: {sev} at {pointer}: {}", self.at, self.message)
    }
}
