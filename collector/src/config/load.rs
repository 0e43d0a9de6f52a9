//! Reading the configuration: the file, then the environment and command line, then checking
//! that every project can receive events and every forward destination is usable.

use super::{Config, ConfigError, ConfigFile, Project, FORWARD_ENV, OPEN_PROJECT};
use crate::forward::Forward;
use std::path::Path;

impl Config {
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
