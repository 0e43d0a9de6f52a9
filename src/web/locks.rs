//! The Web Locks API (`navigator.locks`), reached through `Reflect` because web-sys keeps it
//! behind its unstable flag. Locks are held by a document and released by the browser when
//! it goes away, even when it crashes: that is what tells one tab that another is gone.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsValue;
use wasm_bindgen_futures::JsFuture;

fn request_fn() -> Option<(JsValue, js_sys::Function)> {
    let navigator = web_sys::window()?.navigator();
    let locks = super::js::prop(&navigator, "locks")?;
    let request = super::js::method(&locks, "request")?;
    Some((locks, request))
}

pub fn available() -> bool {
    request_fn().is_some()
}

/// Takes the exclusive lock `name` and keeps it until the page goes away. Resolves true
/// once it is held, false if the API is missing or refused.
pub async fn hold_for_page_life(name: &str) -> bool {
    let Some((locks, request)) = request_fn() else {
        return false;
    };
    let mut granted: Option<js_sys::Function> = None;
    let held = js_sys::Promise::new(&mut |resolve, _| granted = Some(resolve));
    let Some(granted) = granted else {
        return false;
    };
    let callback = Closure::once_into_js(move |_lock: JsValue| {
        let _ = granted.call1(&JsValue::UNDEFINED, &JsValue::TRUE);
        // Never settles: the lock is released only when the document is destroyed.
        js_sys::Promise::new(&mut |_, _| {})
    });
    if request.call2(&locks, &name.into(), &callback).is_err() {
        return false;
    }
    JsFuture::from(held).await.is_ok()
}

/// Runs `f` while holding `name`, only if no one else holds it right now (`ifAvailable`);
/// `f` runs later, in a task of its own. False if the API is missing.
pub fn with_lock_if_free(name: &str, f: impl FnOnce() + 'static) -> bool {
    let Some((locks, request)) = request_fn() else {
        return false;
    };
    let options = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&options, &"ifAvailable".into(), &JsValue::TRUE);
    let callback = Closure::once_into_js(move |lock: JsValue| {
        if !lock.is_null() {
            f();
        }
    });
    // A lock request rejects only if the callback threw; nothing to do about it here.
    if let Ok(p) = request.call3(&locks, &name.into(), &options, &callback) {
        super::promise::ignore_rejection(&p);
    }
    true
}
