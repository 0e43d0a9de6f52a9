//! The stamp `wowpath check --stamp` writes into a file it found free of errors:
//! `"checked": "wowpath:<16 hex digits>"`, a hash of the file's text. A widget that finds the
//! stamp matching reads the file without running the validator, which then stays out of the
//! page: it is a separate module, downloaded only for files that carry no valid stamp.
//!
//! The hash covers the whole text with the stamp's own digits read as `0`, so any edit after
//! checking (an added comma, a changed word) breaks the match and the file is checked again in
//! the browser. It guards against forgotten re-checks, not against attackers: whoever can
//! edit the file can recompute the hash, and nothing the validator checks is a security
//! boundary (text is always drawn as text, and links and pictures are checked again where
//! they are drawn).

use crate::core::json::{self, Node, Span};

/// The member of the top-level object that holds the stamp.
pub const FIELD: &str = "checked";
/// What every stamp starts with; the rest is 16 lowercase hex digits.
pub const PREFIX: &str = "wowpath:";
const DIGITS: usize = 16;

/// What the stamp of a file says, once compared with its text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StampCheck {
    /// No `checked` member.
    Missing,
    /// A `checked` member that is not `"wowpath:"` and 16 lowercase hex digits.
    Malformed,
    /// The file changed after it was stamped.
    Stale,
    /// The file is as `wowpath check --stamp` left it.
    Matches,
}

/// Compares the stamp of `root` (read from `text`) with the text.
pub fn check(text: &str, root: &Node) -> StampCheck {
    let Some(node) = root.get(FIELD) else {
        return StampCheck::Missing;
    };
    let Some(digits) = digits_span(text, node) else {
        return StampCheck::Malformed;
    };
    let written = &text[digits.start..digits.end];
    if written == hex(hash(text, digits)) {
        StampCheck::Matches
    } else {
        StampCheck::Stale
    }
}

/// The span of the 16 digits inside the stamp's string literal, when it is well formed.
/// The literal is taken as written, so an escaped character makes it malformed.
fn digits_span(text: &str, node: &Node) -> Option<Span> {
    let literal = text.get(node.span.start..node.span.end)?;
    let inner = literal.strip_prefix('"')?.strip_suffix('"')?;
    let digits = inner.strip_prefix(PREFIX)?;
    let well_formed = digits.len() == DIGITS
        && digits
            .bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b));
    let start = node.span.start + 1 + PREFIX.len();
    well_formed.then_some(Span {
        start,
        end: start + DIGITS,
    })
}

/// FNV-1a (64 bits) of the text, with the bytes of `digits` read as `'0'`.
fn hash(text: &str, digits: Span) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for (i, &b) in text.as_bytes().iter().enumerate() {
        let b = if (digits.start..digits.end).contains(&i) {
            b'0'
        } else {
            b
        };
        h = (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

fn hex(value: u64) -> String {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    (0..DIGITS)
        .rev()
        .map(|i| char::from(HEX[((value >> (i * 4)) & 0xf) as usize]))
        .collect()
}

/// Why a file could not be stamped.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum StampError {
    #[error("the file is not JSON: {0}")]
    NotJson(String),
    #[error("the file's top level is not an object with at least one member")]
    NotAnObject,
}

/// `text` with its stamp written or brought up to date. A file without one gets it as the
/// first member of its top-level object, indented like the member that follows.
pub fn write(text: &str) -> Result<String, StampError> {
    let root = json::parse(text).map_err(|e| StampError::NotJson(e.message))?;
    let placeholder = format!("\"{PREFIX}{}\"", "0".repeat(DIGITS));
    let zeroed = match root.get(FIELD) {
        Some(node) => splice(text, node.span, &placeholder),
        None => {
            let first = root.members().first().ok_or(StampError::NotAnObject)?;
            let open = root.span.start + 1;
            let gap = &text[open..first.key_span.start];
            let member = format!("\"{FIELD}\": {placeholder},{gap}");
            splice(
                text,
                Span {
                    start: first.key_span.start,
                    end: first.key_span.start,
                },
                &member,
            )
        }
    };
    let root = json::parse(&zeroed).map_err(|e| StampError::NotJson(e.message))?;
    let node = root.get(FIELD).ok_or(StampError::NotAnObject)?;
    let digits = digits_span(&zeroed, node).ok_or(StampError::NotAnObject)?;
    let stamp = hex(hash(&zeroed, digits));
    Ok(splice(&zeroed, digits, &stamp))
}

fn splice(text: &str, span: Span, with: &str) -> String {
    let mut out = String::with_capacity(text.len() + with.len());
    out.push_str(&text[..span.start]);
    out.push_str(with);
    out.push_str(&text[span.end..]);
    out
}

#[cfg(test)]
mod tests;
