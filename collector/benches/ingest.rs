//! Ingest benchmark on loopback: events per second with durable (synchronous=FULL) group
//! commits, p50/p99 latency at a fixed request rate, and beside them a raw SQLite insert loop
//! of the same rows with the same pragmas, measured in this same run.
//! Run with `cargo xtask bench collector`.

#[path = "../tests/support/http.rs"]
mod http;
#[path = "parts/message.rs"]
mod message;
// Shared with `ingest_parts`, which uses the rest of them.
#[allow(dead_code)]
#[path = "parts/rows.rs"]
mod rows;
#[allow(dead_code)]
#[path = "parts/serve.rs"]
mod serve;

use message::{bodies, message};

use std::sync::Arc;
use std::time::{Duration, Instant};
use wowpath_collector::ingest::message::{check, to_stored, Receipt};
use wowpath_collector::store::{SqliteStore, StoredEvent, WRITER_CACHE_KIB};
use wowpath_collector::AppState;

const EVENTS: usize = 150_000;
const PER_BATCH: usize = 50;
/// Loopback connections sending at once: a few busy pages' worth, then a crowd. More requests
/// waiting means larger group commits, so the second figure is the collector's ceiling.
const CONNECTIONS: [usize; 2] = [32, 256];
/// Connections of the fixed-rate latency run.
const CLIENTS: usize = 32;
const FIXED_RATE_REQS_PER_S: u64 = 100;
const FIXED_RATE_SECS: u64 = 3;

/// The collector on loopback over a SQLite file, as it runs in production.
fn start_server(db: &std::path::Path) -> (String, AppState) {
    serve::start(Arc::new(
        SqliteStore::open(db).expect("open the bench database"),
    ))
}

/// Requests at a fixed schedule; latency counts from the scheduled send time, so a slow
/// answer delays nothing it should not (no coordinated omission). Returns sorted latencies.
fn fixed_rate(addr: &str, bodies: Arc<Vec<String>>) -> Vec<Duration> {
    let per_thread = CLIENTS;
    let interval = Duration::from_nanos(1_000_000_000 / FIXED_RATE_REQS_PER_S);
    let start = Instant::now() + Duration::from_millis(50);
    let threads: Vec<_> = (0..per_thread)
        .map(|k| {
            let (addr, bodies) = (addr.to_owned(), bodies.clone());
            std::thread::spawn(move || {
                let mut conn = http::Conn::open(&addr).expect("connect");
                let mut lat = Vec::new();
                let mut j = k;
                while j < bodies.len() {
                    let due = start + interval * j as u32;
                    if let Some(wait) = due.checked_duration_since(Instant::now()) {
                        std::thread::sleep(wait);
                    }
                    let (status, _) = conn.post("/v1/batch", bodies[j].as_bytes()).expect("post");
                    assert_eq!(status, 200);
                    lat.push(due.elapsed());
                    j += per_thread;
                }
                lat
            })
        })
        .collect();
    let mut all: Vec<Duration> = threads
        .into_iter()
        .flat_map(|t| t.join().expect("client"))
        .collect();
    all.sort();
    all
}

/// The same rows through a plain rusqlite loop: prepared INSERT, `per_commit` rows a transaction.
fn raw_loop(db: &std::path::Path, rows: &[StoredEvent], per_commit: usize) -> f64 {
    let _ = std::fs::remove_file(db);
    let store = SqliteStore::open(db).expect("create schema"); // same schema and indexes
    drop(store);
    let mut conn = rusqlite::Connection::open(db).expect("open");
    conn.pragma_update(None, "journal_mode", "WAL")
        .expect("wal");
    conn.pragma_update(None, "synchronous", "FULL")
        .expect("full");
    conn.pragma_update(None, "cache_size", -WRITER_CACHE_KIB)
        .expect("the collector's page cache");
    let started = Instant::now();
    for chunk in rows.chunks(per_commit.max(1)) {
        let tx = conn.transaction().expect("tx");
        {
            let mut stmt = tx.prepare_cached(rows::INSERT).expect("prepare");
            for e in chunk {
                rows::insert(&mut stmt, e, &e.message_id);
            }
        }
        tx.commit().expect("commit");
    }
    rows.len() as f64 / started.elapsed().as_secs_f64()
}

