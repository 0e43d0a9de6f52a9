//! `GET /v1/progress/{userId}`: the steps a user has completed on any device, so the widget
//! can pick up where they left off. A write key reads it; with an identity secret, only for
//! the user whose HMAC the host app's server computed.

use crate::auth;
use crate::error::ApiError;
use crate::store::{EventQuery, EventRow};
use crate::AppState;
use axum::extract::{Path, Query, State};
use axum::http::HeaderMap;
use axum::Json;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

pub const STEP_COMPLETED: &str = "Onboarding Step Completed";
pub const WOW_REACHED: &str = "Onboarding Wow Reached";
pub const USER_HASH_HEADER: &str = "x-wowpath-user-hash";

/// The wire contract (version 1): `done` maps `guide_id/step_id` to the first completion
/// (epoch ms, client time); `wow_at` is the first wow, or null.
#[derive(Debug, Serialize, PartialEq)]
pub struct Progress {
    pub v: u8,
    pub done: BTreeMap<String, i64>,
    pub wow_at: Option<i64>,
}

#[derive(Deserialize)]
pub struct ProgressQuery {
    #[serde(rename = "writeKey")]
    write_key: Option<String>,
}

/// Folds a user's rows into their progress; the earliest time wins, rows without the
/// needed properties are skipped.
pub fn progress_of(rows: &[EventRow]) -> Progress {
    let mut p = Progress {
        v: 1,
        done: BTreeMap::new(),
        wow_at: None,
    };
    for row in rows {
        let time = row.client_ms.unwrap_or(row.time_ms);
        let keep_min = |slot: &mut i64| *slot = (*slot).min(time);
        match row.event.as_deref() {
            Some(STEP_COMPLETED) => {
                let Ok(msg) = serde_json::from_str::<serde_json::Value>(&row.raw) else {
                    continue;
                };
                let prop = |k: &str| {
                    msg.pointer(&format!("/properties/{k}"))
                        .and_then(|v| v.as_str())
                        .map(str::to_owned)
                };
                if let (Some(guide), Some(step)) = (prop("guide_id"), prop("step_id")) {
                    keep_min(p.done.entry(format!("{guide}/{step}")).or_insert(time));
                }
            }
            Some(WOW_REACHED) => p.wow_at = Some(p.wow_at.map_or(time, |w| w.min(time))),
            _ => {}
        }
    }
    p
}

pub async fn get(
    State(state): State<AppState>,
    Path(user_id): Path<String>,
    Query(query): Query<ProgressQuery>,
    headers: HeaderMap,
) -> Result<Json<Progress>, ApiError> {
    let key = auth::write_key(&headers, query.write_key.as_deref());
    let project = auth::project(&state.config, &headers, key.as_deref())?;
    if let Some(secret) = &project.identity_secret {
        let given = headers
            .get(USER_HASH_HEADER)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("");
        let expected = auth::user_hash(secret, &user_id);
        if !auth::constant_time_eq(
            given.trim().to_ascii_lowercase().as_bytes(),
            expected.as_bytes(),
        ) {
            return Err(ApiError::Forbidden(
                "bad_user_hash",
                "this project checks identities: send X-Wowpath-User-Hash = hex HMAC-SHA256(identity secret, userId), computed on your server".into(),
            ));
        }
    }
    let store = state.store.clone();
    let q = EventQuery {
        project: project.id,
        user_id: Some(user_id),
        events: vec![STEP_COMPLETED.into(), WOW_REACHED.into()],
    };
    let rows = tokio::task::spawn_blocking(move || store.events(&q))
        .await
        .map_err(|e| ApiError::Store(crate::store::StoreError(e.to_string())))??;
    Ok(Json(progress_of(&rows)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(event: &str, client_ms: Option<i64>, props: &str) -> EventRow {
        EventRow {
            kind: "track".into(),
            event: Some(event.into()),
            user_id: Some("u1".into()),
            anonymous_id: None,
            time_ms: 999,
            client_ms,
            raw: format!("{{\"properties\":{props}}}"),
        }
    }

    #[test]
    fn the_earliest_completion_wins_and_broken_rows_are_skipped() {
        let rows = [
            row(
                STEP_COMPLETED,
                Some(50),
                r#"{"guide_id":"g","step_id":"a"}"#,
            ),
            row(
                STEP_COMPLETED,
                Some(20),
                r#"{"guide_id":"g","step_id":"a"}"#,
            ),
            row(STEP_COMPLETED, None, r#"{"guide_id":"g","step_id":"b"}"#),
            row(STEP_COMPLETED, Some(5), r#"{"guide_id":"g"}"#),
            row(WOW_REACHED, Some(70), "{}"),
            row(WOW_REACHED, Some(60), "{}"),
        ];
        let p = progress_of(&rows);
        assert_eq!(
            p.done.into_iter().collect::<Vec<_>>(),
            [("g/a".into(), 20), ("g/b".into(), 999)]
        );
        assert_eq!(p.wow_at, Some(60));
    }
}
