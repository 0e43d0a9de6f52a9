//! localStorage that never throws into the host page: when storage is blocked (privacy
//! modes, sandboxed iframes) or full, values live in memory for the page's lifetime.

use std::cell::RefCell;
// Not a HashMap: that would add hashbrown and SipHash (~5 KB of wasm) for a handful of keys.
use crate::core::sorted::SortedMap;

#[derive(Default)]
pub struct Store {
    memory: RefCell<SortedMap<String>>,
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

    /// Stores a value in localStorage only: `None` when there is no localStorage (the value
    /// is then kept in memory), `Some(false)` when it refused the value (full).
    pub fn set_in_local(&self, key: &str, value: &str) -> Option<bool> {
        let Some(s) = local() else {
            self.set(key, value);
            return None;
        };
        let ok = s.set_item(key, value).is_ok();
        if ok {
            self.memory.borrow_mut().remove(key);
        }
        Some(ok)
    }

    pub fn remove(&self, key: &str) {
        self.memory.borrow_mut().remove(key);
        if let Some(s) = local() {
            let _ = s.remove_item(key);
        }
    }

    /// Every stored key that starts with `prefix` (in localStorage or, if blocked, in memory).
    pub fn keys_with_prefix(&self, prefix: &str) -> Vec<String> {
        let mut keys: Vec<String> = self
            .memory
            .borrow()
            .keys()
            .filter(|k| k.starts_with(prefix))
            .cloned()
            .collect();
        if let Some(s) = local() {
            let n = s.length().unwrap_or(0);
            for i in 0..n {
                if let Ok(Some(k)) = s.key(i) {
                    if k.starts_with(prefix) && !keys.contains(&k) {
                        keys.push(k);
                    }
                }
            }
        }
        keys
    }
}
