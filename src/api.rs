//! The JavaScript surface. `pkg/index.js` calls these with JSON text (it stringifies objects,
//! so Rust reads every input through the same validating parser); errors become rejected
//! Promises there and console errors here, never exceptions in the host page.

use crate::core::engine::Act;
use crate::core::{events, ids, json};
use crate::runtime::{self, Options, Outcome, Runtime};
use wasm_bindgen::prelude::*;

/// `properties` must be a JSON object; anything else is refused with a clear message.
fn object_text(what: &str, text: &str) -> Result<(), JsError> {
    match json::parse(text) {
        Ok(node) if matches!(node.value, json::Value::Object(_)) => Ok(()),
        Ok(node) => Err(JsError::new(&format!(
            "wowpath: {what} must be an object, not {}",
            node.kind_name()
        ))),
        Err(e) => Err(JsError::new(&format!(
            "wowpath: {what} could not be read: {e}"
        ))),
    }
}

/// A reason the core gave, as the error the call's Promise rejects with.
fn refused(why: String) -> JsError {
    JsError::new(&format!("wowpath: {why}"))
}

/// Refuses a call whose name and properties alone exceed the limit of one event.
fn fits(call: &str, name: &str, properties_json: &str) -> Result<(), JsError> {
    events::check_call_size(call, name, properties_json).map_err(refused)
}

/// The running widget. Events held back for its first draw go first, so they keep their
/// place before whatever this call sends, and the identity they were made under.
fn running(command: &str) -> Result<std::rc::Rc<Runtime>, JsError> {
    let rt = runtime::current().ok_or_else(|| JsError::new(&format!("wowpath: `{command}` was called before `init`; call wowpath('init', {{ writeKey }}) first")))?;
    rt.release_held();
    Ok(rt)
}

fn non_empty(what: &str, value: &str) -> Result<(), JsError> {
    if value.trim().is_empty() {
        return Err(JsError::new(&format!(
            "wowpath: {what} must be a non-empty string"
        )));
    }
    Ok(())
}

#[wasm_bindgen(js_name = initWidget)]
pub fn init_widget(
    options_json: &str,
    guides_text: Option<String>,
    guides_requested: Option<js_sys::Promise>,
) -> Result<(), JsError> {
    let options = Options::parse(options_json)
        .and_then(|o| o.check_guide_source(guides_text.is_some()).map(|()| o))
        .map_err(refused)?;
    Runtime::start(options, guides_text, guides_requested);
    Ok(())
}

#[wasm_bindgen]
pub fn track(event: &str, properties_json: &str) -> Result<(), JsError> {
    non_empty("the event name", event)?;
    object_text("track properties", properties_json)?;
    fits("track", event, properties_json)?;
    running("track")?.track(event, properties_json);
    Ok(())
}

/// `user_hash`: the HMAC-SHA256 of the user id that the host's server computed with the
/// project's identity secret, when the collector requires one to read progress.
#[wasm_bindgen]
pub fn identify(
    user_id: &str,
    traits_json: &str,
    user_hash: Option<String>,
) -> Result<(), JsError> {
    non_empty("the user id", user_id)?;
    object_text("identify traits", traits_json)?;
    fits("identify", user_id, traits_json)?;
    if let Some(hash) = &user_hash {
        ids::check_user_hash(hash).map_err(refused)?;
    }
    running("identify")?.identify(user_id, traits_json, user_hash);
    Ok(())
}

/// A page view: `name` (optional) goes top-level, as Segment's page call has it.
#[wasm_bindgen]
pub fn page(name: Option<String>, properties_json: &str) -> Result<(), JsError> {
    object_text("page properties", properties_json)?;
    fits("page", name.as_deref().unwrap_or_default(), properties_json)?;
    running("page")?.page(name.as_deref().filter(|n| !n.is_empty()), properties_json);
    Ok(())
}

