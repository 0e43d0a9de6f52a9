//! The browser's privacy signals: Do Not Track and Global Privacy Control.

use wasm_bindgen::JsValue;

fn read(target: &JsValue, name: &str) -> JsValue {
    js_sys::Reflect::get(target, &name.into()).unwrap_or(JsValue::UNDEFINED)
}

/// True when the user asked not to be tracked (`navigator.doNotTrack == "1"`, the older
/// `window.doNotTrack`) or to have their data kept private (`navigator.globalPrivacyControl`).
pub fn user_objects() -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let navigator: JsValue = window.navigator().into();
    let dnt = |v: JsValue| v.as_string().is_some_and(|s| s == "1" || s == "yes");
    dnt(read(&navigator, "doNotTrack"))
        || dnt(read(&window, "doNotTrack"))
        || read(&navigator, "globalPrivacyControl").as_bool() == Some(true)
}
