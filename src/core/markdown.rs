//! The safe markdown subset of step bodies: `**bold**`, `*italics*`, `[links](https://…)`,
//! `- ` lists and paragraphs separated by blank lines. Nothing else: angle brackets, backticks
//! and headings are plain text, so a body can never carry HTML. The renderer turns this tree
//! into DOM text nodes and elements it creates itself.
//!
//! Links go only to `http:`, `https:`, `mailto:` or relative URLs (`/team`, `../x`, `#top`);
//! any other scheme (`javascript:`, `data:`…) is left as the text the author wrote, and the
//! validator reports it. `\` escapes a marker character (`\*`). Markers that are not closed
//! are text. Parsing is linear in the length of the body and never fails.

#[cfg(test)]
mod tests;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    Paragraph(Vec<Inline>),
    /// A `- ` list: one entry per item.
    List(Vec<Vec<Inline>>),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Inline {
    Text(String),
    Bold(Vec<Inline>),
    Italic(Vec<Inline>),
    Link { href: String, children: Vec<Inline> },
}

/// Bold inside italics inside a link… deeper than this is shown as text.
const MAX_NESTING: usize = 6;

/// Parses a body into blocks.
pub fn parse(body: &str) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut paragraph: Vec<&str> = Vec::new();
    let mut items: Vec<Vec<&str>> = Vec::new();
    let flush = |blocks: &mut Vec<Block>, paragraph: &mut Vec<&str>, items: &mut Vec<Vec<&str>>| {
        if !paragraph.is_empty() {
            blocks.push(Block::Paragraph(inline(&paragraph.join(" "))));
            paragraph.clear();
        }
        if !items.is_empty() {
            let list = items.iter().map(|lines| inline(&lines.join(" "))).collect();
            blocks.push(Block::List(list));
            items.clear();
        }
    };
    for line in body.lines() {
        let line = line.trim();
        if line.is_empty() {
            flush(&mut blocks, &mut paragraph, &mut items);
        } else if let Some(item) = line.strip_prefix("- ") {
            if !paragraph.is_empty() {
                flush(&mut blocks, &mut paragraph, &mut items);
            }
            items.push(vec![item.trim_start()]);
        } else if let Some(last) = items.last_mut() {
            last.push(line);
        } else {
            paragraph.push(line);
        }
    }
    flush(&mut blocks, &mut paragraph, &mut items);
    blocks
}

/// Parses one paragraph or list item.
pub fn inline(text: &str) -> Vec<Inline> {
    Scanner::new(text).inlines(0, text.len(), 0, false)
}

/// Links whose destination is not allowed (they are shown as text), for the validator.
pub fn unsafe_links(body: &str) -> Vec<String> {
    let mut scanner = Scanner::new(body);
    scanner.rejected = Some(Vec::new());
    scanner.inlines(0, body.len(), 0, false);
    scanner.rejected.unwrap_or_default()
}

/// Whether a link may point there: http(s), mailto or a relative URL, no spaces or controls.
pub fn is_safe_href(href: &str) -> bool {
    if href.is_empty() || href.chars().any(|c| c <= ' ' || c == '\u{7f}') {
        return false;
    }
    match href.find([':', '/', '?', '#']) {
        Some(i) if href.as_bytes()[i] == b':' => {
            let scheme = href[..i].to_ascii_lowercase();
            matches!(scheme.as_str(), "http" | "https" | "mailto")
        }
        _ => true,
    }
}

/// An address a picture may come from: http(s) or a path. Checked by the validator and again
/// where the picture is drawn, as a file read on its stamp skips the validator.
pub fn is_picture_src(src: &str) -> bool {
    is_safe_href(src) && !src.trim_start().to_ascii_lowercase().starts_with("mailto:")
}

/// The next place of each closing marker, remembered so unclosed markers cost linear time.
struct Scanner<'a> {
    s: &'a str,
    /// For each marker kind: searched from, found at.
    memo: [Option<(usize, Option<usize>)>; 4],
    rejected: Option<Vec<String>>,
}

const BOLD: usize = 0;
const ITALIC: usize = 1;
const CLOSE_BRACKET: usize = 2;
const CLOSE_PAREN: usize = 3;

