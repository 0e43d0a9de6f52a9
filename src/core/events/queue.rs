//! Which events go out next, and what happens after an answer. Pure: the clock is a parameter.

use crate::core::json::{self, write_escaped, FromNode};
use crate::core::time::Millis;

/// An event larger than this is refused (the Segment limit).
pub const MAX_EVENT_BYTES: usize = 32 * 1024;
/// A batch stays under this many bytes (Segment accepts 500 KB).
pub const MAX_BATCH_BYTES: usize = 450 * 1024;
const MAX_BATCH_COUNT: usize = 100;
const BASE_BACKOFF_MS: Millis = 1_000;
const MAX_BACKOFF_MS: Millis = 60_000;

#[derive(Debug, Clone, PartialEq, Eq, FromNode)]
pub struct QueuedEvent {
    /// The message id, stable across retries so the collector can drop duplicates.
    pub id: String,
    /// The message's JSON text.
    pub json: String,
}

/// Events waiting to be delivered, oldest first.
#[derive(Debug, Default)]
pub struct Queue {
    events: Vec<QueuedEvent>,
    failures: u32,
    next_attempt: Millis,
}

impl Queue {
    pub fn push(&mut self, event: QueuedEvent) -> Result<(), usize> {
        if event.json.len() > MAX_EVENT_BYTES {
            return Err(event.json.len());
        }
        self.events.push(event);
        Ok(())
    }

    pub fn len(&self) -> usize {
        self.events.len()
    }

    pub fn is_empty(&self) -> bool {
        self.events.is_empty()
    }

    /// The next batch to send, if the backoff allows sending at `now`.
    pub fn next_batch(&self, now: Millis) -> Option<Vec<&QueuedEvent>> {
        if self.events.is_empty() || now < self.next_attempt {
            return None;
        }
        let mut bytes = 0;
        let batch: Vec<&QueuedEvent> = self
            .events
            .iter()
            .take(MAX_BATCH_COUNT)
            .take_while(|e| {
                bytes += e.json.len() + 1;
                bytes <= MAX_BATCH_BYTES
            })
            .collect();
        Some(batch)
    }

    /// The collector stored these: forget them.
    pub fn delivered(&mut self, ids: &[String]) {
        self.events.retain(|e| !ids.contains(&e.id));
        self.failures = 0;
        self.next_attempt = 0;
    }

    /// Sending failed in a way worth retrying: wait exponentially longer each time.
    /// Returns the delay before the next attempt.
    pub fn failed(&mut self, now: Millis) -> Millis {
        self.failures = self.failures.saturating_add(1);
        let delay = BASE_BACKOFF_MS
            .saturating_mul(1 << self.failures.min(6))
            .min(MAX_BACKOFF_MS);
        self.next_attempt = now + delay;
        delay
    }

    /// The unsent events as JSON, for storage across reloads.
    pub fn to_json(&self) -> String {
        let mut out = String::from("[");
        for (i, e) in self.events.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            out.push_str("{\"id\":");
            write_escaped(&mut out, &e.id);
            out.push_str(",\"json\":");
            write_escaped(&mut out, &e.json);
            out.push('}');
        }
        out.push(']');
        out
    }

    /// Restores stored events; an unreadable store restores nothing rather than failing.
    pub fn from_json(text: &str) -> Queue {
        let events = json::parse(text)
            .ok()
            .and_then(|n| json::from_node::<Vec<QueuedEvent>>(&n).ok())
            .unwrap_or_default();
        Queue {
            events,
            failures: 0,
            next_attempt: 0,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ev(id: &str) -> QueuedEvent {
        QueuedEvent {
            id: id.into(),
            json: format!("{{\"messageId\":\"{id}\"}}"),
        }
    }

    #[test]
    fn batches_deliver_and_persist() {
        let mut q = Queue::default();
        q.push(ev("a")).expect("fits");
        q.push(ev("b")).expect("fits");
        let restored = Queue::from_json(&q.to_json());
        assert_eq!(restored.len(), 2);
        let ids: Vec<String> = q
            .next_batch(0)
            .expect("batch")
            .iter()
            .map(|e| e.id.clone())
            .collect();
        assert_eq!(ids, ["a", "b"]);
        q.delivered(&ids[..1]);
        assert_eq!(q.len(), 1);
    }

    #[test]
    fn failures_back_off_and_oversized_events_are_refused() {
        let mut q = Queue::default();
        q.push(ev("a")).expect("fits");
        let delay = q.failed(100);
        assert!(q.next_batch(100 + delay - 1).is_none());
        assert!(q.next_batch(100 + delay).is_some());
        let big = QueuedEvent {
            id: "x".into(),
            json: "x".repeat(MAX_EVENT_BYTES + 1),
        };
        assert_eq!(q.push(big), Err(MAX_EVENT_BYTES + 1));
        assert_eq!(Queue::from_json("not json").len(), 0);
    }
}
