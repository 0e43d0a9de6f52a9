//! Reading browser features that web-sys does not bind, or binds only behind its unstable
//! flag: a property that may be missing, and a method that may be missing. And calling the
//! page's `fetch` as a method that may be missing or may throw.

use wasm_bindgen::{JsCast, JsValue};

/// `target[name]`, or `None` when it is missing (`undefined` or `null`).
pub fn prop(target: &JsValue, name: &str) -> Option<JsValue> {
    js_sys::Reflect::get(target, &name.into())
        .ok()
        .filter(|v| !v.is_undefined() && !v.is_null())
}

/// `target[name]` when it is a function.
pub fn method(target: &JsValue, name: &str) -> Option<js_sys::Function> {
    prop(target, name)?.dyn_into().ok()
}

/// `fetch(url, init)` through whichever `fetch` the page has installed (apps wrap it to add
/// tokens or tracing), with a wrapper's synchronous throw (one that cannot read a relative URL,
/// say) turned into a rejected promise, as the browser's own `fetch` would report it. A throw
/// through the module would leave the widget's state half-changed.
pub fn fetch(url: &str, init: &web_sys::RequestInit) -> js_sys::Promise {
    let global = js_sys::global();
    let called = match method(&global, "fetch") {
        Some(fetch) => fetch.call2(&global, &url.into(), init),
        None => Err(js_sys::Error::new("this page has no fetch").into()),
    };
    match called {
        Ok(answer) => js_sys::Promise::resolve(&answer),
        Err(thrown) => js_sys::Promise::reject(&thrown),
    }
}
