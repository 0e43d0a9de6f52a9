//! Focus and keyboard for a step: focus moves into the step when it opens and returns where it
//! was when it closes; Esc dismisses, the arrow keys move through the tour, and a modal keeps
//! Tab inside itself.

use super::{OnAction, UiAction};
use crate::core::engine::DismissedBy;
use crate::web::mount::Mount;
use crate::web::own_events::{Kind, Subscription};
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, KeyboardEvent};

/// Returns focus to the element that had it, when dropped, unless the user has since moved it.
pub struct FocusReturn {
    previous: Option<HtmlElement>,
}

impl FocusReturn {
    /// Remembers the host's focused element, then focuses `target`. Unless `always` (a modal,
    /// or a step opened from the widget itself), the keyboard stays in a text field the user
    /// has focused: a step completed by typing opens the next one mid-word, and the following
    /// keys would land in the card (WCAG 3.2.2: no change of context on input). Such a step is
    /// announced, and reached with Tab.
    pub fn take(target: &HtmlElement, always: bool) -> FocusReturn {
        let active = focused();
        let typing = active.as_ref().is_some_and(takes_text);
        let previous = active
            .and_then(|e| e.dyn_into::<HtmlElement>().ok())
            .filter(|e| e.local_name() != "wowpath-root" && e.local_name() != "body");
        if always || !typing {
            let _ = target.focus();
        }
        FocusReturn { previous }
    }
}

impl Drop for FocusReturn {
    fn drop(&mut self) {
        // Only when focus is still the widget's (or was lost with its card): not when the user
        // has clicked or tabbed into the page since.
        let ours =
            focused().is_none_or(|e| matches!(e.local_name().as_str(), "wowpath-root" | "body"));
        if let Some(previous) = self.previous.as_ref().filter(|p| ours && p.is_connected()) {
            let _ = previous.focus();
        }
    }
}

/// The focused element of the document, looking into open shadow roots (not the widget's).
fn focused() -> Option<Element> {
    let mut active = web_sys::window()?.document()?.active_element()?;
    while active.local_name() != "wowpath-root" {
        let Some(inner) = active.shadow_root().and_then(|r| r.active_element()) else {
            break;
        };
        active = inner;
    }
    Some(active)
}

/// Whether `e` is a control the user types into.
fn takes_text(e: &Element) -> bool {
    match e.local_name().as_str() {
        "textarea" | "select" => true,
        "input" => !matches!(
            e.get_attribute("type")
                .unwrap_or_default()
                .to_ascii_lowercase()
                .as_str(),
            "button"
                | "submit"
                | "reset"
                | "checkbox"
                | "radio"
                | "file"
                | "image"
                | "range"
                | "color"
        ),
        _ => e
            .dyn_ref::<HtmlElement>()
            .is_some_and(|h| h.is_content_editable()),
    }
}

fn focusables(card: &HtmlElement) -> Vec<HtmlElement> {
    let Ok(list) = card.query_selector_all("button, a[href]") else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|i| list.item(i)?.dyn_into::<HtmlElement>().ok())
        .collect()
}

/// Keyboard handling inside the step's card.
pub fn keys(
    mount: &Mount,
    card: &HtmlElement,
    on_action: OnAction,
    guide_id: String,
    dismissible: bool,
    rtl: bool,
    trap: bool,
) -> Subscription {
    let card_ref = card.clone();
    mount.events.on(card, Kind::KeyDown, move |e| {
        let Some(e) = e.dyn_ref::<KeyboardEvent>() else {
            return;
        };
        let (forward, backward) = if rtl {
            ("ArrowLeft", "ArrowRight")
        } else {
            ("ArrowRight", "ArrowLeft")
        };
        let key = e.key();
        let action = match key.as_str() {
            "Escape" if dismissible => Some(UiAction::Dismiss {
                guide_id: guide_id.clone(),
                by: DismissedBy::Escape,
            }),
            k if k == forward => Some(UiAction::Next),
            k if k == backward => Some(UiAction::Back),
            "Tab" if trap => {
                let items = focusables(&card_ref);
                let root = card_ref.get_root_node();
                let active = js_sys::Reflect::get(&root, &"activeElement".into()).ok();
                let (first, last) = (items.first(), items.last());
                let at = |el: Option<&HtmlElement>| {
                    el.is_some_and(|el| active.as_ref() == Some(el.as_ref()))
                };
                if e.shift_key() && at(first) {
                    e.prevent_default();
                    let _ = last.map(|l| l.focus());
                } else if !e.shift_key() && at(last) {
                    e.prevent_default();
                    let _ = first.map(|f| f.focus());
                }
                None
            }
            _ => None,
        };
        if let Some(action) = action {
            e.prevent_default();
            on_action(action);
        }
    })
}
