//! One Segment message: why it cannot be stored, or the row it becomes.

use crate::store::StoredEvent;
use crate::time::parse_iso8601;
use serde::Serialize;
use serde_json::Value;

/// Message types of the Segment spec that this collector stores.
const TYPES: [&str; 6] = ["track", "identify", "page", "screen", "group", "alias"];
const MAX_ID_CHARS: usize = 200;

#[derive(Debug, Serialize, PartialEq)]
pub struct Rejected {
    pub index: usize,
    /// Stable snake_case label, for metrics and for the client's logs.
    pub reason: &'static str,
    pub message: String,
}

fn str_field<'a>(m: &'a Value, name: &str) -> Option<&'a str> {
    m.get(name).and_then(Value::as_str)
}

/// Why a message cannot be stored, if it cannot. `max_bytes` caps its JSON size.
pub fn check(m: &Value, max_bytes: usize) -> Result<(), (&'static str, String)> {
    if !m.is_object() {
        return Err(("not_an_object", "a message must be a JSON object".into()));
    }
    if m.to_string().len() > max_bytes {
        return Err((
            "too_large",
            format!("a message may be at most {max_bytes} bytes"),
        ));
    }
    let kind = str_field(m, "type").ok_or(("missing_type", "`type` is required".to_string()))?;
    if !TYPES.contains(&kind) {
        return Err((
            "unknown_type",
            format!("`type` must be one of {}", TYPES.join(", ")),
        ));
    }
    match str_field(m, "messageId") {
        Some(id) if !id.is_empty() && id.chars().count() <= MAX_ID_CHARS => {}
        _ => {
            return Err((
                "missing_message_id",
                format!("`messageId` must be a string of 1 to {MAX_ID_CHARS} characters"),
            ))
        }
    }
    let has_id = |name| str_field(m, name).is_some_and(|s| !s.is_empty());
    if !has_id("userId") && !has_id("anonymousId") {
        return Err((
            "missing_identity",
            "`userId` or `anonymousId` is required".into(),
        ));
    }
    if kind == "track" && str_field(m, "event").is_none_or(str::is_empty) {
        return Err((
            "missing_event",
            "a track message needs an `event` name".into(),
        ));
    }
    if m.get("timestamp")
        .is_some_and(|t| t.as_str().and_then(parse_iso8601).is_none())
    {
        return Err((
            "bad_timestamp",
            "`timestamp` must be an ISO 8601 date-time".into(),
        ));
    }
    Ok(())
}

/// The capture time on the server's clock. A device whose clock is off by `d` stamps both
/// `timestamp` and `sentAt` off by `d`, so timestamp + (receivedAt − sentAt) cancels it
/// (Segment's rule). Without `sentAt` the client's time is trusted; without either, the
/// receive time is used.
pub fn corrected_time(timestamp_ms: Option<i64>, sent_at_ms: Option<i64>, received_ms: i64) -> i64 {
    match (timestamp_ms, sent_at_ms) {
        (Some(ts), Some(sent)) => ts + (received_ms - sent),
        (Some(ts), None) => ts,
        (None, _) => received_ms,
    }
}

/// Request-wide facts stamped on every message.
pub struct Receipt<'a> {
    pub project: &'a str,
    /// The envelope's `sentAt` (a message's own `sentAt` wins).
    pub sent_at: Option<&'a str>,
    pub received_ms: i64,
}

pub fn to_stored(m: &Value, r: &Receipt) -> StoredEvent {
    let owned = |name| str_field(m, name).map(str::to_owned);
    let timestamp = owned("timestamp");
    let sent_at = owned("sentAt").or_else(|| r.sent_at.map(str::to_owned));
    let timestamp_ms = timestamp.as_deref().and_then(parse_iso8601);
    let sent_ms = sent_at.as_deref().and_then(parse_iso8601);
    StoredEvent {
        message_id: owned("messageId").unwrap_or_default(),
        project: r.project.to_owned(),
        kind: owned("type").unwrap_or_default(),
        event: owned("event"),
        user_id: owned("userId"),
        anonymous_id: owned("anonymousId"),
        timestamp,
        sent_at,
        received_at: crate::time::format_ms(r.received_ms),
        timestamp_ms,
        received_ms: r.received_ms,
        corrected_ms: corrected_time(timestamp_ms, sent_ms, r.received_ms),
        raw: m.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_fast_client_clock_is_corrected() {
        // The device is 60 s ahead: it captured at 10:00:00 true time, sent at 10:00:02.
        let ahead = 60_000;
        let (ts, sent, received) = (1_000 + ahead, 3_000 + ahead, 3_050);
        assert_eq!(corrected_time(Some(ts), Some(sent), received), 1_050);
        assert_eq!(corrected_time(Some(ts), None, received), ts);
        assert_eq!(corrected_time(None, Some(sent), received), received);
    }
}
