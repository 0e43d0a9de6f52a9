//! Every limit the collector enforces, in one place, with its unit and default.

use std::time::Duration;

#[derive(Debug, Clone)]
pub struct Limits {
    /// A request body above this (bytes, as sent, compressed or not) gets 413. Default 512 KiB
    /// (Segment allows 500 KB a batch).
    pub max_body_bytes: usize,
    /// A gzip body that inflates beyond this (bytes) gets 413. Default 4 MiB.
    pub max_decompressed_bytes: usize,
    /// One message above this (bytes of JSON) is rejected by index. Default 32 KiB (Segment's).
    pub max_event_bytes: usize,
    /// A batch with more messages than this gets 413. Default 2,000.
    pub max_events_per_batch: usize,
    /// Events waiting for the committer beyond this make new requests get 429. Default 200,000.
    pub commit_queue_events: usize,
    /// A request waits this long for its commit, then gets 503 (the client retries; the
    /// messageId makes the retry harmless). Default 4 s.
    pub commit_wait: Duration,
    /// Reading the request body may take this long, then 408. Default 5 s.
    pub body_read: Duration,
    /// Sent with 429 and 503 (seconds). Default 1.
    pub retry_after_secs: u32,
    /// A forwarded batch's body stays under this (bytes). Default 500,000 (Segment's 500 KB).
    pub forward_batch_bytes: usize,
    /// A forwarded batch holds at most this many messages. Default 2,000.
    pub forward_batch_messages: usize,
    /// With nothing left to forward, look for new rows this often. Default 200 ms.
    pub forward_idle_poll: Duration,
    /// The first wait before retrying a batch; each failure doubles it. Default 500 ms.
    pub forward_backoff_first: Duration,
    /// The longest wait between retries (a `Retry-After` may ask for more, up to an hour).
    /// Default 60 s.
    pub forward_backoff_max: Duration,
    /// One forwarding request may take this long in all. Default 30 s.
    pub forward_timeout: Duration,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_body_bytes: 512 * 1024,
            max_decompressed_bytes: 4 * 1024 * 1024,
            max_event_bytes: 32 * 1024,
            max_events_per_batch: 2_000,
            commit_queue_events: 200_000,
            commit_wait: Duration::from_secs(4),
            body_read: Duration::from_secs(5),
            retry_after_secs: 1,
            forward_batch_bytes: 500_000,
            forward_batch_messages: 2_000,
            forward_idle_poll: Duration::from_millis(200),
            forward_backoff_first: Duration::from_millis(500),
            forward_backoff_max: Duration::from_secs(60),
            forward_timeout: Duration::from_secs(30),
        }
    }
}
