//! Reading the parsed tree into the guide types, reporting every structural problem at once.
//!
//! serde stops at the first error. To report them all, the reader recovers: it removes the
//! offending field from a working copy of the tree and reads again, up to a bound. Duplicate
//! keys are found first by walking the tree, since serde would only see one of them.

use super::error::{Diagnostic, Severity};
use super::model::GuideFile;
use super::stand_in::StandIns;
use crate::core::json::{self, DeError, LineIndex, Member, Node, Value};
use crate::core::sorted::SortedSet;
use core::fmt::Write;

/// More errors than this in one file are not worth reading one by one.
const MAX_RECOVERIES: usize = 50;

/// The file (when its structure is sound after removing the bad fields) and the problems.
pub struct Read {
    pub file: Option<GuideFile>,
    pub diagnostics: Vec<Diagnostic>,
    /// Values were made up for required fields to read on: the file's meaning is not checked,
    /// since what it says about them would be about the made-up values.
    pub stood_in: bool,
}

pub fn read(root: &Node, index: &LineIndex<'_>) -> Read {
    let mut diagnostics = Vec::new();
    let mut work: Option<Node> = None;
    let mut dupes = Vec::new();
    find_duplicate_keys(root, &mut String::new(), &mut dupes);
    if !dupes.is_empty() {
        let mut copy = root.clone();
        for (pointer, key, offset) in dupes {
            diagnostics.push(error(
                index,
                "duplicate_field",
                pointer.clone(),
                offset,
                format!("field `{key}` appears twice in the same object: keep one"),
            ));
            remove_later_duplicates(&mut copy, &pointer);
        }
        work = Some(copy);
    }
    let mut removed: SortedSet<String> = SortedSet::new();
    let mut stand_ins = StandIns::default();
    for _ in 0..MAX_RECOVERIES {
        let tree = work.as_ref().unwrap_or(root);
        let e: DeError = match json::from_node::<GuideFile>(tree) {
            Ok(file) => {
                return Read {
                    file: Some(file),
                    diagnostics,
                    stood_in: !stand_ins.is_empty(),
                }
            }
            Err(e) => e,
        };
        let copy = work.get_or_insert_with(|| root.clone());
        match stand_ins.retry(copy, &e.pointer) {
            Some(true) => continue,
            Some(false) => break,
            None => {}
        }
        let code = classify(&e.message);
        // A field there misspelt or with a wrong type is reported already; missing, not yet.
        let echo =
            code == "missing_field" && removed.iter().any(|r| is_missing_of(&e, r, &diagnostics));
        if !echo {
            let message = humanize(&e.message);
            diagnostics.push(error(index, code, e.pointer.clone(), e.span.start, message));
        }
        if code == "missing_field" {
            // Nothing to remove: a stand-in lets the reader go on past this object.
            match missing_field(&e) {
                Some(field) if stand_ins.add(copy, &e.pointer, field) => continue,
                _ => break,
            }
        }
        if !remove_member(copy, &e.pointer) {
            break;
        }
        removed.insert(e.pointer);
    }
    Read {
        file: None,
        diagnostics,
        stood_in: !stand_ins.is_empty(),
    }
}

fn error(
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

fn classify(message: &str) -> &'static str {
    if message.starts_with("unknown field") {
        "unknown_field"
    } else if message.starts_with("missing field") {
        "missing_field"
    } else if message.starts_with("unknown value") {
        "unknown_value"
    } else if message.starts_with("invalid value") {
        "out_of_range"
    } else {
        "invalid_type"
    }
}

/// serde names Rust types ("expected u32"); product managers read JSON.
fn humanize(message: &str) -> String {
    let Some((head, tail)) = message.split_once("expected ") else {
        return message.to_string();
    };
    let (what, rest) = tail
        .split_once(", found")
        .map_or((tail, ""), |(w, r)| (w, r));
    let what = match what {
        "u8" | "u16" | "u32" | "u64" => "a whole number, 0 or more",
        "i8" | "i16" | "i32" | "i64" => "a whole number",
        "f32" | "f64" => "a number",
        "a sequence" => "an array",
        "a map" => "an object",
        w if w.starts_with("struct ") => "an object",
        w if w.starts_with("enum ") || w.starts_with("unit variant") => "a string",
        w => w,
    };
    let sep = if rest.is_empty() { "" } else { ", found" };
    format!("{head}expected {what}{sep}{rest}")
}

