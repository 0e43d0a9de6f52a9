//! Whether the browser thinks it is online, and a guard that hears when it comes back.

use gloo::events::EventListener;

pub fn is_online() -> bool {
    // Browsers without the flag are assumed online: a failed send then backs off as usual.
    web_sys::window().is_none_or(|w| w.navigator().on_line())
}

/// Calls `f` on each `online` event while the guard lives.
#[must_use = "the listener is removed when the guard is dropped"]
pub fn on_online(f: impl FnMut(&web_sys::Event) + 'static) -> Option<EventListener> {
    web_sys::window().map(|w| EventListener::new(&w, "online", f))
}
