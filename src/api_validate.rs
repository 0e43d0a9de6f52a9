//! `validateGuides(text)`, the whole export of the validator module (`wowpath_check_bg.wasm`):
//! the widget asks it about a file without a matching stamp, and `validate()` hands it any file
//! (the playground, editors, a SaaS team's build). Pure: it never touches the page.

use crate::core::guide::{diagnostics_json, load};
use wasm_bindgen::prelude::*;

/// `{"ok": bool, "diagnostics": [{severity, code, pointer, line, column, message}, …]}`;
/// `ok` is false when the widget would refuse the file.
#[wasm_bindgen(js_name = validateGuides)]
pub fn validate_guides(text: &str) -> String {
    let loaded = load(text);
    let ok = if loaded.has_errors() { "false" } else { "true" };
    format!(
        "{{\"ok\":{ok},\"diagnostics\":{}}}",
        diagnostics_json(&loaded.diagnostics)
    )
}