impl<'a> Scanner<'a> {
    fn new(s: &'a str) -> Self {
        Scanner {
            s,
            memo: [None; 4],
            rejected: None,
        }
    }

    /// First position ≥ `from` where marker `kind` closes.
    fn find(&mut self, kind: usize, from: usize) -> Option<usize> {
        if let Some((start, found)) = self.memo[kind] {
            if start <= from && found.is_none_or(|f| f >= from) {
                return found;
            }
        }
        let b = self.s.as_bytes();
        let star = |j: usize| b[j] == b'*';
        let found = (from..b.len()).find(|&j| match kind {
            BOLD => star(j) && b.get(j + 1) == Some(&b'*'),
            ITALIC => star(j) && (j == 0 || !star(j - 1)) && b.get(j + 1) != Some(&b'*'),
            CLOSE_BRACKET => b[j] == b']',
            _ => b[j] == b')',
        });
        self.memo[kind] = Some((from, found));
        found
    }

    fn inlines(&mut self, from: usize, to: usize, depth: usize, in_link: bool) -> Vec<Inline> {
        let mut out = Vec::new();
        let mut text = String::new();
        let b = self.s.as_bytes();
        let mut i = from;
        while i < to {
            let nested = depth < MAX_NESTING;
            let made = match b[i] {
                b'\\' if b.get(i + 1).is_some_and(|c| c.is_ascii_punctuation()) && i + 1 < to => {
                    text.push(b[i + 1] as char);
                    i += 2;
                    continue;
                }
                b'*' if nested && b.get(i + 1) == Some(&b'*') => self
                    .find(BOLD, i + 2)
                    .filter(|&c| c > i + 2 && c + 2 <= to)
                    .map(|c| {
                        (
                            Inline::Bold(self.inlines(i + 2, c, depth + 1, in_link)),
                            c + 2,
                        )
                    }),
                b'*' if nested && b.get(i + 1).is_some_and(|c| !c.is_ascii_whitespace()) => self
                    .find(ITALIC, i + 1)
                    .filter(|&c| c > i + 1 && c < to)
                    .map(|c| {
                        (
                            Inline::Italic(self.inlines(i + 1, c, depth + 1, in_link)),
                            c + 1,
                        )
                    }),
                b'[' if nested && !in_link => self.link(i, to, depth),
                _ => None,
            };
            match made {
                Some((node, next)) => {
                    if !text.is_empty() {
                        out.push(Inline::Text(core::mem::take(&mut text)));
                    }
                    out.push(node);
                    i = next;
                }
                None => {
                    let c = self.s[i..].chars().next().unwrap_or(' ');
                    text.push(c);
                    i += c.len_utf8();
                }
            }
        }
        if !text.is_empty() {
            out.push(Inline::Text(text));
        }
        out
    }

    /// `[children](href)` starting at `open`; a forbidden destination stays text.
    fn link(&mut self, open: usize, to: usize, depth: usize) -> Option<(Inline, usize)> {
        let close = self.find(CLOSE_BRACKET, open + 1).filter(|&c| c < to)?;
        if self.s.as_bytes().get(close + 1) != Some(&b'(') {
            return None;
        }
        let mut end = self.find(CLOSE_PAREN, close + 2).filter(|&c| c < to)?;
        // Parentheses inside a destination pair up: `(https://x.example/a_(b))`.
        let opened = |end: usize| self.s[close + 2..end].matches('(').count();
        while opened(end) > self.s[close + 2..end].matches(')').count() {
            match self.find(CLOSE_PAREN, end + 1).filter(|&c| c < to) {
                Some(next) => end = next,
                None => break,
            }
        }
        let href = self.s[close + 2..end].trim();
        if !is_safe_href(href) {
            if let Some(rejected) = &mut self.rejected {
                rejected.push(href.to_string());
            }
            return Some((Inline::Text(self.s[open..=end].to_string()), end + 1));
        }
        let children = self.inlines(open + 1, close, depth + 1, true);
        let link = Inline::Link {
            href: href.to_string(),
            children,
        };
        Some((link, end + 1))
    }
}
