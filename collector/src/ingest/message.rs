//! One Segment message: why it cannot be stored, or the row it becomes.

use crate::store::StoredEvent;
use crate::time::parse_iso8601;
use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;
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

/// The fields the collector reads; everything else in a message is skipped unparsed and
/// kept byte for byte in `raw`. Values are loose so a wrong type gets a reason, not a 400.
#[derive(Debug, Default, Deserialize)]
pub struct Head {
    #[serde(rename = "type", default)]
    kind: Option<Value>,
    #[serde(rename = "messageId", default)]
    message_id: Option<Value>,
    #[serde(rename = "userId", default)]
    user_id: Option<Value>,
    #[serde(rename = "anonymousId", default)]
    anonymous_id: Option<Value>,
    #[serde(default)]
    event: Option<Value>,
    #[serde(default)]
    timestamp: Option<Value>,
    #[serde(rename = "sentAt", default)]
    sent_at: Option<Value>,
}

fn text(v: &Option<Value>) -> Option<&str> {
    v.as_ref().and_then(Value::as_str)
}

/// Reads one raw message: its head, or why it cannot be stored. `max_bytes` caps its size.
pub fn check(raw: &RawValue, max_bytes: usize) -> Result<Head, (&'static str, String)> {
    let json = raw.get();
    if !json.starts_with('{') {
        return Err(("not_an_object", "a message must be a JSON object".into()));
    }
    if json.len() > max_bytes {
        return Err((
            "too_large",
            format!("a message may be at most {max_bytes} bytes"),
        ));
    }
    let head: Head = serde_json::from_str(json)
        .map_err(|e| ("not_an_object", format!("the message cannot be read: {e}")))?;
    let kind = text(&head.kind).ok_or(("missing_type", "`type` is required".to_string()))?;
    if !TYPES.contains(&kind) {
        return Err((
            "unknown_type",
            format!("`type` must be one of {}", TYPES.join(", ")),
        ));
    }
    match text(&head.message_id) {
        Some(id) if !id.is_empty() && id.chars().count() <= MAX_ID_CHARS => {}
        _ => {
            return Err((
                "missing_message_id",
                format!("`messageId` must be a string of 1 to {MAX_ID_CHARS} characters"),
            ))
        }
    }
    let has_id = |v: &Option<Value>| text(v).is_some_and(|s| !s.is_empty());
    if !has_id(&head.user_id) && !has_id(&head.anonymous_id) {
        return Err((
            "missing_identity",
            "`userId` or `anonymousId` is required".into(),
        ));
    }
    if kind == "track" && text(&head.event).is_none_or(str::is_empty) {
        return Err((
            "missing_event",
            "a track message needs an `event` name".into(),
        ));
    }
    if head
        .timestamp
        .as_ref()
        .is_some_and(|t| t.as_str().and_then(parse_iso8601).is_none())
    {
        return Err((
            "bad_timestamp",
            "`timestamp` must be an ISO 8601 date-time".into(),
        ));
    }
    Ok(head)
}

impl Head {
    pub fn kind(&self) -> Option<&str> {
        text(&self.kind)
    }
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

pub fn to_stored(raw: &str, head: &Head, r: &Receipt) -> StoredEvent {
    let owned = |v: &Option<Value>| text(v).map(str::to_owned);
    let timestamp = owned(&head.timestamp);
    let sent_at = owned(&head.sent_at).or_else(|| r.sent_at.map(str::to_owned));
    let timestamp_ms = timestamp.as_deref().and_then(parse_iso8601);
    let sent_ms = sent_at.as_deref().and_then(parse_iso8601);
    StoredEvent {
        message_id: owned(&head.message_id).unwrap_or_default(),
        project: r.project.to_owned(),
        kind: owned(&head.kind).unwrap_or_default(),
        event: owned(&head.event),
        user_id: owned(&head.user_id),
        anonymous_id: owned(&head.anonymous_id),
        timestamp,
        sent_at,
        received_at: crate::time::format_ms(r.received_ms),
        timestamp_ms,
        received_ms: r.received_ms,
        corrected_ms: corrected_time(timestamp_ms, sent_ms, r.received_ms),
        raw: raw.to_owned(),
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
