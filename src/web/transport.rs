//! Sends batch bodies to the collector: `fetch` while the page lives, `sendBeacon` (or a
//! keepalive `fetch`) as it goes. Every failure becomes an `Answer`, never an exception.

use crate::core::events::Answer;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// How to post one batch.
pub struct Post<'a> {
    pub url: &'a str,
    pub body: &'a str,
    /// `Authorization: Basic base64(writeKey + ":")`, when the request may carry headers.
    pub basic_auth: Option<&'a str>,
    /// Compress the body with `CompressionStream` (only toward a collector that accepts it).
    pub gzip: bool,
    /// Abort after this many ms: a server that never answers must not stall the queue.
    pub timeout_ms: u32,
}

fn set(target: &JsValue, key: &str, value: &JsValue) {
    let _ = js_sys::Reflect::set(target, &key.into(), value);
}

fn global(name: &str) -> Option<JsValue> {
    super::js::prop(&js_sys::global(), name)
}

/// The body gzipped through `CompressionStream`, or `None` where the browser lacks it.
async fn gzipped(body: &str) -> Option<JsValue> {
    let ctor = global("CompressionStream")?
        .dyn_into::<js_sys::Function>()
        .ok()?;
    let stream = js_sys::Reflect::construct(&ctor, &js_sys::Array::of1(&"gzip".into())).ok()?;
    let parts = js_sys::Array::of1(&body.into());
    let blob = web_sys::Blob::new_with_str_sequence(&parts).ok()?;
    let piped = blob.stream().pipe_through(&stream.unchecked_into());
    let response = web_sys::Response::new_with_opt_readable_stream(Some(&piped)).ok()?;
    JsFuture::from(response.array_buffer().ok()?).await.ok()
}

/// POSTs the body as `text/plain` (a "simple" request: no CORS preflight unless headers
/// are added) and reports the status and `Retry-After`.
pub async fn post(req: Post<'_>) -> Answer {
    let Some(window) = web_sys::window() else {
        return Answer::NetworkError;
    };
    let init = web_sys::RequestInit::new();
    init.set_method("POST");
    let headers = js_sys::Object::new();
    set(&headers, "content-type", &"text/plain;charset=UTF-8".into());
    let mut body = JsValue::from_str(req.body);
    if req.gzip {
        if let Some(zipped) = gzipped(req.body).await {
            body = zipped;
            set(&headers, "content-encoding", &"gzip".into());
        }
    }
    if let Some(key) = req.basic_auth {
        if let Ok(encoded) = window.btoa(&format!("{key}:")) {
            set(
                &headers,
                "authorization",
                &format!("Basic {encoded}").into(),
            );
        }
    }
    init.set_body(&body);
    init.set_headers(&headers);
    // `AbortSignal.timeout` (not in web-sys's stable set); without it, no timeout.
    if let Some(signal) = global("AbortSignal").and_then(|a| {
        let timeout = js_sys::Reflect::get(&a, &"timeout".into()).ok()?;
        let timeout = timeout.dyn_into::<js_sys::Function>().ok()?;
        timeout.call1(&a, &req.timeout_ms.into()).ok()
    }) {
        set(&init, "signal", &signal);
    }
    let Ok(response) = JsFuture::from(super::js::fetch(req.url, &init)).await else {
        return Answer::NetworkError;
    };
    match response.dyn_into::<web_sys::Response>() {
        Ok(r) => Answer::Status {
            status: r.status(),
            // Readable cross-origin only if the collector exposes it; else the backoff decides.
            retry_after: r.headers().get("retry-after").ok().flatten(),
        },
        Err(_) => Answer::NetworkError,
    }
}

/// Hands `body` to the browser to deliver after the page is gone. When `sendBeacon` refuses
/// it (a full budget, or beacons blocked), a keepalive `fetch` is tried and false returned,
/// so the caller stops cutting more chunks; the events stay queued either way.
pub fn beacon(url: &str, body: &str) -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    if window
        .navigator()
        .send_beacon_with_opt_str(url, Some(body))
        .unwrap_or(false)
    {
        return true;
    }
    let init = web_sys::RequestInit::new();
    init.set_method("POST");
    init.set_body(&JsValue::from_str(body));
    set(&init, "keepalive", &JsValue::TRUE);
    // A refused keepalive fetch rejects: catch it, so the host page sees no unhandled
    // rejection.
    super::promise::ignore_rejection(&super::js::fetch(url, &init));
    false
}
