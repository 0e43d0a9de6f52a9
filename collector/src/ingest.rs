//! `POST /v1/batch`: validate the envelope, then each message; store the good ones.

use crate::error::ApiError;
use crate::store::StoredEvent;
use crate::AppState;
use axum::body::Bytes;
use axum::extract::State;
use axum::Json;
use serde::Serialize;
use serde_json::Value;

/// Message types of the Segment spec that this collector stores.
const TYPES: [&str; 6] = ["track", "identify", "page", "screen", "group", "alias"];
/// Segment's limit for one message.
pub const MAX_MESSAGE_BYTES: usize = 32 * 1024;
const MAX_ID_CHARS: usize = 200;

#[derive(Debug, Serialize, PartialEq)]
pub struct Rejected {
    pub index: usize,
    /// Stable snake_case label, for metrics and for the client's logs.
    pub reason: &'static str,
    pub message: String,
}

#[derive(Debug, Serialize)]
pub struct BatchResponse {
    pub success: bool,
    /// Valid messages in the request (already-stored duplicates included).
    pub accepted: usize,
    /// Of those, how many were new.
    pub stored: usize,
    pub rejected: Vec<Rejected>,
}

pub async fn batch(
    State(state): State<AppState>,
    body: Bytes,
) -> Result<Json<BatchResponse>, ApiError> {
    let envelope: Value = serde_json::from_slice(&body)
        .map_err(|e| ApiError::BadRequest(format!("the body is not valid JSON: {e}")))?;
    let messages = envelope
        .get("batch")
        .and_then(Value::as_array)
        .ok_or_else(|| {
            ApiError::BadRequest("expected an object with a `batch` array of messages".into())
        })?;
    let sent_at = envelope
        .get("sentAt")
        .and_then(Value::as_str)
        .map(str::to_owned);
    let received_at = wowpath::core::time::iso8601(state.clock.now_ms());

    let mut events = Vec::with_capacity(messages.len());
    let mut rejected = Vec::new();
    for (index, message) in messages.iter().enumerate() {
        match check(message) {
            Ok(()) => events.push(to_stored(message, sent_at.clone(), &received_at)),
            Err((reason, message)) => rejected.push(Rejected {
                index,
                reason,
                message,
            }),
        }
    }
    let store = state.store.clone();
    let to_store = events.clone();
    let stored = tokio::task::spawn_blocking(move || store.insert(&to_store))
        .await
        .map_err(|e| ApiError::Store(crate::store::StoreError(e.to_string())))??;
    Ok(Json(BatchResponse {
        success: rejected.is_empty(),
        accepted: events.len(),
        stored,
        rejected,
    }))
}

fn str_field<'a>(m: &'a Value, name: &str) -> Option<&'a str> {
    m.get(name).and_then(Value::as_str)
}

/// Why a message cannot be stored, if it cannot.
pub fn check(m: &Value) -> Result<(), (&'static str, String)> {
    if !m.is_object() {
        return Err(("not_an_object", "a message must be a JSON object".into()));
    }
    if m.to_string().len() > MAX_MESSAGE_BYTES {
        return Err((
            "too_large",
            format!("a message may be at most {MAX_MESSAGE_BYTES} bytes"),
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
    if kind == "track" && !str_field(m, "event").is_some_and(|e| !e.is_empty()) {
        return Err((
            "missing_event",
            "a track message needs an `event` name".into(),
        ));
    }
    Ok(())
}

fn to_stored(m: &Value, sent_at: Option<String>, received_at: &str) -> StoredEvent {
    let owned = |name| str_field(m, name).map(str::to_owned);
    StoredEvent {
        message_id: owned("messageId").unwrap_or_default(),
        kind: owned("type").unwrap_or_default(),
        event: owned("event"),
        user_id: owned("userId"),
        anonymous_id: owned("anonymousId"),
        timestamp: owned("timestamp"),
        sent_at,
        received_at: received_at.to_owned(),
        raw: m.to_string(),
    }
}
