//! A syntax check for the CSS selectors guide files write (`anchor`, `click`, `appears`,
//! `filled`), so a broken one is reported with its position before `querySelector` would throw.
//!
//! Conservative by design: it accepts the Selectors level 3/4 syntax people really write —
//! type, `*`, `#id`, `.class`, attribute selectors with every operator and the `i`/`s` flags,
//! the combinators (descendant, `>`, `+`, `~`), selector lists, the common pseudo-classes and
//! the functional ones (`:not()`, `:is()`, `:where()`, `:has()`, `:nth-*()` with `of S`,
//! `:lang()`, `:dir()`) — and rejects what browsers reject or what can never match an element:
//! unknown pseudo-classes, pseudo-elements, jQuery extensions, namespaces, unquoted attribute
//! values that are not identifiers, ids starting with a digit.

mod args;
mod names;
#[cfg(test)]
mod tests;

use crate::core::suggest::did_you_mean;
use names::{FUNCTIONS, JQUERY, PSEUDO_CLASSES};

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{message}")]
pub struct SelectorError {
    /// Byte offset in the selector where the problem is.
    pub offset: usize,
    pub message: String,
}

/// Nesting of `:not(:is(…))` deeper than this is refused (no real selector needs it).
const MAX_NESTING: usize = 16;

/// Checks that `selector` is a selector list `querySelector` accepts.
pub fn check_selector(selector: &str) -> Result<(), SelectorError> {
    let mut c = Checker {
        s: selector.as_bytes(),
        text: selector,
        pos: 0,
    };
    if selector.trim().is_empty() {
        return Err(c.error("empty selector: write one such as `#save` or `[data-wow=invite]`"));
    }
    c.list(false, 0)?;
    if c.pos < c.s.len() {
        return Err(c.error_here());
    }
    Ok(())
}

struct Checker<'a> {
    s: &'a [u8],
    text: &'a str,
    pos: usize,
}

impl Checker<'_> {
    fn error(&self, message: impl Into<String>) -> SelectorError {
        SelectorError {
            offset: self.pos,
            message: message.into(),
        }
    }

    /// An error about whatever character stands at the current position.
    fn error_here(&self) -> SelectorError {
        match self.text[self.pos..].chars().next() {
            None => self.error("unexpected end of the selector"),
            Some(')') => self.error("`)` without a matching `(`"),
            Some(c) => self.error(format!("unexpected `{c}` in the selector")),
        }
    }

    fn peek(&self) -> Option<u8> {
        self.s.get(self.pos).copied()
    }

    fn skip_ws(&mut self) -> bool {
        let start = self.pos;
        while let Some(b' ' | b'\t' | b'\n' | b'\r' | b'\x0c') = self.peek() {
            self.pos += 1;
        }
        self.pos > start
    }

    /// A comma-separated list of complex selectors, up to the end or a `)`.
    fn list(&mut self, relative: bool, depth: usize) -> Result<(), SelectorError> {
        if depth > MAX_NESTING {
            return Err(self.error("selector nesting is too deep"));
        }
        loop {
            self.complex(relative, depth)?;
            if self.peek() != Some(b',') {
                return Ok(());
            }
            self.pos += 1;
        }
    }

    fn complex(&mut self, relative: bool, depth: usize) -> Result<(), SelectorError> {
        self.skip_ws();
        if let Some(b @ (b'>' | b'+' | b'~')) = self.peek() {
            if !relative {
                return Err(self.error(format!(
                    "a selector cannot start with `{}`: put an element before it",
                    b as char
                )));
            }
            self.pos += 1;
            self.skip_ws();
        }
        self.compound(depth)?;
        loop {
            let spaced = self.skip_ws();
            match self.peek() {
                Some(b @ (b'>' | b'+' | b'~')) => {
                    self.pos += 1;
                    self.skip_ws();
                    if matches!(self.peek(), None | Some(b',' | b')')) {
                        return Err(self.error(format!(
                            "expected a selector after the combinator `{}`",
                            b as char
                        )));
                    }
                    self.compound(depth)?;
                }
                None | Some(b',' | b')') => return Ok(()),
                Some(_) if spaced => self.compound(depth)?,
                Some(_) => return Err(self.error_here()),
            }
        }
    }

    fn compound(&mut self, depth: usize) -> Result<(), SelectorError> {
        let start = self.pos;
        match self.peek() {
            Some(b'*') => self.pos += 1,
            Some(b) if starts_ident(b) => self.ident()?,
            _ => {}
        }
        if self.peek() == Some(b'|') {
            return Err(self.error("namespaces (`ns|tag`) are not supported in guide selectors"));
        }
        loop {
            match self.peek() {
                Some(b'#') => {
                    self.pos += 1;
                    if matches!(self.peek(), Some(b'0'..=b'9')) {
                        return Err(self.error(
                            "an id cannot start with a digit in a selector: write \
                             `[id=\"…\"]` instead",
                        ));
                    }
                    self.name("an id after `#`")?;
                }
                Some(b'.') => {
                    self.pos += 1;
                    self.name("a class name after `.`")?;
                }
                Some(b'[') => self.attribute()?,
                Some(b':') => self.pseudo(depth)?,
                _ => break,
            }
        }
        if self.pos == start {
            return Err(match self.peek() {
                None | Some(b',' | b')') => self.error("expected a selector here"),
                _ => self.error_here(),
            });
        }
        Ok(())
    }

    fn name(&mut self, what: &str) -> Result<(), SelectorError> {
        match self.peek() {
            Some(b) if starts_ident(b) => self.ident(),
            _ => Err(self.error(format!("expected {what}"))),
        }
    }

    fn pseudo(&mut self, depth: usize) -> Result<(), SelectorError> {
        let start = self.pos;
        self.pos += 1;
        if self.peek() == Some(b':') {
            return Err(self.error(
                "pseudo-elements (`::before`, `::after`…) are not elements a guide can use: \
                 select the element itself",
            ));
        }
        let name_start = self.pos;
        self.name("a pseudo-class name after `:`")?;
        let name = self.text[name_start..self.pos].to_ascii_lowercase();
        let at = |message: String| SelectorError {
            offset: start,
            message,
        };
        if JQUERY.contains(&name.as_str()) {
            return Err(at(format!(
                "`:{name}` is a jQuery extension, not CSS: browsers reject it"
            )));
        }
        if self.peek() == Some(b'(') {
            if !FUNCTIONS.contains(&name.as_str()) {
                return Err(at(format!(
                    "unknown pseudo-class `:{name}()`: {}",
                    did_you_mean(&name, FUNCTIONS)
                )));
            }
            self.pos += 1;
            self.arguments(&name, depth)?;
            if self.peek() != Some(b')') {
                return Err(match self.peek() {
                    None => self.error(format!("`:{name}(` is not closed with `)`")),
                    _ => self.error_here(),
                });
            }
            self.pos += 1;
            return Ok(());
        }
        if FUNCTIONS.contains(&name.as_str()) {
            return Err(at(format!(
                "`:{name}` needs arguments in parentheses: `:{name}(…)`"
            )));
        }
        if !PSEUDO_CLASSES.contains(&name.as_str()) {
            return Err(at(format!(
                "unknown pseudo-class `:{name}`: {}",
                did_you_mean(&name, PSEUDO_CLASSES)
            )));
        }
        Ok(())
    }
}

fn starts_ident(b: u8) -> bool {
    b.is_ascii_alphabetic() || b == b'_' || b == b'-' || b == b'\\' || b >= 0x80
}
