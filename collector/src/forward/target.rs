//! Where a project's stream goes: a Segment-compatible endpoint and its write key, checked
//! at start-up so a typo stops the collector with a precise message instead of failing
//! quietly at the first event.

use axum::http::Uri;
use serde::Deserialize;

/// `projects[].forward` in the config file, or `--forward-endpoint` / `--forward-write-key`
/// (`WOWPATH_FORWARD_ENDPOINT` / `WOWPATH_FORWARD_WRITE_KEY`) for the project `default`.
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Forward {
    /// Base URL of the destination, `https://` or `http://`, e.g. `https://api.segment.io`;
    /// batches go to `{endpoint}/v1/batch`. Required.
    pub endpoint: String,
    /// The destination's write key, sent as the Basic auth user name. Required.
    pub write_key: String,
}

#[derive(Debug, thiserror::Error, PartialEq)]
pub enum ForwardConfigError {
    #[error("`endpoint` is `{0}`, which is not an http(s) URL: write the destination's base URL, such as https://api.segment.io (the collector adds /v1/batch)")]
    NotHttp(String),
    #[error("`endpoint` `{0}` has no host: write it as https://host[:port]")]
    NoHost(String),
    #[error("`endpoint` `{0}` has a query or fragment: give only the base URL, such as https://api.segment.io")]
    Query(String),
    #[error(
        "`endpoint` `{0}` carries a user name or password: put the key in `write_key` instead"
    )]
    Credentials(String),
    #[error(
        "`write_key` is empty: give the destination's write key (Segment: the source's write key)"
    )]
    NoWriteKey,
    #[error("{0} is set but {1} is not: set both, or neither")]
    HalfSet(&'static str, &'static str),
}

impl Forward {
    /// The endpoint without surrounding spaces or a trailing `/`: `https://a.example/` and
    /// `https://a.example` are one destination, with one cursor.
    pub fn base_url(&self) -> &str {
        self.endpoint.trim().trim_end_matches('/')
    }

    /// Where batches are posted.
    pub fn batch_url(&self) -> String {
        format!("{}/v1/batch", self.base_url())
    }

    pub fn check(&self) -> Result<(), ForwardConfigError> {
        let text = self.endpoint.trim();
        let lower = text.to_ascii_lowercase();
        if !(lower.starts_with("http://") || lower.starts_with("https://")) {
            return Err(ForwardConfigError::NotHttp(text.into()));
        }
        let uri: Uri = text
            .parse()
            .map_err(|_| ForwardConfigError::NotHttp(text.into()))?;
        let authority = uri
            .authority()
            .filter(|a| !a.host().is_empty())
            .ok_or_else(|| ForwardConfigError::NoHost(text.into()))?;
        if authority.as_str().contains('@') {
            return Err(ForwardConfigError::Credentials(text.into()));
        }
        if uri.query().is_some() || text.contains('#') {
            return Err(ForwardConfigError::Query(text.into()));
        }
        if self.write_key.trim().is_empty() {
            return Err(ForwardConfigError::NoWriteKey);
        }
        Ok(())
    }

    /// The single-project case from the environment (or the command line, which main feeds
    /// through the same lookup): both variables, or neither.
    pub fn from_env(
        env: &impl Fn(&str) -> Option<String>,
    ) -> Result<Option<Forward>, ForwardConfigError> {
        let get = |name| env(name).filter(|v: &String| !v.trim().is_empty());
        const ENDPOINT: &str = "--forward-endpoint (WOWPATH_FORWARD_ENDPOINT)";
        const KEY: &str = "--forward-write-key (WOWPATH_FORWARD_WRITE_KEY)";
        match (
            get("WOWPATH_FORWARD_ENDPOINT"),
            get("WOWPATH_FORWARD_WRITE_KEY"),
        ) {
            (None, None) => Ok(None),
            (Some(_), None) => Err(ForwardConfigError::HalfSet(ENDPOINT, KEY)),
            (None, Some(_)) => Err(ForwardConfigError::HalfSet(KEY, ENDPOINT)),
            (Some(endpoint), Some(write_key)) => Ok(Some(Forward {
                endpoint: endpoint.trim().to_owned(),
                write_key,
            })),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn to(endpoint: &str) -> Result<(), ForwardConfigError> {
        Forward {
            endpoint: endpoint.into(),
            write_key: "k".into(),
        }
        .check()
    }

    #[test]
    fn endpoints_must_be_plain_http_base_urls() {
        assert_eq!(to("https://api.segment.io"), Ok(()));
        assert_eq!(to("http://127.0.0.1:8081/"), Ok(()));
        assert!(matches!(
            to("ftp://x.example"),
            Err(ForwardConfigError::NotHttp(_))
        ));
        assert!(matches!(
            to("api.segment.io"),
            Err(ForwardConfigError::NotHttp(_))
        ));
        assert!(matches!(
            to("https://"),
            Err(ForwardConfigError::NotHttp(_) | ForwardConfigError::NoHost(_))
        ));
        assert!(matches!(
            to("https://a.example/?k=1"),
            Err(ForwardConfigError::Query(_))
        ));
        assert!(matches!(
            to("https://u:p@a.example"),
            Err(ForwardConfigError::Credentials(_))
        ));
        let empty_key = Forward {
            endpoint: "https://a.example".into(),
            write_key: " ".into(),
        };
        assert_eq!(empty_key.check(), Err(ForwardConfigError::NoWriteKey));
        assert_eq!(
            Forward {
                endpoint: "https://a.example/".into(),
                write_key: "k".into()
            }
            .batch_url(),
            "https://a.example/v1/batch"
        );
    }
}
