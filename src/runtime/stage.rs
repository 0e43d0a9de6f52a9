//! Puts the engine's view on screen and keeps it there: the checklist, the current tour step
//! once its anchor exists (waiting for late ones, reporting missing ones), and following the
//! anchor on scroll, resize and layout changes. No work happens while nothing moves.

use super::Runtime;
use crate::core::guide::StepKind;
use crate::core::view::{self, StepView};
use crate::web::mount::Mount;
use crate::web::ui::{self, OnAction, StepUi, UiAction};
use crate::web::{
    page,
    ui::{find_anchor, search_anchor},
};
use gloo::events::{EventListener, EventListenerOptions};
use gloo::timers::callback::Timeout;
use std::rc::Rc;

impl Runtime {
    fn on_action(self: &Rc<Self>) -> OnAction {
        let weak = Rc::downgrade(self);
        Rc::new(move |action: UiAction| {
            let weak = weak.clone();
            // After the click's dispatch has finished: the handler may replace the very
            // elements whose listener is running.
            wasm_bindgen_futures::spawn_local(async move {
                if let Some(rt) = weak.upgrade() {
                    rt.act(action);
                }
            });
        })
    }

    fn act(self: &Rc<Self>, action: UiAction) {
        let now = page::now_ms();
        match action {
            UiAction::TogglePanel => self.toggle_panel(),
            UiAction::Next => self.with_engine(|e| e.next(now)),
            UiAction::Back => self.with_engine(|e| e.back(now)),
            UiAction::Dismiss { guide_id, by } => {
                self.with_engine(|e| e.dismiss(&guide_id, by, now))
            }
            UiAction::Complete { key } => self.with_engine(|e| e.complete(&key, now)),
            // The user asked for it: shown even if they were done with it.
            UiAction::StartGuide { guide_id } => {
                self.with_engine(|e| e.start(&guide_id, true, now))
            }
            UiAction::GoTo { url } if crate::core::markdown::is_safe_href(&url) => {
                if let Some(w) = web_sys::window() {
                    let _ = w.location().assign(&url);
                }
            }
            UiAction::GoTo { .. } => {}
        }
    }

    fn toggle_panel(self: &Rc<Self>) {
        let open = {
            let mut st = self.state.borrow_mut();
            st.panel_open = !st.panel_open;
            st.panel_open
        };
        self.store
            .set(&self.options.key("open"), if open { "1" } else { "0" });
        self.render();
    }

    /// Draws what the engine says should show. With nothing on screen yet, the drawing waits
    /// for a task of its own: `init` (reading storage and the guide file) and the first draw
    /// would otherwise be one long task that holds up the host page's input handling.
    pub(super) fn render(self: &Rc<Self>) {
        self.keep_showing();
        if self.state.borrow().mount.is_some() {
            return self.draw();
        }
        if self.state.borrow().draw_pending.is_some() {
            return;
        }
        let weak = Rc::downgrade(self);
        let pending = crate::web::soon::in_next_task(move || {
            if let Some(rt) = weak.upgrade() {
                rt.state.borrow_mut().draw_pending = None;
                rt.draw();
            }
        });
        self.state.borrow_mut().draw_pending = Some(pending);
    }

    /// Old elements are dropped outside any borrow of the state: removing a focused element
    /// fires events the host may answer synchronously.
    fn draw(self: &Rc<Self>) {
        let view = self
            .state
            .borrow()
            .engine
            .as_ref()
            .map(|e| view::build(e, &self.locale.borrow()));
        let old = self.state.borrow_mut().checklist_ui.take();
        drop(old);
        let Some(view) = view.filter(|v| v.checklist.is_some() || v.step.is_some()) else {
            let (step, mount) = {
                let mut st = self.state.borrow_mut();
                st.waiting = None;
                st.layout.clear();
                (st.step_ui.take(), st.mount.take())
            };
            drop(step);
            drop(mount);
            return;
        };
        let mount = self.state.borrow().mount.clone();
        let Some(mount) = mount.or_else(|| Mount::new().map(Rc::new)) else {
            return;
        };
        self.state.borrow_mut().mount = Some(mount.clone());
        let open = self.state.borrow().panel_open;
        let checklist = ui::render_checklist(&mount, &view, open, self.on_action());
        self.state.borrow_mut().checklist_ui = checklist;
        let current = self.state.borrow().step_ui.as_ref().map(|s| s.key.clone());
        match view.step {
            Some(step)
                if current.as_deref()
                    == Some(format!("{}/{}", step.guide_id, step.step_id).as_str()) => {}
            Some(step) => self.stage_step(&mount, step, view.rtl),
            None => {
                let old = {
                    let mut st = self.state.borrow_mut();
                    st.waiting = None;
                    st.layout.clear();
                    st.step_ui.take()
                };
                drop(old);
                mount.follow_modal(None);
            }
        }
    }

