//! An in-process collector over a real SQLite file in a fresh temp folder.
#![allow(dead_code)]

use axum::body::Body;
use axum::http::{Request, StatusCode};
use http_body_util::BodyExt;
use serde_json::{json, Value};
use std::path::PathBuf;
use std::sync::Arc;
use tower::ServiceExt;
use wowpath_collector::app::Clock;
use wowpath_collector::store::SqliteStore;
use wowpath_collector::{app, AppState, Config, Limits, Static};

/// 2026-11-22T15:04:05.000Z
pub const NOW_MS: u64 = 1_795_359_845_000;

pub struct FixedClock;
impl Clock for FixedClock {
    fn now_ms(&self) -> u64 {
        NOW_MS
    }
}

pub struct Fixture {
    pub dir: PathBuf,
    pub router: axum::Router,
}

pub struct Answer {
    pub status: StatusCode,
    pub headers: axum::http::HeaderMap,
    pub json: Value,
    pub text: String,
}

impl Fixture {
    pub fn new(name: &str) -> Fixture {
        Fixture::with(name, Config::default(), Limits::default())
    }

    pub fn with(name: &str, config: Config, limits: Limits) -> Fixture {
        let dir =
            std::env::temp_dir().join(format!("wowpath-collector-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        Fixture::reopen(dir, config, limits)
    }

    /// A collector over the events file already in `dir` (a restart), or a new one.
    pub fn reopen(dir: PathBuf, config: Config, limits: Limits) -> Fixture {
        Fixture::serving(dir, config, limits, Static::default())
    }

    /// A collector that also serves static files (`/pkg`, `/`).
    pub fn serving(dir: PathBuf, config: Config, limits: Limits, statics: Static) -> Fixture {
        std::fs::create_dir_all(&dir).expect("temp dir");
        let store = SqliteStore::open(&dir.join("events.db")).expect("open store");
        let state = AppState::new(Arc::new(store), Arc::new(FixedClock), config, limits);
        Fixture {
            dir,
            router: app(state, statics),
        }
    }

    pub fn db(&self) -> PathBuf {
        self.dir.join("events.db")
    }

    pub async fn send(&self, req: Request<Body>) -> Answer {
        let res = self.router.clone().oneshot(req).await.expect("response");
        let status = res.status();
        let headers = res.headers().clone();
        let bytes = res.into_body().collect().await.expect("body").to_bytes();
        let text = String::from_utf8_lossy(&bytes).into_owned();
        Answer {
            status,
            headers,
            json: serde_json::from_slice(&bytes).unwrap_or(Value::Null),
            text,
        }
    }

    pub async fn post(
        &self,
        path: &str,
        headers: &[(&str, &str)],
        body: impl Into<Body>,
    ) -> Answer {
        let mut req = Request::post(path).header("content-type", "text/plain");
        for (k, v) in headers {
            req = req.header(*k, *v);
        }
        self.send(req.body(body.into()).expect("request")).await
    }

    /// A batch of one track message with `message_id`, with no write key (open mode).
    pub async fn post_track(&self, message_id: &str) -> Answer {
        let body = serde_json::json!({ "batch": [track(message_id)] }).to_string();
        self.post("/v1/batch", &[], body).await
    }

    pub async fn get(&self, path: &str, headers: &[(&str, &str)]) -> Answer {
        let mut req = Request::get(path);
        for (k, v) in headers {
            req = req.header(*k, *v);
        }
        self.send(req.body(Body::empty()).expect("request")).await
    }

    /// Rows as JSON objects, by a query on a separate connection.
    pub fn rows(&self, sql: &str) -> Vec<Value> {
        let conn = rusqlite::Connection::open(self.db()).expect("open");
        let mut stmt = conn.prepare(sql).expect("prepare");
        let names: Vec<String> = stmt.column_names().into_iter().map(str::to_owned).collect();
        stmt.query_map([], |r| {
            let mut obj = serde_json::Map::new();
            for (i, n) in names.iter().enumerate() {
                let v = match r.get_ref(i)? {
                    rusqlite::types::ValueRef::Null => Value::Null,
                    rusqlite::types::ValueRef::Integer(n) => json!(n),
                    rusqlite::types::ValueRef::Real(f) => json!(f),
                    rusqlite::types::ValueRef::Text(t) => json!(String::from_utf8_lossy(t)),
                    rusqlite::types::ValueRef::Blob(_) => Value::Null,
                };
                obj.insert(n.clone(), v);
            }
            Ok(Value::Object(obj))
        })
        .expect("query")
        .collect::<Result<_, _>>()
        .expect("rows")
    }
}

pub fn track(id: &str) -> Value {
    json!({"type": "track", "messageId": id, "anonymousId": "anon", "event": "Project Created",
           "properties": {}, "timestamp": "2026-11-22T10:00:00.000Z"})
}

/// A config with one project: write key `wk_live`, origin https://app.example, and
/// optionally an identity secret.
pub fn one_project(secret: Option<&str>) -> Config {
    Config {
        projects: vec![wowpath_collector::config::Project {
            id: "trackly".into(),
            write_keys: vec!["wk_live".into()],
            allowed_origins: vec!["https://app.example".into()],
            identity_secret: secret.map(str::to_owned),
            forward: None,
        }],
        admin_token: Some("admin-secret".into()),
        open_forward: None,
    }
}

pub fn basic(user: &str, password: &str) -> String {
    use base64::Engine;
    format!(
        "Basic {}",
        base64::engine::general_purpose::STANDARD.encode(format!("{user}:{password}"))
    )
}
