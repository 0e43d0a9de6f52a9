//! The entry point: guide text in, the file and every diagnostic out.

use super::error::{Diagnostic, Severity};
use super::model::GuideFile;
use super::{structure, validate};
use crate::core::json::{self, LineIndex};

/// A guide file that was read, with everything found wrong or doubtful in it.
#[derive(Debug)]
pub struct Loaded {
    /// `None` when an error makes the file unusable; the widget then shows nothing.
    pub file: Option<GuideFile>,
    /// Errors and warnings, in the order found: syntax or structure first, then meaning.
    pub diagnostics: Vec<Diagnostic>,
}

impl Loaded {
    pub fn has_errors(&self) -> bool {
        self.diagnostics
            .iter()
            .any(|d| d.severity == Severity::Error)
    }
}

/// Parses and validates guide text. Never panics, whatever the input.
///
/// A syntax error stops everything (nothing after it can be trusted). Structural errors
/// (unknown fields, wrong types) are all reported; when removing the offending fields leaves
/// a readable file, its meaning is checked too, so one run shows as much as possible.
pub fn load(text: &str) -> Loaded {
    let index = LineIndex::new(text);
    let root = match json::parse(text) {
        Ok(node) => node,
        Err(e) => {
            let d = Diagnostic {
                severity: Severity::Error,
                code: "syntax",
                pointer: String::new(),
                at: index.line_col(e.offset),
                message: e.message,
            };
            return Loaded {
                file: None,
                diagnostics: vec![d],
            };
        }
    };
    let read = structure::read(&root, &index);
    let mut diagnostics = read.diagnostics;
    let structural_errors = !diagnostics.is_empty();
    let Some(file) = read.file else {
        return Loaded {
            file: None,
            diagnostics,
        };
    };
    diagnostics.extend(validate::validate(&file, &root, text, &index));
    let usable = !structural_errors && !diagnostics.iter().any(|d| d.severity == Severity::Error);
    Loaded {
        file: usable.then_some(file),
        diagnostics,
    }
}

#[cfg(test)]
mod tests;
