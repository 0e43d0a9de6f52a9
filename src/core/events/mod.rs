//! Usage events in the Segment HTTP Tracking API format, and the policy of the queue that
//! delivers them.

mod message;
mod queue;

pub use message::{batch_body, Context, Identity, Message};
pub use queue::{Queue, QueuedEvent, MAX_BATCH_BYTES, MAX_EVENT_BYTES};
