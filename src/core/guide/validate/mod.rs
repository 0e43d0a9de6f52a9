//! Semantic checks of a guide file that reads correctly: references, cycles, ranges, selectors,
//! URL patterns, texts, theme and translations. Every problem is collected, none stops the rest.

mod condition;
mod contrast;
mod file;
mod graph;
mod guide;
mod image;
mod locales;
mod schedule;
mod step;
mod values;

use super::error::{Diagnostic, Severity};
use super::model::GuideFile;
use super::structure::{key_offset, node_at};
use crate::core::json::{LineIndex, Node};
use crate::core::suggest::closest;

/// Where diagnostics go, with what is needed to place them in the source.
pub(super) struct Ctx<'a> {
    root: &'a Node,
    text: &'a str,
    index: &'a LineIndex<'a>,
    pub out: Vec<Diagnostic>,
}

impl<'a> Ctx<'a> {
    fn push(&mut self, severity: Severity, code: &'static str, pointer: &str, message: String) {
        let offset = self.offset(pointer);
        self.push_at(severity, code, pointer, offset, message);
    }

    fn push_at(
        &mut self,
        severity: Severity,
        code: &'static str,
        pointer: &str,
        offset: usize,
        message: String,
    ) {
        self.out.push(Diagnostic {
            severity,
            code,
            pointer: pointer.to_string(),
            at: self.index.line_col(offset),
            message,
        });
    }

    pub fn error(&mut self, code: &'static str, pointer: &str, message: String) {
        self.push(Severity::Error, code, pointer, message);
    }

    /// An error about an object key itself (a translation key that names nothing).
    pub fn error_at_key(&mut self, code: &'static str, pointer: &str, message: String) {
        let offset = key_offset(self.root, pointer).unwrap_or_else(|| self.offset(pointer));
        self.push_at(Severity::Error, code, pointer, offset, message);
    }

    pub fn warn(&mut self, code: &'static str, pointer: &str, message: String) {
        self.push(Severity::Warning, code, pointer, message);
    }

    /// Start of the value at `pointer`, or of the nearest enclosing value that exists.
    fn offset(&self, pointer: &str) -> usize {
        let mut p = pointer;
        loop {
            if let Some(node) = node_at(self.root, p) {
                return node.span.start;
            }
            match p.rsplit_once('/') {
                Some((parent, _)) => p = parent,
                None => return 0,
            }
        }
    }

    /// Whether the field is written in the source (as opposed to taking its default).
    pub fn written(&self, pointer: &str) -> bool {
        node_at(self.root, pointer).is_some()
    }

    /// The value at `pointer` as written in the source, e.g. `0.75` (numbers are quoted from
    /// the source, never formatted, so the widget carries no float formatter).
    pub fn source(&self, pointer: &str) -> &'a str {
        node_at(self.root, pointer)
            .and_then(|n| self.text.get(n.span.start..n.span.end))
            .unwrap_or("")
    }
}

/// "did you mean `x`?" when an id is close to a known one, otherwise a few of the known ids.
pub(super) fn suggest_id<'a>(id: &str, known: impl IntoIterator<Item = &'a str> + Clone) -> String {
    if let Some(c) = closest(id, known.clone()) {
        return format!("did you mean `{c}`?");
    }
    let listed: Vec<String> = known
        .into_iter()
        .take(6)
        .map(|k| format!("`{k}`"))
        .collect();
    match listed.len() {
        0 => "there is none to refer to".to_string(),
        _ => format!("known ids: {}", listed.join(", ")),
    }
}

pub(super) fn validate(
    file: &GuideFile,
    root: &Node,
    text: &str,
    index: &LineIndex<'_>,
) -> Vec<Diagnostic> {
    let mut ctx = Ctx {
        root,
        text,
        index,
        out: Vec::new(),
    };
    file::check(&mut ctx, file);
    for (g, guide) in file.guides.iter().enumerate() {
        guide::check(&mut ctx, file, g, guide);
    }
    graph::check(&mut ctx, file);
    locales::check(&mut ctx, file);
    ctx.out
}
