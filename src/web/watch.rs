//! Watches what the user does in the host page — clicks and form input — in the capture
//! phase, passively: the host's own handlers always run, and nothing is prevented or stopped.

use gloo::events::{EventListener, EventListenerOptions};
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::{Element, Event};

pub struct InteractionWatch {
    _listeners: Vec<EventListener>,
}

/// The first selector that an element on the event's path matches (shadow DOM included).
fn matching<'a>(event: &Event, selectors: &'a [String]) -> Vec<&'a str> {
    let path = event.composed_path();
    selectors
        .iter()
        .filter(|sel| {
            path.iter()
                .filter_map(|n| n.dyn_into::<Element>().ok())
                .any(|el| el.matches(sel).unwrap_or(false))
        })
        .map(String::as_str)
        .collect()
}

fn field_has_value(event: &Event) -> bool {
    let Some(target) = event.target() else {
        return false;
    };
    let value = js_sys::Reflect::get(&target, &"value".into())
        .ok()
        .and_then(|v| v.as_string());
    value.is_some_and(|v| !v.trim().is_empty())
}

/// `on_click(selector)` for clicks inside elements matching `clicks`; `on_filled(selector)` when a
/// field matching `filled` gets a non-blank value.
pub fn watch(
    clicks: Vec<String>,
    filled: Vec<String>,
    on_click: impl Fn(&str) + 'static,
    on_filled: impl Fn(&str) + 'static,
) -> Option<InteractionWatch> {
    let document = web_sys::window()?.document()?;
    let options = EventListenerOptions::run_in_capture_phase();
    let mut listeners = Vec::new();
    if !clicks.is_empty() {
        listeners.push(EventListener::new_with_options(
            &document,
            "click",
            options,
            move |e| {
                for sel in matching(e, &clicks) {
                    on_click(sel);
                }
            },
        ));
    }
    if !filled.is_empty() {
        let filled = Rc::new(filled);
        let on_filled = Rc::new(on_filled);
        for kind in ["input", "change"] {
            let (filled, on_filled) = (filled.clone(), on_filled.clone());
            listeners.push(EventListener::new_with_options(
                &document,
                kind,
                options,
                move |e| {
                    if field_has_value(e) {
                        for sel in matching(e, &filled) {
                            on_filled(sel);
                        }
                    }
                },
            ));
        }
    }
    Some(InteractionWatch {
        _listeners: listeners,
    })
}
