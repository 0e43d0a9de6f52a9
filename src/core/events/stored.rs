//! The queue as it is kept in localStorage between page loads:
//! `{"dropped":N,"events":[<message>,…]}`. Messages are stored as JSON, not as escaped
//! strings, so they cost their own size in the host's storage quota and no more.

use super::queue::{Queue, QueuedEvent};
use crate::core::json::{self, Value};

impl Queue {
    pub fn to_json(&self) -> String {
        let mut out = String::with_capacity(self.bytes() + 32 + self.len());
        out.push_str("{\"dropped\":");
        out.push_str(&self.dropped.to_string());
        out.push_str(",\"events\":[");
        for (i, e) in self.events.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            out.push_str(&e.json);
        }
        out.push_str("]}");
        out
    }

    /// Restores a stored queue. Whatever cannot be read is skipped rather than failing: a
    /// damaged entry must not cost the others. Restored events are overdue (`queued_at` 0).
    pub fn from_json(text: &str) -> Queue {
        let mut queue = Queue::default();
        let Ok(root) = json::parse(text) else {
            return queue;
        };
        queue.dropped = root
            .get("dropped")
            .and_then(|n| n.as_f64())
            .filter(|n| *n >= 0.0)
            .map_or(0, |n| n as u64);
        let Some(Value::Array(items)) = root.get("events").map(|n| &n.value) else {
            return queue;
        };
        for item in items {
            let Some(id) = item.get("messageId").and_then(|n| n.as_str()) else {
                continue;
            };
            let Some(raw) = text.get(item.span.start..item.span.end) else {
                continue;
            };
            if queue.contains(id) {
                continue;
            }
            // A stored event passed the size check when it was queued.
            let _ = queue.push(QueuedEvent {
                id: id.to_string(),
                json: raw.to_string(),
                queued_at: 0,
            });
        }
        queue
    }
}