#[wasm_bindgen]
pub fn complete(step_id: &str) -> Result<JsValue, JsError> {
    non_empty("the step id", step_id)?;
    settled(running("complete")?.request(Act::Complete(step_id.to_string())))
}

#[wasm_bindgen]
pub fn reset() -> Result<(), JsError> {
    running("reset")?.reset();
    Ok(())
}

#[wasm_bindgen]
pub fn start(guide_id: &str, replay: bool) -> Result<JsValue, JsError> {
    non_empty("the guide id", guide_id)?;
    let id = guide_id.to_string();
    settled(running("start")?.request(Act::Start { id, replay }))
}

#[wasm_bindgen]
pub fn dismiss(guide_id: &str) -> Result<JsValue, JsError> {
    non_empty("the guide id", guide_id)?;
    settled(running("dismiss")?.request(Act::Dismiss(guide_id.to_string())))
}

/// A call's outcome as the JavaScript module returns it: nothing, a throw, or a Promise.
fn settled(outcome: Outcome) -> Result<JsValue, JsError> {
    match outcome {
        Outcome::Done => Ok(JsValue::UNDEFINED),
        Outcome::Later(settles) => Ok(settles.into()),
        Outcome::Refused(why) => Err(refused(why)),
    }
}

/// Why each guide is or is not showing, one line per guide.
#[wasm_bindgen]
pub fn explain() -> Result<String, JsError> {
    Ok(running("explain")?.explain_lines().join("\n"))
}

/// Sends everything queued now; resolves when the queue is empty or sending must wait.
#[wasm_bindgen]
pub async fn flush() -> Result<(), JsError> {
    running("flush")?.flush().await;
    Ok(())
}

/// The account (company, team) the user belongs to; B2B products onboard whole accounts.
#[wasm_bindgen]
pub fn group(group_id: &str, traits_json: &str) -> Result<(), JsError> {
    non_empty("the group id", group_id)?;
    object_text("group traits", traits_json)?;
    fits("group", group_id, traits_json)?;
    running("group")?.group(group_id, traits_json);
    Ok(())
}

/// Stops all event collection on this browser for this app, and forgets unsent events.
#[wasm_bindgen(js_name = optOut)]
pub fn opt_out() -> Result<(), JsError> {
    running("optOut")?.opt_out();
    Ok(())
}

/// The module's listener for onboarding events (see `web::hooks`): `hook(event, propertiesJson)`.
#[wasm_bindgen(js_name = setHook)]
pub fn set_hook(hook: js_sys::Function) {
    crate::web::hooks::set(hook);
}

/// The module's way to the guide-file validator (see `web::validator`): `validator(text)`
/// resolves to the JSON `validate()` gives.
#[wasm_bindgen(js_name = setValidator)]
pub fn set_validator(validator: js_sys::Function) {
    crate::web::validator::set(validator);
}

/// Collects events again after `optOut` (or despite Do Not Track / GPC).
#[wasm_bindgen(js_name = optIn)]
pub fn opt_in() -> Result<(), JsError> {
    running("optIn")?.opt_in();
    Ok(())
}

/// `track` calls that `index.js` gathered during one task (so each call costs the host page
/// almost nothing), flattened in order: `[event, propertiesJson, timestampMs, …]`. The module
/// has already checked them: a non-empty name, and properties that `JSON.stringify` made
/// into an object's text.
#[wasm_bindgen(js_name = trackMany)]
pub fn track_many(calls: Vec<JsValue>) -> Result<(), JsError> {
    let rt = running("track")?;
    let calls = calls.chunks_exact(3).filter_map(|c| {
        let event = c[0].as_string().filter(|e| !e.trim().is_empty())?;
        let properties = c[1].as_string().filter(|p| p.starts_with('{'))?;
        let at = c[2].as_f64().filter(|t| t.is_finite() && *t >= 0.0)? as u64;
        Some((event, properties, at))
    });
    rt.track_burst(calls);
    Ok(())
}