    /// Shows a tour step now if its anchor is there; otherwise waits for it (the DOM watcher
    /// retries) and reports it missing after `wait_ms`. Kept out of `draw`: V8 compiles a wasm
    /// function whole on its first call, and a first visit that shows only the checklist then
    /// compiles none of the tour's drawing.
    #[inline(never)]
    fn stage_step(self: &Rc<Self>, mount: &Rc<Mount>, step: StepView, rtl: bool) {
        // Read before the old step goes: closing it returns focus to the page.
        let had_focus = mount.has_focus();
        let old = self.state.borrow_mut().step_ui.take();
        drop(old);
        let needs_anchor = step.kind != StepKind::Modal;
        let anchor = step.anchor.as_deref().and_then(find_anchor);
        if needs_anchor && anchor.is_none() {
            let key = format!("{}/{}", step.guide_id, step.step_id);
            if self.state.borrow().waiting_for.as_deref() == Some(key.as_str()) {
                return;
            }
            let weak = Rc::downgrade(self);
            let (guide_id, step_id, selector) = (
                step.guide_id.clone(),
                step.step_id.clone(),
                step.anchor.clone().unwrap_or_default(),
            );
            let timer = Timeout::new(step.wait_ms, move || {
                if let Some(rt) = weak.upgrade() {
                    rt.state.borrow_mut().waiting = None;
                    let hidden = search_anchor(&selector).unrendered;
                    rt.with_engine(|e| {
                        e.anchor_missing(&guide_id, &step_id, &selector, hidden, page::now_ms())
                    });
                }
            });
            let mut st = self.state.borrow_mut();
            st.waiting = Some(timer);
            st.waiting_for = Some(key);
            return;
        }
        mount.follow_modal(anchor.as_ref());
        // Here, not on every draw: reading the zoom computes styles, which placing the card
        // does anyway but a checklist-only first draw need not; the DOM watcher, woken by the
        // widget's own element arriving, corrects a checklist drawn under a zoom.
        mount.cancel_host_zoom();
        let ui = StepUi::show(mount, &step, rtl, anchor, self.on_action(), had_focus);
        let mut st = self.state.borrow_mut();
        st.waiting = None;
        st.waiting_for = None;
        st.layout = self.follow_layout();
        if let Some(ui) = &ui {
            let weak = Rc::downgrade(self);
            st.layout.extend(ui.on_picture_settled(Rc::new(move || {
                if let Some(rt) = weak.upgrade() {
                    rt.on_layout_change();
                }
            })));
        }
        st.step_ui = ui;
    }

    /// Scroll (in any scroll container: capture phase) and resize move the step with its anchor.
    fn follow_layout(self: &Rc<Self>) -> Vec<EventListener> {
        let Some(window) = web_sys::window() else {
            return Vec::new();
        };
        let options = EventListenerOptions {
            phase: gloo::events::EventListenerPhase::Capture,
            passive: true,
        };
        ["scroll", "resize"]
            .into_iter()
            .map(|kind| {
                let weak = Rc::downgrade(self);
                EventListener::new_with_options(&window, kind, options, move |_| {
                    if let Some(rt) = weak.upgrade() {
                        rt.on_layout_change();
                    }
                })
            })
            .collect()
    }

    /// A single-page app switched its language (`<html lang>`): without a `locale` option the
    /// guidance follows, redrawing the open step in the new language.
    pub(super) fn follow_page_language(self: &Rc<Self>) {
        if self.options.locale.is_some() {
            return;
        }
        let now = page::locale(None);
        if *self.locale.borrow() == now {
            return;
        }
        *self.locale.borrow_mut() = now;
        let open = self.state.borrow_mut().step_ui.take();
        drop(open);
        self.render();
    }

    /// The page moved or changed: follow the anchor, or show a step whose anchor just appeared.
    pub(super) fn on_layout_change(self: &Rc<Self>) {
        let mount = self.state.borrow().mount.clone();
        if let Some(mount) = &mount {
            mount.cancel_host_zoom();
        }
        let step = self.state.borrow_mut().step_ui.take();
        if let Some(mut step) = step {
            step.place();
            if let Some(mount) = &mount {
                mount.follow_modal(step.anchor());
            }
            self.state.borrow_mut().step_ui = Some(step);
            return;
        }
        if self.state.borrow().waiting_for.is_some() {
            let found = self
                .state
                .borrow()
                .engine
                .as_ref()
                .and_then(|e| view::build(e, &self.locale.borrow()).step)
                .and_then(|s| s.anchor)
                .is_some_and(|a| find_anchor(&a).is_some());
            if found {
                self.state.borrow_mut().waiting_for = None;
                self.render();
            }
        }
    }
}
