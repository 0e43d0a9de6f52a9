//! The first guide is drawn before the events its start produced are written. Writing a
//! message (its id from the CSPRNG, the page's context, its JSON, the send timer) is a few
//! milliseconds of a first visit, most of it V8 compiling code the drawing does not need. So
//! from the moment the guides start until the frame after their first draw has been shown,
//! events wait in memory, each with the time it happened. Any call from the page, and the
//! page being hidden or left, lets them go first, so their order, timestamps and identity stay
//! what they were.

use super::Runtime;
use crate::core::time::Millis;
use crate::web::{hooks, soon};
use std::rc::Rc;

struct HeldEvent {
    kind: &'static str,
    event: Option<String>,
    properties_json: String,
    at: Millis,
    /// An onboarding event, which the page's `on(...)` listeners hear too.
    tell: bool,
}

/// `Some` while events wait for the first draw.
#[derive(Default)]
pub(super) struct Held {
    events: Option<Vec<HeldEvent>>,
    release: Option<soon::AfterFrame>,
}

impl Runtime {
    /// From now on events wait, until `release_after_draw`'s work or an earlier release.
    pub(super) fn hold_events(&self) {
        let mut held = self.held.borrow_mut();
        if held.events.is_none() {
            held.events = Some(Vec::new());
        }
    }

    /// Lets the waiting events go in a task of their own after the next frame, so that they
    /// neither come before the drawing nor hold up its frame. Called once the first draw has
    /// been planned: it runs first (or in the same frame) as it is a task posted earlier.
    pub(super) fn release_after_draw(self: &Rc<Self>) {
        if self.held.borrow().events.is_none() {
            return;
        }
        let weak = Rc::downgrade(self);
        let task = soon::after_next_frame(move || {
            if let Some(rt) = weak.upgrade() {
                rt.release_held();
            }
        });
        self.held.borrow_mut().release = Some(task);
    }

    /// Keeps the event for later if events are waiting; `false` if it should go now.
    pub(super) fn held_back(
        &self,
        kind: &'static str,
        event: Option<&str>,
        properties_json: &str,
        tell: bool,
    ) -> bool {
        let mut held = self.held.borrow_mut();
        let Some(events) = held.events.as_mut() else {
            return false;
        };
        events.push(HeldEvent {
            kind,
            event: event.map(str::to_string),
            properties_json: properties_json.to_string(),
            at: self.call_time(),
            tell,
        });
        true
    }

    /// Queues the waiting events, in order and each at its own time, and stops holding.
    pub fn release_held(self: &Rc<Self>) {
        let events = {
            let mut held = self.held.borrow_mut();
            held.release = None;
            held.events.take()
        };
        let Some(events) = events else {
            return;
        };
        let before = self.outbox.borrow_mut().captured_at.take();
        for e in events {
            self.outbox.borrow_mut().captured_at = Some(e.at);
            self.queue_event(e.kind, e.event.as_deref(), &e.properties_json);
            if let (true, Some(event)) = (e.tell, e.event.as_deref()) {
                hooks::tell(event, &e.properties_json);
            }
        }
        self.outbox.borrow_mut().captured_at = before;
    }
}
