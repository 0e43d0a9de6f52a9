//! The collector in this process: over a real store or over one that keeps nothing (so the
//! HTTP, JSON and validation costs show without the disk), reached in-process or by
//! loopback connections.

use axum::body::Body;
use axum::http::Request;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::Instant;
use tower::ServiceExt;
use wowpath_collector::app::SystemClock;
use wowpath_collector::store::{EventQuery, EventRow, Outbox, Store, StoreError, StoredEvent};
use wowpath_collector::{app, AppState, Config, Limits, Static};

/// Accepts every batch at once and keeps nothing.
pub struct NullStore;

impl Store for NullStore {
    fn insert(&self, batches: &[Vec<StoredEvent>]) -> Result<Vec<usize>, StoreError> {
        Ok(batches.iter().map(Vec::len).collect())
    }
    fn events(&self, _: &EventQuery) -> Result<Vec<EventRow>, StoreError> {
        Ok(Vec::new())
    }
    fn open_outbox(&self) -> Result<Box<dyn Outbox>, StoreError> {
        Err(StoreError("keeps nothing".into()))
    }
    fn describe(&self) -> String {
        "null".into()
    }
}

/// Serves on 127.0.0.1 from a runtime of its own; returns the address and the state.
pub fn start(store: Arc<dyn Store>) -> (String, AppState) {
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let rt = tokio::runtime::Builder::new_multi_thread()
            .enable_all()
            .build()
            .expect("runtime");
        rt.block_on(async move {
            let state = AppState::new(
                store,
                Arc::new(SystemClock),
                Config::default(),
                Limits::default(),
            );
            let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
                .await
                .expect("bind");
            let addr = listener.local_addr().expect("addr").to_string();
            tx.send((addr, state.clone())).expect("send");
            axum::serve(listener, app(state, Static::default()))
                .await
                .expect("serve");
        });
    });
    rx.recv().expect("server started")
}

/// Events per second through the router called in-process, one request at a time.
pub fn in_process(bodies: &[String], events: usize) -> f64 {
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("rt");
    rt.block_on(async {
        let state = AppState::new(
            Arc::new(NullStore),
            Arc::new(SystemClock),
            Config::default(),
            Limits::default(),
        );
        let router = app(state, Static::default());
        let started = Instant::now();
        for body in bodies {
            let req = Request::post("/v1/batch")
                .body(Body::from(body.clone()))
                .expect("request");
            let res = router.clone().oneshot(req).await.expect("answer");
            assert_eq!(res.status(), 200);
        }
        events as f64 / started.elapsed().as_secs_f64()
    })
}

/// Events per second with `clients` loopback connections sending all bodies.
pub fn over_loopback(addr: &str, bodies: Arc<Vec<String>>, clients: usize, events: usize) -> f64 {
    let next = Arc::new(AtomicUsize::new(0));
    let started = Instant::now();
    let threads: Vec<_> = (0..clients)
        .map(|_| {
            let (addr, bodies, next) = (addr.to_owned(), bodies.clone(), next.clone());
            std::thread::spawn(move || {
                let mut conn = crate::http::Conn::open(&addr).expect("connect");
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some(body) = bodies.get(i) else { return };
                    // As the widget does: 429 and 503 (a commit slower than 4 s on a busy
                    // disk) are retried after a pause; the messageId makes that harmless.
                    loop {
                        let (status, text) = conn.post("/v1/batch", body.as_bytes()).expect("post");
                        match status {
                            200 => break,
                            429 | 503 => std::thread::sleep(std::time::Duration::from_millis(200)),
                            _ => panic!("{status}: {text}"),
                        }
                    }
                }
            })
        })
        .collect();
    for t in threads {
        t.join().expect("client");
    }
    events as f64 / started.elapsed().as_secs_f64()
}

pub fn metric(state: &AppState, name: &str) -> f64 {
    state
        .metrics
        .render(0)
        .lines()
        .find_map(|l| l.strip_prefix(name).and_then(|v| v.trim().parse().ok()))
        .unwrap_or(0.0)
}
