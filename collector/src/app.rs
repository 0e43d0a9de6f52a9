use crate::commit::Committer;
use crate::config::Config;
use crate::forward::Forwarders;
use crate::limits::Limits;
use crate::metrics::Metrics;
use crate::store::Store;
use crate::{dashboard, ingest, progress};
use axum::extract::{Request, State};
use axum::handler::HandlerWithoutStateExt;
use axum::http::{header, HeaderValue, Method, StatusCode};
use axum::response::IntoResponse;
use axum::routing::{get, post};
use axum::Router;
use std::path::PathBuf;
use std::sync::Arc;
use tower::ServiceExt;
use tower_http::cors::{AllowHeaders, AllowOrigin, CorsLayer};
use tower_http::services::{ServeDir, ServeFile};
use tower_http::set_header::SetResponseHeader;

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
    pub config: Arc<Config>,
    pub limits: Arc<Limits>,
    pub committer: Committer,
    pub metrics: Arc<Metrics>,
    /// Stopped when the last clone of the state is dropped.
    pub forwarders: Arc<Forwarders>,
}

impl AppState {
    /// Starts the group committer for `store`, and a forwarder for each project that
    /// forwards its stream.
    pub fn new(
        store: Arc<dyn Store>,
        clock: Arc<dyn Clock>,
        config: Config,
        limits: Limits,
    ) -> AppState {
        let metrics = Arc::new(Metrics::default());
        let committer =
            Committer::start(store.clone(), limits.commit_queue_events, metrics.clone());
        let limits = Arc::new(limits);
        let forwarders = Arc::new(Forwarders::start(&store, &config, &limits, &metrics));
        AppState {
            store,
            clock,
            config: Arc::new(config),
            limits,
            committer,
            metrics,
            forwarders,
        }
    }
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
    // Preflights carry no write key, so they are answered for any project's origins; each
    // request is then checked against its own project's list.
    let config = state.config.clone();
    let cors = CorsLayer::new()
        .allow_origin(AllowOrigin::predicate(move |origin: &HeaderValue, _| {
            origin.to_str().is_ok_and(|o| config.any_allows_origin(o))
        }))
        .allow_methods([Method::GET, Method::POST, Method::OPTIONS])
        // Apps that wrap `fetch` add their own headers (a CSRF token) and cookies to every
        // request, the widget's too. Nothing here reads them, and no cookie authorises
        // anything, so whatever the browser asks to send is allowed rather than every event
        // refused.
        .allow_headers(AllowHeaders::mirror_request())
        .allow_credentials(true)
        // Cross-origin widgets must be able to read how long a 429 or 503 asks them to wait.
        .expose_headers([header::RETRY_AFTER])
        .max_age(std::time::Duration::from_secs(86_400));
    let api = Router::new()
        .route("/v1/batch", post(ingest::batch))
        .route("/v1/track", post(ingest::track))
        .route("/v1/identify", post(ingest::identify))
        .route("/v1/page", post(ingest::page))
        .route("/v1/progress/{user_id}", get(progress::get))
        .layer(cors);
    let mut router = api
        .merge(dashboard::routes(state.clone()))
        .route("/health", get(|| async { "ok" }))
        .route("/metrics", get(metrics))
        .with_state(state);
    if let Some(pkg) = statics.pkg {
        // `cargo xtask build` writes brotli and gzip twins of the widget's files: sent as they
        // are to browsers that accept them, the widget costs its measured size on the wire.
        // Which one is sent depends on Accept-Encoding, so shared caches must key on it.
        let files = ServeDir::new(pkg).precompressed_br().precompressed_gzip();
        let files = SetResponseHeader::overriding(
            files,
            header::VARY,
            header::HeaderValue::from_static("accept-encoding"),
        );
        // A page on another origin loads them with `import()` and `fetch`, both CORS requests;
        // they are public files, read without credentials.
        let files = SetResponseHeader::overriding(
            files,
            header::ACCESS_CONTROL_ALLOW_ORIGIN,
            header::HeaderValue::from_static("*"),
        );
        router = router.nest_service("/pkg", files);
    }
    if let Some(www) = statics.www {
        let index = www.join("index.html");
        let client_route = move |request: Request| async move {
            if names_a_file(request.uri().path()) {
                return StatusCode::NOT_FOUND.into_response();
            }
            match ServeFile::new(index).oneshot(request).await {
                Ok(page) => page.into_response(),
                Err(never) => match never {},
            }
        };
        router = router.fallback_service(ServeDir::new(www).fallback(client_route.into_service()));
    }
    router
}

/// Unknown paths get the app's index.html, so client-side routes (`/team`) survive a reload;
/// but a missing file (`/guide.json`, a mistyped `guidesUrl`) is a 404, not a web page that
/// its reader would take for the file.
fn names_a_file(path: &str) -> bool {
    path.rsplit('/')
        .next()
        .is_some_and(|last| last.contains('.'))
}

async fn metrics(
    State(state): State<AppState>,
) -> ([(header::HeaderName, &'static str); 1], String) {
    (
        [(header::CONTENT_TYPE, "text/plain; version=0.0.4")],
        state.metrics.render(state.committer.pending()),
    )
}