/// The field a `missing field` error names.
fn missing_field(e: &DeError) -> Option<&str> {
    e.message
        .strip_prefix("missing field `")
        .and_then(|m| m.split('`').next())
}

/// Whether `e` is "missing field `x`" for a field already reported at `removed`: the same
/// field with a wrong type, or a misspelling of it (`stesp` for `steps`).
fn is_missing_of(e: &DeError, removed: &str, reported: &[Diagnostic]) -> bool {
    let Some((parent, key)) = removed.rsplit_once('/') else {
        return false;
    };
    let Some(field) = missing_field(e) else {
        return false;
    };
    let misspelt = reported
        .iter()
        .any(|d| d.pointer == removed && d.message.ends_with(&format!("did you mean `{field}`?")));
    parent == e.pointer && (key == field || misspelt)
}

pub fn escape(key: &str) -> String {
    key.replace('~', "~0").replace('/', "~1")
}

fn unescape(segment: &str) -> String {
    segment.replace("~1", "/").replace("~0", "~")
}

/// The node an RFC 6901 pointer names.
pub fn node_at<'a>(root: &'a Node, pointer: &str) -> Option<&'a Node> {
    let mut node = root;
    for seg in pointer.split('/').skip(1) {
        node = match &node.value {
            Value::Array(items) => items.get(seg.parse::<usize>().ok()?)?,
            _ => node.get(&unescape(seg))?,
        };
    }
    Some(node)
}

/// Where the key of the object member a pointer names starts.
pub fn key_offset(root: &Node, pointer: &str) -> Option<usize> {
    let (parent, key) = pointer.rsplit_once('/')?;
    let key = unescape(key);
    let member = node_at(root, parent)?
        .members()
        .iter()
        .find(|m| m.key == key)?;
    Some(member.key_span.start)
}

/// The node a pointer names, for changing it.
pub(super) fn node_at_mut<'a>(root: &'a mut Node, pointer: &str) -> Option<&'a mut Node> {
    let mut node = root;
    for seg in pointer.split('/').skip(1) {
        node = match &mut node.value {
            Value::Array(items) => items.get_mut(seg.parse::<usize>().ok()?)?,
            Value::Object(members) => {
                let seg = unescape(seg);
                &mut members.iter_mut().find(|m| m.key == seg)?.node
            }
            _ => return None,
        };
    }
    Some(node)
}

/// The members of the object holding the member a pointer names, and that member's key.
fn members_of<'a>(root: &'a mut Node, pointer: &str) -> Option<(&'a mut Vec<Member>, String)> {
    let (parent, key) = pointer.rsplit_once('/')?;
    match &mut node_at_mut(root, parent)?.value {
        Value::Object(members) => Some((members, unescape(key))),
        _ => None,
    }
}

/// Removes the object member a pointer names; false when the pointer names no object member.
fn remove_member(root: &mut Node, pointer: &str) -> bool {
    let Some((members, key)) = members_of(root, pointer) else {
        return false;
    };
    let before = members.len();
    members.retain(|m| m.key != key);
    members.len() < before
}

fn find_duplicate_keys(node: &Node, pointer: &mut String, out: &mut Vec<(String, String, usize)>) {
    let len = pointer.len();
    match &node.value {
        Value::Object(members) => {
            for (i, m) in members.iter().enumerate() {
                pointer.push('/');
                if m.key.contains(['~', '/']) {
                    pointer.push_str(&escape(&m.key));
                } else {
                    pointer.push_str(&m.key);
                }
                if members[..i].iter().any(|earlier| earlier.key == m.key) {
                    out.push((pointer.clone(), m.key.clone(), m.key_span.start));
                } else {
                    find_duplicate_keys(&m.node, pointer, out);
                }
                pointer.truncate(len);
            }
        }
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                let _ = write!(pointer, "/{i}");
                find_duplicate_keys(item, pointer, out);
                pointer.truncate(len);
            }
        }
        _ => {}
    }
}

/// Keeps the first of several members with the key `pointer` ends in.
fn remove_later_duplicates(root: &mut Node, pointer: &str) {
    if let Some((members, key)) = members_of(root, pointer) {
        let mut seen = false;
        members.retain(|m| m.key != key || !core::mem::replace(&mut seen, true));
    }
}
