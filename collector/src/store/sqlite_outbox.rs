use super::outbox::{Outbox, OutboxRow, Page, Position};
use super::StoreError;
use rusqlite::{params, Connection, OptionalExtension};
use std::path::Path;

/// Where each forwarder stands, in the events file itself so it is backed up with it.
pub(super) const CURSOR_SCHEMA: &str = "
CREATE TABLE IF NOT EXISTS forward_cursors (
    project    TEXT NOT NULL,
    endpoint   TEXT NOT NULL,
    position   INTEGER NOT NULL,
    updated_ms INTEGER NOT NULL,
    PRIMARY KEY (project, endpoint)
);
";

/// Rowids looked at per page at most, so a project with few rows among many of other
/// projects never makes one read scan the whole table.
const SCAN_WINDOW: i64 = 100_000;

/// A forwarder's connection to the SQLite file. `rowid` order is commit order: SQLite has
/// one writer at a time and events are never deleted, so a rowid is never handed out twice.
pub struct SqliteOutbox {
    conn: Connection,
}

impl SqliteOutbox {
    pub(super) fn open(path: &Path) -> Result<Self, StoreError> {
        let conn = super::sqlite::connect(path)?;
        // The cursor may lag the destination after a power cut: the next start then resends
        // a little, which the destination's messageId dedupe absorbs. Without an fsync per
        // cursor write, the forwarder holds the write lock for microseconds, so ingest commits
        // never wait behind it; and it leaves checkpoints to the ingest connection.
        conn.pragma_update(None, "synchronous", "NORMAL")?;
        conn.pragma_update(None, "wal_autocheckpoint", 0)?;
        Ok(SqliteOutbox { conn })
    }
}

impl Outbox for SqliteOutbox {
    fn claim(&mut self, _project: &str, _endpoint: &str) -> Result<bool, StoreError> {
        Ok(true)
    }

    fn cursor(&mut self, project: &str, endpoint: &str) -> Result<Position, StoreError> {
        let row: Option<i64> = self
            .conn
            .query_row(
                "SELECT position FROM forward_cursors WHERE project = ?1 AND endpoint = ?2",
                params![project, endpoint],
                |r| r.get(0),
            )
            .optional()?;
        Ok(Position {
            tx: 0,
            row: row.unwrap_or(0),
        })
    }

    fn save_cursor(
        &mut self,
        project: &str,
        endpoint: &str,
        position: Position,
    ) -> Result<(), StoreError> {
        self.conn
            .prepare_cached(
                "INSERT INTO forward_cursors (project, endpoint, position, updated_ms)
                 VALUES (?1, ?2, ?3, CAST(unixepoch('subsec') * 1000 AS INTEGER))
                 ON CONFLICT (project, endpoint)
                 DO UPDATE SET position = excluded.position, updated_ms = excluded.updated_ms",
            )?
            .execute(params![project, endpoint, position.row])?;
        Ok(())
    }

    fn page(&mut self, project: &str, after: Position, limit: usize) -> Result<Page, StoreError> {
        // Every rowid up to the current maximum is committed (one writer), so a window that
        // ends there is complete and the cursor may pass it even when it held no row of ours.
        let last: i64 =
            self.conn
                .query_row("SELECT COALESCE(max(rowid), 0) FROM events", [], |r| {
                    r.get(0)
                })?;
        let upper = last.min(after.row.saturating_add(SCAN_WINDOW));
        // NOT INDEXED: walk the table in rowid order instead of sorting a project index.
        let mut stmt = self.conn.prepare_cached(
            "SELECT rowid, message_id, raw FROM events NOT INDEXED
             WHERE rowid > ?1 AND rowid <= ?2 AND project = ?3 ORDER BY rowid LIMIT ?4",
        )?;
        let rows = stmt
            .query_map(params![after.row, upper, project, limit as i64], |r| {
                Ok(OutboxRow {
                    position: Position {
                        tx: 0,
                        row: r.get(0)?,
                    },
                    message_id: r.get(1)?,
                    raw: r.get(2)?,
                })
            })?
            .collect::<Result<Vec<_>, _>>()?;
        let scanned_to = match rows.last() {
            Some(row) if rows.len() >= limit => row.position,
            _ => Position {
                tx: 0,
                row: upper.max(after.row),
            },
        };
        Ok(Page { rows, scanned_to })
    }

    fn lag(&mut self, project: &str, after: Position, cap: u64) -> Result<u64, StoreError> {
        let n: i64 = self.conn.query_row(
            "SELECT count(*) FROM (SELECT 1 FROM events NOT INDEXED
             WHERE rowid > ?1 AND project = ?2 LIMIT ?3)",
            params![after.row, project, cap as i64],
            |r| r.get(0),
        )?;
        Ok(n.max(0) as u64)
    }
}
