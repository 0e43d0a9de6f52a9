//! The guide-file validator is a module of its own (`wowpath_check_bg.wasm`), downloaded only
//! for a file without a matching stamp. The JavaScript module registers the one function that
//! loads it and runs it (`setValidator`); this file calls that function and waits.

use super::console::describe;
use std::cell::RefCell;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

thread_local! {
    static VALIDATOR: RefCell<Option<js_sys::Function>> = const { RefCell::new(None) };
}

pub fn set(validator: js_sys::Function) {
    VALIDATOR.with(|v| *v.borrow_mut() = Some(validator));
}

/// The validator's verdict on `text`: the JSON `validate()` resolves to. Fails when the
/// validator could not be downloaded or started.
pub async fn check(text: &str) -> Result<String, String> {
    let validator = VALIDATOR
        .with(|v| v.borrow().clone())
        .ok_or("the validator was not registered")?;
    let promise = validator
        .call1(&JsValue::NULL, &JsValue::from_str(text))
        .map_err(|e| describe(&e))?
        .dyn_into::<js_sys::Promise>()
        .map_err(|_| "the validator did not answer with a Promise".to_string())?;
    let verdict = JsFuture::from(promise).await.map_err(|e| describe(&e))?;
    verdict
        .as_string()
        .ok_or_else(|| "the validator's answer is not text".to_string())
}
