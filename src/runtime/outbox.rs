//! The page's queue of unsent events: taking events in, and keeping the queue in
//! localStorage under this tab's own key so it outlives reloads, crashes and offline spells.

use super::Runtime;
use crate::core::events::{Context, Message, Queue, QueuedEvent, MAX_EVENT_BYTES};
use crate::core::ids::uuid_v4;
use crate::core::time::Millis;
use crate::web::{console, context, entropy, page};
use gloo::events::EventListener;
use gloo::timers::callback::{Interval, Timeout};
use std::rc::Rc;
use wasm_bindgen_futures::spawn_local;

/// Delivery state of one page.
#[derive(Default)]
pub(super) struct Outbox {
    pub queue: Queue,
    /// This page's id among the app's open tabs; names its storage key and its lock.
    pub tab_id: String,
    /// Whether this page may write its storage key yet: it holds its tab lock (or the browser
    /// has no locks, see `tabs.rs`). Until then events wait in memory.
    pub owns_key: bool,
    pub persist_pending: bool,
    /// The planned send: when it is due, and its timer.
    pub flush_timer: Option<(Millis, Timeout)>,
    pub sending: bool,
    /// `flush()` callers waiting for the current sending round to end.
    pub waiters: Vec<js_sys::Function>,
    pub opted_out: bool,
    pub warned_full: bool,
    /// The newest event handed to a beacon, so hiding twice does not send the same again.
    pub beaconed_up_to: Option<String>,
    pub scan: Option<Interval>,
    pub online: Option<EventListener>,
    /// The last context read and its JSON, reused while the page does not change.
    pub context: Option<(Context, Rc<str>)>,
    /// Within a burst of calls handed over together: reuse the context without reading it.
    pub in_burst: bool,
    /// When the host made the call being carried out, if it was not just now.
    pub captured_at: Option<Millis>,
}

impl Runtime {
    pub(super) fn queue_key(&self, tab_id: &str) -> String {
        self.options.key(&format!("q:{tab_id}"))
    }

    /// Builds the message now (its timestamp, page and identity are those of this moment),
    /// queues it, and plans its delivery. Storage is written once per task, not per event.
    pub(super) fn queue_event(
        self: &Rc<Self>,
        kind: &'static str,
        event: Option<&str>,
        properties_json: &str,
    ) {
        if self.outbox.borrow().opted_out {
            return;
        }
        let id = uuid_v4(entropy::bytes16());
        let now = self.call_time();
        let context_json = self.context_json();
        let json = {
            let st = self.state.borrow();
            let message = Message {
                kind,
                message_id: &id,
                event,
                properties_json,
                timestamp: now,
            };
            message.to_json(&st.identity, &context_json)
        };
        let pushed = self.outbox.borrow_mut().queue.push(QueuedEvent {
            id,
            json,
            queued_at: now,
        });
        match pushed {
            Err(size) => {
                console::warn(&format!("an event of {size} bytes was dropped: events may be at most {} KB; send less in its properties", MAX_EVENT_BYTES / 1024));
                return;
            }
            Ok(dropped) if dropped > 0 => self.warn_dropped(),
            Ok(_) => {}
        }
        self.persist_soon();
        self.schedule_flush();
    }

    /// When the host made the call being carried out.
    pub(super) fn call_time(&self) -> Millis {
        self.outbox
            .borrow()
            .captured_at
            .unwrap_or_else(page::now_ms)
    }

    /// The page's context as JSON, written again only when the page changed.
    fn context_json(&self) -> Rc<str> {
        let mut ob = self.outbox.borrow_mut();
        if let (true, Some((_, json))) = (ob.in_burst, &ob.context) {
            return json.clone();
        }
        let ctx = context::context();
        if let Some((old, json)) = &ob.context {
            if *old == ctx {
                return json.clone();
            }
        }
        let json: Rc<str> = ctx.to_json().into();
        ob.context = Some((ctx, json.clone()));
        json
    }

    /// `track` calls the JavaScript module gathered during one task, in order, each with the
    /// time it was made. The page cannot change between them, so its context is read once.
    pub fn track_burst(self: &Rc<Self>, calls: impl Iterator<Item = (String, String, Millis)>) {
        for (i, (event, properties_json, at)) in calls.enumerate() {
            {
                let mut ob = self.outbox.borrow_mut();
                ob.in_burst = i > 0;
                ob.captured_at = Some(at);
            }
            self.track(&event, &properties_json);
        }
        let mut ob = self.outbox.borrow_mut();
        ob.in_burst = false;
        ob.captured_at = None;
    }

    /// `wowpath('group', accountId, traits)`: the account the user works in.
    pub fn group(self: &Rc<Self>, group_id: &str, traits_json: &str) {
        self.queue_event("group", Some(group_id), traits_json);
    }

    /// Says once per episode that the queue is full; the count goes with the next batch.
    pub(super) fn warn_dropped(&self) {
        let mut ob = self.outbox.borrow_mut();
        if !std::mem::replace(&mut ob.warned_full, true) {
            console::warn(&format!(
                "the event queue is full (the collector has been unreachable for a while): the oldest events are being dropped; {} so far, reported to the collector as context.droppedEvents",
                ob.queue.dropped()
            ));
        }
    }

    /// Writes the queue at the end of the current task (a microtask), so a burst of events
    /// costs one write.
    pub(super) fn persist_soon(self: &Rc<Self>) {
        if std::mem::replace(&mut self.outbox.borrow_mut().persist_pending, true) {
            return;
        }
        let rt = self.clone();
        spawn_local(async move { rt.persist_now() });
    }

    /// Writes the queue to this tab's key (or removes the key when nothing is queued). When
    /// localStorage is full, half of the queue is dropped (oldest first) rather than fill the
    /// host's storage further.
    pub(super) fn persist_now(&self) {
        self.check_consent_elsewhere();
        let mut ob = self.outbox.borrow_mut();
        ob.persist_pending = false;
        if !ob.owns_key || ob.opted_out {
            return;
        }
        let key = self.queue_key(&ob.tab_id);
        if ob.queue.is_empty() {
            drop(ob);
            self.store.remove(&key);
            return;
        }
        for _ in 0..4 {
            if self.store.set_in_local(&key, &ob.queue.to_json()) != Some(false) {
                return;
            }
            let half = ob.queue.bytes() / 2;
            if ob.queue.trim_to(half) == 0 {
                break;
            }
            ob.warned_full = false;
            drop(ob);
            self.warn_dropped();
            ob = self.outbox.borrow_mut();
        }
        console::warn("localStorage refused the event queue; unsent events live only in memory until the page closes");
    }
}
