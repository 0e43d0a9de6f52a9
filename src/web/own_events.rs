//! Keeps the widget's own input events away from the host page's listeners. UI libraries
//! listen on the document for presses outside their dropdowns, for focus leaving their modals
//! and for Escape: with the widget's events reaching them, Next on a tour step pointing into an
//! open menu would close the menu, and a modal would pull focus back out of the step.
//!
//! One listener on the window, in the capture phase, runs before every listener of the
//! document and its elements, and stops each input event whose target is the widget. Those
//! events then never reach the widget's elements either, so its click and key handlers are
//! registered here and called from that listener, innermost first, as bubbling would.

use gloo::events::{EventListener, EventListenerOptions, EventListenerPhase};
use std::cell::{Cell, RefCell};
use std::rc::{Rc, Weak};
use wasm_bindgen::JsValue;
use web_sys::{Element, Event};

/// Fenced event types, with the kind the widget's elements handle. Wheel and touch listeners
/// are passive, so the page scrolls as before.
const FENCED: [(&str, Option<Kind>, bool); 19] = [
    ("click", Some(Kind::Click), false),
    ("keydown", Some(Kind::KeyDown), false),
    ("auxclick", None, false),
    ("dblclick", None, false),
    ("contextmenu", None, false),
    ("mousedown", None, false),
    ("mouseup", None, false),
    ("pointerdown", None, false),
    ("pointerup", None, false),
    ("keyup", None, false),
    ("keypress", None, false),
    ("focusin", None, false),
    ("focusout", None, false),
    ("focus", None, false),
    ("blur", None, false),
    ("touchstart", None, true),
    ("touchend", None, true),
    ("touchmove", None, true),
    ("wheel", None, true),
];

/// The event types the widget's own elements handle.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Click,
    KeyDown,
}

type Handler = Rc<dyn Fn(&Event)>;

struct Entry {
    id: u32,
    element: JsValue,
    kind: Kind,
    handler: Handler,
}

type Entries = Rc<RefCell<Vec<Entry>>>;

pub struct OwnEvents {
    entries: Entries,
    next_id: Cell<u32>,
    _fence: Vec<EventListener>,
}

/// A handler registered with `OwnEvents::on`; removed when dropped.
pub struct Subscription {
    id: u32,
    entries: Weak<RefCell<Vec<Entry>>>,
}

impl Drop for Subscription {
    fn drop(&mut self) {
        if let Some(entries) = self.entries.upgrade() {
            entries.borrow_mut().retain(|e| e.id != self.id);
        }
    }
}

impl OwnEvents {
    /// Fences the events of `host`, the widget's element: at the window an event from inside its
    /// shadow root has `host` as its target.
    pub fn new(host: &Element) -> OwnEvents {
        let entries: Entries = Rc::default();
        let own = entries.clone();
        let host = JsValue::from(host);
        let fence = Rc::new(move |e: &Event, kind: Option<Kind>| {
            if !e.target().is_some_and(|t| JsValue::from(t) == host) {
                return;
            }
            e.stop_immediate_propagation();
            let Some(kind) = kind else {
                return;
            };
            // Collected before any runs: a handler may redraw, dropping subscriptions.
            let due: Vec<Handler> = {
                let entries = own.borrow();
                e.composed_path()
                    .iter()
                    .take_while(|node| *node != host)
                    .flat_map(|node| {
                        entries
                            .iter()
                            .filter(move |en| en.kind == kind && en.element == node)
                            .map(|en| en.handler.clone())
                    })
                    .collect()
            };
            for handler in due {
                handler(e);
            }
        });
        let mut listeners = Vec::new();
        if let Some(window) = web_sys::window() {
            for (name, kind, passive) in FENCED {
                let options = EventListenerOptions {
                    phase: EventListenerPhase::Capture,
                    passive,
                };
                let fence = fence.clone();
                listeners.push(EventListener::new_with_options(
                    &window,
                    name,
                    options,
                    move |e| fence(e, kind),
                ));
            }
        }
        OwnEvents {
            entries,
            next_id: Cell::new(0),
            _fence: listeners,
        }
    }

    /// Calls `handler` for `kind` events on `element` (one of the widget's) or inside it.
    pub fn on(
        &self,
        element: &Element,
        kind: Kind,
        handler: impl Fn(&Event) + 'static,
    ) -> Subscription {
        let id = self.next_id.get();
        self.next_id.set(id.wrapping_add(1));
        self.entries.borrow_mut().push(Entry {
            id,
            element: element.into(),
            kind,
            handler: Rc::new(handler),
        });
        Subscription {
            id,
            entries: Rc::downgrade(&self.entries),
        }
    }
}
