//! localStorage that never throws into the host page: when storage is blocked (privacy
//! modes, sandboxed iframes) or full, values live in memory for the page's lifetime.

use std::cell::RefCell;
// A BTreeMap, not a HashMap: the widget already carries BTreeMap<String, String>, while a
// HashMap would add hashbrown and SipHash (~5 KB of wasm) for a handful of keys.
use std::collections::BTreeMap;

#[derive(Default)]
pub struct Store {
    memory: RefCell<BTreeMap<String, String>>,
}

fn local() -> Option<web_sys::Storage> {
    web_sys::window().and_then(|w| w.local_storage().ok().flatten())
}

impl Store {
    pub fn get(&self, key: &str) -> Option<String> {
        if let Some(v) = self.memory.borrow().get(key) {
            return Some(v.clone());
        }
        local().and_then(|s| s.get_item(key).ok().flatten())
    }

    /// Stores a value; false when it could only be kept in memory.
    pub fn set(&self, key: &str, value: &str) -> bool {
        if local().is_some_and(|s| s.set_item(key, value).is_ok()) {
            self.memory.borrow_mut().remove(key);
            return true;
        }
        self.memory
            .borrow_mut()
            .insert(key.to_string(), value.to_string());
        false
    }

    pub fn remove(&self, key: &str) {
        self.memory.borrow_mut().remove(key);
        if let Some(s) = local() {
            let _ = s.remove_item(key);
        }
    }
}
