//! What the disk charges: one fdatasync of a small write, and one durable SQLite commit
//! (WAL, synchronous=FULL) of a single row, each timed over many repetitions.

use std::io::Write;
use std::path::Path;
use std::time::Instant;

const REPEAT: usize = 100;

/// Milliseconds per `write(4 KiB) + fdatasync`, the floor under any durable commit.
pub fn fsync_ms(dir: &Path) -> f64 {
    let path = dir.join("fsync.probe");
    let mut f = std::fs::File::create(&path).expect("probe file");
    let block = [7u8; 4096];
    let started = Instant::now();
    for _ in 0..REPEAT {
        f.write_all(&block).expect("write");
        f.sync_data().expect("fdatasync");
    }
    let ms = started.elapsed().as_secs_f64() * 1e3 / REPEAT as f64;
    let _ = std::fs::remove_file(path);
    ms
}

/// Milliseconds per one-row transaction with the collector's pragmas.
pub fn commit_ms(dir: &Path) -> f64 {
    let path = dir.join("commit.db");
    let _ = std::fs::remove_file(&path);
    let conn = rusqlite::Connection::open(&path).expect("open");
    conn.pragma_update(None, "journal_mode", "WAL")
        .expect("wal");
    conn.pragma_update(None, "synchronous", "FULL")
        .expect("full");
    conn.execute_batch("CREATE TABLE t (k INTEGER PRIMARY KEY, v TEXT)")
        .expect("table");
    let started = Instant::now();
    for i in 0..REPEAT {
        conn.execute("INSERT INTO t (v) VALUES (?1)", [format!("row {i}")])
            .expect("insert");
    }
    started.elapsed().as_secs_f64() * 1e3 / REPEAT as f64
}
