//! Cutting the stored stream into Segment batches: at most `max_bytes` of body and
//! `max_messages` messages each, the messages copied byte for byte as they were received.

use crate::store::OutboxRow;
use std::ops::Range;

/// `{"batch":[` + `],"sentAt":"2026-11-22T15:04:05.000Z"}` with room to spare.
const ENVELOPE_BYTES: usize = 64;

/// Consecutive slices of `rows`, in order, each small enough to send. A message that alone
/// exceeds `max_bytes` still gets a batch of its own: the destination decides about it.
pub fn split(rows: &[OutboxRow], max_bytes: usize, max_messages: usize) -> Vec<Range<usize>> {
    let mut ranges = Vec::new();
    let mut start = 0;
    let mut bytes = ENVELOPE_BYTES;
    for (i, row) in rows.iter().enumerate() {
        let size = row.raw.len() + 1; // and its comma
        let full = i - start >= max_messages.max(1) || bytes + size > max_bytes;
        if i > start && full {
            ranges.push(start..i);
            start = i;
            bytes = ENVELOPE_BYTES;
        }
        bytes += size;
    }
    if start < rows.len() {
        ranges.push(start..rows.len());
    }
    ranges
}

/// The request body: the stored messages as they were received, in stream order.
pub fn body(rows: &[OutboxRow], sent_at: &str) -> String {
    let size: usize = rows.iter().map(|r| r.raw.len() + 1).sum();
    let mut out = String::with_capacity(size + ENVELOPE_BYTES);
    out.push_str("{\"batch\":[");
    for (i, row) in rows.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str(&row.raw);
    }
    out.push_str("],\"sentAt\":\"");
    out.push_str(sent_at);
    out.push_str("\"}");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::Position;

    fn rows(sizes: &[usize]) -> Vec<OutboxRow> {
        sizes
            .iter()
            .enumerate()
            .map(|(i, &n)| OutboxRow {
                position: Position {
                    tx: 0,
                    row: i as i64 + 1,
                },
                message_id: format!("m{i}"),
                raw: format!("{{\"p\":\"{}\"}}", "x".repeat(n.saturating_sub(8))),
            })
            .collect()
    }

    #[test]
    fn batches_stay_under_both_limits_and_keep_the_order() {
        let all = rows(&[100; 50]);
        let ranges = split(&all, 1_000, 7);
        let flat: Vec<usize> = ranges.iter().flat_map(|r| r.clone()).collect();
        assert_eq!(flat, (0..50).collect::<Vec<_>>());
        for r in &ranges {
            let body = body(&all[r.clone()], "2026-11-22T15:04:05.000Z");
            assert!(body.len() <= 1_000, "{} bytes", body.len());
            assert!(r.len() <= 7);
            let parsed: serde_json::Value = serde_json::from_str(&body).expect("valid JSON");
            assert_eq!(parsed["batch"].as_array().map(Vec::len), Some(r.len()));
        }
        assert_eq!(split(&rows(&[10; 10]), 10_000, 4), [0..4, 4..8, 8..10]);
    }

    #[test]
    fn an_oversized_message_travels_alone() {
        assert_eq!(
            split(&rows(&[10, 5_000, 10]), 1_000, 100),
            [0..1, 1..2, 2..3]
        );
        assert!(split(&[], 1_000, 10).is_empty());
    }
}
