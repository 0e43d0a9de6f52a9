//! The names guides and steps go by in reports: the latest `guide_title` and `step_title` the
//! widget sent beside each id. An id never sent with a name (events from an app's own `track`
//! or an older widget) reads as the id itself.

use serde::Serialize;
use serde_json::Value;
use std::collections::BTreeMap;

#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Titles {
    /// Guide id → title.
    pub guides: BTreeMap<String, String>,
    /// Guide id → step id → title.
    pub steps: BTreeMap<String, BTreeMap<String, String>>,
    /// When each title above was sent, so the latest wins whatever order rows come in.
    #[serde(skip)]
    guide_at: BTreeMap<String, i64>,
    #[serde(skip)]
    step_at: BTreeMap<String, BTreeMap<String, i64>>,
}

fn named<'a>(props: &'a Value, key: &str) -> Option<&'a str> {
    Some(props.get(key)?.as_str()?.trim()).filter(|s| !s.is_empty())
}

/// The map under `key`, made if missing. Looked up first: every event of a guide names it,
/// and a report reads every event, so the key is copied only once.
fn under<'m, V: Default>(map: &'m mut BTreeMap<String, V>, key: &str) -> Option<&'m mut V> {
    if !map.contains_key(key) {
        map.insert(key.to_owned(), V::default());
    }
    map.get_mut(key)
}

/// Records `t` for `key` if it is the latest yet.
fn newer(sent_at: &mut BTreeMap<String, i64>, key: &str, t: i64) -> bool {
    match sent_at.get_mut(key) {
        Some(at) if *at > t => false,
        Some(at) => {
            *at = t;
            true
        }
        None => {
            sent_at.insert(key.to_owned(), t);
            true
        }
    }
}

fn set(titles: &mut BTreeMap<String, String>, key: &str, title: &str) {
    match titles.get_mut(key) {
        Some(old) if old == title => {}
        Some(old) => *old = title.to_owned(),
        None => {
            titles.insert(key.to_owned(), title.to_owned());
        }
    }
}

impl Titles {
    /// Takes the names an onboarding event's `props` give, as sent at `t`.
    pub fn note(&mut self, props: &Value, t: i64) {
        let Some(guide) = named(props, "guide_id") else {
            return;
        };
        if let Some(title) = named(props, "guide_title") {
            if newer(&mut self.guide_at, guide, t) {
                set(&mut self.guides, guide, title);
            }
        }
        let (Some(step), Some(title)) = (named(props, "step_id"), named(props, "step_title"))
        else {
            return;
        };
        let latest = under(&mut self.step_at, guide).is_some_and(|at| newer(at, step, t));
        if let Some(titles) = under(&mut self.steps, guide).filter(|_| latest) {
            set(titles, step, title);
        }
    }

    pub fn guide<'a>(&'a self, id: &'a str) -> &'a str {
        self.guides.get(id).map_or(id, String::as_str)
    }

    pub fn step<'a>(&'a self, guide: &str, id: &'a str) -> &'a str {
        self.steps
            .get(guide)
            .and_then(|s| s.get(id))
            .map_or(id, String::as_str)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn the_latest_name_wins_and_an_unnamed_id_reads_as_itself() {
        let mut t = Titles::default();
        let sent = |g: &str, s: &str| json!({"guide_id": "setup", "guide_title": g, "step_id": "invite", "step_title": s});
        t.note(&sent("Get started", "Invite"), 20);
        t.note(&sent("Old name", "Old step"), 10);
        t.note(&json!({"guide_id": "setup", "guide_title": "  "}), 30);
        t.note(&json!({"guide_title": "no id"}), 40);
        assert_eq!(t.guide("setup"), "Get started");
        assert_eq!(t.step("setup", "invite"), "Invite");
        assert_eq!(t.step("setup", "create"), "create");
        assert_eq!(t.guide("tour"), "tour");
        assert_eq!(t.guides.len(), 1, "{t:?}");
    }
}
