//! `GET /dashboard/api/report` (the numbers as JSON), `/dashboard/api/stuck.csv` and
//! `/dashboard/api/projects`. Query: `project`, `from` and `to` (YYYY-MM-DD, UTC, `to`
//! inclusive), `trait` (`name:value`), `stuck_after_hours` (default 72), `q` (CSV text filter).

use super::{csv, store_error};
use crate::config::OPEN_PROJECT;
use crate::error::ApiError;
use crate::stats::{self, Filters, Report};
use crate::store::EventQuery;
use crate::time::parse_iso8601;
use crate::AppState;
use axum::extract::{Query, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::Deserialize;

#[derive(Debug, Default, Deserialize)]
pub struct ReportQuery {
    pub project: Option<String>,
    pub from: Option<String>,
    pub to: Option<String>,
    #[serde(rename = "trait")]
    pub trait_eq: Option<String>,
    pub stuck_after_hours: Option<f64>,
    pub q: Option<String>,
}

const DAY_MS: i64 = 86_400_000;

fn date(name: &str, value: &Option<String>) -> Result<Option<i64>, ApiError> {
    match value.as_deref().map(str::trim).filter(|v| !v.is_empty()) {
        None => Ok(None),
        Some(v) => parse_iso8601(v).map(Some).ok_or_else(|| {
            ApiError::BadRequest(format!(
                "`{name}` must be a date like 2026-11-22, not `{v}`"
            ))
        }),
    }
}

pub fn filters(q: &ReportQuery, now_ms: i64) -> Result<Filters, ApiError> {
    let mut f = Filters::at(now_ms);
    f.from_ms = date("from", &q.from)?;
    // `to` names the last day included.
    f.to_ms = date("to", &q.to)?.map(|t| t + DAY_MS);
    if let (Some(from), Some(to)) = (f.from_ms, f.to_ms) {
        if from >= to {
            // An empty report would read as "nobody onboarded", which is not what was asked.
            return Err(ApiError::BadRequest(format!(
                "`from` ({}) is after `to` ({}), so no day is in view; swap them",
                q.from.as_deref().unwrap_or_default().trim(),
                q.to.as_deref().unwrap_or_default().trim()
            )));
        }
    }
    if let Some(t) = q.trait_eq.as_deref().filter(|t| !t.is_empty()) {
        let (k, v) = t.split_once(':').ok_or_else(|| {
            ApiError::BadRequest(format!(
                "`trait` must be name:value (e.g. plan:team), not `{t}`"
            ))
        })?;
        f.trait_eq = Some((k.to_owned(), v.to_owned()));
    }
    if let Some(h) = q.stuck_after_hours {
        if !(h.is_finite() && h >= 0.0) {
            return Err(ApiError::BadRequest(
                "`stuck_after_hours` must be a number of hours ≥ 0".into(),
            ));
        }
        f.stuck_after_ms = (h * 3_600_000.0) as i64;
    }
    Ok(f)
}

fn project_of(state: &AppState, q: &ReportQuery) -> Result<String, ApiError> {
    let known: Vec<&str> = state
        .config
        .projects
        .iter()
        .map(|p| p.id.as_str())
        .collect();
    match q.project.as_deref().filter(|p| !p.is_empty()) {
        None => Ok(known.first().copied().unwrap_or(OPEN_PROJECT).to_owned()),
        Some(p) if known.contains(&p) || (known.is_empty() && p == OPEN_PROJECT) => {
            Ok(p.to_owned())
        }
        Some(p) => Err(ApiError::BadRequest(format!(
            "unknown project `{p}`; known: {}",
            known.join(", ")
        ))),
    }
}

/// Loads the project's rows and computes the report (shared by the API and the CLI).
pub async fn build(state: &AppState, q: &ReportQuery) -> Result<Report, ApiError> {
    let f = filters(q, state.clock.now_ms() as i64)?;
    let query = EventQuery {
        project: project_of(state, q)?,
        ..EventQuery::default()
    };
    let store = state.store.clone();
    tokio::task::spawn_blocking(move || store.events(&query).map(|rows| stats::report(&rows, f)))
        .await
        .map_err(store_error)?
        .map_err(ApiError::Store)
}

pub async fn report(
    State(state): State<AppState>,
    Query(q): Query<ReportQuery>,
) -> Result<Json<Report>, ApiError> {
    Ok(Json(build(&state, &q).await?))
}

pub async fn stuck_csv(
    State(state): State<AppState>,
    Query(q): Query<ReportQuery>,
) -> Result<Response, ApiError> {
    let r = build(&state, &q).await?;
    let text = csv::stuck_users(&r.stuck_users, q.q.as_deref().unwrap_or(""));
    Ok((
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8"),
            (
                header::CONTENT_DISPOSITION,
                "attachment; filename=\"stuck-users.csv\"",
            ),
        ],
        text,
    )
        .into_response())
}

pub async fn projects(State(state): State<AppState>) -> Json<Vec<String>> {
    let ids: Vec<String> = state.config.projects.iter().map(|p| p.id.clone()).collect();
    Json(if ids.is_empty() {
        vec![OPEN_PROJECT.into()]
    } else {
        ids
    })
}
