//! The page's `on(event, callback)` listeners hear each onboarding event the widget sends,
//! through the one function the JavaScript module registers (`setHook`). That function calls
//! the listeners later, in a microtask: a listener that throws, or calls back into the widget,
//! runs outside the widget's own work.

use std::cell::RefCell;
use wasm_bindgen::JsValue;

thread_local! {
    static HOOK: RefCell<Option<js_sys::Function>> = const { RefCell::new(None) };
}

pub fn set(hook: js_sys::Function) {
    HOOK.with(|h| *h.borrow_mut() = Some(hook));
}

/// Passes `event` and its properties (a JSON object's text) to the page's listeners, if any.
pub fn tell(event: &str, properties_json: &str) {
    HOOK.with(|h| {
        if let Some(hook) = h.borrow().as_ref() {
            let _ = hook.call2(
                &JsValue::NULL,
                &JsValue::from_str(event),
                &JsValue::from_str(properties_json),
            );
        }
    });
}
