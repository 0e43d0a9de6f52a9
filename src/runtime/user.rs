//! Who the user is: a stable anonymous id, the id and traits the host app gives on
//! `identify`, their browser session, and their progress (local, and from other devices).

use super::early::EarlyCall;
use super::Runtime;
use crate::core::engine::{Progress, User};
use crate::core::events::Identity;
use crate::core::ids::uuid_v4;
use crate::core::json::{self, Node};
use crate::web::{console, page};

/// The most one user's progress may take in localStorage (bytes).
pub const MAX_PROGRESS_BYTES: usize = 64 * 1024;
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

    /// The id that progress, targeting and the holdout are keyed by.
    pub(super) fn user_key(&self) -> String {
        let st = self.state.borrow();
        st.identity
            .user_id
            .clone()
            .unwrap_or_else(|| st.identity.anonymous_id.clone())
    }

    pub(super) fn load_traits(&self) -> Option<Node> {
        self.store
            .get(&self.options.key("traits"))
            .and_then(|t| json::parse(&t).ok())
    }

    /// This browser session's id (`every_session` guides come back in a new one).
    pub(super) fn session_id(&self) -> String {
        page::session_value(&self.options.key("session")).unwrap_or_default()
    }

    fn progress_key(&self) -> String {
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
            self.store_progress(json);
        }
    }

    fn store_progress(&self, json: String) {
        if json.len() > MAX_PROGRESS_BYTES {
            // Never let onboarding state crowd out the host app's own storage: keep it in
            // memory for this page and say so once.
            if !self.progress_too_big.replace(true) {
                console::warn(&format!("this user's progress is {} bytes, over the {MAX_PROGRESS_BYTES}-byte cap for localStorage; it is kept for this page only", json.len()));
            }
            self.store.remove(&self.progress_key());
            return;
        }
        self.store.set(&self.progress_key(), &json);
    }

    /// `wowpath('identify', userId, traits)`: later events carry the user id, what the user did
    /// while anonymous carries over to their account, and targeting sees the new traits.
    pub fn identify(self: &Rc<Self>, user_id: &str, traits_json: &str, user_hash: Option<String>) {
        *self.user_hash.borrow_mut() = user_hash;
        let same_user = self.state.borrow().identity.user_id.as_deref() == Some(user_id);
        let traits = json::parse(traits_json).ok();
        let traits_given = traits.as_ref().is_some_and(|t| !t.members().is_empty());
        if traits_given {
            self.store.set(&self.options.key("traits"), traits_json);
        }
        if same_user {
            if let Some(t) = traits.filter(|_| traits_given) {
                self.with_engine(|e| e.set_traits(t, page::now_ms()));
            }
        } else {
            let anonymous = self
                .state
                .borrow()
                .engine
                .as_ref()
                .map(|e| e.progress().clone())
                .unwrap_or_else(|| self.load_progress());
            self.state.borrow_mut().identity.user_id = Some(user_id.to_string());
            self.store.set(&self.options.key("user"), user_id);
            let mut progress = self.load_progress();
            progress.merge(&anonymous);
            let user = User {
                key: user_id.to_string(),
                traits: self.load_traits(),
            };
            if self.state.borrow().engine.is_none() {
                // The engine reads the stored progress once the guide file has been read.
                self.store_progress(progress.to_json());
            }
            self.with_engine(|e| e.set_user(user, progress, page::now_ms()));
        }
        self.enqueue("identify", None, traits_json);
        self.fetch_remote_progress();
    }

    /// `wowpath('reset')` on logout: forget the user on this browser and start a new anonymous one.
    pub fn reset(self: &Rc<Self>) {
        // What the previous user did while the guide file loads is not the new user's.
        if self.guides_loading() {
            self.give_up_early_calls("was still loading when reset() was called");
            self.wait_for_guides();
        }
        for key in ["user", "anon", "traits"] {
            self.store.remove(&self.options.key(key));
        }
        let identity = self.load_identity();
        self.state.borrow_mut().identity = identity;
        let user = User {
            key: self.user_key(),
            traits: None,
        };
        let progress = self.load_progress();
        self.with_engine(|e| e.set_user(user, progress, page::now_ms()));
    }

    /// Progress the user made on other devices, from the collector; merged when it arrives.
    pub(super) fn fetch_remote_progress(self: &Rc<Self>) {
        let Some(user_id) = self.state.borrow().identity.user_id.clone() else {
            return;
        };
        let url = self.options.progress_url(&user_id);
        let hash = self.user_hash.borrow().clone();
        let weak = Rc::downgrade(self);
        wasm_bindgen_futures::spawn_local(async move {
            let header = hash.as_deref().map(|h| ("x-wowpath-user-hash", h));
            let Some(text) = page::get_text(&url, header).await else {
                return;
            };
            let Some(remote) = Progress::from_json(&text) else {
                return;
            };
            let Some(rt) = weak.upgrade() else {
                return;
            };
            if rt.state.borrow().identity.user_id.as_deref() != Some(user_id.as_str()) {
                return;
            }
            if rt.guides_loading() {
                return rt.hold(EarlyCall::Progress(remote));
            }
            rt.with_engine(|e| e.merge_progress(&remote, page::now_ms()));
        });
    }

    /// Another tab of this app changed the stored progress: take it in.
    pub(super) fn on_storage_change(self: &Rc<Self>, key: &str, value: Option<String>) {
        if key != self.progress_key() {
            return;
        }
        if let Some(other) = value.as_deref().and_then(Progress::from_json) {
            self.with_engine(|e| e.merge_progress(&other, page::now_ms()));
        }
    }
}
