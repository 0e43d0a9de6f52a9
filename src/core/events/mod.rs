//! Usage events in the Segment HTTP Tracking API format, and the policy of the queue that
//! delivers them: batching, caps, retries, persistence and unload delivery, all pure.

mod beacon;
mod call_size;
mod message;
mod queue;
#[cfg(test)]
mod queue_tests;
mod retry;
mod retry_after;
mod stored;

pub use beacon::{BEACON_BUDGET_BYTES, BEACON_CHUNK_BYTES};
pub use call_size::check_call_size;
pub use message::{batch_body, Context, Identity, Message, Screen};
pub use queue::{
    Batch, Queue, QueuedEvent, Settled, FLUSH_AT_BYTES, FLUSH_AT_COUNT, MAX_BATCH_BYTES,
    MAX_BATCH_COUNT, MAX_EVENT_BYTES, MAX_QUEUE_BYTES,
};
pub use retry::{Answer, BASE_BACKOFF_MS, MAX_BACKOFF_MS, MAX_RETRY_AFTER_MS};
pub use retry_after::parse_retry_after;
