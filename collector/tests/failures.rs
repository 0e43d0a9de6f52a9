//! The answers when the store cannot keep up or fails: 429, 503, with Retry-After, never a
//! request held for long. The store is a real SQLite file, locked or broken by a second
//! connection.

mod support;

use axum::http::StatusCode;
use serde_json::json;
use std::time::{Duration, Instant};
use support::{track, Fixture};
use wowpath_collector::Limits;

#[tokio::test]
async fn a_failing_store_answers_503_with_retry_after() {
    let f = Fixture::new("store-fails");
    let conn = rusqlite::Connection::open(f.db()).expect("open");
    conn.execute_batch("CREATE TRIGGER refuse BEFORE INSERT ON events BEGIN SELECT RAISE(ABORT, 'disk on fire'); END;")
        .expect("trigger");
    let a = f.post_track("m1").await;
    assert_eq!(a.status, StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(a.json["error"]["code"], "store_unavailable");
    assert!(
        !a.text.contains("disk on fire"),
        "internal detail must not leak: {}",
        a.text
    );
    assert!(a.headers.contains_key("retry-after"));

    conn.execute_batch("DROP TRIGGER refuse").expect("drop");
    let a = f.post_track("m1").await;
    assert_eq!(
        (a.status, a.json["stored"].as_u64()),
        (StatusCode::OK, Some(1)),
        "the retry succeeds"
    );
}

#[tokio::test]
async fn a_stuck_store_gives_429_to_newcomers_and_503_after_the_commit_wait() {
    let limits = Limits {
        commit_queue_events: 1,
        commit_wait: Duration::from_millis(400),
        ..Limits::default()
    };
    let f = Fixture::with("overload", Default::default(), limits);
    let blocker = rusqlite::Connection::open(f.db()).expect("open");
    blocker
        .execute_batch("BEGIN IMMEDIATE")
        .expect("lock the database");

    let started = Instant::now();
    let router = f.router.clone();
    let first = tokio::spawn(async move {
        let f = Fixture {
            dir: std::path::PathBuf::new(),
            router,
        };
        f.post_track("m1").await
    });
    // Wait until the first request's event is queued behind the lock.
    while !f
        .get("/metrics", &[])
        .await
        .text
        .contains("wowpath_commit_queue_events 1")
    {
        assert!(
            started.elapsed() < Duration::from_secs(2),
            "the first event never queued"
        );
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
    let second = f.post_track("m2").await;
    assert_eq!(second.status, StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(
        second.headers.get("retry-after").map(|v| v.as_bytes()),
        Some(&b"1"[..])
    );

    let first = first.await.expect("join");
    assert_eq!(first.status, StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(first.json["error"]["code"], "commit_timeout");
    assert!(
        started.elapsed() < Duration::from_secs(2),
        "held for {:?}",
        started.elapsed()
    );
    blocker.execute_batch("ROLLBACK").expect("unlock");

    let metrics = f.get("/metrics", &[]).await.text;
    assert!(
        metrics.contains("wowpath_requests_refused_total{reason=\"overloaded\"} 1"),
        "{metrics}"
    );
}

#[tokio::test]
async fn health_and_metrics_answer() {
    let f = Fixture::new("health");
    let a = f.get("/health", &[]).await;
    assert_eq!((a.status, a.text.as_str()), (StatusCode::OK, "ok"));
    f.post(
        "/v1/batch",
        &[],
        json!({"batch": [track("m1"), {"type": "track"}]}).to_string(),
    )
    .await;
    let m = f.get("/metrics", &[]).await.text;
    for line in [
        "wowpath_events_stored_total 1",
        "wowpath_events_rejected_total 1",
        "wowpath_commits_total 1",
    ] {
        assert!(m.contains(line), "missing `{line}` in\n{m}");
    }
}

/// A request body that never arrives.
struct Stalled;
impl http_body::Body for Stalled {
    type Data = axum::body::Bytes;
    type Error = std::convert::Infallible;
    fn poll_frame(
        self: std::pin::Pin<&mut Self>,
        _: &mut std::task::Context<'_>,
    ) -> std::task::Poll<Option<Result<http_body::Frame<Self::Data>, Self::Error>>> {
        std::task::Poll::Pending
    }
}

#[tokio::test]
async fn a_body_that_never_arrives_gets_408_after_the_read_limit() {
    let limits = Limits {
        body_read: Duration::from_millis(300),
        ..Limits::default()
    };
    let f = Fixture::with("stalled", Default::default(), limits);
    let started = Instant::now();
    let req = axum::http::Request::post("/v1/batch")
        .body(axum::body::Body::new(Stalled))
        .expect("request");
    let a = f.send(req).await;
    assert_eq!(a.status, StatusCode::REQUEST_TIMEOUT);
    assert!(
        started.elapsed() < Duration::from_secs(2),
        "held for {:?}",
        started.elapsed()
    );
}
