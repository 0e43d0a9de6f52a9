//! The product manager's dashboard and its JSON API, behind the admin credential (a write
//! key can only send events). The page and its script are embedded in the binary, so it
//! works offline and needs no CDN.

pub mod api;
mod csv;

use crate::auth::require_admin;
use crate::error::ApiError;
use crate::AppState;
use axum::extract::{Request, State};
use axum::http::header;
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;

const PAGE: &str = include_str!("../../assets/dashboard.html");
const SCRIPT: &str = include_str!("../../assets/dashboard.js");
const CHARTS: &str = include_str!("../../assets/charts.js");
const TABLES: &str = include_str!("../../assets/tables.js");
const STYLE: &str = include_str!("../../assets/dashboard.css");

pub fn routes(state: AppState) -> Router<AppState> {
    Router::new()
        .route(
            "/dashboard",
            get(|| async { asset("text/html; charset=utf-8", PAGE) }),
        )
        .route(
            "/dashboard/",
            get(|| async { asset("text/html; charset=utf-8", PAGE) }),
        )
        .route(
            "/dashboard/dashboard.js",
            get(|| async { asset("text/javascript; charset=utf-8", SCRIPT) }),
        )
        .route(
            "/dashboard/charts.js",
            get(|| async { asset("text/javascript; charset=utf-8", CHARTS) }),
        )
        .route(
            "/dashboard/tables.js",
            get(|| async { asset("text/javascript; charset=utf-8", TABLES) }),
        )
        .route(
            "/dashboard/dashboard.css",
            get(|| async { asset("text/css; charset=utf-8", STYLE) }),
        )
        .route("/dashboard/api/projects", get(api::projects))
        .route("/dashboard/api/report", get(api::report))
        .route("/dashboard/api/stuck.csv", get(api::stuck_csv))
        .route_layer(middleware::from_fn_with_state(state, admin_only))
}

fn asset(content_type: &'static str, body: &'static str) -> Response {
    (
        [
            (header::CONTENT_TYPE, content_type),
            (header::CACHE_CONTROL, "no-cache"),
        ],
        body,
    )
        .into_response()
}

async fn admin_only(State(state): State<AppState>, req: Request, next: Next) -> Response {
    match require_admin(&state.config, req.headers()) {
        Ok(()) => next.run(req).await,
        Err(e) => {
            state.metrics.refused(e.code());
            e.into_response()
        }
    }
}

pub(crate) fn store_error(e: impl std::fmt::Display) -> ApiError {
    ApiError::Store(crate::store::StoreError(e.to_string()))
}
