//! Reading the stored stream back in order, for forwarding it to another endpoint. Each
//! forwarder has a connection of its own, so reading never waits behind ingest (or the
//! other way round).

use super::StoreError;

/// A place in one project's stream: every row at or before it has been forwarded.
/// SQLite orders rows by `rowid` (`tx` is always 0); PostgreSQL by (writing transaction,
/// `seq`), see `postgres_outbox`. Compared field by field, `tx` first.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord)]
pub struct Position {
    pub tx: i64,
    pub row: i64,
}

/// One stored message, as received, with its place in the stream.
#[derive(Debug, Clone, PartialEq)]
pub struct OutboxRow {
    pub position: Position,
    pub message_id: String,
    pub raw: String,
}

/// The rows after a position, and how far the reading got: when fewer rows than asked
/// came back, `scanned_to` may lie beyond the last row (rows of other projects were
/// passed over), so the cursor can move past them without reading them again.
#[derive(Debug, Clone, Default)]
pub struct Page {
    pub rows: Vec<OutboxRow>,
    pub scanned_to: Position,
}

/// A forwarder's own connection to the store.
pub trait Outbox: Send {
    /// Whether this process may forward `project` to `endpoint`. With several collectors
    /// on one PostgreSQL database only one of them does (an advisory lock, held until its
    /// connection closes); SQLite always answers yes.
    fn claim(&mut self, project: &str, endpoint: &str) -> Result<bool, StoreError>;

    /// Where forwarding `project` to `endpoint` stopped (the start of the stream if never).
    fn cursor(&mut self, project: &str, endpoint: &str) -> Result<Position, StoreError>;

    /// Remembers the position, so a restart resumes from it.
    fn save_cursor(
        &mut self,
        project: &str,
        endpoint: &str,
        position: Position,
    ) -> Result<(), StoreError>;

    /// At most `limit` rows of `project` stored after `after`, in the order they were stored.
    fn page(&mut self, project: &str, after: Position, limit: usize) -> Result<Page, StoreError>;

    /// How many rows of `project` are stored after `after`, counting at most `cap`.
    fn lag(&mut self, project: &str, after: Position, cap: u64) -> Result<u64, StoreError>;
}
