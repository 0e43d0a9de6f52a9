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

/// Said when a web page came instead of the file. "expected a value" at 1:1 would be true, but
/// the cause is nearly always a wrong `guidesUrl` on a server that answers unknown paths (or a
/// login redirect) with an HTML page and status 200.
const HTML_INSTEAD: &str =
    "this looks like an HTML page, not a guide file's JSON; if it came from \
    `guidesUrl`, check that URL: many servers answer a missing file or an expired session with \
    a web page";

fn is_html(text: &str) -> bool {
    text.trim_start_matches('\u{feff}')
        .trim_start()
        .starts_with('<')
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
                message: if is_html(text) {
                    HTML_INSTEAD.to_string()
                } else {
                    e.message
                },
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
    let Some(file) = read.file.filter(|_| !read.stood_in) else {
        return Loaded {
            file: None,
            diagnostics,
        };
    };
    // A field removed to read on leaves its object incomplete: what is said about that object
    // or its other fields may only echo the first error, so it is left out.
    // A field read with the wrong type or value (`kind: "tooltop"`) also changes what its
    // siblings mean; an unknown field does not.
    let dropped: Vec<(String, bool)> = diagnostics
        .iter()
        .map(|d| (d.pointer.clone(), d.code != "unknown_field"))
        .collect();
    let echoes = |pointer: &str| {
        dropped.iter().any(|(d, siblings)| {
            let object = d.rsplit_once('/').map_or("", |(parent, _)| parent);
            let parent = pointer.rsplit_once('/').map_or("", |(parent, _)| parent);
            pointer == object || (*siblings && !object.is_empty() && parent == object)
        })
    };
    let semantic = validate::validate(&file, &root, text, &index);
    diagnostics.extend(semantic.into_iter().filter(|d| !echoes(&d.pointer)));
    let usable = !structural_errors && !diagnostics.iter().any(|d| d.severity == Severity::Error);
    Loaded {
        file: usable.then_some(file),
        diagnostics,
    }
}

#[cfg(test)]
mod tests;
