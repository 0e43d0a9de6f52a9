//! The widget's side of the validator split. The page's module reads guide files without
//! judging them: a file that carries a matching stamp (`stamp.rs`) is read at once; any other
//! goes first to the validator, a module of its own that the page downloads only then, and
//! its verdict (the JSON of `validate()`) comes back here to be printed and obeyed.

use super::error::{write_line, Severity};
use super::model::GuideFile;
use super::stamp::{self, StampCheck};
use crate::core::json::{self, LineCol, Node};

/// The file, when its stamp matches and it reads without a single diagnostic.
pub fn read_stamped(text: &str) -> Option<GuideFile> {
    let root = json::parse(text).ok()?;
    if stamp::check(text, &root) != StampCheck::Matches {
        return None;
    }
    read_clean(&root)
}

/// The file, once the validator has passed it.
pub fn read_checked(text: &str) -> Option<GuideFile> {
    read_clean(&json::parse(text).ok()?)
}

/// The model straight from the generated readers: the validator (or `--stamp`) has already
/// passed the file, so the structural reader's recovery and messages stay in the validator.
fn read_clean(root: &Node) -> Option<GuideFile> {
    json::from_node::<GuideFile>(root).ok()
}

/// What the validator said about a file, as the widget prints and reports it.
#[derive(Debug, PartialEq)]
pub struct Verdict {
    /// The widget may use the file (it has no errors).
    pub ok: bool,
    /// Each diagnostic as one console line, `line:column: severity at pointer: message`,
    /// the form `Diagnostic`'s `Display` prints.
    pub lines: Vec<(Severity, String)>,
}

impl Verdict {
    /// Reads the JSON `validate()` resolves to; `None` when it is not that shape.
    pub fn from_json(text: &str) -> Option<Verdict> {
        let root = json::parse(text).ok()?;
        let ok = root.get("ok")?.as_bool()?;
        let json::Value::Array(items) = &root.get("diagnostics")?.value else {
            return None;
        };
        let lines = items.iter().map(line).collect::<Option<Vec<_>>>()?;
        Some(Verdict { ok, lines })
    }

    pub fn errors(&self) -> usize {
        self.lines
            .iter()
            .filter(|(s, _)| *s == Severity::Error)
            .count()
    }
}

fn line(d: &Node) -> Option<(Severity, String)> {
    let severity = match d.get("severity")?.as_str()? {
        "error" => Severity::Error,
        "warning" => Severity::Warning,
        _ => return None,
    };
    let number = |key| d.get(key)?.as_f64().map(|n| n as usize);
    let at = LineCol {
        line: number("line")?,
        col: number("column")?,
    };
    let (pointer, message) = (d.get("pointer")?.as_str()?, d.get("message")?.as_str()?);
    let mut text = String::new();
    write_line(&mut text, at, severity, pointer, message).ok()?;
    Some((severity, text))
}

#[cfg(test)]
mod tests;
