//! URL path patterns, as guide files write them in `target.url`, `start.url`, a step's `url`
//! and `complete_when.url`.
//!
//! The grammar, exactly:
//! - A pattern is a path: it starts with `/` and is split into segments at each `/`.
//! - In a segment, `*` matches any run of characters (possibly none) that contains no `/`.
//! - A segment that is exactly `**` matches any number of whole segments, none included:
//!   `/app/**` matches `/app`, `/app/` and `/app/team/42`. `**` next to other characters in the
//!   same segment (`/a**b`) is an error.
//! - Every other character matches itself, case-sensitively.
//! - A trailing `/` is not significant, on either side: `/team/` and `/team` are the same.
//! - Patterns cannot contain `?`, `#`, whitespace or empty segments (`//`). The URL being
//!   tested may carry a query and a fragment (and an `http(s)://host` prefix); they are ignored.

use core::fmt;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{message}")]
pub struct PatternError {
    /// Byte offset in the pattern where the problem is.
    pub offset: usize,
    pub message: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Segment {
    /// `**`: any number of segments.
    Deep,
    /// Literal text with `*` wildcards, kept as the source text of the segment.
    Glob(String),
}

/// A parsed URL path pattern; see the module documentation for the grammar.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UrlPattern {
    source: String,
    segments: Vec<Segment>,
}

impl fmt::Display for UrlPattern {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.source)
    }
}

fn error(offset: usize, message: impl Into<String>) -> PatternError {
    PatternError {
        offset,
        message: message.into(),
    }
}

impl UrlPattern {
    pub fn parse(pattern: &str) -> Result<UrlPattern, PatternError> {
        if pattern.is_empty() {
            return Err(error(
                0,
                "empty URL pattern: write a path such as `/app/**`",
            ));
        }
        if !pattern.starts_with('/') {
            let hint = if pattern.starts_with("http://") || pattern.starts_with("https://") {
                "write only the path, without the scheme and host, e.g. `/app/**`"
            } else {
                "it must start with `/`, e.g. `/app/**`"
            };
            return Err(error(
                0,
                format!("URL pattern `{pattern}` is not a path: {hint}"),
            ));
        }
        if let Some((at, c)) = pattern
            .char_indices()
            .find(|(_, c)| matches!(c, '?' | '#') || c.is_whitespace())
        {
            let message = match c {
                '?' | '#' => format!(
                    "`{c}` in a URL pattern: queries and fragments are ignored when matching, \
                     so leave them out"
                ),
                _ => "whitespace in a URL pattern: URLs have no spaces (write `%20`)".to_string(),
            };
            return Err(error(at, message));
        }
        let mut segments = Vec::new();
        let mut offset = 1;
        let body = pattern[1..].strip_suffix('/').unwrap_or(&pattern[1..]);
        if !body.is_empty() {
            for seg in body.split('/') {
                if seg.is_empty() {
                    return Err(error(offset, "empty segment (`//`) in a URL pattern"));
                }
                if seg == "**" {
                    segments.push(Segment::Deep);
                } else if let Some(at) = seg.find("**") {
                    return Err(error(
                        offset + at,
                        "`**` must be a whole segment (`/a/**/b`); use `*` inside a segment",
                    ));
                } else {
                    segments.push(Segment::Glob(seg.to_string()));
                }
                offset += seg.len() + 1;
            }
        }
        Ok(UrlPattern {
            source: pattern.to_string(),
            segments,
        })
    }

    /// The text the pattern was parsed from.
    pub fn as_str(&self) -> &str {
        &self.source
    }

    /// Whether a path (or a whole URL) matches; its query and fragment are ignored.
    pub fn matches(&self, url: &str) -> bool {
        let path = path_of(url);
        let path = path.strip_prefix('/').unwrap_or(path);
        let path = path.strip_suffix('/').unwrap_or(path);
        let parts: Vec<&str> = if path.is_empty() {
            Vec::new()
        } else {
            path.split('/').collect()
        };
        // can[j] after processing pattern segment i: can the first i segments match parts[..j]?
        let mut can = vec![false; parts.len() + 1];
        can[0] = true;
        for seg in &self.segments {
            let mut next = vec![false; parts.len() + 1];
            match seg {
                Segment::Deep => {
                    let mut reached = false;
                    for j in 0..=parts.len() {
                        reached |= can[j];
                        next[j] = reached;
                    }
                }
                Segment::Glob(glob) => {
                    for j in 0..parts.len() {
                        next[j + 1] = can[j] && glob_matches(glob, parts[j]);
                    }
                }
            }
            can = next;
        }
        can[parts.len()]
    }
}

/// The path part of a path or URL: without `scheme://host`, query and fragment.
fn path_of(url: &str) -> &str {
    let url = url.split(['?', '#']).next().unwrap_or("");
    match url.find("://") {
        Some(i) => url[i + 3..].find('/').map_or("/", |p| &url[i + 3 + p..]),
        None => url,
    }
}

/// `*`-glob matching of one segment, by the classic backtrack-to-last-star method (linear in
/// practice, never exponential).
fn glob_matches(glob: &str, text: &str) -> bool {
    let g = glob.as_bytes();
    let t = text.as_bytes();
    let (mut gi, mut ti) = (0, 0);
    let mut star: Option<(usize, usize)> = None;
    while ti < t.len() {
        if gi < g.len() && g[gi] == b'*' {
            star = Some((gi, ti));
            gi += 1;
        } else if gi < g.len() && g[gi] == t[ti] {
            gi += 1;
            ti += 1;
        } else if let Some((sg, st)) = star {
            gi = sg + 1;
            ti = st + 1;
            star = Some((sg, st + 1));
        } else {
            return false;
        }
    }
    g[gi..].iter().all(|&b| b == b'*')
}

#[cfg(test)]
mod tests;
