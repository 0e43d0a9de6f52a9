//! Where an ingested event's time goes: the disk's fsync, SQLite's per-row work with each
//! index, JSON decoding and validation, HTTP on loopback, and how many events share one
//! commit as more clients wait. Each figure is measured here, in this run, on the same rows.
//! Run with `cargo bench -p wowpath-collector --bench ingest_parts`.

#[path = "parts/disk.rs"]
mod disk;
#[path = "../tests/support/http.rs"]
mod http;
#[path = "parts/message.rs"]
mod message;
#[path = "parts/rows.rs"]
mod rows;
#[path = "parts/serve.rs"]
mod serve;

use message::{bodies, message};
use std::sync::Arc;
use std::time::Instant;
use wowpath_collector::ingest::message::{check, to_stored, Receipt};
use wowpath_collector::store::{SqliteStore, StoredEvent, WRITER_CACHE_KIB};

const EVENTS: usize = 150_000;
/// Rows for the per-row figures: enough for the indexes to outgrow SQLite's default cache.
const ROWS: usize = 300_000;
/// Each per-row figure is the median of this many runs, variants interleaved, because the
/// machine is shared and one run can be off by half.
const RUNS: usize = 3;
const PER_BATCH: usize = 50;

/// Checking and converting each message on its own (what the handler does per event).
fn decode_rows(messages: &[String]) -> (Vec<StoredEvent>, f64) {
    let receipt = Receipt {
        project: "default",
        sent_at: Some("2026-11-22T10:00:01.000Z"),
        received_ms: 1_795_359_845_000,
    };
    let started = Instant::now();
    let rows: Vec<StoredEvent> = messages
        .iter()
        .map(|json| {
            let raw: &serde_json::value::RawValue = serde_json::from_str(json).expect("json");
            let head = check(raw, 32 * 1024).expect("a valid message");
            to_stored(raw.get(), &head, &receipt)
        })
        .collect();
    let micros = started.elapsed().as_secs_f64() * 1e6 / messages.len() as f64;
    (rows, micros)
}

fn main() {
    let dir = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../target/bench-collector-parts");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("dir");
    let clients: Vec<usize> = std::env::var("WOWPATH_BENCH_CLIENTS")
        .ok()
        .map(|v| v.split(',').filter_map(|c| c.trim().parse().ok()).collect())
        .unwrap_or_else(|| vec![32, 256]);
    println!("where an ingested event's time goes ({EVENTS} events, {PER_BATCH} per request)\n");
    // `WOWPATH_BENCH_ONLY=e2e` runs the last part alone, e.g. under `strace -c` to count fsyncs.
    let only_e2e = std::env::var("WOWPATH_BENCH_ONLY").is_ok_and(|v| v == "e2e");
    if !only_e2e {
        parts(&dir, &clients);
    }
    e2e(&dir, &clients);
    let _ = std::fs::remove_dir_all(&dir);
}

fn parts(dir: &std::path::Path, clients: &[usize]) {
    println!(
        "disk: fdatasync of 4 KiB {:.2} ms; one-row SQLite commit (WAL, FULL) {:.2} ms",
        disk::fsync_ms(dir),
        disk::commit_ms(dir)
    );

    let messages: Vec<String> = (0..ROWS).map(message).collect();
    let (rows, decode_us) = decode_rows(&messages);
    let message_bytes = messages[0].len();
    drop(messages);
    println!("JSON: check + convert one message {decode_us:.2} us ({message_bytes} bytes each)");

    println!("rows ({ROWS} into an empty file, synchronous=OFF, 2,000 a transaction, so no fsync in the figure):");
    let mut runs = vec![Vec::new(); rows::VARIANTS.len()];
    let mut pages = vec![0.0; rows::VARIANTS.len()];
    for _ in 0..RUNS {
        for (k, v) in rows::VARIANTS.iter().enumerate() {
            let (us, written) = rows::micros_per_row(&dir.join("rows.db"), &rows, v, 2_000);
            runs[k].push(us);
            pages[k] = written;
        }
    }
    for ((v, mut us), written) in rows::VARIANTS.iter().zip(runs).zip(pages) {
        us.sort_by(f64::total_cmp);
        let median = us[us.len() / 2];
        println!("  {:<46} {median:>6.2} us a row ({:>6.0} rows/s; runs {:.1}-{:.1}), {written:.2} pages written a row", v.name, 1e6 / median, us[0], us[us.len() - 1]);
    }

    let load = Arc::new(bodies(0, EVENTS, PER_BATCH));
    let in_proc = serve::in_process(&load, EVENTS);
    println!(
        "handler in-process, store keeps nothing: {in_proc:>8.0} events/s ({:.2} us an event)",
        1e6 / in_proc
    );
    let (null_addr, _null) = serve::start(Arc::new(serve::NullStore));
    for &c in clients {
        let eps = serve::over_loopback(&null_addr, load.clone(), c, EVENTS);
        println!("HTTP loopback, {c:>3} clients, store keeps nothing: {eps:>8.0} events/s");
    }
}

fn e2e(dir: &std::path::Path, clients: &[usize]) {
    println!("durable SQLite (WAL, FULL), the whole collector:");
    // The shipped page cache and SQLite's default, alternated so both see the same machine.
    let caches = [(WRITER_CACHE_KIB, "64 MiB cache"), (2_000, " 2 MB cache")];
    let mut n = 0;
    for _ in 0..RUNS {
        for &c in clients {
            for (kib, cache) in caches {
                n += 1;
                let db = dir.join(format!("e2e-{n}.db"));
                let store = SqliteStore::open_with_cache(&db, kib).expect("store");
                let (addr, state) = serve::start(Arc::new(store));
                let load = Arc::new(bodies(EVENTS * n, EVENTS, PER_BATCH));
                let eps = serve::over_loopback(&addr, load, c, EVENTS);
                let commits = serve::metric(&state, "wowpath_commits_total");
                let busy_ms = serve::metric(&state, "wowpath_commit_microseconds_total") / 1e3;
                println!(
                    "  {c:>3} clients, {cache}: {eps:>8.0} events/s, {commits:.0} commits of {:.0} events, {:.1} ms each",
                    EVENTS as f64 / commits.max(1.0),
                    busy_ms / commits.max(1.0)
                );
                let _ = std::fs::remove_file(&db);
            }
        }
    }
}
