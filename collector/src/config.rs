//! Projects (who may send events, from where) and the admin credential, from a JSON file
//! and/or the environment. With neither, the collector runs in open demo mode.

use crate::forward::{Forward, ForwardConfigError};
use serde::Deserialize;
use std::path::Path;

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
struct ConfigFile {
    #[serde(default)]
    admin_token: Option<String>,
    #[serde(default)]
    projects: Vec<Project>,
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

const FORWARD_ENV: &str = "WOWPATH_FORWARD_ENDPOINT (or --forward-endpoint)";

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

    /// Reads the file (if any), then the environment: `WOWPATH_WRITE_KEY` (comma-separated
    /// keys), `WOWPATH_ALLOWED_ORIGINS` (comma-separated) and `WOWPATH_IDENTITY_SECRET` add a
    /// project `default`; `WOWPATH_ADMIN_TOKEN` sets the admin credential.
    pub fn load(
        file: Option<&Path>,
        env: impl Fn(&str) -> Option<String>,
    ) -> Result<Config, ConfigError> {
        let shown_file = file.map_or(String::new(), |p| p.display().to_string());
        let parsed = match file {
            Some(path) => {
                let shown = path.display().to_string();
                let text = std::fs::read_to_string(path).map_err(|source| ConfigError::Read {
                    path: shown.clone(),
                    source,
                })?;
                serde_json::from_str(&text).map_err(|source| ConfigError::Parse {
                    path: shown,
                    source,
                })?
            }
            None => ConfigFile::default(),
        };
        let mut config = Config {
            projects: parsed.projects,
            admin_token: parsed.admin_token,
            open_forward: None,
        };
        let list = |name: &str| -> Vec<String> {
            env(name)
                .map(|v| {
                    v.split(',')
                        .map(str::trim)
                        .filter(|s| !s.is_empty())
                        .map(str::to_owned)
                        .collect()
                })
                .unwrap_or_default()
        };
        let keys = list("WOWPATH_WRITE_KEY");
        if !keys.is_empty() {
            config.projects.push(Project {
                id: OPEN_PROJECT.into(),
                write_keys: keys,
                allowed_origins: list("WOWPATH_ALLOWED_ORIGINS"),
                identity_secret: env("WOWPATH_IDENTITY_SECRET").filter(|s| !s.is_empty()),
                forward: None,
            });
        }
        let env_forward = Forward::from_env(&env).map_err(|source| ConfigError::Forward {
            place: "the command line or environment".into(),
            source,
        })?;
        if let Some(forward) = env_forward {
            forward.check().map_err(|source| ConfigError::Forward {
                place: FORWARD_ENV.into(),
                source,
            })?;
            config.forward_default(forward)?;
        }
        if let Some(token) = env("WOWPATH_ADMIN_TOKEN").filter(|s| !s.is_empty()) {
            config.admin_token = Some(token);
        }
        config.check(&shown_file)?;
        Ok(config)
    }

    /// The single-project forward setting goes to the project `default`.
    fn forward_default(&mut self, forward: Forward) -> Result<(), ConfigError> {
        if self.is_open() {
            self.open_forward = Some(forward);
            return Ok(());
        }
        let project = self
            .projects
            .iter_mut()
            .find(|p| p.id == OPEN_PROJECT)
            .ok_or(ConfigError::NoDefaultProject(FORWARD_ENV))?;
        if project.forward.is_some() {
            return Err(ConfigError::ForwardTwice(FORWARD_ENV));
        }
        project.forward = Some(forward);
        Ok(())
    }

    fn check(&self, file: &str) -> Result<(), ConfigError> {
        let forward_error = |project: &str, source| ConfigError::Forward {
            place: if file.is_empty() {
                format!("{FORWARD_ENV}, project `{project}`")
            } else {
                format!("{file}: project `{project}`, `forward`")
            },
            source,
        };
        for (project, forward) in self.forwards() {
            forward
                .check()
                .map_err(|source| forward_error(&project, source))?;
        }
        let mut seen = std::collections::HashSet::new();
        for p in &self.projects {
            if p.write_keys.is_empty() {
                return Err(ConfigError::NoWriteKey(p.id.clone()));
            }
            for k in &p.write_keys {
                if !seen.insert(k.as_str()) {
                    return Err(ConfigError::SharedWriteKey(k.clone()));
                }
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env_of(pairs: &'static [(&'static str, &'static str)]) -> impl Fn(&str) -> Option<String> {
        move |name| {
            pairs
                .iter()
                .find(|(k, _)| *k == name)
                .map(|(_, v)| v.to_string())
        }
    }

    #[test]
    fn no_config_is_open_demo_mode() {
        let c = Config::load(None, env_of(&[])).expect("loads");
        assert!(c.is_open());
        assert_eq!(
            c.project_for_key(Some("demo")).map(|p| p.id),
            Some("default".into())
        );
        assert!(c.project_for_key(None).is_some());
        assert!(c.any_allows_origin("https://anywhere.example"));
    }

    #[test]
    fn the_environment_defines_a_project() {
        let c = Config::load(
            None,
            env_of(&[
                ("WOWPATH_WRITE_KEY", "k1, k2"),
                ("WOWPATH_ALLOWED_ORIGINS", "https://a.example"),
                ("WOWPATH_ADMIN_TOKEN", "s3cret"),
            ]),
        )
        .expect("loads");
        assert!(!c.is_open());
        assert!(c.project_for_key(Some("k2")).is_some());
        assert!(c.project_for_key(Some("demo")).is_none());
        assert!(c.project_for_key(None).is_none());
        assert!(c.any_allows_origin("https://a.example"));
        assert!(!c.any_allows_origin("https://b.example"));
        assert_eq!(c.admin_token.as_deref(), Some("s3cret"));
    }

    #[test]
    fn a_key_shared_by_two_projects_is_an_error() {
        let dir = std::env::temp_dir().join(format!("wowpath-config-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("dir");
        let path = dir.join("c.json");
        std::fs::write(
            &path,
            r#"{"projects":[{"id":"a","write_keys":["k"]},{"id":"b","write_keys":["k"]}]}"#,
        )
        .expect("write");
        let err = Config::load(Some(&path), env_of(&[])).expect_err("must fail");
        assert!(err.to_string().contains("used by two projects"), "{err}");
        std::fs::write(&path, r#"{"projects":[{"id":"a","write_key":["k"]}]}"#).expect("write");
        let err = Config::load(Some(&path), env_of(&[])).expect_err("must fail");
        assert!(err.to_string().contains("write_key"), "{err}");
    }
}
