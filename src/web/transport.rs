//! Sends batch bodies to the collector: `fetch` while the page lives, `sendBeacon` as it goes.

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// What became of one request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// The server answered with this HTTP status.
    Status(u16),
    /// No answer: offline, refused, blocked, or timed out.
    NetworkError,
}

/// POSTs `body` as `text/plain` (a "simple" request: no CORS preflight).
pub async fn post(url: &str, body: &str) -> Outcome {
    let Some(window) = web_sys::window() else {
        return Outcome::NetworkError;
    };
    let init = web_sys::RequestInit::new();
    init.set_method("POST");
    init.set_body(&JsValue::from_str(body));
    // Not in web-sys's RequestInit; lets a request outlive the page within the 64 KB budget.
    let _ = js_sys::Reflect::set(
        &init,
        &"keepalive".into(),
        &JsValue::from_bool(body.len() < 60_000),
    );
    let headers = js_sys::Object::new();
    let _ = js_sys::Reflect::set(
        &headers,
        &"content-type".into(),
        &"text/plain;charset=UTF-8".into(),
    );
    init.set_headers(&headers);
    match JsFuture::from(window.fetch_with_str_and_init(url, &init)).await {
        Ok(response) => match response.dyn_into::<web_sys::Response>() {
            Ok(r) => Outcome::Status(r.status()),
            Err(_) => Outcome::NetworkError,
        },
        Err(_) => Outcome::NetworkError,
    }
}

/// Hands `body` to the browser to deliver after the page is gone; false if it refused.
pub fn beacon(url: &str, body: &str) -> bool {
    web_sys::window().is_some_and(|w| {
        w.navigator()
            .send_beacon_with_opt_str(url, Some(body))
            .unwrap_or(false)
    })
}
