//! Fetching the guide file from `guidesUrl`.

use super::Runtime;
use crate::web::console;
use std::rc::Weak;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::{spawn_local, JsFuture};

/// Fetches the guide file at `url`, then applies it. `requested`: the same request, already
/// made by the snippet or the JavaScript module while this one was still downloading.
pub(super) fn fetch(rt: Weak<Runtime>, url: String, requested: Option<js_sys::Promise>) {
    spawn_local(async move {
        let text = fetch_text(&url, requested).await;
        let Some(rt) = rt.upgrade() else {
            return;
        };
        match text {
            Ok(text) => rt.apply_guides_soon(text, url),
            Err(e) => {
                console::error(&format!(
                    "{url}: could not load the guide file: {e}; no guides are shown"
                ));
                rt.guides_failed(&format!("{url} could not be loaded: {e}"));
            }
        }
    });
}

/// `no-cache`: the browser revalidates with the server (ETag / Last-Modified) on every load,
/// so an edited guide file shows at once while an unchanged one costs a 304.
async fn fetch_text(url: &str, requested: Option<js_sys::Promise>) -> Result<String, String> {
    let request = match requested {
        Some(request) => request,
        None => {
            let init = web_sys::RequestInit::new();
            init.set_cache(web_sys::RequestCache::NoCache);
            crate::web::js::fetch(url, &init)
        }
    };
    let response = JsFuture::from(request)
        .await
        .map_err(|e| console::describe(&e))?;
    let response: web_sys::Response = response
        .dyn_into()
        .map_err(|_| "not a response".to_string())?;
    if !response.ok() {
        return Err(format!("HTTP {}", response.status()));
    }
    let text = JsFuture::from(response.text().map_err(|e| console::describe(&e))?)
        .await
        .map_err(|e| console::describe(&e))?;
    text.as_string()
        .ok_or_else(|| "the body is not text".to_string())
}
