//! Owns the core state and the browser adapters, and carries out the core's effects.

mod consent;
mod delivery;
mod guides;
mod options;
mod outbox;
mod tabs;
mod user;

pub use options::Options;

use crate::core::engine::Engine;
use crate::core::events::Identity;
use crate::web::mount::Mount;
use crate::web::{console, page, render::ChecklistUi, storage::Store};
use gloo::events::EventListener;
use std::cell::RefCell;
use std::rc::Rc;

thread_local! {
    static RUNTIME: RefCell<Option<Rc<Runtime>>> = const { RefCell::new(None) };
}

/// The running widget, if `init` has been called.
pub fn current() -> Option<Rc<Runtime>> {
    RUNTIME.with(|r| r.borrow().clone())
}

pub struct Runtime {
    options: Options,
    store: Store,
    state: RefCell<State>,
    listeners: RefCell<Vec<EventListener>>,
    outbox: RefCell<outbox::Outbox>,
}

#[derive(Default)]
struct State {
    identity: Identity,
    engine: Option<Engine>,
    panel_open: bool,
    ui: Option<ChecklistUi>,
    // Declared after `ui` so the listeners go before the elements they listen to.
    mount: Option<Mount>,
}

impl Runtime {
    /// Starts the widget once; a second `init` is ignored with a warning.
    pub fn start(options: Options, inline_guides: Option<String>) {
        if current().is_some() {
            console::warn(
                "init was called more than once; the first configuration stays in effect",
            );
            return;
        }
        let rt = Rc::new(Runtime {
            options,
            store: Store::default(),
            state: RefCell::default(),
            listeners: RefCell::default(),
            outbox: RefCell::default(),
        });
        rt.state.borrow_mut().identity = rt.load_identity();
        rt.state.borrow_mut().panel_open =
            rt.store.get(&rt.options.key("open")).as_deref() != Some("0");
        RUNTIME.with(|r| *r.borrow_mut() = Some(rt.clone()));
        rt.start_delivery();
        match (inline_guides, rt.options.guides_url.clone()) {
            (Some(text), _) => rt.apply_guides(&text, "inline guides"),
            (None, Some(url)) => guides::fetch(Rc::downgrade(&rt), url),
            (None, None) => console::warn(
                "no guides were given to init (`guides` or `guidesUrl`): only events are sent",
            ),
        }
    }

    /// Queues one message for delivery. `properties_json` must be a JSON object's text.
    fn enqueue(self: &Rc<Self>, kind: &'static str, event: Option<&str>, properties_json: &str) {
        self.queue_event(kind, event, properties_json);
    }

    /// `wowpath('track', event, properties)`.
    pub fn track(self: &Rc<Self>, event: &str, properties_json: &str) {
        self.enqueue("track", Some(event), properties_json);
        let effects = {
            let mut st = self.state.borrow_mut();
            st.engine
                .as_mut()
                .map(|e| e.on_track(event, page::now_ms()))
                .unwrap_or_default()
        };
        self.run(effects);
    }

    /// `wowpath('page', name, properties)`.
    pub fn page(self: &Rc<Self>, name: Option<&str>, properties_json: &str) {
        self.enqueue("page", name, properties_json);
    }

    /// `wowpath('complete', stepId)`.
    pub fn complete(self: &Rc<Self>, step_id: &str) {
        let effects = {
            let mut st = self.state.borrow_mut();
            st.engine
                .as_mut()
                .map(|e| e.on_complete(step_id, page::now_ms()))
                .unwrap_or_default()
        };
        self.run(effects);
    }
}