fn main() {
    let dir =
        std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../target/bench-collector");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("dir");
    let cores = std::thread::available_parallelism().map_or(0, |n| n.get());
    println!("collector ingest benchmark: {EVENTS} events in batches of {PER_BATCH}, {cores} cores, SQLite WAL + synchronous=FULL on {}", dir.display());
    let receipt = Receipt {
        project: "default",
        sent_at: Some("2026-11-22T10:00:01.000Z"),
        received_ms: 1_795_359_845_000,
    };
    let rows: Vec<StoredEvent> = (0..EVENTS)
        .map(|n| {
            let json = message(n);
            let raw: &serde_json::value::RawValue = serde_json::from_str(&json).expect("json");
            let head = check(raw, usize::MAX).expect("a valid message");
            to_stored(raw.get(), &head, &receipt)
        })
        .collect();
    let load = Arc::new(bodies(0, EVENTS, PER_BATCH));
    println!();
    for clients in CONNECTIONS {
        // A fresh database for each run, so each starts from the same empty index.
        let (addr, state) = start_server(&dir.join(format!("collector-{clients}.db")));
        let served = serve::over_loopback(&addr, load.clone(), clients, EVENTS);
        let commits = serve::metric(&state, "wowpath_commits_total");
        let per_commit = (serve::metric(&state, "wowpath_events_stored_total") / commits.max(1.0))
            .round() as usize;
        let busy_ms = serve::metric(&state, "wowpath_commit_microseconds_total") / 1e3;
        let raw = raw_loop(&dir.join("raw.db"), &rows, per_commit);
        println!("  {clients:>3} connections: collector, HTTP + JSON + durable group commit : {served:>7.0} events/s  ({commits:.0} commits of {per_commit} events, {:.1} ms each)", busy_ms / commits.max(1.0));
        println!("                   raw SQLite loop, same {per_commit:>5} rows a transaction : {raw:>7.0} events/s  -> collector = {:.2}x raw", served / raw);
    }
    let raw_per_batch = raw_loop(&dir.join("raw.db"), &rows, PER_BATCH);
    println!("                   raw SQLite loop, {PER_BATCH:>5} rows a transaction       : {raw_per_batch:>7.0} events/s");

    // Latency on a fresh collector at a fixed rate, after the load above has settled.
    std::thread::sleep(Duration::from_secs(2));
    let (addr, state) = start_server(&dir.join("collector-fixed.db"));
    let fixed = Arc::new(bodies(
        EVENTS,
        (FIXED_RATE_REQS_PER_S * FIXED_RATE_SECS) as usize * PER_BATCH,
        PER_BATCH,
    ));
    let lat = fixed_rate(&addr, fixed);
    let fixed_commits = serve::metric(&state, "wowpath_commits_total");
    let fixed_busy_ms = serve::metric(&state, "wowpath_commit_microseconds_total") / 1e3;
    let pct =
        |p: f64| lat[((lat.len() as f64 * p) as usize).min(lat.len() - 1)].as_secs_f64() * 1e3;
    println!("  latency at {FIXED_RATE_REQS_PER_S} requests/s ({} events/s) for {FIXED_RATE_SECS} s over {CLIENTS} connections: p50 {:.2} ms, p99 {:.2} ms, max {:.2} ms ({} requests, commits {:.1} ms each)",
        FIXED_RATE_REQS_PER_S as usize * PER_BATCH, pct(0.50), pct(0.99), pct(1.0), lat.len(), fixed_busy_ms / fixed_commits.max(1.0));
    println!("  targets: >= 50000 events/s and >= 0.5x the raw loop");
    let _ = std::fs::remove_dir_all(&dir);
}
