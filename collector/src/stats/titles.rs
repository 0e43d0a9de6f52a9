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
    sent_at: BTreeMap<(String, String), i64>,
}

fn named(props: &Value, key: &str) -> Option<String> {
    props
        .get(key)?
        .as_str()
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
}

impl Titles {
    /// Takes the names an onboarding event's `props` give, as sent at `t`.
    pub fn note(&mut self, props: &Value, t: i64) {
        let Some(guide) = named(props, "guide_id") else {
            return;
        };
        if let Some(title) = named(props, "guide_title") {
            if self.newer(&guide, "", t) {
                self.guides.insert(guide.clone(), title);
            }
        }
        if let (Some(step), Some(title)) = (named(props, "step_id"), named(props, "step_title")) {
            if self.newer(&guide, &step, t) {
                self.steps.entry(guide).or_default().insert(step, title);
            }
        }
    }

    fn newer(&mut self, guide: &str, step: &str, t: i64) -> bool {
        let at = self
            .sent_at
            .entry((guide.to_owned(), step.to_owned()))
            .or_insert(i64::MIN);
        let newer = t >= *at;
        if newer {
            *at = t;
        }
        newer
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
