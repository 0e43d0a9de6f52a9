//! Which events go out next, and what becomes of them after an answer. Pure: the clock and
//! the random source are parameters, so every path is tested natively (see `queue_tests.rs`).

use super::message::batch_body;
use super::retry::{Answer, Backoff, Verdict};
use crate::core::time::Millis;
use std::collections::VecDeque;

/// An event larger than this is refused (Segment's limit for one message).
pub const MAX_EVENT_BYTES: usize = 32 * 1024;
/// A batch body stays under this (Segment accepts 500 KB; room is left for the envelope).
pub const MAX_BATCH_BYTES: usize = 450 * 1024;
/// At most this many messages in one batch.
pub const MAX_BATCH_COUNT: usize = 100;
/// The queue (in memory and in localStorage) never holds more than this; when full, the oldest
/// events are dropped and counted. Browsers give an origin about 5 MB of localStorage, shared
/// with the host app: this keeps the widget to a tenth of it per tab.
pub const MAX_QUEUE_BYTES: usize = 512 * 1024;
/// Send at once, without waiting for `flushAfterMs`, when this many events are waiting...
pub const FLUSH_AT_COUNT: usize = 20;
/// ...or when they add up to this many bytes.
pub const FLUSH_AT_BYTES: usize = 64 * 1024;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QueuedEvent {
    /// The message id, stable across retries so the collector can drop duplicates.
    pub id: String,
    /// The message's JSON text.
    pub json: String,
    /// When it was queued (0 for events restored from storage: they are overdue).
    pub queued_at: Millis,
}

/// A request body and the ids of the messages in it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Batch {
    pub ids: Vec<String>,
    pub body: String,
    /// How many dropped events this batch reports (`context.droppedEvents`).
    dropped_reported: u64,
}

/// What `settle` did, for the adapter to act on and report.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Settled {
    Delivered,
    /// Send again in this many ms (the events stay queued, with their ids).
    RetryIn(Millis),
    /// The next batches are smaller; send again now.
    Split,
    /// The batch was dropped: the collector refused it with this status.
    Dropped {
        count: usize,
        status: u16,
    },
}

/// Events waiting to be delivered, oldest first.
#[derive(Debug, Clone)]
pub struct Queue {
    pub(super) events: VecDeque<QueuedEvent>,
    bytes: usize,
    /// Events dropped because the queue was full, not yet reported to the collector.
    pub(super) dropped: u64,
    /// Lowered by a 413, grown back by each success.
    batch_limit: usize,
    backoff: Backoff,
    not_before: Millis,
}

impl Default for Queue {
    fn default() -> Self {
        Queue {
            events: VecDeque::new(),
            bytes: 0,
            dropped: 0,
            batch_limit: MAX_BATCH_COUNT,
            backoff: Backoff::default(),
            not_before: 0,
        }
    }
}

impl Queue {
    /// Queues an event. `Err(size)` refuses one over 32 KB; `Ok(n)` says how many old events
    /// had to be dropped to keep the queue under its byte cap.
    pub fn push(&mut self, event: QueuedEvent) -> Result<usize, usize> {
        if event.json.len() > MAX_EVENT_BYTES {
            return Err(event.json.len());
        }
        self.bytes += event.json.len();
        self.events.push_back(event);
        Ok(self.trim_to(MAX_QUEUE_BYTES))
    }

    /// Drops the oldest events until the queue holds at most `cap` bytes; returns how many.
    pub fn trim_to(&mut self, cap: usize) -> usize {
        let mut n = 0;
        while self.bytes > cap {
            let Some(old) = self.events.pop_front() else {
                break;
            };
            self.bytes -= old.json.len();
            n += 1;
        }
        self.dropped += n as u64;
        n
    }

    pub fn len(&self) -> usize {
        self.events.len()
    }

    pub fn is_empty(&self) -> bool {
        self.events.is_empty()
    }

    pub fn bytes(&self) -> usize {
        self.bytes
    }

