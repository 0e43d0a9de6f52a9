//! Where events are kept. One interface, so the embedded default (SQLite) and a shared
//! database can stand behind the same handlers.

mod sqlite;

pub use sqlite::SqliteStore;

/// One validated message, ready to store.
#[derive(Debug, Clone, PartialEq)]
pub struct StoredEvent {
    pub message_id: String,
    pub kind: String,
    pub event: Option<String>,
    pub user_id: Option<String>,
    pub anonymous_id: Option<String>,
    pub timestamp: Option<String>,
    pub sent_at: Option<String>,
    pub received_at: String,
    /// The whole message as received.
    pub raw: String,
}

#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct StoreError(pub String);

pub trait Store: Send + Sync + 'static {
    /// Commits the events durably; a `messageId` already stored is skipped.
    /// Returns how many were new.
    fn insert(&self, events: &[StoredEvent]) -> Result<usize, StoreError>;
}
