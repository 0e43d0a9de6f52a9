use super::{Store, StoreError, StoredEvent};
use rusqlite::{params, Connection};
use std::path::Path;
use std::sync::Mutex;

/// The embedded default: one SQLite file in WAL mode.
pub struct SqliteStore {
    conn: Mutex<Connection>,
}

const SCHEMA: &str = "
CREATE TABLE IF NOT EXISTS events (
    message_id   TEXT PRIMARY KEY,
    type         TEXT NOT NULL,
    event        TEXT,
    user_id      TEXT,
    anonymous_id TEXT,
    timestamp    TEXT,
    sent_at      TEXT,
    received_at  TEXT NOT NULL,
    raw          TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS events_by_user ON events (user_id, anonymous_id);
";

impl From<rusqlite::Error> for StoreError {
    fn from(e: rusqlite::Error) -> Self {
        StoreError(e.to_string())
    }
}

impl SqliteStore {
    pub fn open(path: &Path) -> Result<Self, StoreError> {
        let conn = Connection::open(path)?;
        conn.pragma_update(None, "journal_mode", "WAL")?;
        // FULL: a 200 promises the events survive a power cut, not only a crash.
        conn.pragma_update(None, "synchronous", "FULL")?;
        conn.busy_timeout(std::time::Duration::from_secs(5))?;
        conn.execute_batch(SCHEMA)?;
        Ok(SqliteStore {
            conn: Mutex::new(conn),
        })
    }
}

impl Store for SqliteStore {
    fn insert(&self, events: &[StoredEvent]) -> Result<usize, StoreError> {
        let mut conn = self
            .conn
            .lock()
            .map_err(|_| StoreError("store lock poisoned".into()))?;
        let tx = conn.transaction()?;
        let mut added = 0;
        {
            let mut stmt = tx.prepare_cached(
                "INSERT OR IGNORE INTO events
                 (message_id, type, event, user_id, anonymous_id, timestamp, sent_at, received_at, raw)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
            )?;
            for e in events {
                added += stmt.execute(params![
                    e.message_id,
                    e.kind,
                    e.event,
                    e.user_id,
                    e.anonymous_id,
                    e.timestamp,
                    e.sent_at,
                    e.received_at,
                    e.raw
                ])?;
            }
        }
        tx.commit()?;
        Ok(added)
    }
}