    /// Dropped events not yet reported in a delivered batch.
    pub fn dropped(&self) -> u64 {
        self.dropped
    }

    /// The id of the most recently queued event.
    pub fn newest_id(&self) -> Option<String> {
        self.events.back().map(|e| e.id.clone())
    }

    pub fn contains(&self, id: &str) -> bool {
        self.events.iter().any(|e| e.id == id)
    }

    /// When the next batch should go out: at once when enough events or bytes are waiting,
    /// else `flush_after` after the oldest was queued; never before the backoff allows.
    pub fn due_at(&self, flush_after: Millis) -> Option<Millis> {
        let oldest = self.events.front()?;
        let full = self.events.len() >= FLUSH_AT_COUNT || self.bytes >= FLUSH_AT_BYTES;
        let ready = if full {
            0
        } else {
            oldest.queued_at.saturating_add(flush_after)
        };
        Some(ready.max(self.not_before))
    }

    /// Whether the backoff lets a batch go out at `now`.
    pub fn may_send(&self, now: Millis) -> bool {
        now >= self.not_before
    }

    /// The oldest events that fit one batch, as a request body; `None` when nothing is
    /// queued or the backoff says wait.
    pub fn next_batch(&self, now: Millis, write_key: &str) -> Option<Batch> {
        if self.events.is_empty() || !self.may_send(now) {
            return None;
        }
        let mut bytes = 0;
        let picked: Vec<&QueuedEvent> = self
            .events
            .iter()
            .take(self.batch_limit)
            .take_while(|e| {
                bytes += e.json.len() + 1;
                bytes <= MAX_BATCH_BYTES
            })
            .collect();
        Some(Batch {
            ids: picked.iter().map(|e| e.id.clone()).collect(),
            body: batch_body(
                picked.iter().map(|e| e.json.as_str()),
                now,
                write_key,
                self.dropped,
            ),
            dropped_reported: self.dropped,
        })
    }

    /// Applies the collector's answer to `batch`. `random` is uniform in [0, 1).
    pub fn settle(&mut self, batch: &Batch, answer: &Answer, now: Millis, random: f64) -> Settled {
        match self.backoff.judge(answer, now, random) {
            Verdict::Delivered => {
                self.remove(&batch.ids);
                self.dropped = self.dropped.saturating_sub(batch.dropped_reported);
                self.batch_limit = (self.batch_limit * 2).min(MAX_BATCH_COUNT);
                self.not_before = 0;
                Settled::Delivered
            }
            Verdict::RetryIn(wait) => {
                self.not_before = now.saturating_add(wait);
                Settled::RetryIn(wait)
            }
            Verdict::Split if batch.ids.len() > 1 => {
                self.batch_limit = batch.ids.len() / 2;
                Settled::Split
            }
            Verdict::Split | Verdict::Refused(_) => {
                let status = match answer {
                    Answer::Status { status, .. } => *status,
                    Answer::NetworkError => 0,
                };
                self.remove(&batch.ids);
                Settled::Dropped {
                    count: batch.ids.len(),
                    status,
                }
            }
        }
    }

    /// Forgets these events (delivered elsewhere, or refused).
    pub fn remove(&mut self, ids: &[String]) {
        let before = self.events.len();
        self.events.retain(|e| !ids.contains(&e.id));
        if self.events.len() != before {
            self.bytes = self.events.iter().map(|e| e.json.len()).sum();
        }
    }

    /// Takes over the events of another queue (one a closed tab left behind), skipping any
    /// already here; the byte cap still holds. Returns how many old events were dropped.
    pub fn adopt(&mut self, other: Queue) -> usize {
        self.dropped += other.dropped;
        for e in other.events {
            if !self.contains(&e.id) {
                self.bytes += e.json.len();
                self.events.push_back(e);
            }
        }
        self.trim_to(MAX_QUEUE_BYTES)
    }

    /// Forgets everything (consent withdrawn).
    pub fn clear(&mut self) {
        *self = Queue::default();
    }
}
