//! Promises the widget starts but does not wait for.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

/// Catches a rejection nobody waits for, so the host page never sees an unhandled one.
pub fn ignore_rejection(promise: &JsValue) {
    let catch = js_sys::Reflect::get(promise, &"catch".into())
        .ok()
        .and_then(|c| c.dyn_into::<js_sys::Function>().ok());
    if let Some(catch) = catch {
        let ignore = Closure::<dyn FnMut(JsValue)>::once_into_js(|_: JsValue| {});
        let _ = catch.call1(promise, &ignore);
    }
}
