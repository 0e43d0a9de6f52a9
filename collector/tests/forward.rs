//! Forwarding the raw stream, end to end on loopback: collector A forwards to collector B
//! (a real collector on a real socket, behind a front that records each request and can
//! answer with errors first). Every event must reach B once, in the order A stored it.

#[path = "support/destination.rs"]
mod destination;
#[path = "support/http.rs"]
mod http;
mod support;

use destination::{
    destination_config, eventually, forwarding_to, ids, listen, metric, quick, stored_ids,
    Destination, DEST_KEY,
};
use serde_json::{json, Value};
use std::time::Duration;
use support::{track, Fixture};
use wowpath_collector::{Config, Limits};

/// Sends `ids` to `f` in batches of `per`; every batch must be stored.
async fn send(f: &Fixture, ids: &[String], per: usize, make: impl Fn(&str) -> Value) {
    for chunk in ids.chunks(per) {
        let batch: Vec<Value> = chunk.iter().map(|id| make(id)).collect();
        let body = json!({"batch": batch, "sentAt": "2026-11-22T10:00:01.000Z"}).to_string();
        let a = f.post("/v1/batch", &[], body).await;
        assert_eq!(a.status.as_u16(), 200, "{}", a.text);
    }
}

async fn metrics(f: &Fixture) -> String {
    f.get("/metrics", &[]).await.text
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_event_reaches_the_destination_once_in_order() {
    let b = Fixture::with("fwd-order-b", destination_config(), Limits::default());
    let dest = Destination::start(b.router.clone(), "127.0.0.1:0").await;
    let limits = Limits {
        forward_batch_messages: 100,
        ..quick()
    };
    let a = Fixture::with("fwd-order-a", forwarding_to(&dest.url()), limits);
    let sent = ids("order", 1_000);
    send(&a, &sent, 50, track).await;

    eventually(20, "B to store 1,000 events", || {
        stored_ids(&b).len() >= 1_000
    })
    .await;
    assert_eq!(
        stored_ids(&b),
        sent,
        "B holds every event once, in A's order"
    );
    // Raw messages travel byte for byte.
    let raw_a = a.rows("SELECT raw FROM events ORDER BY rowid");
    let raw_b = b.rows("SELECT raw FROM events ORDER BY rowid");
    assert_eq!(raw_a, raw_b);
    let seen = dest.settled().await;
    assert!(seen.iter().all(|s| s.status == 200 && s.ids.len() <= 100));
    let expected_auth = support::basic(DEST_KEY, "");
    assert!(seen.iter().all(|s| s.authorization == expected_auth
        && s.content_type == "application/json"
        && s.has_sent_at));
    let b_metrics = metrics(&b).await;
    assert_eq!(
        metric(&b_metrics, "wowpath_events_accepted_total"),
        1_000.0,
        "nothing sent twice"
    );
    let a_metrics = metrics(&a).await;
    assert_eq!(
        metric(
            &a_metrics,
            "wowpath_forward_events_total{project=\"default\"}"
        ),
        1_000.0
    );
    assert_eq!(
        metric(
            &a_metrics,
            "wowpath_forward_lag_events{project=\"default\"}"
        ),
        0.0
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_destination_down_at_first_gets_everything_once_it_is_up() {
    // A port that nothing listens on yet.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("free port")
        .port();
    let a = Fixture::with(
        "fwd-down-a",
        forwarding_to(&format!("http://127.0.0.1:{port}")),
        quick(),
    );
    let sent = ids("down", 300);
    send(&a, &sent, 30, track).await;
    // A keeps trying while B is down.
    let mut failures = 0.0;
    for _ in 0..100 {
        failures = metric(
            &metrics(&a).await,
            "wowpath_forward_failed_attempts_total{project=\"default\"}",
        );
        if failures >= 3.0 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    assert!(
        failures >= 3.0,
        "A retried while B was down ({failures} attempts)"
    );
    assert_eq!(
        metric(
            &metrics(&a).await,
            "wowpath_forward_lag_events{project=\"default\"}"
        ),
        300.0
    );

    let b = Fixture::with("fwd-down-b", destination_config(), Limits::default());
    listen(b.router.clone(), &format!("127.0.0.1:{port}")).await;
    eventually(20, "B to store 300 events", || stored_ids(&b).len() >= 300).await;
    assert_eq!(stored_ids(&b), sent);
    assert_eq!(
        metric(&metrics(&b).await, "wowpath_events_accepted_total"),
        300.0
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn throttling_server_errors_and_redirects_are_retried_honouring_retry_after() {
    let b = Fixture::with("fwd-retry-b", destination_config(), Limits::default());
    let dest = Destination::start(b.router.clone(), "127.0.0.1:0").await;
    dest.script.lock().expect("lock").answers = [(429, Some(1)), (500, None), (301, None)].into();
    let a = Fixture::with("fwd-retry-a", forwarding_to(&dest.url()), quick());
    let sent = ids("retry", 10);
    send(&a, &sent, 10, track).await;

    eventually(20, "B to store 10 events", || stored_ids(&b).len() >= 10).await;
    assert_eq!(stored_ids(&b), sent);
    let seen = dest.settled().await;
    let statuses: Vec<u16> = seen.iter().map(|s| s.status).collect();
    assert_eq!(
        statuses,
        [429, 500, 301, 200],
        "the same batch, tried until it got through"
    );
    assert!(seen.iter().all(|s| s.ids == sent));
    let waited = seen[1].at - seen[0].at;
    assert!(
        waited >= Duration::from_millis(950),
        "Retry-After: 1 was honoured (waited {waited:?})"
    );
    let a_metrics = metrics(&a).await;
    assert_eq!(
        metric(
            &a_metrics,
            "wowpath_forward_failed_attempts_total{project=\"default\"}"
        ),
        3.0
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_event_the_destination_refuses_is_skipped_and_the_rest_delivered() {
    let b = Fixture::with("fwd-refuse-b", destination_config(), Limits::default());
    let dest = Destination::start(b.router.clone(), "127.0.0.1:0").await;
    dest.script.lock().expect("lock").refuse_id = Some("refuse-00013".into());
    let a = Fixture::with("fwd-refuse-a", forwarding_to(&dest.url()), quick());
    let sent = ids("refuse", 40);
    send(&a, &sent, 40, track).await;

    let expected: Vec<String> = sent
        .iter()
        .filter(|id| *id != "refuse-00013")
        .cloned()
        .collect();
    eventually(20, "B to store 39 events", || stored_ids(&b).len() >= 39).await;
    let a_metrics = metrics(&a).await;
    assert_eq!(
        stored_ids(&b),
        expected,
        "only the refused event is missing, order kept"
    );
    assert_eq!(
        metric(
            &a_metrics,
            "wowpath_forward_dropped_events_total{project=\"default\"}"
        ),
        1.0
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_large_backlog_is_split_under_500_kb_and_2000_messages() {
    let b = Fixture::with("fwd-split-b", destination_config(), Limits::default());
    let dest = Destination::start(b.router.clone(), "127.0.0.1:0").await;
    // The backlog builds up before forwarding starts: 300 events of ~5 KB, then 4,500 small.
    let dir = Fixture::with("fwd-split-a", Config::default(), Limits::default()).dir;
    let a = Fixture::reopen(dir.clone(), Config::default(), Limits::default());
    let big = |id: &str| {
        let mut m = track(id);
        m["properties"] = json!({"notes": "x".repeat(5_000)});
        m
    };
    let sent_big = ids("big", 300);
    send(&a, &sent_big, 50, big).await;
    let sent_small = ids("small", 4_500);
    send(&a, &sent_small, 500, track).await;
    drop(a);

    let a = Fixture::reopen(dir, forwarding_to(&dest.url()), quick());
    let all: Vec<String> = sent_big.iter().chain(&sent_small).cloned().collect();
    eventually(30, "B to store 4,800 events", || {
        stored_ids(&b).len() >= 4_800
    })
    .await;
    assert_eq!(stored_ids(&b), all);
    let seen = dest.settled().await;
    assert!(seen.len() >= 6, "{} requests", seen.len());
    for s in &seen {
        assert!(s.bytes <= 500_000, "a request of {} bytes", s.bytes);
        assert!(
            s.ids.len() <= 2_000,
            "a request of {} messages",
            s.ids.len()
        );
        assert_eq!(s.status, 200);
    }
    assert!(
        seen[0].bytes > 400_000,
        "big events fill a batch ({} bytes)",
        seen[0].bytes
    );
    assert_eq!(
        metric(
            &metrics(&a).await,
            "wowpath_forward_events_total{project=\"default\"}"
        ),
        4_800.0
    );
}
