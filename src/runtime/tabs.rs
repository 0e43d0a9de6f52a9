//! Two tabs of the same app must neither send the same queued events twice nor lose any.
//!
//! Design: each page keeps its unsent events under its own key (`…:q:<tabId>`), which only it
//! writes, so tabs never race on a shared read-modify-write of one key (localStorage has no
//! transactions). While alive, a page holds the Web Lock `…:tab:<tabId>`; the browser
//! releases it when the page is closed, reloaded or crashes. A queue key whose lock is free is
//! therefore an orphan: any live page may adopt it, by taking that lock with `ifAvailable`
//! (so only one page adopts it), copying the events into its own key, and only then removing
//! the orphan key. A crash between those two writes leaves copies, never a gap; copies carry
//! the same `messageId` and the collector stores each once.
//!
//! Browsers without Web Locks fall back to a lease: each page refreshes `…:alive:<tabId>`
//! every few seconds, and a key whose lease is older than three periods is adopted. Two pages
//! may then adopt the same orphan at once: that too only makes copies.

use super::Runtime;
use crate::core::events::Queue;
use crate::core::ids::uuid_v4;
use crate::core::time::Millis;
use crate::web::{entropy, locks, online, page};
use gloo::timers::callback::Interval;
use std::rc::Rc;
use wasm_bindgen_futures::spawn_local;

/// How often a page looks for orphaned queues (and, without Web Locks, renews its lease).
const SCAN_EVERY_MS: u32 = 5_000;
/// Without Web Locks, a page whose lease is this old is taken for gone.
const LEASE_MS: Millis = 3 * SCAN_EVERY_MS as Millis;

impl Runtime {
    fn lock_name(&self, tab_id: &str) -> String {
        self.options.key(&format!("tab:{tab_id}"))
    }

    fn lease_key(&self, tab_id: &str) -> String {
        self.options.key(&format!("alive:{tab_id}"))
    }

    /// Starts delivery: consent, this tab's identity and lock, then adoption of orphans.
    pub(super) fn start_delivery(self: &Rc<Self>) {
        let opted_out = self.opted_out_at_start();
        let tab_id = uuid_v4(entropy::bytes16());
        {
            let mut ob = self.outbox.borrow_mut();
            ob.opted_out = opted_out;
            ob.tab_id = tab_id.clone();
        }
        self.listen_for_page_exit();
        let weak = Rc::downgrade(self);
        let on_online = online::on_online(move |_| {
            if let Some(rt) = weak.upgrade() {
                rt.schedule_flush();
            }
        });
        let weak = Rc::downgrade(self);
        let scan = Interval::new(SCAN_EVERY_MS, move || {
            if let Some(rt) = weak.upgrade() {
                rt.renew_lease();
                rt.adopt_orphans();
            }
        });
        {
            let mut ob = self.outbox.borrow_mut();
            ob.online = on_online;
            ob.scan = Some(scan);
        }
        if locks::available() {
            let rt = self.clone();
            let name = self.lock_name(&tab_id);
            spawn_local(async move {
                locks::hold_for_page_life(&name).await;
                rt.take_own_key();
            });
        } else {
            self.renew_lease();
            self.take_own_key();
        }
    }

    fn take_own_key(self: &Rc<Self>) {
        self.outbox.borrow_mut().owns_key = true;
        self.adopt_orphans();
        self.persist_now();
        self.schedule_flush();
    }

    fn renew_lease(&self) {
        if !locks::available() {
            let ob = self.outbox.borrow();
            let key = self.lease_key(&ob.tab_id);
            self.store.set(&key, &page::now_ms().to_string());
        }
    }

    /// Ends this page's lease at once (on page exit), so a reload adopts its queue without
    /// waiting for the lease to run out.
    pub(super) fn end_lease(&self) {
        if !locks::available() {
            self.store
                .remove(&self.lease_key(&self.outbox.borrow().tab_id));
        }
    }

    /// Adopts every queue whose page is gone; also the single key of older versions.
    pub(super) fn adopt_orphans(self: &Rc<Self>) {
        if !self.outbox.borrow().owns_key {
            return;
        }
        let prefix = self.queue_key("");
        let mine = self.queue_key(&self.outbox.borrow().tab_id);
        let legacy = self.options.key("queue");
        if self.store.get(&legacy).is_some() {
            self.adopt_key(&legacy, None);
        }
        for key in self.store.keys_with_prefix(&prefix) {
            if key == mine {
                continue;
            }
            let tab_id = key[prefix.len()..].to_string();
            if locks::available() {
                let weak = Rc::downgrade(self);
                locks::with_lock_if_free(&self.lock_name(&tab_id), move || {
                    if let Some(rt) = weak.upgrade() {
                        rt.adopt_key(&key, None);
                    }
                });
            } else if self.lease_expired(&tab_id) {
                self.adopt_key(&key, Some(&tab_id));
            }
        }
    }

    fn lease_expired(&self, tab_id: &str) -> bool {
        let renewed: Millis = self
            .store
            .get(&self.lease_key(tab_id))
            .and_then(|t| t.parse().ok())
            .unwrap_or(0);
        page::now_ms().saturating_sub(renewed) > LEASE_MS
    }

    /// Own key first, then the orphan's removal (see the module's comment).
    fn adopt_key(self: &Rc<Self>, key: &str, lease_of: Option<&str>) {
        let Some(text) = self.store.get(key) else {
            return;
        };
        let opted_out = self.outbox.borrow().opted_out;
        if !opted_out {
            let dropped = self
                .outbox
                .borrow_mut()
                .queue
                .adopt(Queue::from_json(&text));
            if dropped > 0 {
                self.warn_dropped();
            }
            self.persist_now();
        }
        self.store.remove(key);
        if let Some(tab_id) = lease_of {
            self.store.remove(&self.lease_key(tab_id));
        }
        self.schedule_flush();
    }
}
