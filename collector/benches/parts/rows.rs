//! What one row costs the CPU: the same rows inserted with fsync switched off, so only the
//! B-tree work remains, with the collector's schema and with fewer indexes.

use std::time::Instant;
use wowpath_collector::store::{SqliteStore, StoredEvent};

/// The row as the collector's store writes it (`store/sqlite.rs`), kept apart on purpose:
/// this is the baseline the store is measured against.
pub const INSERT: &str = "INSERT OR IGNORE INTO events (message_id, project, type, event, user_id, anonymous_id, timestamp, sent_at, received_at, timestamp_ms, received_ms, corrected_ms, raw) VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13)";

pub struct Variant {
    pub name: &'static str,
    /// Run on the fresh database before timing.
    pub setup: &'static str,
    pub cached_statement: bool,
    /// messageIds from a counter (as the benchmark sent before) instead of the rows' random
    /// UUIDs (as the widget makes them).
    pub counter_ids: bool,
}

const fn v(
    name: &'static str,
    setup: &'static str,
    cached_statement: bool,
    counter_ids: bool,
) -> Variant {
    Variant {
        name,
        setup,
        cached_statement,
        counter_ids,
    }
}

/// SQLite's default page cache is 2 MiB; the indexes outgrow it quickly.
const BIG_CACHE: &str = "PRAGMA cache_size = -65536;";

/// events_by_project on (project) alone: entries then arrive in rowid order, at the end.
const PROJECT_ONLY: &str =
    "DROP INDEX events_by_project; CREATE INDEX events_by_project_rowid ON events (project);";

pub const VARIANTS: [Variant; 8] = [
    v(
        "as shipped, counter messageIds (the old bench's)",
        "",
        true,
        true,
    ),
    v(
        "as shipped, random messageIds (the widget's)",
        "",
        true,
        false,
    ),
    v("  statement prepared per row", "", false, false),
    v(
        "  without events_by_user",
        "DROP INDEX events_by_user;",
        true,
        false,
    ),
    v(
        "  without events_by_project",
        "DROP INDEX events_by_project;",
        true,
        false,
    ),
    v(
        "  primary key only",
        "DROP INDEX events_by_user; DROP INDEX events_by_project;",
        true,
        false,
    ),
    v("  64 MiB page cache", BIG_CACHE, true, false),
    v(
        "  events_by_project on (project) alone",
        PROJECT_ONLY,
        true,
        false,
    ),
];

/// Microseconds per row and pages written per row, `per_tx` rows a transaction,
/// synchronous=OFF. The WAL is checkpointed after each transaction so its frames count the
/// pages each transaction wrote: unlike time, that figure does not depend on what else the
/// machine is doing.
pub fn micros_per_row(
    db: &std::path::Path,
    rows: &[StoredEvent],
    v: &Variant,
    per_tx: usize,
) -> (f64, f64) {
    let _ = std::fs::remove_file(db);
    drop(SqliteStore::open(db).expect("schema"));
    let mut conn = rusqlite::Connection::open(db).expect("open");
    conn.pragma_update(None, "journal_mode", "WAL")
        .expect("wal");
    conn.pragma_update(None, "synchronous", "OFF").expect("off");
    conn.pragma_update(None, "wal_autocheckpoint", 0)
        .expect("manual checkpoints");
    conn.execute_batch(v.setup).expect("setup");
    // Ids are made before the clock starts, so both kinds cost the same to pass.
    let ids: Vec<String> = rows
        .iter()
        .enumerate()
        .map(|(i, e)| {
            if v.counter_ids {
                format!("bench-{i:08}")
            } else {
                e.message_id.clone()
            }
        })
        .collect();
    let pairs: Vec<(&StoredEvent, &String)> = rows.iter().zip(&ids).collect();
    let mut frames = 0i64;
    let started = Instant::now();
    for chunk in pairs.chunks(per_tx) {
        let tx = conn.transaction().expect("tx");
        for &(e, id) in chunk {
            let mut stmt = if v.cached_statement {
                tx.prepare_cached(INSERT).expect("prepare")
            } else {
                tx.flush_prepared_statement_cache();
                tx.prepare_cached(INSERT).expect("prepare")
            };
            insert(&mut stmt, e, id);
        }
        tx.commit().expect("commit");
        frames += conn
            .query_row("PRAGMA wal_checkpoint(PASSIVE)", [], |r| r.get::<_, i64>(1))
            .expect("checkpoint");
    }
    let n = rows.len() as f64;
    (started.elapsed().as_secs_f64() * 1e6 / n, frames as f64 / n)
}

/// Inserts one stored event under `id` with a statement prepared from `INSERT`.
pub fn insert(stmt: &mut rusqlite::CachedStatement<'_>, e: &StoredEvent, id: &str) {
    stmt.execute(rusqlite::params![
        id,
        e.project,
        e.kind,
        e.event,
        e.user_id,
        e.anonymous_id,
        e.timestamp,
        e.sent_at,
        e.received_at,
        e.timestamp_ms,
        e.received_ms,
        e.corrected_ms,
        e.raw
    ])
    .expect("insert");
}
