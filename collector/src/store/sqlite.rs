use super::outbox::Outbox;
use super::sqlite_outbox::{SqliteOutbox, CURSOR_SCHEMA};
use super::{EventQuery, EventRow, Store, StoreError, StoredEvent};
use rusqlite::{params, params_from_iter, Connection};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// The embedded default: one SQLite file in WAL mode; one connection writes (the group
/// committer), another reads, so reports never wait behind commits.
pub struct SqliteStore {
    path: PathBuf,
    writer: Mutex<Connection>,
    reader: Mutex<Connection>,
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
";

/// Columns added after the first release, so older files are upgraded in place.
const ADDED_COLUMNS: [(&str, &str); 4] = [
    ("project", "TEXT NOT NULL DEFAULT 'default'"),
    ("timestamp_ms", "INTEGER"),
    ("received_ms", "INTEGER"),
    ("corrected_ms", "INTEGER"),
];

const INDEXES: &str = "
CREATE INDEX IF NOT EXISTS events_by_user ON events (user_id, anonymous_id);
CREATE INDEX IF NOT EXISTS events_by_project ON events (project, corrected_ms);
";

impl From<rusqlite::Error> for StoreError {
    fn from(e: rusqlite::Error) -> Self {
        StoreError(e.to_string())
    }
}

pub(super) fn connect(path: &Path) -> Result<Connection, StoreError> {
    let conn = Connection::open(path)?;
    conn.pragma_update(None, "journal_mode", "WAL")?;
    // FULL: a 200 promises the events survive a power cut, not only a crash.
    conn.pragma_update(None, "synchronous", "FULL")?;
    conn.busy_timeout(std::time::Duration::from_secs(2))?;
    Ok(conn)
}

impl SqliteStore {
    pub fn open(path: &Path) -> Result<Self, StoreError> {
        let writer = connect(path)?;
        writer.execute_batch(SCHEMA)?;
        let existing: Vec<String> = writer
            .prepare("SELECT name FROM pragma_table_info('events')")?
            .query_map([], |r| r.get(0))?
            .collect::<Result<_, _>>()?;
        for (name, decl) in ADDED_COLUMNS {
            if !existing.iter().any(|c| c == name) {
                writer.execute_batch(&format!("ALTER TABLE events ADD COLUMN {name} {decl}"))?;
            }
        }
        writer.execute_batch(INDEXES)?;
        writer.execute_batch(CURSOR_SCHEMA)?;
        let reader = connect(path)?;
        Ok(SqliteStore {
            path: path.to_path_buf(),
            writer: Mutex::new(writer),
            reader: Mutex::new(reader),
        })
    }
}

impl Store for SqliteStore {
    fn insert(&self, batches: &[Vec<StoredEvent>]) -> Result<Vec<usize>, StoreError> {
        let mut conn = self
            .writer
            .lock()
            .map_err(|_| StoreError("store lock poisoned".into()))?;
        let tx = conn.transaction()?;
        let mut counts = Vec::with_capacity(batches.len());
        {
            let mut stmt = tx.prepare_cached(
                "INSERT OR IGNORE INTO events
                 (message_id, project, type, event, user_id, anonymous_id, timestamp, sent_at,
                  received_at, timestamp_ms, received_ms, corrected_ms, raw)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
            )?;
            for batch in batches {
                let mut added = 0;
                for e in batch {
                    added += stmt.execute(params![
                        e.message_id,
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
                    ])?;
                }
                counts.push(added);
            }
        }
        tx.commit()?;
        Ok(counts)
    }

    fn events(&self, q: &EventQuery) -> Result<Vec<EventRow>, StoreError> {
        let conn = self
            .reader
            .lock()
            .map_err(|_| StoreError("store lock poisoned".into()))?;
        let mut sql = String::from(
            "SELECT type, event, user_id, anonymous_id, COALESCE(corrected_ms, 0), timestamp_ms, raw
             FROM events WHERE project = ?",
        );
        let mut args: Vec<String> = vec![q.project.clone()];
        if let Some(user) = &q.user_id {
            // What the user did before signing in, on a browser where they later signed in:
            // their anonymous ids are the ones that appear beside their user id.
            sql.push_str(
                " AND (user_id = ? OR anonymous_id IN (SELECT anonymous_id FROM events
                   WHERE project = ? AND user_id = ? AND anonymous_id IS NOT NULL))",
            );
            args.extend([user.clone(), q.project.clone(), user.clone()]);
        }
        if !q.events.is_empty() {
            sql.push_str(&format!(
                " AND event IN ({})",
                vec!["?"; q.events.len()].join(",")
            ));
            args.extend(q.events.iter().cloned());
        }
        sql.push_str(" ORDER BY rowid");
        let mut stmt = conn.prepare_cached(&sql)?;
        let rows = stmt.query_map(params_from_iter(args.iter()), |r| {
            Ok(EventRow {
                kind: r.get(0)?,
                event: r.get(1)?,
                user_id: r.get(2)?,
                anonymous_id: r.get(3)?,
                time_ms: r.get(4)?,
                client_ms: r.get(5)?,
                raw: r.get(6)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    fn open_outbox(&self) -> Result<Box<dyn Outbox>, StoreError> {
        Ok(Box::new(SqliteOutbox::open(&self.path)?))
    }

    fn describe(&self) -> String {
        format!("sqlite:{}", self.path.display())
    }
}
