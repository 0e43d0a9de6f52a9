//! Cutting the queue into beacon bodies as the page goes away. Browsers give all keepalive
//! requests and beacons of a page 64 KB in flight together; whatever does not fit stays
//! queued for the next page load.

use super::message::batch_body;
use super::queue::Queue;
use crate::core::time::Millis;

/// What all beacons of one page exit may carry together (the browser's shared budget).
pub const BEACON_BUDGET_BYTES: usize = 64 * 1024;
/// One beacon carries at most this much (an event up to 32 KB goes alone), so that a part of
/// the budget still fits when the host page has its own keepalive requests in flight.
pub const BEACON_CHUNK_BYTES: usize = 16 * 1024;

impl Queue {
    /// Beacon bodies for the oldest events, each within `BEACON_CHUNK_BYTES` (or holding one
    /// larger event), all together within the budget. The events stay queued: a beacon is
    /// never confirmed, so they go again with the next ordinary send, and the collector drops
    /// the copies by `messageId`.
    pub fn beacon_bodies(&self, now: Millis, write_key: &str) -> Vec<String> {
        let envelope = batch_body([], now, write_key, self.dropped).len();
        let mut bodies = Vec::new();
        let mut total = 0;
        let mut chunk: Vec<&str> = Vec::new();
        let mut chunk_bytes = envelope;
        for e in &self.events {
            let size = e.json.len() + 1;
            if !chunk.is_empty() && chunk_bytes + size > BEACON_CHUNK_BYTES {
                total += chunk_bytes;
                bodies.push(batch_body(chunk.drain(..), now, write_key, self.dropped));
                chunk_bytes = envelope;
            }
            if total + chunk_bytes + size > BEACON_BUDGET_BYTES {
                break;
            }
            chunk.push(&e.json);
            chunk_bytes += size;
        }
        if !chunk.is_empty() {
            bodies.push(batch_body(chunk, now, write_key, self.dropped));
        }
        bodies
    }
}
