//! Projects (who may send events, from where) and the admin credential, from a JSON file
//! and/or the environment. With neither, the collector runs in open demo mode.

mod load;

use crate::forward::{Forward, ForwardConfigError};
use serde::Deserialize;

/// One product sending events. Each field's default is noted beside it.
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Project {
    /// Stored with each event; names the project in the dashboard.
    pub id: String,
    /// Keys the widget sends (Basic auth user or the body's `writeKey`). Required.
    pub write_keys: Vec<String>,
    /// Origins (`https://app.example.com`) whose pages may send events and read progress;
    /// `"*"` allows any. Default: none (server-to-server only).
    #[serde(default)]
    pub allowed_origins: Vec<String>,
    /// When set, `GET /v1/progress/{userId}` needs `X-Wowpath-User-Hash` =
    /// hex HMAC-SHA256(secret, userId), computed by the host app's server. Default: none.
    #[serde(default)]
    pub identity_secret: Option<String>,
    /// Sends every stored event of the project on to a Segment-compatible endpoint
    /// (see `forward`). Default: none.
    #[serde(default)]
    pub forward: Option<Forward>,
}

impl Project {
    pub fn allows_origin(&self, origin: &str) -> bool {
        self.allowed_origins.iter().any(|o| o == "*" || o == origin)
    }
}

/// The file given with `--config` (or `WOWPATH_CONFIG`).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct ConfigFile {
    #[serde(default)]
    pub(crate) admin_token: Option<String>,
    #[serde(default)]
    pub(crate) projects: Vec<Project>,
}

#[derive(Debug, Clone, Default)]
pub struct Config {
    /// Empty means open demo mode: any write key (or none) from any origin, stored under
    /// the project `default`.
    pub projects: Vec<Project>,
    /// Reading the dashboard and its API needs this (Basic auth password or Bearer token).
    pub admin_token: Option<String>,
    /// In open demo mode, where the events of project `default` go on to (from the
    /// environment or the command line). Default: none.
    pub open_forward: Option<Forward>,
}

#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("cannot read the config file {path}: {source}")]
    Read {
        path: String,
        source: std::io::Error,
    },
    #[error("the config file {path} is not valid: {source} (expected {{\"admin_token\": \"…\", \"projects\": [{{\"id\": \"…\", \"write_keys\": [\"…\"], \"allowed_origins\": [\"https://…\"]}}]}})")]
    Parse {
        path: String,
        source: serde_json::Error,
    },
    #[error("project `{0}` has no write key: add at least one to `write_keys`")]
    NoWriteKey(String),
    #[error("write key `{0}` is used by two projects: each key must name one project")]
    SharedWriteKey(String),
    #[error("{place}: {source}")]
    Forward {
        /// Where the setting was read, so the message says what to edit.
        place: String,
        source: ForwardConfigError,
    },
    #[error("{0} forwards the project `default`, which is not configured (the config file defines other projects): add `\"forward\"` to a project in the config file instead")]
    NoDefaultProject(&'static str),
    #[error("the project `default` has `forward` in the config file and in {0}: keep one")]
    ForwardTwice(&'static str),
}

pub(crate) const FORWARD_ENV: &str = "WOWPATH_FORWARD_ENDPOINT (or --forward-endpoint)";

pub const OPEN_PROJECT: &str = "default";

impl Config {
    pub fn is_open(&self) -> bool {
        self.projects.is_empty()
    }

    /// The project a write key belongs to. In open mode every key (and no key) is accepted.
    pub fn project_for_key(&self, key: Option<&str>) -> Option<Project> {
        if self.is_open() {
            return Some(Project {
                id: OPEN_PROJECT.into(),
                write_keys: key.map(str::to_owned).into_iter().collect(),
                allowed_origins: vec!["*".into()],
                identity_secret: None,
                forward: self.open_forward.clone(),
            });
        }
        let key = key?;
        self.projects
            .iter()
            .find(|p| p.write_keys.iter().any(|k| k == key))
            .cloned()
    }

    /// Each project that forwards its stream, with where to.
    pub fn forwards(&self) -> Vec<(String, Forward)> {
        if self.is_open() {
            let open = self.open_forward.clone();
            return open
                .map(|f| (OPEN_PROJECT.to_owned(), f))
                .into_iter()
                .collect();
        }
        self.projects
            .iter()
            .filter_map(|p| p.forward.clone().map(|f| (p.id.clone(), f)))
            .collect()
    }

    /// Whether any project accepts this origin (answers CORS preflights, which carry no key).
    pub fn any_allows_origin(&self, origin: &str) -> bool {
        self.is_open() || self.projects.iter().any(|p| p.allows_origin(origin))
    }
}

#[cfg(test)]
#[path = "tests.rs"]
mod tests;
