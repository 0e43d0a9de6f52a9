//! A forwarding destination on a real loopback socket: a real collector behind a front
//! that records every request and can be told to answer some of them with an error first
//! (429 with Retry-After, 500, a 503 while "down", a 400 for one messageId).
#![allow(dead_code)]

use super::support::Fixture;
use axum::body::{Body, Bytes};
use axum::extract::State;
use axum::http::{HeaderMap, Request, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Router;
use std::collections::VecDeque;
use std::net::SocketAddr;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;
use std::time::Instant;
use tower::ServiceExt;
use wowpath_collector::config::Project;
use wowpath_collector::forward::Forward;
use wowpath_collector::{Config, Limits};

/// One request the destination received.
#[derive(Debug, Clone)]
pub struct Seen {
    pub at: Instant,
    pub authorization: String,
    pub content_type: String,
    pub bytes: usize,
    pub ids: Vec<String>,
    pub has_sent_at: bool,
    pub status: u16,
}

#[derive(Default)]
pub struct Script {
    /// Answered first, one per request: (status, Retry-After seconds).
    pub answers: VecDeque<(u16, Option<u64>)>,
    /// While true, every request gets 503 with `Retry-After: 1`.
    pub closed: bool,
    /// Lets this many requests through, then closes.
    pub open_for: Option<usize>,
    /// A batch holding this messageId gets 400.
    pub refuse_id: Option<String>,
}

#[derive(Clone)]
pub struct Destination {
    pub addr: SocketAddr,
    pub seen: Arc<Mutex<Vec<Seen>>>,
    pub script: Arc<Mutex<Script>>,
    /// Requests received but not yet recorded in `seen`: the inner collector stores a
    /// batch before the front records its answer, so a test that saw the rows land must
    /// wait for this to reach zero before reading `seen`.
    in_flight: Arc<AtomicUsize>,
    collector: Router,
}

/// Serves `router` on `addr` (`127.0.0.1:0` for any port) until the runtime ends.
pub async fn listen(router: Router, addr: &str) -> SocketAddr {
    let listener = tokio::net::TcpListener::bind(addr).await.expect("bind");
    let bound = listener.local_addr().expect("addr");
    tokio::spawn(async move { axum::serve(listener, router).await });
    bound
}

impl Destination {
    /// Puts the front before `collector` and listens on `addr`.
    pub async fn start(collector: Router, addr: &str) -> Destination {
        let mut d = Destination {
            addr: "127.0.0.1:0".parse().expect("addr"),
            seen: Arc::default(),
            script: Arc::default(),
            in_flight: Arc::default(),
            collector,
        };
        let front = Router::new()
            .route("/v1/batch", axum::routing::post(receive))
            .with_state(d.clone());
        d.addr = listen(front, addr).await;
        d
    }

    pub fn url(&self) -> String {
        format!("http://{}", self.addr)
    }

    pub fn seen(&self) -> Vec<Seen> {
        self.seen.lock().expect("lock").clone()
    }

    /// Every request recorded, once none is still being answered.
    pub async fn settled(&self) -> Vec<Seen> {
        eventually(5, "the destination to record its last answer", || {
            self.in_flight.load(Ordering::SeqCst) == 0
        })
        .await;
        self.seen()
    }
}

async fn receive(State(d): State<Destination>, headers: HeaderMap, body: Bytes) -> Response {
    d.in_flight.fetch_add(1, Ordering::SeqCst);
    let header = |name: &str| {
        headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
            .to_owned()
    };
    let parsed: serde_json::Value = serde_json::from_slice(&body).unwrap_or_default();
    let ids: Vec<String> = parsed["batch"]
        .as_array()
        .map(|b| {
            b.iter()
                .filter_map(|m| m["messageId"].as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default();
    let scripted = {
        let mut script = d.script.lock().expect("lock");
        if let Some(n) = script.open_for {
            script.closed = n == 0;
            script.open_for = n.checked_sub(1);
        }
        if script.closed {
            Some((503, Some(1)))
        } else if let Some(answer) = script.answers.pop_front() {
            Some(answer)
        } else if script.refuse_id.as_ref().is_some_and(|r| ids.contains(r)) {
            Some((400, None))
        } else {
            None
        }
    };
    let response = match scripted {
        Some((status, retry_after)) => {
            let mut r = (
                StatusCode::from_u16(status).expect("status"),
                "scripted answer",
            )
                .into_response();
            if let Some(secs) = retry_after {
                r.headers_mut()
                    .insert("retry-after", secs.to_string().parse().expect("header"));
            }
            r
        }
        None => {
            let mut req = Request::post("/v1/batch");
            for (k, v) in &headers {
                req = req.header(k, v);
            }
            let req = req.body(Body::from(body.clone())).expect("request");
            d.collector.clone().oneshot(req).await.expect("answer")
        }
    };
    d.seen.lock().expect("lock").push(Seen {
        at: Instant::now(),
        authorization: header("authorization"),
        content_type: header("content-type"),
        bytes: body.len(),
        ids,
        has_sent_at: parsed["sentAt"].is_string(),
        status: response.status().as_u16(),
    });
    d.in_flight.fetch_sub(1, Ordering::SeqCst);
    response
}

/// A metric's value in Prometheus text (the first series whose name and labels start so).
pub fn metric(text: &str, series: &str) -> f64 {
    text.lines()
        .filter(|l| !l.starts_with('#'))
        .find_map(|l| {
            let (name, value) = l.rsplit_once(' ')?;
            (name == series).then(|| value.parse().ok()).flatten()
        })
        .unwrap_or(0.0)
}

/// Polls `done` every 50 ms until it holds or `secs` pass; says what it waited for.
pub async fn eventually(secs: u64, what: &str, mut done: impl FnMut() -> bool) {
    let until = Instant::now() + std::time::Duration::from_secs(secs);
    while !done() {
        assert!(
            Instant::now() < until,
            "timed out after {secs} s waiting for {what}"
        );
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
}

pub const DEST_KEY: &str = "wk_destination";

/// B: a project whose write key is the one A must send.
pub fn destination_config() -> Config {
    Config {
        projects: vec![Project {
            id: "mirror".into(),
            write_keys: vec![DEST_KEY.into()],
            allowed_origins: vec![],
            identity_secret: None,
            forward: None,
        }],
        ..Config::default()
    }
}

/// A: open demo mode, forwarding project `default` to `url`.
pub fn forwarding_to(url: &str) -> Config {
    Config {
        open_forward: Some(Forward {
            endpoint: url.into(),
            write_key: DEST_KEY.into(),
        }),
        ..Config::default()
    }
}

/// Quick retries, so the tests wait for behaviour rather than for the clock.
pub fn quick() -> Limits {
    Limits {
        forward_backoff_first: Duration::from_millis(50),
        forward_backoff_max: Duration::from_millis(400),
        forward_idle_poll: Duration::from_millis(20),
        ..Limits::default()
    }
}

pub fn ids(prefix: &str, n: usize) -> Vec<String> {
    (0..n).map(|i| format!("{prefix}-{i:05}")).collect()
}

/// B's messageIds in the order it stored them.
pub fn stored_ids(f: &Fixture) -> Vec<String> {
    f.rows("SELECT message_id FROM events ORDER BY rowid")
        .iter()
        .map(|r| r["message_id"].as_str().unwrap_or("").to_owned())
        .collect()
}
