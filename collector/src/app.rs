use crate::ingest;
use crate::store::Store;
use axum::extract::DefaultBodyLimit;
use axum::routing::{get, post};
use axum::Router;
use std::path::PathBuf;
use std::sync::Arc;
use tower_http::cors::{Any, CorsLayer};
use tower_http::services::{ServeDir, ServeFile};

/// A request body above this is refused with 413 (bytes; Segment allows 500 KB a batch).
pub const MAX_BODY_BYTES: usize = 512 * 1024;

/// Milliseconds since the Unix epoch; a trait so tests can fix the time.
pub trait Clock: Send + Sync + 'static {
    fn now_ms(&self) -> u64;
}

pub struct SystemClock;

impl Clock for SystemClock {
    fn now_ms(&self) -> u64 {
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_millis() as u64)
    }
}

#[derive(Clone)]
pub struct AppState {
    pub store: Arc<dyn Store>,
    pub clock: Arc<dyn Clock>,
}

/// Folders served as static files beside the API (the demo app and the built widget).
#[derive(Debug, Clone, Default)]
pub struct Static {
    /// Served at `/`.
    pub www: Option<PathBuf>,
    /// Served at `/pkg`.
    pub pkg: Option<PathBuf>,
}

pub fn app(state: AppState, statics: Static) -> Router {
    // Browsers post with `text/plain` (no preflight); CORS still answers preflights for
    // clients that send JSON.
    let cors = CorsLayer::new()
        .allow_origin(Any)
        .allow_methods(Any)
        .allow_headers(Any);
    let api = Router::new()
        .route("/v1/batch", post(ingest::batch))
        .layer(DefaultBodyLimit::max(MAX_BODY_BYTES))
        .layer(cors)
        .route("/health", get(|| async { "ok" }))
        .with_state(state);
    let mut router = api;
    if let Some(pkg) = statics.pkg {
        router = router.nest_service("/pkg", ServeDir::new(pkg));
    }
    if let Some(www) = statics.www {
        // Unknown paths get the app's index.html, so client-side routes survive a reload.
        let index = ServeFile::new(www.join("index.html"));
        router = router.fallback_service(ServeDir::new(www).fallback(index));
    }
    router
}
