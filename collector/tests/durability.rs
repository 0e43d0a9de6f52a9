//! kill -9 in the middle of a load run: every event that got a 200 must be in the database
//! after a restart. The real binary, a real SQLite file, real loopback connections.

#[path = "support/http.rs"]
mod http;

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

const BINARY: &str = env!("CARGO_BIN_EXE_wowpath-collector");
const CLIENTS: usize = 8;
const EVENTS_PER_BATCH: usize = 20;
/// The load stops on its own after this many batches per client, should the kill come late.
const MAX_BATCHES: usize = 2_000;

fn batch(client: usize, n: usize) -> (Vec<String>, String) {
    let ids: Vec<String> = (0..EVENTS_PER_BATCH)
        .map(|i| format!("c{client}-b{n}-e{i}"))
        .collect();
    let messages: Vec<String> = ids
        .iter()
        .map(|id| format!(r#"{{"type":"track","messageId":"{id}","anonymousId":"a{client}","event":"Load Test","properties":{{"n":{n}}},"timestamp":"2026-11-22T10:00:00.000Z"}}"#))
        .collect();
    (
        ids,
        format!(
            r#"{{"batch":[{}],"sentAt":"2026-11-22T10:00:00.000Z"}}"#,
            messages.join(",")
        ),
    )
}

#[test]
fn every_acknowledged_event_survives_kill_9() {
    let dir = std::env::temp_dir().join(format!("wowpath-durability-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("dir");
    let db = dir.join("events.db");
    let db_arg = db.to_str().expect("utf-8 path");
    let (mut child, addr) = http::spawn_collector(BINARY, &["--db", db_arg]);

    let acked = Arc::new(Mutex::new(Vec::<String>::new()));
    let stop = Arc::new(AtomicBool::new(false));
    let clients: Vec<_> = (0..CLIENTS)
        .map(|c| {
            let (addr, acked, stop) = (addr.clone(), acked.clone(), stop.clone());
            std::thread::spawn(move || {
                let Ok(mut conn) = http::Conn::open(&addr) else {
                    return;
                };
                for n in 0..MAX_BATCHES {
                    if stop.load(Ordering::Relaxed) {
                        return;
                    }
                    let (ids, body) = batch(c, n);
                    match conn.post("/v1/batch", body.as_bytes()) {
                        Ok((200, _)) => acked.lock().expect("lock").extend(ids),
                        Ok(_) => {}
                        Err(_) => return, // the server is gone
                    }
                }
            })
        })
        .collect();

    // Let the load build up, then kill while requests are in flight.
    let started = Instant::now();
    while acked.lock().expect("lock").len() < 4_000 && started.elapsed() < Duration::from_secs(20) {
        std::thread::sleep(Duration::from_millis(10));
    }
    child.kill().expect("kill -9"); // SIGKILL on Unix: no shutdown hook runs
    let _ = child.wait();
    stop.store(true, Ordering::Relaxed);
    for c in clients {
        let _ = c.join();
    }
    let acked = acked.lock().expect("lock").clone();
    assert!(
        acked.len() >= 4_000,
        "the load never got going: {} acked",
        acked.len()
    );

    // Restart on the same file (recovers the WAL), then check every acknowledged id.
    let (mut again, _) = http::spawn_collector(BINARY, &["--db", db_arg]);
    let conn = rusqlite::Connection::open(&db).expect("open");
    let stored: std::collections::HashSet<String> = conn
        .prepare("SELECT message_id FROM events")
        .expect("prepare")
        .query_map([], |r| r.get(0))
        .expect("query")
        .collect::<Result<_, _>>()
        .expect("rows");
    let lost: Vec<&String> = acked.iter().filter(|id| !stored.contains(*id)).collect();
    let _ = again.kill();
    let _ = again.wait();
    assert!(
        lost.is_empty(),
        "{} of {} acknowledged events were lost, e.g. {:?}",
        lost.len(),
        acked.len(),
        &lost[..lost.len().min(5)]
    );
    eprintln!(
        "durability: {} acknowledged, {} stored (some unacknowledged commits also landed)",
        acked.len(),
        stored.len()
    );
    let _ = std::fs::remove_dir_all(&dir);
}
