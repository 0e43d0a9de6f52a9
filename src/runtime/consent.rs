//! Consent: a user who opts out has nothing queued, stored or sent, in any tab of the app.
//! The choice itself is remembered (`…:consent`), since forgetting it would start tracking
//! again on the next page.

use super::Runtime;
use crate::web::privacy;
use std::rc::Rc;

impl Runtime {
    fn consent_key(&self) -> String {
        self.options.key("consent")
    }

    /// An explicit choice wins; without one, `honorPrivacySignals` follows Do Not Track and
    /// Global Privacy Control.
    pub(super) fn opted_out_at_start(&self) -> bool {
        match self.store.get(&self.consent_key()).as_deref() {
            Some("out") => true,
            Some("in") => false,
            _ => self.options.honor_privacy_signals && privacy::user_objects(),
        }
    }

    /// `optOut()`: forgets every queued event of this app, in this tab and the stored
    /// queues of all others (which also stop as soon as they see the choice).
    pub fn opt_out(self: &Rc<Self>) {
        self.store.set(&self.consent_key(), "out");
        self.withdraw();
    }

    fn withdraw(&self) {
        let mut ob = self.outbox.borrow_mut();
        ob.opted_out = true;
        ob.queue.clear();
        ob.flush_timer = None;
        drop(ob);
        for key in self.store.keys_with_prefix(&self.queue_key("")) {
            self.store.remove(&key);
        }
    }

    /// `optIn()`: events are queued and sent again from now on.
    pub fn opt_in(self: &Rc<Self>) {
        self.store.set(&self.consent_key(), "in");
        self.outbox.borrow_mut().opted_out = false;
    }

    /// Another tab may have opted out: checked before each send and each write.
    pub(super) fn check_consent_elsewhere(&self) {
        if !self.outbox.borrow().opted_out
            && self.store.get(&self.consent_key()).as_deref() == Some("out")
        {
            self.withdraw();
        }
    }
}
