//! Facts about the page and browser: the clock, randomness, the path, the session and the
//! locale (`context.rs` has the events' context).

use crate::core::time::Millis;

pub fn now_ms() -> Millis {
    js_sys::Date::now() as Millis
}

/// 16 random bytes from the browser's CSPRNG (available in insecure contexts too, unlike
/// `randomUUID`).
pub fn random_bytes() -> [u8; 16] {
    let mut bytes = [0u8; 16];
    let filled = web_sys::window()
        .and_then(|w| w.crypto().ok())
        .is_some_and(|c| c.get_random_values_with_u8_array(&mut bytes).is_ok());
    if !filled {
        // No crypto object (very old or unusual embedders): ids only need to be unique.
        let seed = (js_sys::Math::random() * 2f64.powi(52)) as u64 ^ now_ms();
        bytes[..8].copy_from_slice(&seed.to_le_bytes());
        bytes[8..]
            .copy_from_slice(&((js_sys::Math::random() * 2f64.powi(52)) as u64).to_le_bytes());
    }
    bytes
}

/// The current URL's path, as guide URL patterns see it.
pub fn path() -> String {
    web_sys::window()
        .and_then(|w| w.location().pathname().ok())
        .unwrap_or_else(|| "/".to_string())
}

fn session_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.session_storage().ok()?
}

/// A value kept for this browser session (sessionStorage), created on first use; `None` when
/// session storage is blocked.
pub fn session_value(key: &str) -> Option<String> {
    if let Some(v) = tab_value(key) {
        return Some(v);
    }
    let id = crate::core::ids::uuid_v4(random_bytes());
    session_storage()?.set_item(key, &id).ok()?;
    Some(id)
}

/// What this tab keeps under `key` across its page loads (sessionStorage); `None` when there is
/// nothing, or session storage is blocked.
pub fn tab_value(key: &str) -> Option<String> {
    session_storage()?
        .get_item(key)
        .ok()?
        .filter(|v| !v.is_empty())
}

/// Keeps `value` for this tab's next page loads, or forgets it with `None` (kept empty, which
/// `tab_value` reads as nothing); a blocked or full session storage only means it is not kept.
pub fn keep_for_tab(key: &str, value: Option<&str>) {
    if let Some(storage) = session_storage() {
        let _ = storage.set_item(key, value.unwrap_or_default());
    }
}

/// GETs a URL's text, with one extra header if given; `None` on any failure (the caller goes
/// on without it).
pub async fn get_text(url: &str, header: Option<(&str, &str)>) -> Option<String> {
    use wasm_bindgen::JsCast;
    use wasm_bindgen_futures::JsFuture;
    let init = web_sys::RequestInit::new();
    if let Some((name, value)) = header {
        let headers = js_sys::Object::new();
        js_sys::Reflect::set(&headers, &name.into(), &value.into()).ok()?;
        init.set_headers(&headers);
    }
    let response = JsFuture::from(super::js::fetch(url, &init)).await.ok()?;
    let response: web_sys::Response = response.dyn_into().ok()?;
    if !response.ok() {
        return None;
    }
    JsFuture::from(response.text().ok()?)
        .await
        .ok()?
        .as_string()
}

/// The locale to show texts in: the one given, the page's `lang`, or the browser's language.
pub fn locale(given: Option<&str>) -> String {
    let window = web_sys::window();
    given
        .map(str::to_string)
        .or_else(|| {
            window
                .as_ref()?
                .document()?
                .document_element()?
                .get_attribute("lang")
                .filter(|l| !l.is_empty())
        })
        .or_else(|| window.as_ref()?.navigator().language())
        .unwrap_or_else(|| "en".to_string())
}

/// Whether the page's URL has `flag` in its query (`?wowpath_debug`).
pub fn url_has_flag(flag: &str) -> bool {
    let search = web_sys::window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default();
    search
        .trim_start_matches('?')
        .split('&')
        .any(|p| p.split('=').next() == Some(flag))
}

/// Whether the screen has room for the open checklist beside the app: on a phone the panel
/// would cover most of it.
pub fn has_room_for_panel() -> bool {
    let Some(window) = web_sys::window() else {
        return true;
    };
    let size = |v: Result<wasm_bindgen::JsValue, _>| v.ok().and_then(|v| v.as_f64());
    match (size(window.inner_width()), size(window.inner_height())) {
        (Some(w), Some(h)) => w >= 640.0 && h >= 500.0,
        _ => true,
    }
}
