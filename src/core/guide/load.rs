use super::error::{Diagnostic, Severity};
use super::model::{GuideFile, FORMAT_VERSION};
use crate::core::json::{self, LineIndex, Node};
use std::collections::BTreeSet;

/// A guide file that was read, with everything found wrong or doubtful in it.
#[derive(Debug)]
pub struct Loaded {
    /// `None` when an error makes the file unusable; the widget then shows nothing.
    pub file: Option<GuideFile>,
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
pub fn load(text: &str) -> Loaded {
    let index = LineIndex::new(text);
    let node = match json::parse(text) {
        Ok(node) => node,
        Err(e) => {
            let d = diagnostic(&index, "syntax", String::new(), e.offset, e.message);
            return Loaded {
                file: None,
                diagnostics: vec![d],
            };
        }
    };
    let file: GuideFile = match json::from_node(&node) {
        Ok(file) => file,
        Err(e) => {
            let code = if e.message.starts_with("unknown field") {
                "unknown_field"
            } else if e.message.starts_with("missing field") {
                "missing_field"
            } else {
                "invalid_type"
            };
            let d = diagnostic(&index, code, e.pointer, e.span.start, e.message);
            return Loaded {
                file: None,
                diagnostics: vec![d],
            };
        }
    };
    let diagnostics = validate(&file, &node, &index);
    let file = if diagnostics.iter().any(|d| d.severity == Severity::Error) {
        None
    } else {
        Some(file)
    };
    Loaded { file, diagnostics }
}

fn diagnostic(
    index: &LineIndex<'_>,
    code: &'static str,
    pointer: String,
    offset: usize,
    message: String,
) -> Diagnostic {
    Diagnostic {
        severity: Severity::Error,
        code,
        pointer,
        at: index.line_col(offset),
        message,
    }
}

/// Offset of the value at `pointer` in the parsed tree (the document start if it is not there).
fn offset_of(root: &Node, pointer: &str) -> usize {
    let mut node = root;
    for seg in pointer.split('/').skip(1) {
        let next = match &node.value {
            json::Value::Array(items) => seg.parse::<usize>().ok().and_then(|i| items.get(i)),
            _ => node.get(seg),
        };
        match next {
            Some(n) => node = n,
            None => break,
        }
    }
    node.span.start
}

fn validate(file: &GuideFile, root: &Node, index: &LineIndex<'_>) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let mut err = |code, pointer: String, message: String| {
        let offset = offset_of(root, &pointer);
        out.push(diagnostic(index, code, pointer, offset, message));
    };
    if file.version != FORMAT_VERSION {
        err(
            "unsupported_version",
            "/version".into(),
            format!(
                "version {} is not supported: this widget reads version {FORMAT_VERSION}",
                file.version
            ),
        );
    }
    if !(0.0..=0.5).contains(&file.holdout) {
        err(
            "out_of_range",
            "/holdout".into(),
            "holdout must be between 0 and 0.5 (a fraction of users)".into(),
        );
    }
    let mut guide_ids = BTreeSet::new();
    for (g, guide) in file.guides.iter().enumerate() {
        if !guide_ids.insert(guide.id.as_str()) {
            err(
                "duplicate_id",
                format!("/guides/{g}/id"),
                format!("guide id `{}` is used twice: ids must be unique", guide.id),
            );
        }
        if guide.steps.is_empty() {
            err(
                "empty",
                format!("/guides/{g}/steps"),
                "a guide needs at least one step".into(),
            );
        }
        let mut step_ids = BTreeSet::new();
        for (s, step) in guide.steps.iter().enumerate() {
            if !step_ids.insert(step.id.as_str()) {
                err(
                    "duplicate_id",
                    format!("/guides/{g}/steps/{s}/id"),
                    format!(
                        "step id `{}` is used twice in guide `{}`",
                        step.id, guide.id
                    ),
                );
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn first(text: &str) -> Diagnostic {
        load(text)
            .diagnostics
            .into_iter()
            .next()
            .expect("a diagnostic")
    }

    #[test]
    fn a_valid_file_loads() {
        let loaded = load(
            r#"{"version":1,"guides":[{"id":"g","title":"T","steps":[{"id":"s","title":"S","complete_when":{"event":"E"}}]}]}"#,
        );
        assert!(loaded.diagnostics.is_empty(), "{:?}", loaded.diagnostics);
        assert_eq!(
            loaded.file.expect("file").guides[0].steps[0]
                .complete_when
                .as_ref()
                .and_then(|c| c.event.as_deref()),
            Some("E")
        );
    }

    #[test]
    fn errors_carry_pointer_position_and_suggestion() {
        let d =
            first("{\"version\":1,\"guides\":[{\"id\":\"g\",\"title\":\"T\",\n \"stepz\":[]}]}");
        assert_eq!(
            (d.code, d.pointer.as_str(), d.at.to_string().as_str()),
            ("unknown_field", "/guides/0/stepz", "2:2")
        );
        assert!(d.message.contains("did you mean `steps`?"), "{}", d.message);

        let d = first("{\"version\":1,\n\"guides\":[{\"id\":\"g\",\"title\":7,\"steps\":[]}]}");
        assert_eq!(
            (d.pointer.as_str(), d.at.to_string().as_str()),
            ("/guides/0/title", "2:29")
        );
        assert_eq!(d.message, "expected a string, found the number 7");

        let d = first("{\"version\":1,\n  \"guides\": [,]}");
        assert_eq!((d.code, d.at.to_string().as_str()), ("syntax", "2:14"));
    }

    #[test]
    fn duplicate_ids_are_errors() {
        let loaded = load(
            r#"{"version":1,"guides":[{"id":"g","title":"T","steps":[{"id":"s","title":"S"},{"id":"s","title":"S"}]}]}"#,
        );
        assert!(loaded.file.is_none());
        assert_eq!(loaded.diagnostics[0].pointer, "/guides/0/steps/1/id");
    }
}
