//! Connects the page to the engine: URL changes (from `init` on), clicks and input, elements
//! appearing, and progress written by other tabs. Every watcher is a guard, dropped with the
//! runtime.

use super::early::EarlyCall;
use super::Runtime;
use crate::core::engine::Observed;
use crate::core::time::Millis;
use crate::web::mutations::{self, DomWatch};
use crate::web::navigation::{self, NavigationWatch};
use crate::web::page;
use crate::web::watch::{self, InteractionWatch};
use gloo::events::EventListener;
use std::rc::Rc;
use wasm_bindgen::JsCast;

#[derive(Default)]
pub(super) struct Watchers {
    _navigation: Option<NavigationWatch>,
    _interactions: Option<InteractionWatch>,
    _dom: Option<DomWatch>,
    _storage: Option<EventListener>,
}

impl Runtime {
    /// Follows the page's URL from `init` on: while the guide file loads, each change waits
    /// with the other early calls, so a step completed by visiting a page still completes.
    pub(super) fn watch_navigation(self: &Rc<Self>) {
        let weak = Rc::downgrade(self);
        let nav = navigation::watch(move || {
            if let Some(rt) = weak.upgrade() {
                rt.on_navigation(page::path(), page::now_ms());
            }
        });
        self.state.borrow_mut().watchers._navigation = nav;
    }

    /// No guides will run on this page: the URL need not be followed (and where that meant
    /// wrapping `history`, the host gets its own functions back).
    pub(super) fn stop_watching_navigation(&self) {
        let old = self.state.borrow_mut().watchers._navigation.take();
        drop(old);
    }

    pub(super) fn on_navigation(self: &Rc<Self>, path: String, at: Millis) {
        if self.guides_loading() {
            // Routers also rewrite the query, the hash or the state (on every scroll, say):
            // only a new path is kept, so those cannot crowd the waiting calls out.
            if self.path_after_waiting().as_deref() != Some(path.as_str()) {
                self.hold(EarlyCall::Url { path, at });
            }
            return;
        }
        self.with_engine(|e| {
            if e.path() != path {
                e.observe(Observed::Url(&path), at)
            } else {
                Vec::new()
            }
        });
    }

    pub(super) fn watch_page(self: &Rc<Self>) {
        let Some(watched) = self.state.borrow().engine.as_ref().map(|e| e.watched()) else {
            return;
        };
        let (on_click, on_filled) = (Rc::downgrade(self), Rc::downgrade(self));
        let interactions = watch::watch(
            watched.click,
            watched.filled,
            move |sel| {
                if let Some(rt) = on_click.upgrade() {
                    rt.with_engine(|e| e.observe(Observed::Click(sel), page::now_ms()));
                }
            },
            move |sel| {
                if let Some(rt) = on_filled.upgrade() {
                    rt.with_engine(|e| e.observe(Observed::Filled(sel), page::now_ms()));
                }
            },
        );
        let appears = Rc::new(watched.appears);
        let weak = Rc::downgrade(self);
        let check = Rc::new(move || {
            if let Some(rt) = weak.upgrade() {
                rt.on_dom_change(&appears);
            }
        });
        check();
        let dom = mutations::watch({
            let check = check.clone();
            move || check()
        });
        let weak = Rc::downgrade(self);
        let storage = web_sys::window().map(|w| {
            EventListener::new(&w, "storage", move |e| {
                let Some(e) = e.dyn_ref::<web_sys::StorageEvent>() else {
                    return;
                };
                if let (Some(rt), Some(key)) = (weak.upgrade(), e.key()) {
                    rt.on_storage_change(&key, e.new_value());
                }
            })
        });
        let watchers = &mut self.state.borrow_mut().watchers;
        watchers._interactions = interactions;
        watchers._dom = dom;
        watchers._storage = storage;
    }

    /// The DOM changed: report watched elements that are now present, and let a waiting tour
    /// step find its anchor.
    fn on_dom_change(self: &Rc<Self>, appears: &[String]) {
        let Some(document) = web_sys::window().and_then(|w| w.document()) else {
            return;
        };
        let mount = self.state.borrow().mount.clone();
        if let Some(mount) = mount {
            mount.keep_attached();
        }
        self.follow_page_language();
        for sel in appears {
            let present = document.query_selector(sel).ok().flatten().is_some();
            let new = present && self.appeared.borrow_mut().insert(sel.clone());
            if new {
                self.with_engine(|e| e.observe(Observed::Appeared(sel), page::now_ms()));
            }
        }
        let missing = self
            .state
            .borrow()
            .engine
            .as_ref()
            .map(|e| e.missing_anchors())
            .unwrap_or_default();
        for (guide_id, step_id, selector) in missing {
            if crate::web::ui::find_anchor(&selector).is_some() {
                self.with_engine(|e| e.anchor_found(&guide_id, &step_id, page::now_ms()));
            }
        }
        self.on_layout_change();
    }
}
