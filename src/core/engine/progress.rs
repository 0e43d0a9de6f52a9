use crate::core::json::{self, write_escaped, FromNode};
use crate::core::time::Millis;
use core::fmt::Write;
use std::collections::BTreeMap;

/// Version of the stored progress format; a later release migrates older ones on read.
pub const PROGRESS_VERSION: u32 = 1;

/// What one user has done, as stored in the browser and merged across devices.
#[derive(Debug, Clone, Default, PartialEq, Eq, FromNode)]
#[serde(default)]
pub struct Progress {
    /// `"guide/step"` → when it was completed.
    pub done: BTreeMap<String, Millis>,
}

#[derive(FromNode)]
struct Stored {
    v: u32,
    #[serde(default)]
    done: BTreeMap<String, Millis>,
}

fn key(guide_id: &str, step_id: &str) -> String {
    format!("{guide_id}/{step_id}")
}

impl Progress {
    pub fn is_done(&self, guide_id: &str, step_id: &str) -> bool {
        self.done.contains_key(&key(guide_id, step_id))
    }

    pub fn done_at(&self, guide_id: &str, step_id: &str) -> Option<Millis> {
        self.done.get(&key(guide_id, step_id)).copied()
    }

    /// Records a completion; false when it was already recorded (the first time is kept).
    pub fn mark_done(&mut self, guide_id: &str, step_id: &str, at: Millis) -> bool {
        use std::collections::btree_map::Entry;
        match self.done.entry(key(guide_id, step_id)) {
            Entry::Occupied(_) => false,
            Entry::Vacant(v) => {
                v.insert(at);
                true
            }
        }
    }

    /// Takes in completions recorded elsewhere (another device, the anonymous session before
    /// `identify`): the union of both, the earliest time winning.
    pub fn merge(&mut self, other: &Progress) {
        for (k, at) in &other.done {
            let mine = self.done.entry(k.clone()).or_insert(*at);
            *mine = (*mine).min(*at);
        }
    }

    pub fn to_json(&self) -> String {
        let mut out = format!("{{\"v\":{PROGRESS_VERSION},\"done\":{{");
        for (i, (k, at)) in self.done.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            write_escaped(&mut out, k);
            let _ = write!(out, ":{at}");
        }
        out.push_str("}}");
        out
    }

    /// Reads stored progress; anything unreadable or from an unknown version yields `None`,
    /// so a corrupt entry costs the user their ticks but never breaks the page.
    pub fn from_json(text: &str) -> Option<Progress> {
        let node = json::parse(text).ok()?;
        let stored: Stored = json::from_node(&node).ok()?;
        (stored.v == PROGRESS_VERSION).then_some(Progress { done: stored.done })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_rejects_garbage() {
        let mut p = Progress::default();
        p.mark_done("g", "a\"b", 1_700_000_000_000);
        assert_eq!(Progress::from_json(&p.to_json()), Some(p.clone()));
        let mut other = Progress::default();
        other.mark_done("g", "a\"b", 5);
        other.mark_done("g", "c", 9);
        let mut merged = p.clone();
        merged.merge(&other);
        assert_eq!(
            (merged.done_at("g", "a\"b"), merged.done_at("g", "c")),
            (Some(5), Some(9))
        );
        for bad in [
            "",
            "null",
            "{\"v\":99,\"done\":{}}",
            "{\"done\":{}}",
            "{\"v\":1,\"done\":{\"x\":\"y\"}}",
        ] {
            assert_eq!(Progress::from_json(bad), None, "{bad}");
        }
    }
}
