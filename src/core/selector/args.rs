//! The lexical parts of a selector: identifiers, strings, attribute selectors and the
//! arguments of functional pseudo-classes.

use super::{starts_ident, Checker, SelectorError};

const ATTRIBUTE_OPERATORS: &str = "`=`, `~=`, `|=`, `^=`, `$=` or `*=`";

impl Checker<'_> {
    /// A CSS identifier, escapes included (the caller checked the first byte can start one).
    pub(super) fn ident(&mut self) -> Result<(), SelectorError> {
        let start = self.pos;
        if self.peek() == Some(b'-') {
            self.pos += 1;
            if !self.peek().is_some_and(starts_ident) {
                self.pos = start;
                return Err(self.error("a name cannot be `-` alone or start with `-` and a digit"));
            }
        }
        while let Some(b) = self.peek() {
            if b == b'\\' {
                self.escape()?;
            } else if b.is_ascii_alphanumeric() || b == b'-' || b == b'_' || b >= 0x80 {
                self.pos += 1;
            } else {
                break;
            }
        }
        Ok(())
    }

    fn escape(&mut self) -> Result<(), SelectorError> {
        self.pos += 1;
        match self.peek() {
            None | Some(b'\n' | b'\r' | b'\x0c') => {
                Err(self.error("a `\\` must be followed by the character it escapes"))
            }
            Some(b) if b.is_ascii_hexdigit() => {
                let mut n = 0;
                while n < 6 && self.peek().is_some_and(|b| b.is_ascii_hexdigit()) {
                    self.pos += 1;
                    n += 1;
                }
                if let Some(b' ' | b'\t' | b'\n') = self.peek() {
                    self.pos += 1;
                }
                Ok(())
            }
            Some(_) => {
                self.pos += self.text[self.pos..]
                    .chars()
                    .next()
                    .map_or(1, char::len_utf8);
                Ok(())
            }
        }
    }

    /// A quoted string, `"…"` or `'…'`.
    fn string(&mut self) -> Result<(), SelectorError> {
        let open = self.pos;
        let quote = self.s[open];
        self.pos += 1;
        loop {
            match self.peek() {
                None => {
                    self.pos = open;
                    return Err(self.error("a quoted string is not closed"));
                }
                Some(b'\n' | b'\r') => {
                    return Err(self.error("a line break inside a quoted string"))
                }
                Some(b'\\') => {
                    self.pos += 1;
                    self.pos += self.text[self.pos..]
                        .chars()
                        .next()
                        .map_or(0, char::len_utf8);
                }
                Some(b) if b == quote => {
                    self.pos += 1;
                    return Ok(());
                }
                Some(_) => self.pos += 1,
            }
        }
    }

    pub(super) fn attribute(&mut self) -> Result<(), SelectorError> {
        let open = self.pos;
        self.pos += 1;
        self.skip_ws();
        self.name_or("an attribute name after `[`")?;
        self.skip_ws();
        if self.peek() == Some(b'|') && self.s.get(self.pos + 1) != Some(&b'=') {
            return Err(self.error("namespaces (`[ns|attr]`) are not supported in guide selectors"));
        }
        match self.peek() {
            Some(b']') => {
                self.pos += 1;
                return Ok(());
            }
            Some(b'=') => self.pos += 1,
            Some(b'~' | b'|' | b'^' | b'$' | b'*') if self.s.get(self.pos + 1) == Some(&b'=') => {
                self.pos += 2
            }
            None => {
                self.pos = open;
                return Err(self.error("`[` is not closed with `]`"));
            }
            _ => {
                return Err(self.error(format!(
                    "expected `]` or an operator ({ATTRIBUTE_OPERATORS}) in the attribute selector"
                )))
            }
        }
        self.skip_ws();
        match self.peek() {
            Some(b'"' | b'\'') => self.string()?,
            Some(b) if starts_ident(b) && self.ident().is_ok() => {}
            Some(b']') | None => return Err(self.error("expected a value after the operator")),
            Some(_) => {
                return Err(self.error(
                    "an unquoted attribute value must be an identifier: put it in quotes, \
                     e.g. `[data-step=\"1\"]`",
                ))
            }
        }
        let spaced = self.skip_ws();
        if spaced && matches!(self.peek(), Some(b'i' | b'I' | b's' | b'S')) {
            self.pos += 1;
            self.skip_ws();
        }
        match self.peek() {
            Some(b']') => {
                self.pos += 1;
                Ok(())
            }
            None => {
                self.pos = open;
                Err(self.error("`[` is not closed with `]`"))
            }
            _ => Err(self.error("expected `]` to close the attribute selector")),
        }
    }

    fn name_or(&mut self, what: &str) -> Result<(), SelectorError> {
        match self.peek() {
            Some(b) if starts_ident(b) => self.ident(),
            _ => Err(self.error(format!("expected {what}"))),
        }
    }

    /// The inside of `:name(…)`; stops before the `)`.
    pub(super) fn arguments(&mut self, name: &str, depth: usize) -> Result<(), SelectorError> {
        match name {
            "not" | "is" | "where" => self.list(false, depth + 1),
            "has" => self.list(true, depth + 1),
            "lang" => loop {
                self.skip_ws();
                match self.peek() {
                    Some(b'"' | b'\'') => self.string()?,
                    _ => self.name_or("a language tag, e.g. `:lang(fr)`")?,
                }
                self.skip_ws();
                if self.peek() != Some(b',') {
                    return Ok(());
                }
                self.pos += 1;
            },
            "dir" => {
                self.skip_ws();
                let start = self.pos;
                self.name_or("`ltr` or `rtl`")?;
                if !matches!(&self.text[start..self.pos], "ltr" | "rtl") {
                    self.pos = start;
                    return Err(self.error("`:dir()` takes `ltr` or `rtl`"));
                }
                self.skip_ws();
                Ok(())
            }
            _ => {
                self.skip_ws();
                self.an_plus_b()?;
                let spaced = self.skip_ws();
                let of_allowed = name == "nth-child" || name == "nth-last-child";
                if spaced && of_allowed && self.text[self.pos..].starts_with("of") {
                    self.pos += 2;
                    if !self.skip_ws() {
                        return Err(self.error("expected a space and a selector after `of`"));
                    }
                    self.list(false, depth + 1)?;
                }
                Ok(())
            }
        }
    }

    /// `odd`, `even`, `3`, `-n+3`, `2n + 1`…
    fn an_plus_b(&mut self) -> Result<(), SelectorError> {
        let rest = &self.text[self.pos..];
        for word in ["odd", "even"] {
            let head = rest.as_bytes().get(..word.len());
            if head.is_some_and(|h| h.eq_ignore_ascii_case(word.as_bytes())) {
                self.pos += word.len();
                return Ok(());
            }
        }
        let start = self.pos;
        if let Some(b'+' | b'-') = self.peek() {
            self.pos += 1;
        }
        let digits = self.digits();
        if let Some(b'n' | b'N') = self.peek() {
            self.pos += 1;
            let before = self.pos;
            self.skip_ws();
            if let Some(b'+' | b'-') = self.peek() {
                self.pos += 1;
                self.skip_ws();
                if self.digits() == 0 {
                    return Err(self.error("expected a number after the sign, as in `2n+1`"));
                }
            } else {
                self.pos = before;
            }
            return Ok(());
        }
        if digits == 0 {
            self.pos = start;
            return Err(self.error("expected `odd`, `even` or a formula such as `2n+1`"));
        }
        Ok(())
    }

    fn digits(&mut self) -> usize {
        let start = self.pos;
        while let Some(b'0'..=b'9') = self.peek() {
            self.pos += 1;
        }
        self.pos - start
    }
}
