//! Where events are kept. One interface, so the embedded default (SQLite) and the shared
//! scale-out database (PostgreSQL) stand behind the same handlers.

mod outbox;
mod postgres;
mod postgres_outbox;
mod sqlite;
mod sqlite_outbox;

pub use outbox::{Outbox, OutboxRow, Page, Position};
pub use postgres::PostgresStore;
pub use sqlite::SqliteStore;

/// One validated message, ready to store.
#[derive(Debug, Clone, PartialEq)]
pub struct StoredEvent {
    pub message_id: String,
    /// The project whose write key sent it.
    pub project: String,
    pub kind: String,
    pub event: Option<String>,
    pub user_id: Option<String>,
    pub anonymous_id: Option<String>,
    /// The client's capture time, as sent.
    pub timestamp: Option<String>,
    /// When the client sent the request, as sent.
    pub sent_at: Option<String>,
    /// When the collector received it (ISO 8601, server clock).
    pub received_at: String,
    /// `timestamp` in epoch ms, when it parses.
    pub timestamp_ms: Option<i64>,
    /// `received_at` in epoch ms.
    pub received_ms: i64,
    /// The capture time on the server's clock: timestamp + (receivedAt − sentAt); see
    /// `ingest::message::corrected_time`.
    pub corrected_ms: i64,
    /// The whole message as received.
    pub raw: String,
}

/// What reports and the progress endpoint read back.
#[derive(Debug, Clone, PartialEq)]
pub struct EventRow {
    pub kind: String,
    pub event: Option<String>,
    pub user_id: Option<String>,
    pub anonymous_id: Option<String>,
    /// The skew-corrected capture time (epoch ms).
    pub time_ms: i64,
    /// The client's own capture time, when it parsed.
    pub client_ms: Option<i64>,
    pub raw: String,
}

/// Which rows to read: one project, optionally one user (including what they did anonymously
/// on a browser where they later signed in) and some event names.
#[derive(Debug, Clone, Default)]
pub struct EventQuery {
    pub project: String,
    pub user_id: Option<String>,
    pub events: Vec<String>,
}

#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct StoreError(pub String);

pub trait Store: Send + Sync + 'static {
    /// Commits all batches in one durable transaction; a `messageId` already stored is
    /// skipped. Returns, per batch, how many of its events were new.
    fn insert(&self, batches: &[Vec<StoredEvent>]) -> Result<Vec<usize>, StoreError>;

    /// Rows of one project in the order they were stored.
    fn events(&self, query: &EventQuery) -> Result<Vec<EventRow>, StoreError>;

    /// A connection of its own for a forwarder (see `outbox`), so forwarding never waits
    /// behind ingest nor ingest behind it.
    fn open_outbox(&self) -> Result<Box<dyn Outbox>, StoreError>;

    /// Names the backend in logs (`sqlite:/path`, `postgres:table`).
    fn describe(&self) -> String;
}
