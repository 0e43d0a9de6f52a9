//! What a SaaS team passes to `init`: read, checked, and the collector's URLs made from it.

use crate::core::json::{self, FromNode};

/// What a SaaS team passes to `init`, read from its JSON text.
#[derive(Debug, Clone, FromNode)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Options {
    /// Identifies the project to the collector; also namespaces everything stored in the browser.
    pub write_key: String,
    /// Base URL of the collector (`{endpoint}/v1/batch`). Default: the page's own origin.
    #[serde(default)]
    pub endpoint: String,
    /// Where to fetch the guide file when `guides` is not given inline.
    #[serde(default)]
    pub guides_url: Option<String>,
    /// How long to gather events before sending them (ms). Default 500.
    #[serde(default = "default_flush_after")]
    pub flush_after_ms: u32,
    /// Language of the guide texts, e.g. `fr` or `ar-EG`. Default: the page's `lang`, then the browser's.
    #[serde(default)]
    pub locale: Option<String>,
    /// Log every decision to the console. Default false.
    #[serde(default)]
    pub debug: bool,
    /// Gzip batches (`Content-Encoding: gzip`, via CompressionStream). Only for a collector
    /// that accepts it (ours); Segment-compatible endpoints may not. Default false.
    #[serde(default)]
    pub gzip: bool,
    /// Treat Do Not Track and Global Privacy Control as an opt-out, unless the user opted in
    /// explicitly. Default false.
    #[serde(default)]
    pub honor_privacy_signals: bool,
    /// Give up on a request after this long and retry later (ms). Default 10000.
    #[serde(default = "default_request_timeout")]
    pub request_timeout_ms: u32,
}

/// Below this, requests are abandoned before a slow connection can answer.
const MIN_REQUEST_TIMEOUT_MS: u32 = 1_000;

/// The collector's base URL: `/v1/batch` is appended, so it must be an http(s) URL or a path
/// on this site, with no query or fragment to end up in the middle.
fn check_endpoint(endpoint: &str) -> Result<(), String> {
    if endpoint.is_empty() {
        return Ok(());
    }
    let lower = endpoint.to_ascii_lowercase();
    let scheme_ok =
        lower.starts_with("https://") || lower.starts_with("http://") || endpoint.starts_with('/');
    let problem = if !scheme_ok {
        "is neither an http(s) URL nor a path on this site"
    } else if endpoint.contains(['?', '#']) {
        "has a query or fragment, which would come before `/v1/batch`"
    } else if endpoint.contains(char::is_whitespace) {
        "contains a space"
    } else {
        return Ok(());
    };
    Err(format!(
        "init options: `endpoint` \"{endpoint}\" {problem}; give the collector's base URL, such as \
         \"https://collect.example.com\" or \"/collect\", or leave it out to send to this page's \
         origin (at endpoint)"
    ))
}

fn default_flush_after() -> u32 {
    500
}

fn default_request_timeout() -> u32 {
    10_000
}

impl Options {
    pub fn parse(text: &str) -> Result<Options, String> {
        let node =
            json::parse(text).map_err(|e| format!("init options are not valid JSON: {e}"))?;
        let options: Options = json::from_node(&node).map_err(|e| {
            let at = match e.pointer.strip_prefix('/') {
                Some(field) => format!(" (at {field})"),
                None => String::new(),
            };
            format!("init options: {}{at}", e.message)
        })?;
        if options.write_key.trim().is_empty() {
            return Err("init options: `writeKey` must not be empty; copy it from your collector's project settings".into());
        }
        check_endpoint(&options.endpoint)?;
        if options.request_timeout_ms < MIN_REQUEST_TIMEOUT_MS {
            return Err(format!(
                "init options: `requestTimeoutMs` is {} but must be at least {MIN_REQUEST_TIMEOUT_MS} \
                 (one second): a shorter limit abandons most requests on a slow connection, so \
                 events would never leave (at requestTimeoutMs)",
                options.request_timeout_ms
            ));
        }
        Ok(options)
    }

    /// `init` was given the file both inline and as a URL: which one is meant cannot be guessed.
    pub fn check_guide_source(&self, inline: bool) -> Result<(), String> {
        match (inline, &self.guides_url) {
            (true, Some(url)) => Err(format!(
                "init options: give either `guides` (the file itself) or `guidesUrl` (where to \
                 fetch it), not both; got both, with guidesUrl \"{url}\""
            )),
            _ => Ok(()),
        }
    }

    /// A localStorage key of this project.
    pub fn key(&self, name: &str) -> String {
        format!("wowpath:{}:{name}", self.write_key)
    }

    /// `GET {endpoint}/v1/progress/{userId}`: the user's progress from other devices.
    pub fn progress_url(&self, user_id: &str) -> String {
        let base = self.endpoint.trim_end_matches('/');
        format!(
            "{base}/v1/progress/{}?writeKey={}",
            encode(user_id),
            encode(&self.write_key)
        )
    }

    pub fn batch_url(&self) -> String {
        format!("{}/v1/batch", self.endpoint.trim_end_matches('/'))
    }
}

/// Percent-encodes everything but unreserved characters (RFC 3986), for a path segment or a
/// query value.
fn encode(text: &str) -> String {
    text.bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b"-_.~".contains(&b) {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

#[cfg(test)]
mod tests;
