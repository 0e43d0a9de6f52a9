//! Reading browser features that web-sys does not bind, or binds only behind its unstable
//! flag: a property that may be missing, and a method that may be missing.

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
