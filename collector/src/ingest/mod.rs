//! `POST /v1/batch`, `/v1/track`, `/v1/identify`, `/v1/page`: authenticate, decode, validate
//! each message, then wait for the group commit so a 200 means the events are durable.

mod decode;
pub mod message;

use crate::auth;
use crate::commit::SubmitError;
use crate::error::ApiError;
use crate::AppState;
use axum::body::{Body, Bytes};
use axum::extract::State;
use axum::http::HeaderMap;
use axum::response::{IntoResponse, Response};
use axum::Json;
use message::{Receipt, Rejected};
use serde::Serialize;
use serde_json::value::RawValue;
use serde_json::{Map, Value};

#[derive(Debug, Serialize)]
pub struct BatchResponse {
    pub success: bool,
    /// Valid messages in the request (already-stored duplicates included).
    pub accepted: usize,
    /// Of those, how many were new.
    pub stored: usize,
    pub rejected: Vec<Rejected>,
}

pub async fn batch(State(state): State<AppState>, headers: HeaderMap, body: Body) -> Response {
    answer(&state, read_then_ingest(&state, &headers, body, None).await)
}

pub async fn track(State(state): State<AppState>, headers: HeaderMap, body: Body) -> Response {
    answer(
        &state,
        read_then_ingest(&state, &headers, body, Some("track")).await,
    )
}

pub async fn identify(State(state): State<AppState>, headers: HeaderMap, body: Body) -> Response {
    answer(
        &state,
        read_then_ingest(&state, &headers, body, Some("identify")).await,
    )
}

pub async fn page(State(state): State<AppState>, headers: HeaderMap, body: Body) -> Response {
    answer(
        &state,
        read_then_ingest(&state, &headers, body, Some("page")).await,
    )
}

fn answer(state: &AppState, result: Result<BatchResponse, ApiError>) -> Response {
    state.metrics.request();
    match result {
        Ok(r) => {
            state.metrics.events(r.accepted, r.stored, r.rejected.len());
            Json(r).into_response()
        }
        Err(e) => {
            state.metrics.refused(e.code());
            if !matches!(e, ApiError::BadRequest(_)) {
                crate::log::warn(
                    "ingest refused",
                    &[("code", e.code().into()), ("detail", e.to_string().into())],
                );
            }
            e.into_response()
        }
    }
}

/// Reads the body within the time and size limits, then ingests it.
async fn read_then_ingest(
    state: &AppState,
    headers: &HeaderMap,
    body: Body,
    single: Option<&str>,
) -> Result<BatchResponse, ApiError> {
    let limits = &state.limits;
    let bytes = match tokio::time::timeout(
        limits.body_read,
        axum::body::to_bytes(body, limits.max_body_bytes),
    )
    .await
    {
        Err(_) => return Err(ApiError::SlowBody(limits.body_read.as_secs_f64())),
        Ok(Err(e)) if too_long(&e) => {
            return Err(ApiError::TooLarge(format!(
                "the body is over {} bytes: send smaller batches",
                limits.max_body_bytes
            )))
        }
        Ok(Err(e)) => {
            return Err(ApiError::BadRequest(format!(
                "the body could not be read: {e}"
            )))
        }
        Ok(Ok(b)) => b,
    };
    ingest(state, headers, &bytes, single).await
}

fn too_long(e: &axum::Error) -> bool {
    let mut source: Option<&(dyn std::error::Error + 'static)> = Some(e);
    while let Some(s) = source {
        if s.is::<http_body_util::LengthLimitError>() {
            return true;
        }
        source = s.source();
    }
    false
}

/// `single` is the type a single-message endpoint implies; `None` means a batch envelope.
async fn ingest(
    state: &AppState,
    headers: &HeaderMap,
    body: &Bytes,
    single: Option<&str>,
) -> Result<BatchResponse, ApiError> {
    let limits = &state.limits;
    let text = decode::body_text(headers, body, limits.max_decompressed_bytes)?;
    let owned_text = |v: Option<Value>| v.and_then(|v| v.as_str().map(str::to_owned));
    let single_message: Box<RawValue>;
    let (messages, sent_at, body_key) = match single {
        None => {
            const SHAPE: &str = "an object with a `batch` array of messages";
            let envelope: decode::Envelope = decode::object(&text, SHAPE)?;
            let batch = envelope
                .batch
                .ok_or_else(|| ApiError::BadRequest(format!("expected {SHAPE}")))?;
            (
                batch,
                owned_text(envelope.sent_at),
                owned_text(envelope.write_key),
            )
        }
        Some(kind) => {
            let mut m: Map<String, Value> =
                decode::object(&text, &format!("one {kind} message as a JSON object"))?;
            let key = owned_text(m.remove("writeKey"));
            m.entry("type").or_insert_with(|| kind.into());
            single_message = RawValue::from_string(Value::Object(m).to_string())
                .map_err(|e| ApiError::BadRequest(format!("the message cannot be read: {e}")))?;
            (vec![&*single_message], None, key)
        }
    };
    let key = auth::write_key(headers, body_key.as_deref());
    let project = auth::project(&state.config, headers, key.as_deref())?;
    if messages.len() > limits.max_events_per_batch {
        return Err(ApiError::TooLarge(format!(
            "a batch may hold at most {} messages; this one has {}: split it",
            limits.max_events_per_batch,
            messages.len()
        )));
    }
    let receipt = Receipt {
        project: &project.id,
        sent_at: sent_at.as_deref(),
        received_ms: state.clock.now_ms() as i64,
    };
    let mut events = Vec::with_capacity(messages.len());
    let mut rejected = Vec::new();
    for (index, raw) in messages.iter().enumerate() {
        let verdict = message::check(raw, limits.max_event_bytes).and_then(|head| match single {
            Some(kind) if head.kind() != Some(kind) => Err((
                "wrong_type",
                format!("this endpoint takes `{kind}` messages"),
            )),
            _ => Ok(head),
        });
        match verdict {
            Ok(head) => events.push(message::to_stored(raw.get(), &head, &receipt)),
            Err((reason, message)) => rejected.push(Rejected {
                index,
                reason,
                message,
            }),
        }
    }
    let accepted = events.len();
    let stored = if events.is_empty() {
        0
    } else {
        commit(state, events).await?
    };
    Ok(BatchResponse {
        success: rejected.is_empty(),
        accepted,
        stored,
        rejected,
    })
}

async fn commit(
    state: &AppState,
    events: Vec<crate::store::StoredEvent>,
) -> Result<usize, ApiError> {
    let retry_after_secs = state.limits.retry_after_secs;
    let done = state.committer.submit(events).map_err(|e| match e {
        SubmitError::Overloaded => ApiError::Overloaded { retry_after_secs },
        SubmitError::Stopped => ApiError::Store(crate::store::StoreError(e.to_string())),
    })?;
    match tokio::time::timeout(state.limits.commit_wait, done).await {
        Ok(Ok(result)) => Ok(result?),
        Ok(Err(_)) => Err(ApiError::Store(crate::store::StoreError(
            "the committer dropped the request".into(),
        ))),
        Err(_) => Err(ApiError::CommitTimeout { retry_after_secs }),
    }
}
