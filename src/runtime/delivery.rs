//! Getting queued events to the collector: a timer sends them when the queue policy says
//! they are due, `fetch` carries them with backoff on failure, sending pauses while the
//! browser is offline, and beacons take what is left when the page is hidden or closed.

use super::Runtime;
use crate::core::events::Settled;
use crate::core::time::Millis;
use crate::web::transport::{self, Post};
use crate::web::{console, entropy, online, page};
use gloo::events::EventListener;
use gloo::timers::callback::Timeout;
use std::rc::Rc;
use wasm_bindgen_futures::{spawn_local, JsFuture};

impl Runtime {
    /// Plans the next send for when the queue policy says it is due, unless an earlier one
    /// is planned, a send is under way, or the browser is offline (the `online` event
    /// plans it then).
    pub(super) fn schedule_flush(self: &Rc<Self>) {
        let mut ob = self.outbox.borrow_mut();
        if ob.sending || ob.opted_out || !ob.owns_key && ob.queue.is_empty() {
            return;
        }
        let Some(due) = ob.queue.due_at(Millis::from(self.options.flush_after_ms)) else {
            return;
        };
        if ob.flush_timer.as_ref().is_some_and(|(at, _)| *at <= due) || !online::is_online() {
            return;
        }
        let delay = due.saturating_sub(page::now_ms()).min(i32::MAX as Millis) as u32;
        let weak = Rc::downgrade(self);
        let timer = Timeout::new(delay, move || {
            if let Some(rt) = weak.upgrade() {
                rt.outbox.borrow_mut().flush_timer = None;
                spawn_local(rt.send_all());
            }
        });
        ob.flush_timer = Some((due, timer));
    }

    /// `flush()`: sends now; resolves when the queue is empty or sending must wait (backoff,
    /// offline, or consent withdrawn).
    pub async fn flush(self: Rc<Self>) {
        let mut resolve = None;
        let done = js_sys::Promise::new(&mut |ok, _| resolve = Some(ok));
        if let Some(resolve) = resolve {
            self.outbox.borrow_mut().waiters.push(resolve);
        }
        if !self.outbox.borrow().sending {
            spawn_local(self.clone().send_all());
        }
        let _ = JsFuture::from(done).await;
    }

    fn basic_auth(&self) -> Option<&str> {
        // The header makes a cross-origin request non-simple (a CORS preflight per batch).
        // It is sent when no preflight is involved (same origin) or when gzip already needs
        // one; elsewhere the write key travels in the body, as Segment's browser library does.
        let same_origin = self.options.endpoint.is_empty()
            || web_sys::window()
                .and_then(|w| w.location().origin().ok())
                .is_some_and(|o| self.options.endpoint.trim_end_matches('/') == o);
        (same_origin || self.options.gzip).then_some(self.options.write_key.as_str())
    }

    /// Sends batch after batch until the queue is empty or the collector cannot take more.
    async fn send_all(self: Rc<Self>) {
        {
            let mut ob = self.outbox.borrow_mut();
            if std::mem::replace(&mut ob.sending, true) {
                return;
            }
            ob.flush_timer = None;
        }
        let url = self.options.batch_url();
        loop {
            self.check_consent_elsewhere();
            if self.outbox.borrow().opted_out || !online::is_online() {
                break;
            }
            let batch = self
                .outbox
                .borrow()
                .queue
                .next_batch(page::now_ms(), &self.options.write_key);
            let Some(batch) = batch else { break };
            let answer = transport::post(Post {
                url: &url,
                body: &batch.body,
                basic_auth: self.basic_auth(),
                gzip: self.options.gzip,
                timeout_ms: self.options.request_timeout_ms,
            })
            .await;
            let settled = self.outbox.borrow_mut().queue.settle(
                &batch,
                &answer,
                page::now_ms(),
                entropy::unit(),
            );
            match settled {
                Settled::Delivered => self.outbox.borrow_mut().warned_full = false,
                Settled::Split => {}
                Settled::Dropped { count, status } => console::error(&format!(
                    "the collector refused {count} events with HTTP {status}; they were dropped (check the write key and the endpoint)"
                )),
                Settled::RetryIn(wait) => {
                    if self.options.debug {
                        console::debug(&format!("sending failed ({answer}); retrying in {wait} ms"));
                    }
                    self.persist_now();
                    break;
                }
            }
            self.persist_now();
        }
        let waiters = {
            let mut ob = self.outbox.borrow_mut();
            ob.sending = false;
            std::mem::take(&mut ob.waiters)
        };
        for resolve in waiters {
            let _ = resolve.call0(&wasm_bindgen::JsValue::UNDEFINED);
        }
        self.schedule_flush();
    }

    /// As the page is hidden or closed: stores the queue, and hands what fits the browser's
    /// keepalive budget to beacons. The events stay queued, since no beacon is ever
    /// confirmed: they go again with the next send, and the collector keeps one copy.
    fn send_on_exit(&self) {
        self.persist_now();
        let ob = self.outbox.borrow();
        let newest = ob.queue.newest_id();
        if ob.opted_out || newest.is_none() || ob.beaconed_up_to == newest || !online::is_online() {
            return;
        }
        let url = self.options.batch_url();
        for body in ob
            .queue
            .beacon_bodies(page::now_ms(), &self.options.write_key)
        {
            if !transport::beacon(&url, &body) {
                break;
            }
        }
        drop(ob);
        self.outbox.borrow_mut().beaconed_up_to = newest;
    }

    pub(super) fn listen_for_page_exit(self: &Rc<Self>) {
        let Some(window) = web_sys::window() else {
            return;
        };
        let weak = Rc::downgrade(self);
        let on_hide = EventListener::new(&window, "pagehide", move |_| {
            if let Some(rt) = weak.upgrade() {
                rt.release_held();
                rt.send_on_exit();
                rt.end_lease();
            }
        });
        let mut listeners = vec![on_hide];
        if let Some(document) = window.document() {
            let weak = Rc::downgrade(self);
            let doc = document.clone();
            listeners.push(EventListener::new(
                &document,
                "visibilitychange",
                move |_| {
                    if doc.visibility_state() == web_sys::VisibilityState::Hidden {
                        if let Some(rt) = weak.upgrade() {
                            rt.release_held();
                            rt.send_on_exit();
                        }
                    }
                },
            ));
        }
        self.listeners.borrow_mut().extend(listeners);
    }
}
