//! Getting queued events to the collector: a timer gathers them, `fetch` sends them with
//! backoff on failure, and a beacon takes what is left when the page goes away.

use super::Runtime;
use crate::core::events::batch_body;
use crate::web::transport::{self, Outcome};
use crate::web::{console, page};
use gloo::events::EventListener;
use gloo::timers::callback::Timeout;
use std::rc::Rc;
use wasm_bindgen_futures::spawn_local;

/// The browser's keepalive/beacon budget is 64 KB shared by all requests in flight.
const BEACON_CHUNK_BYTES: usize = 60 * 1024;

impl Runtime {
    pub(super) fn persist_queue(&self) {
        let json = self.state.borrow().queue.to_json();
        self.store.set(&self.options.key("queue"), &json);
    }

    /// Sends in `delay_ms` unless a send is already planned.
    pub(super) fn schedule_flush(self: &Rc<Self>, delay_ms: u32) {
        let mut st = self.state.borrow_mut();
        if st.flush_timer.is_some() || st.sending {
            return;
        }
        let weak = Rc::downgrade(self);
        st.flush_timer = Some(Timeout::new(delay_ms, move || {
            if let Some(rt) = weak.upgrade() {
                rt.state.borrow_mut().flush_timer = None;
                spawn_local(rt.flush());
            }
        }));
    }

    /// Sends batches until the queue is empty or the collector cannot take more now.
    pub async fn flush(self: Rc<Self>) {
        if std::mem::replace(&mut self.state.borrow_mut().sending, true) {
            return;
        }
        let url = self.options.batch_url();
        loop {
            let next = {
                let st = self.state.borrow();
                st.queue.next_batch(page::now_ms()).map(|batch| {
                    let ids: Vec<String> = batch.iter().map(|e| e.id.clone()).collect();
                    let body = batch_body(
                        batch.iter().map(|e| e.json.as_str()),
                        page::now_ms(),
                        &self.options.write_key,
                    );
                    (ids, body)
                })
            };
            let Some((ids, body)) = next else { break };
            match transport::post(&url, &body).await {
                Outcome::Status(200..=299) => self.state.borrow_mut().queue.delivered(&ids),
                Outcome::Status(408 | 429 | 500..) | Outcome::NetworkError => {
                    let delay = self.state.borrow_mut().queue.failed(page::now_ms());
                    self.state.borrow_mut().sending = false;
                    self.schedule_flush(delay as u32);
                    return;
                }
                Outcome::Status(status) => {
                    console::error(&format!(
                        "the collector refused {} events with HTTP {status}; they were dropped",
                        ids.len()
                    ));
                    self.state.borrow_mut().queue.delivered(&ids);
                }
            }
            self.persist_queue();
        }
        self.state.borrow_mut().sending = false;
    }

    /// Hands every queued event to `sendBeacon` as the page is hidden or unloaded.
    fn send_on_exit(&self) {
        let url = self.options.batch_url();
        let mut st = self.state.borrow_mut();
        st.flush_timer = None;
        let mut sent = Vec::new();
        let mut chunk: Vec<(&str, &str)> = Vec::new();
        let mut bytes = 0;
        let batch = st.queue.next_batch(0).unwrap_or_default();
        let mut send = |chunk: &mut Vec<(&str, &str)>| {
            let body = batch_body(
                chunk.iter().map(|(_, j)| *j),
                page::now_ms(),
                &self.options.write_key,
            );
            if transport::beacon(&url, &body) {
                sent.extend(chunk.iter().map(|(id, _)| id.to_string()));
            }
            chunk.clear();
        };
        for e in batch {
            if bytes + e.json.len() > BEACON_CHUNK_BYTES && !chunk.is_empty() {
                send(&mut chunk);
                bytes = 0;
            }
            bytes += e.json.len() + 1;
            chunk.push((&e.id, &e.json));
        }
        if !chunk.is_empty() {
            send(&mut chunk);
        }
        st.queue.delivered(&sent);
        drop(st);
        self.persist_queue();
    }

    pub(super) fn listen_for_page_exit(self: &Rc<Self>) {
        let Some(window) = web_sys::window() else {
            return;
        };
        let weak = Rc::downgrade(self);
        let on_hide = EventListener::new(&window, "pagehide", move |_| {
            if let Some(rt) = weak.upgrade() {
                rt.send_on_exit();
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
                            rt.send_on_exit();
                        }
                    }
                },
            ));
        }
        self.listeners.borrow_mut().extend(listeners);
    }
}
