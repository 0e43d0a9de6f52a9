//! Cross-origin requests: which pages the collector answers, and what they may send.

mod support;

use support::{one_project, Fixture};
use wowpath_collector::Limits;

#[tokio::test]
async fn cors_preflights_are_answered_only_for_allowed_origins() {
    let f = Fixture::with("cors", one_project(None), Limits::default());
    let preflight = |origin: &'static str| {
        axum::http::Request::options("/v1/batch")
            .header("origin", origin)
            .header("access-control-request-method", "POST")
            .header(
                "access-control-request-headers",
                // An app's fetch wrapper adds its own header and cookies to the widget's request.
                "content-type,authorization,x-csrf-token",
            )
            .body(axum::body::Body::empty())
            .expect("request")
    };
    let ok = f.send(preflight("https://app.example")).await;
    assert_eq!(
        ok.headers
            .get("access-control-allow-origin")
            .map(|v| v.as_bytes()),
        Some(&b"https://app.example"[..])
    );
    assert_eq!(
        ok.headers
            .get("access-control-allow-headers")
            .map(|v| v.as_bytes()),
        Some(&b"content-type,authorization,x-csrf-token"[..])
    );
    assert_eq!(
        ok.headers
            .get("access-control-allow-credentials")
            .map(|v| v.as_bytes()),
        Some(&b"true"[..])
    );
    let no = f.send(preflight("https://evil.example")).await;
    assert_eq!(no.headers.get("access-control-allow-origin"), None);
}
