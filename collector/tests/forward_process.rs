//! Forwarding with the real collector binary: a restart after `kill -9` resumes from the
//! stored cursor without resending, and a wrong destination stops the start with a message
//! that says what, where and how to fix it.

#[path = "support/destination.rs"]
mod destination;
#[path = "support/http.rs"]
mod http;
mod support;

use destination::{destination_config, eventually, ids, metric, stored_ids, Destination, DEST_KEY};
use serde_json::{json, Value};
use support::{track, Fixture};
use wowpath_collector::Limits;

const BINARY: &str = env!("CARGO_BIN_EXE_wowpath-collector");

async fn metrics(f: &Fixture) -> String {
    f.get("/metrics", &[]).await.text
}

/// Posts `ids` to a collector binary at `addr`, 100 per batch.
fn post_all(addr: &str, ids: &[String]) {
    let mut conn = http::Conn::open(addr).expect("connect");
    for chunk in ids.chunks(100) {
        let batch: Vec<Value> = chunk.iter().map(|id| track(id)).collect();
        let body = json!({ "batch": batch }).to_string();
        let (status, text) = conn.post("/v1/batch", body.as_bytes()).expect("post");
        assert_eq!(status, 200, "{text}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn after_kill_9_a_restart_resumes_from_the_cursor_without_resending() {
    let b = Fixture::with("fwd-restart-b", destination_config(), Limits::default());
    let dest = Destination::start(b.router.clone(), "127.0.0.1:0").await;
    // B takes A's first batch, then is unavailable (503) until told otherwise.
    dest.script.lock().expect("lock").open_for = Some(1);
    let dir = std::env::temp_dir().join(format!("wowpath-fwd-restart-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("dir");
    let db = dir.join("a.db").to_string_lossy().into_owned();
    let url = dest.url();
    let args = [
        "--db",
        db.as_str(),
        "--forward-endpoint",
        url.as_str(),
        "--forward-write-key",
        DEST_KEY,
    ];
    let (mut a, addr) = http::spawn_collector(BINARY, &args);
    let sent = ids("restart", 5_000);
    let to_send = sent.clone();
    tokio::task::spawn_blocking(move || post_all(&addr, &to_send))
        .await
        .expect("client");

    eventually(20, "A to deliver one batch and be refused the next", || {
        let seen = dest.seen();
        seen.iter().any(|s| s.status == 200) && seen.iter().any(|s| s.status == 503)
    })
    .await;
    a.kill().expect("kill -9");
    a.wait().expect("reap");
    let delivered = stored_ids(&b).len();
    assert!(
        delivered > 0 && delivered < 5_000,
        "{delivered} delivered before the kill"
    );

    dest.script.lock().expect("lock").closed = false;
    let (mut a, _) = http::spawn_collector(BINARY, &args);
    eventually(30, "B to store all 5,000 events", || {
        stored_ids(&b).len() >= 5_000
    })
    .await;
    let _ = a.kill();
    let _ = a.wait();
    assert_eq!(stored_ids(&b), sent);
    assert_eq!(
        metric(&metrics(&b).await, "wowpath_events_accepted_total"),
        5_000.0,
        "no event B acknowledged was sent again after the restart"
    );
}

/// Starts the binary expecting it to refuse the configuration; returns what it said.
fn refused_start(args: &[&str]) -> String {
    let out = std::process::Command::new(BINARY)
        .args(["--addr", "127.0.0.1:0", "--db", ":memory:"])
        .args(args)
        .env_remove("WOWPATH_FORWARD_ENDPOINT")
        .env_remove("WOWPATH_FORWARD_WRITE_KEY")
        .output()
        .expect("run");
    assert!(!out.status.success(), "started with {args:?}");
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
fn a_wrong_destination_stops_the_start_with_what_where_and_how_to_fix() {
    let said = refused_start(&[
        "--forward-endpoint",
        "ftp://api.segment.io",
        "--forward-write-key",
        "k",
    ]);
    assert!(
        said.contains("--forward-endpoint")
            && said.contains("not an http(s) URL")
            && said.contains("https://api.segment.io"),
        "{said}"
    );
    let said = refused_start(&["--forward-endpoint", "https://api.segment.io"]);
    assert!(said.contains("WOWPATH_FORWARD_WRITE_KEY"), "{said}");
    let dir = std::env::temp_dir().join(format!("wowpath-fwd-config-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("dir");
    let file = dir.join("config.json");
    std::fs::write(&file, r#"{"projects":[{"id":"trackly","write_keys":["k"],"forward":{"endpoint":"https://a.example?x=1","write_key":"d"}}]}"#).expect("write");
    let said = refused_start(&["--config", file.to_str().expect("utf-8")]);
    assert!(
        said.contains("config.json")
            && said.contains("project `trackly`")
            && said.contains("query"),
        "{said}"
    );
    std::fs::write(&file, r#"{"projects":[{"id":"trackly","write_keys":["k"],"forward":{"endpoint":"https://a.example","writeKey":"d"}}]}"#).expect("write");
    let said = refused_start(&["--config", file.to_str().expect("utf-8")]);
    assert!(said.contains("writeKey"), "{said}");
}
