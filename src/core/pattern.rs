//! URL path patterns of the guide language: `*` matches within one path segment, `**` any
//! number of segments; the query and the fragment are ignored.

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{message}")]
pub struct PatternError {
    pub message: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UrlPattern {
    segments: Vec<String>,
}

impl UrlPattern {
    pub fn parse(text: &str) -> Result<UrlPattern, PatternError> {
        if !text.starts_with('/') {
            return Err(PatternError { message: format!("a URL pattern starts with `/`, e.g. `/app/**`; found `{text}`") });
        }
        Ok(UrlPattern { segments: text[1..].split('/').map(str::to_string).collect() })
    }

    pub fn matches(&self, path: &str) -> bool {
        let path = path.split(['?', '#']).next().unwrap_or_default();
        let parts: Vec<&str> = path.strip_prefix('/').unwrap_or(path).split('/').collect();
        match_segments(&self.segments, &parts)
    }
}

fn match_segments(pattern: &[String], path: &[&str]) -> bool {
    match pattern.split_first() {
        None => path.is_empty() || path == [""],
        Some((first, rest)) if first == "**" => (0..=path.len()).any(|skip| match_segments(rest, &path[skip..])),
        Some((first, rest)) => path.split_first().is_some_and(|(p, tail)| glob(first.as_bytes(), p.as_bytes()) && match_segments(rest, tail)),
    }
}

/// `*` within one segment.
fn glob(pattern: &[u8], text: &[u8]) -> bool {
    match pattern.split_first() {
        None => text.is_empty(),
        Some((b'*', rest)) => (0..=text.len()).any(|skip| glob(rest, &text[skip..])),
        Some((c, rest)) => text.split_first().is_some_and(|(t, tail)| t == c && glob(rest, tail)),
    }
}
