//! Owns the core state and the browser adapters, and carries out the core's effects.

mod delivery;
mod guides;
mod observe;
mod options;
mod stage;
mod user;

pub use options::Options;

use crate::core::engine::{Engine, Observed};
use crate::core::events::{Identity, Message, Queue, QueuedEvent};
use crate::core::ids::uuid_v4;
use crate::web::mount::Mount;
use crate::web::ui::{ChecklistUi, StepUi};
use crate::web::{console, page, storage::Store};
use gloo::events::EventListener;
use gloo::timers::callback::Timeout;
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
    /// The language texts are shown in.
    locale: String,
    /// Log every scheduling decision (init option `debug`, or `?wowpath_debug` in the URL).
    debug: bool,
    last_explained: RefCell<Vec<String>>,
    /// Watched selectors already seen in the page.
    appeared: RefCell<std::collections::BTreeSet<String>>,
    /// The signed-in user's identity hash, sent when reading their progress.
    user_hash: RefCell<Option<String>>,
}

#[derive(Default)]
struct State {
    identity: Identity,
    engine: Option<Engine>,
    queue: Queue,
    panel_open: bool,
    checklist_ui: Option<ChecklistUi>,
    step_ui: Option<StepUi>,
    /// Scroll and resize listeners while a step follows its anchor.
    layout: Vec<EventListener>,
    /// Waiting for a late anchor: the step's `guide/step` and the give-up timer.
    waiting_for: Option<String>,
    waiting: Option<Timeout>,
    watchers: observe::Watchers,
    // Declared after the UI so listeners go before the elements they listen to.
    mount: Option<Rc<Mount>>,
    flush_timer: Option<Timeout>,
    sending: bool,
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
        let (options_locale, options_debug) = (options.locale.clone(), options.debug);
        let store = Store::default();
        let queue = Queue::from_json(&store.get(&options.key("queue")).unwrap_or_default());
        let rt = Rc::new(Runtime {
            options,
            store,
            state: RefCell::new(State {
                queue,
                ..State::default()
            }),
            listeners: RefCell::default(),
            locale: page::locale(options_locale.as_deref()),
            debug: options_debug || page::url_has_flag("wowpath_debug"),
            last_explained: RefCell::default(),
            appeared: RefCell::default(),
            user_hash: RefCell::default(),
        });
        rt.state.borrow_mut().identity = rt.load_identity();
        rt.state.borrow_mut().panel_open =
            rt.store.get(&rt.options.key("open")).as_deref() != Some("0");
        RUNTIME.with(|r| *r.borrow_mut() = Some(rt.clone()));
        rt.listen_for_page_exit();
        match (inline_guides, rt.options.guides_url.clone()) {
            (Some(text), _) => rt.apply_guides(&text, "inline guides"),
            (None, Some(url)) => guides::fetch(Rc::downgrade(&rt), url),
            (None, None) => console::warn(
                "no guides were given to init (`guides` or `guidesUrl`): only events are sent",
            ),
        }
        if !rt.state.borrow().queue.is_empty() {
            rt.schedule_flush(0);
        }
    }

    /// Queues one message for delivery. `properties_json` must be a JSON object's text.
    fn enqueue(self: &Rc<Self>, kind: &'static str, event: Option<&str>, properties_json: &str) {
        let id = uuid_v4(page::random_bytes());
        let json = {
            let st = self.state.borrow();
            let message = Message {
                kind,
                message_id: &id,
                event,
                properties_json,
                timestamp: page::now_ms(),
            };
            message.to_json(&st.identity, &page::context())
        };
        let pushed = self.state.borrow_mut().queue.push(QueuedEvent { id, json });
        if let Err(size) = pushed {
            console::warn(&format!("an event of {size} bytes was dropped: events may be at most 32 KB; send less in its properties"));
            return;
        }
        self.persist_queue();
        self.schedule_flush(self.options.flush_after_ms);
    }

    /// `wowpath('track', event, properties)`: sent as an event, and matched against every
    /// completion condition, start condition and the wow milestone.
    pub fn track(self: &Rc<Self>, event: &str, properties_json: &str) {
        self.enqueue("track", Some(event), properties_json);
        let properties = crate::core::json::parse(properties_json).ok();
        self.with_engine(|e| {
            e.observe(
                Observed::Event {
                    name: event,
                    properties: properties.as_ref(),
                },
                page::now_ms(),
            )
        });
    }

    /// `wowpath('page', name, properties)`.
    pub fn page(self: &Rc<Self>, properties_json: &str) {
        self.enqueue("page", None, properties_json);
    }

    /// `wowpath('complete', stepId)` (or `guideId/stepId`).
    pub fn complete(self: &Rc<Self>, step_id: &str) {
        self.with_engine(|e| e.complete(step_id, page::now_ms()));
    }

    /// `wowpath('start', guideId)`.
    pub fn start_guide(self: &Rc<Self>, guide_id: &str) -> bool {
        let known = self
            .state
            .borrow()
            .engine
            .as_ref()
            .is_some_and(|e| e.file().guides.iter().any(|g| g.id == guide_id));
        self.with_engine(|e| e.start(guide_id, page::now_ms()));
        known
    }

    /// `wowpath('dismiss', guideId)`.
    pub fn dismiss(self: &Rc<Self>, guide_id: &str) {
        self.with_engine(|e| e.dismiss(guide_id, page::now_ms()));
    }
}
