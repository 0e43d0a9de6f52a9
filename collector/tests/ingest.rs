//! In-process router tests: every answer of `POST /v1/batch`, with a real SQLite file.

use axum::body::Body;
use axum::http::{Request, StatusCode};
use http_body_util::BodyExt;
use serde_json::{json, Value};
use std::sync::Arc;
use tower::ServiceExt;
use wowpath_collector::app::Clock;
use wowpath_collector::store::SqliteStore;
use wowpath_collector::{app, AppState, Static};

struct FixedClock;
impl Clock for FixedClock {
    fn now_ms(&self) -> u64 {
        1_795_359_845_000
    }
}

struct Fixture {
    dir: std::path::PathBuf,
    router: axum::Router,
}

impl Fixture {
    fn new(name: &str) -> Fixture {
        let dir =
            std::env::temp_dir().join(format!("wowpath-collector-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("temp dir");
        let store = SqliteStore::open(&dir.join("events.db")).expect("open store");
        let router = app(
            AppState {
                store: Arc::new(store),
                clock: Arc::new(FixedClock),
            },
            Static::default(),
        );
        Fixture { dir, router }
    }

    async fn post(&self, content_type: &str, body: impl Into<Body>) -> (StatusCode, Value) {
        let req = Request::post("/v1/batch")
            .header("content-type", content_type)
            .body(body.into())
            .expect("request");
        let res = self.router.clone().oneshot(req).await.expect("response");
        let status = res.status();
        let bytes = res.into_body().collect().await.expect("body").to_bytes();
        (
            status,
            serde_json::from_slice(&bytes).unwrap_or(Value::Null),
        )
    }

    fn rows(&self) -> Vec<(String, String, Option<String>, String)> {
        let conn = rusqlite::Connection::open(self.dir.join("events.db")).expect("open");
        let mut stmt = conn
            .prepare("SELECT message_id, type, event, received_at FROM events ORDER BY message_id")
            .expect("prepare");
        stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))
            .expect("query")
            .collect::<Result<_, _>>()
            .expect("rows")
    }
}

fn track(id: &str) -> Value {
    json!({"type": "track", "messageId": id, "anonymousId": "anon", "event": "Project Created",
           "properties": {}, "timestamp": "2026-11-22T10:00:00.000Z"})
}

#[tokio::test]
async fn a_valid_batch_is_stored_once_per_message_id() {
    let f = Fixture::new("valid");
    let body = json!({"batch": [track("m1"), track("m2")], "sentAt": "2026-11-22T10:00:01.000Z"})
        .to_string();
    let (status, answer) = f.post("text/plain", body.clone()).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(
        (answer["accepted"].as_u64(), answer["stored"].as_u64()),
        (Some(2), Some(2))
    );
    let (status, answer) = f.post("application/json", body).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(
        answer["stored"].as_u64(),
        Some(0),
        "a retry must not store duplicates"
    );
    let rows = f.rows();
    assert_eq!(rows.len(), 2);
    assert_eq!(
        rows[0],
        (
            "m1".into(),
            "track".into(),
            Some("Project Created".into()),
            "2026-11-22T15:04:05.000Z".into()
        )
    );
}

#[tokio::test]
async fn malformed_bodies_get_a_400_with_a_json_error_and_store_nothing() {
    let f = Fixture::new("malformed");
    for body in ["{not json", "[]", "{\"batch\": 5}", ""] {
        let (status, answer) = f.post("text/plain", body).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{body}");
        assert_eq!(answer["error"]["code"], "bad_request", "{body}");
        assert!(answer["error"]["message"]
            .as_str()
            .is_some_and(|m| !m.is_empty()));
    }
    assert!(f.rows().is_empty());
}

#[tokio::test]
async fn bad_messages_are_rejected_by_index_while_good_ones_are_kept() {
    let f = Fixture::new("partial");
    let mut no_event = track("m3");
    no_event.as_object_mut().expect("object").remove("event");
    let body = json!({"batch": [track("m1"), {"type": "track"}, no_event, 7]}).to_string();
    let (status, answer) = f.post("text/plain", body).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(answer["accepted"], 1);
    let reasons: Vec<(u64, &str)> = answer["rejected"]
        .as_array()
        .expect("rejected")
        .iter()
        .map(|r| {
            (
                r["index"].as_u64().unwrap_or(99),
                r["reason"].as_str().unwrap_or(""),
            )
        })
        .collect();
    assert_eq!(
        reasons,
        [
            (1, "missing_message_id"),
            (2, "missing_event"),
            (3, "not_an_object")
        ]
    );
    assert_eq!(f.rows().len(), 1);
}

#[tokio::test]
async fn a_body_over_the_limit_is_refused() {
    let f = Fixture::new("limit");
    let (status, _) = f
        .post(
            "text/plain",
            vec![b' '; wowpath_collector::app::MAX_BODY_BYTES + 1],
        )
        .await;
    assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE);
}
