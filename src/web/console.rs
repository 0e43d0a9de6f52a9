//! The one place where JavaScript failures become text, and where the widget speaks to the
//! developer console. Every message starts with `wowpath:` so it can be filtered.

use wasm_bindgen::JsValue;

pub fn error(message: &str) {
    web_sys::console::error_1(&JsValue::from_str(&format!("wowpath: {message}")));
}

pub fn warn(message: &str) {
    web_sys::console::warn_1(&JsValue::from_str(&format!("wowpath: {message}")));
}

pub fn debug(message: &str) {
    web_sys::console::debug_1(&JsValue::from_str(&format!("wowpath: {message}")));
}

/// A readable description of a thrown JavaScript value (an `Error`'s message, or its text).
pub fn describe(value: &JsValue) -> String {
    if let Some(e) = value.dyn_ref::<js_sys::Error>() {
        return String::from(e.message());
    }
    value
        .as_string()
        .unwrap_or_else(|| "an unknown JavaScript error".to_string())
}

use wasm_bindgen::JsCast;
