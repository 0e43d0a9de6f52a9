//! Who the user is: a stable anonymous id, and the id the host app gives on `identify`.

use super::Runtime;
use crate::core::engine::Progress;
use crate::core::events::Identity;
use crate::core::ids::uuid_v4;
use crate::web::page;
use std::rc::Rc;

impl Runtime {
    pub(super) fn load_identity(&self) -> Identity {
        let anonymous_id = match self.store.get(&self.options.key("anon")) {
            Some(id) if !id.is_empty() => id,
            _ => {
                let id = uuid_v4(page::random_bytes());
                self.store.set(&self.options.key("anon"), &id);
                id
            }
        };
        let user_id = self
            .store
            .get(&self.options.key("user"))
            .filter(|u| !u.is_empty());
        Identity {
            anonymous_id,
            user_id,
        }
    }

    /// The storage key of the current user's progress.
    pub(super) fn progress_key(&self) -> String {
        let st = self.state.borrow();
        match &st.identity.user_id {
            Some(user) => self.options.key(&format!("progress:user:{user}")),
            None => self
                .options
                .key(&format!("progress:anon:{}", st.identity.anonymous_id)),
        }
    }

    pub(super) fn load_progress(&self) -> Progress {
        self.store
            .get(&self.progress_key())
            .and_then(|t| Progress::from_json(&t))
            .unwrap_or_default()
    }

    pub(super) fn save_progress(&self) {
        let json = self
            .state
            .borrow()
            .engine
            .as_ref()
            .map(|e| e.progress().to_json());
        if let Some(json) = json {
            self.store.set(&self.progress_key(), &json);
        }
    }

    /// `wowpath('identify', userId, traits)`: later events carry the user id, and what the
    /// user did while anonymous carries over to their account.
    pub fn identify(self: &Rc<Self>, user_id: &str, traits_json: &str) {
        let anonymous_progress = self
            .state
            .borrow()
            .engine
            .as_ref()
            .map(|e| e.progress().clone());
        self.state.borrow_mut().identity.user_id = Some(user_id.to_string());
        self.store.set(&self.options.key("user"), user_id);
        let mut progress = self.load_progress();
        if let Some(anon) = anonymous_progress {
            progress.merge(&anon);
        }
        if let Some(engine) = self.state.borrow_mut().engine.as_mut() {
            engine.set_progress(progress);
        }
        self.save_progress();
        self.enqueue("identify", None, traits_json);
        self.render();
    }

    /// `wowpath('reset')` on logout: forget the user on this page and start a new anonymous one.
    pub fn reset(self: &Rc<Self>) {
        self.store.remove(&self.options.key("user"));
        self.store.remove(&self.options.key("anon"));
        let identity = self.load_identity();
        self.state.borrow_mut().identity = identity;
        let progress = self.load_progress();
        if let Some(engine) = self.state.borrow_mut().engine.as_mut() {
            engine.set_progress(progress);
        }
        self.render();
    }
}
