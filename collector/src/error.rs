use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;

/// Everything a request can fail with. Each variant decides its status, its stable `code`
/// (also the metrics label) and what the client sees; internal detail is logged, never sent.
#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    #[error("{0}")]
    BadRequest(String),
    /// Sending events needs a known write key.
    #[error("{0}")]
    BadWriteKey(String),
    /// Reading the dashboard needs the admin credential.
    #[error("the dashboard needs the admin credential")]
    NeedsAdmin,
    #[error("{1}")]
    Forbidden(&'static str, String),
    #[error("{0}")]
    TooLarge(String),
    #[error("{0}")]
    UnsupportedEncoding(String),
    /// The body did not arrive within the read limit (seconds).
    #[error("the request body did not arrive within {0} s")]
    SlowBody(f64),
    #[error("the collector is busy")]
    Overloaded { retry_after_secs: u32 },
    #[error("the store did not commit in time")]
    CommitTimeout { retry_after_secs: u32 },
    #[error("the store failed: {0}")]
    Store(#[from] crate::store::StoreError),
}

impl ApiError {
    pub fn code(&self) -> &'static str {
        match self {
            ApiError::BadRequest(_) => "bad_request",
            ApiError::BadWriteKey(_) => "bad_write_key",
            ApiError::NeedsAdmin => "needs_admin",
            ApiError::Forbidden(code, _) => code,
            ApiError::TooLarge(_) => "too_large",
            ApiError::UnsupportedEncoding(_) => "unsupported_encoding",
            ApiError::SlowBody(_) => "slow_body",
            ApiError::Overloaded { .. } => "overloaded",
            ApiError::CommitTimeout { .. } => "commit_timeout",
            ApiError::Store(_) => "store_unavailable",
        }
    }

    fn status(&self) -> StatusCode {
        match self {
            ApiError::BadRequest(_) => StatusCode::BAD_REQUEST,
            ApiError::BadWriteKey(_) | ApiError::NeedsAdmin => StatusCode::UNAUTHORIZED,
            ApiError::Forbidden(..) => StatusCode::FORBIDDEN,
            ApiError::TooLarge(_) => StatusCode::PAYLOAD_TOO_LARGE,
            ApiError::UnsupportedEncoding(_) => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            ApiError::SlowBody(_) => StatusCode::REQUEST_TIMEOUT,
            ApiError::Overloaded { .. } => StatusCode::TOO_MANY_REQUESTS,
            ApiError::CommitTimeout { .. } | ApiError::Store(_) => StatusCode::SERVICE_UNAVAILABLE,
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let message = match &self {
            ApiError::Store(e) => {
                crate::log::error("store failed", &[("error", e.to_string().into())]);
                "events could not be stored; retry later".to_string()
            }
            ApiError::CommitTimeout { .. } => {
                "events were not committed in time; retry later".into()
            }
            ApiError::Overloaded { .. } => {
                "too many events are waiting to be stored; retry after the delay in Retry-After"
                    .into()
            }
            other => other.to_string(),
        };
        let body = serde_json::json!({ "error": { "code": self.code(), "message": message } });
        let mut res = (self.status(), Json(body)).into_response();
        let retry = match &self {
            ApiError::Overloaded { retry_after_secs }
            | ApiError::CommitTimeout { retry_after_secs } => Some(*retry_after_secs),
            ApiError::Store(_) => Some(2),
            _ => None,
        };
        if let Some(secs) = retry {
            res.headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from(secs));
        }
        if matches!(self, ApiError::NeedsAdmin) {
            res.headers_mut().insert(
                header::WWW_AUTHENTICATE,
                HeaderValue::from_static("Basic realm=\"wowpath dashboard\", charset=\"UTF-8\""),
            );
        }
        res
    }
}
