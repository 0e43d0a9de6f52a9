use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;

/// Everything a request can fail with. Each variant decides its status and what the client
/// sees; internal detail is logged, never sent.
#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    #[error("{0}")]
    BadRequest(String),
    #[error("the store failed: {0}")]
    Store(#[from] crate::store::StoreError),
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let (status, code, message) = match &self {
            ApiError::BadRequest(m) => (StatusCode::BAD_REQUEST, "bad_request", m.clone()),
            ApiError::Store(e) => {
                eprintln!(
                    "{{\"level\":\"error\",\"msg\":\"store failed\",\"error\":{:?}}}",
                    e.to_string()
                );
                (
                    StatusCode::SERVICE_UNAVAILABLE,
                    "store_unavailable",
                    "events could not be stored; retry later".into(),
                )
            }
        };
        let body = serde_json::json!({ "error": { "code": code, "message": message } });
        (status, Json(body)).into_response()
    }
}
