//! Owns the core state and the browser adapters, and carries out the core's effects.

mod acts;
mod consent;
mod delivery;
mod early;
mod first_paint;
mod guide_check;
mod guide_fetch;
mod guides;
mod observe;
mod outbox;
mod resume;
mod stage;
mod tabs;
mod user;

pub use crate::core::options::Options;
pub use acts::Outcome;

use crate::core::engine::{Engine, Observed};
use crate::core::events::Identity;
use crate::web::mount::Mount;
use crate::web::ui::{ChecklistUi, StepUi};
use crate::web::{console, page, storage::Store};
use early::EarlyCall;
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
    outbox: RefCell<outbox::Outbox>,
    /// Events waiting for the first draw (`first_paint.rs`).
    held: RefCell<first_paint::Held>,
    /// The language texts are shown in: the `locale` option, else the page's, which a
    /// single-page app may switch while it runs (see `stage::follow_page_language`).
    locale: RefCell<String>,
    /// Log every scheduling decision (init option `debug`, or `?wowpath_debug` in the URL).
    debug: bool,
    last_explained: RefCell<Vec<String>>,
    /// Watched selectors already seen in the page.
    appeared: RefCell<crate::core::sorted::SortedSet<String>>,
    /// The signed-in user's identity hash, sent when reading their progress.
    user_hash: RefCell<Option<String>>,
    /// Progress outgrew its storage cap (warned once).
    progress_too_big: std::cell::Cell<bool>,
}

#[derive(Default)]
struct State {
    identity: Identity,
    engine: Option<Engine>,
    panel_open: bool,
    checklist_ui: Option<ChecklistUi>,
    step_ui: Option<StepUi>,
    /// Scroll and resize listeners while a step follows its anchor.
    layout: Vec<EventListener>,
    /// Waiting for a late anchor: the step's `guide/step` and the give-up timer.
    waiting_for: Option<String>,
    waiting: Option<Timeout>,
    /// The first draw, waiting for its own task (see `render`).
    draw_pending: Option<crate::web::soon::NextTask>,
    /// Reading the guide file, waiting for its own task (see `apply_guides_soon`).
    read_pending: Option<crate::web::soon::NextTask>,
    /// Calls waiting for the guide file (`early.rs`); `Some` while it loads.
    early: Option<Vec<early::EarlyCall>>,
    early_overflowed: bool,
    /// Why there are no guides to start, when the guide file failed or was never given.
    guides_unusable: Option<String>,
    /// The page's path and the time when the guide file began loading: the engine starts
    /// there and then, and then follows the calls and URL changes made meanwhile, so a user
    /// is first seen when `init` was called, not when the file arrived.
    start_path: Option<String>,
    start_at: Option<crate::core::time::Millis>,
    watchers: observe::Watchers,
    /// The guide on screen as this tab keeps it (`resume.rs`).
    showing_kept: Option<String>,
    // Declared after the UI so listeners go before the elements they listen to.
    mount: Option<Rc<Mount>>,
}

impl Runtime {
    /// Starts the widget once; a second `init` is ignored with a warning. `guides_requested`:
    /// the guide file's request, when the JavaScript module has already made it.
    pub fn start(
        options: Options,
        inline_guides: Option<String>,
        guides_requested: Option<js_sys::Promise>,
    ) {
        if current().is_some() {
            console::warn(
                "init was called more than once; the first configuration stays in effect",
            );
            return;
        }
        let locale = page::locale(options.locale.as_deref());
        let debug = options.debug || page::url_has_flag("wowpath_debug");
        let rt = Rc::new(Runtime {
            options,
            store: Store::default(),
            state: RefCell::default(),
            listeners: RefCell::default(),
            outbox: RefCell::default(),
            held: RefCell::default(),
            locale: RefCell::new(locale),
            debug,
            last_explained: RefCell::default(),
            appeared: RefCell::default(),
            user_hash: RefCell::default(),
            progress_too_big: std::cell::Cell::default(),
        });
        rt.state.borrow_mut().identity = rt.load_identity();
        // Until the user opens or closes it, the checklist opens where it covers little.
        rt.state.borrow_mut().panel_open = match rt.store.get(&rt.options.key("open")).as_deref() {
            Some(remembered) => remembered != "0",
            None => crate::web::page::has_room_for_panel(),
        };
        RUNTIME.with(|r| *r.borrow_mut() = Some(rt.clone()));
        rt.start_delivery();
        if inline_guides.is_some() || rt.options.guides_url.is_some() {
            rt.wait_for_guides();
            rt.watch_navigation();
        }
        match (inline_guides, rt.options.guides_url.clone()) {
            (Some(text), _) => rt.apply_guides_soon(text, guides::INLINE.to_string()),
            (None, Some(url)) => guide_fetch::fetch(Rc::downgrade(&rt), url, guides_requested),
            (None, None) => {
                console::warn(
                    "no guides were given to init (`guides` or `guidesUrl`): only events are sent",
                );
                rt.state.borrow_mut().guides_unusable =
                    Some("was not given to init (`guides` or `guidesUrl`)".to_string());
            }
        }
    }

    /// Queues one message for delivery. `properties_json` must be a JSON object's text.
    fn enqueue(self: &Rc<Self>, kind: &'static str, event: Option<&str>, properties_json: &str) {
        if !self.held_back(kind, event, properties_json, false) {
            self.queue_event(kind, event, properties_json);
        }
    }

    /// An onboarding event: sent, and told to the page's `on(...)` listeners (whatever the
    /// user's consent: they stay in the page).
    fn emit(self: &Rc<Self>, event: &'static str, properties_json: &str) {
        if !self.held_back("track", Some(event), properties_json, true) {
            self.queue_event("track", Some(event), properties_json);
            crate::web::hooks::tell(event, properties_json);
        }
    }

    /// `wowpath('track', event, properties)`: sent as an event, and matched against every
    /// completion condition, start condition and the wow milestone.
    pub fn track(self: &Rc<Self>, event: &str, properties_json: &str) {
        self.enqueue("track", Some(event), properties_json);
        let properties = crate::core::json::parse(properties_json).ok();
        if self.guides_loading() {
            let at = self.call_time();
            let name = event.to_string();
            return self.hold(EarlyCall::Event {
                name,
                properties,
                at,
            });
        }
        self.with_engine(|e| {
            let seen = Observed::Event {
                name: event,
                properties: properties.as_ref(),
            };
            e.observe(seen, page::now_ms())
        });
    }

    /// `wowpath('page', name, properties)`.
    pub fn page(self: &Rc<Self>, name: Option<&str>, properties_json: &str) {
        self.enqueue("page", name, properties_json);
    }
}
