//! What one user has done, as stored in the browser, fetched from the collector, and merged.

use crate::core::json::{self, write_escaped, Node, Value};
use crate::core::sorted::SortedMap;
use crate::core::time::Millis;
use core::fmt::Write;

/// Version of the stored progress format; a later release migrates older ones on read.
pub const PROGRESS_VERSION: u32 = 1;

/// The life of one guide for one user.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct GuideRecord {
    pub started_at: Option<Millis>,
    /// The browser session in which it was last shown (for `every_session` and `once`).
    pub session: Option<String>,
    pub completed_at: Option<Millis>,
    pub dismissed_at: Option<Millis>,
    /// The session in which it was dismissed.
    pub dismissed_session: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Progress {
    /// When wowpath first saw this user.
    pub first_seen: Option<Millis>,
    /// When the user first reached the wow moment.
    pub wow_at: Option<Millis>,
    /// The holdout group last reported for this user (`treatment` or `holdout`).
    pub group: Option<String>,
    /// `"guide/step"` → when it was completed.
    pub done: SortedMap<Millis>,
    /// How many times each counted condition has been met (`"guide/step"` → count).
    pub counts: SortedMap<u32>,
    pub guides: SortedMap<GuideRecord>,
}

pub fn step_key(guide_id: &str, step_id: &str) -> String {
    format!("{guide_id}/{step_id}")
}

fn earliest(a: Option<Millis>, b: Option<Millis>) -> Option<Millis> {
    match (a, b) {
        (Some(x), Some(y)) => Some(x.min(y)),
        (x, y) => x.or(y),
    }
}

impl Progress {
    pub fn is_done(&self, guide_id: &str, step_id: &str) -> bool {
        self.done.contains_key(&step_key(guide_id, step_id))
    }

    pub fn done_at(&self, guide_id: &str, step_id: &str) -> Option<Millis> {
        self.done.get(&step_key(guide_id, step_id)).copied()
    }

    /// Records a completion; false when it was already recorded (the first time is kept).
    pub fn mark_done(&mut self, guide_id: &str, step_id: &str, at: Millis) -> bool {
        let key = step_key(guide_id, step_id);
        if self.done.contains_key(&key) {
            return false;
        }
        self.done.insert(key, at);
        true
    }

    pub fn guide(&self, guide_id: &str) -> GuideRecord {
        self.guides.get(guide_id).cloned().unwrap_or_default()
    }

    pub fn guide_mut(&mut self, guide_id: &str) -> &mut GuideRecord {
        self.guides
            .get_or_insert_with(guide_id, GuideRecord::default)
    }

    /// Takes in progress recorded elsewhere (another device or tab, or the anonymous session
    /// before `identify`): the union of both, the earliest time winning, so the result does not
    /// depend on the order in which records arrive.
    pub fn merge(&mut self, other: &Progress) {
        self.first_seen = earliest(self.first_seen, other.first_seen);
        self.wow_at = earliest(self.wow_at, other.wow_at);
        if self.group.is_none() {
            self.group.clone_from(&other.group);
        }
        for (k, at) in &other.done {
            let mine = self.done.get_or_insert_with(k, || *at);
            *mine = (*mine).min(*at);
        }
        for (k, n) in &other.counts {
            let mine = self.counts.get_or_insert_with(k, || *n);
            *mine = (*mine).max(*n);
        }
        for (id, theirs) in &other.guides {
            let mine = self.guides.get_or_insert_with(id, GuideRecord::default);
            mine.started_at = earliest(mine.started_at, theirs.started_at);
            mine.completed_at = earliest(mine.completed_at, theirs.completed_at);
            mine.dismissed_at = earliest(mine.dismissed_at, theirs.dismissed_at);
            // Sessions are names, not times: keep any, preferring the one already here.
            if mine.session.is_none() {
                mine.session.clone_from(&theirs.session);
            }
            if mine.dismissed_session.is_none() {
                mine.dismissed_session.clone_from(&theirs.dismissed_session);
            }
        }
    }
}

fn push_opt(out: &mut String, name: &str, value: Option<Millis>) {
    if let Some(v) = value {
        let _ = write!(out, ",\"{name}\":{v}");
    }
}

fn push_opt_str(out: &mut String, name: &str, value: &Option<String>) {
    if let Some(v) = value {
        let _ = write!(out, ",\"{name}\":");
        write_escaped(out, v);
    }
}

fn push_map(out: &mut String, name: &str, map: impl Iterator<Item = (String, u64)>) {
    let _ = write!(out, ",\"{name}\":{{");
    for (i, (k, v)) in map.enumerate() {
        if i > 0 {
            out.push(',');
        }
        write_escaped(out, &k);
        let _ = write!(out, ":{v}");
    }
    out.push('}');
}

impl Progress {
    pub fn to_json(&self) -> String {
        let mut out = format!("{{\"v\":{PROGRESS_VERSION}");
        push_opt(&mut out, "first_seen", self.first_seen);
        push_opt(&mut out, "wow_at", self.wow_at);
        push_opt_str(&mut out, "group", &self.group);
        push_map(
            &mut out,
            "done",
            self.done.iter().map(|(k, v)| (k.clone(), *v)),
        );
        push_map(
            &mut out,
            "counts",
            self.counts.iter().map(|(k, v)| (k.clone(), u64::from(*v))),
        );
        out.push_str(",\"guides\":{");
        for (i, (id, g)) in self.guides.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            write_escaped(&mut out, id);
            out.push_str(":{\"_\":0");
            push_opt(&mut out, "started_at", g.started_at);
            push_opt_str(&mut out, "session", &g.session);
            push_opt(&mut out, "completed_at", g.completed_at);
            push_opt(&mut out, "dismissed_at", g.dismissed_at);
            push_opt_str(&mut out, "dismissed_session", &g.dismissed_session);
            out.push('}');
        }
        out.push_str("}}");
        out
    }

    /// Reads stored or fetched progress. Unknown versions and unreadable text yield `None`
    /// (the caller starts afresh rather than failing); unknown fields are ignored so a newer
    /// collector can add some.
    pub fn from_json(text: &str) -> Option<Progress> {
        let node = json::parse(text).ok()?;
        if node.get("v")?.as_f64()? != f64::from(PROGRESS_VERSION) {
            return None;
        }
        let millis = |n: Option<&Node>| {
            n.and_then(Node::as_f64)
                .filter(|v| *v >= 0.0)
                .map(|v| v as Millis)
        };
        let string = |n: Option<&Node>| n.and_then(Node::as_str).map(str::to_string);
        let mut p = Progress {
            first_seen: millis(node.get("first_seen")),
            wow_at: millis(node.get("wow_at")),
            group: string(node.get("group")),
            ..Progress::default()
        };
        for m in node.get("done").map(Node::members).unwrap_or_default() {
            p.done.insert(m.key.clone(), millis(Some(&m.node))?);
        }
        for m in node.get("counts").map(Node::members).unwrap_or_default() {
            p.counts.insert(
                m.key.clone(),
                millis(Some(&m.node))?.min(u64::from(u32::MAX)) as u32,
            );
        }
        for m in node.get("guides").map(Node::members).unwrap_or_default() {
            if !matches!(m.node.value, Value::Object(_)) {
                return None;
            }
            let g = &m.node;
            let record = GuideRecord {
                started_at: millis(g.get("started_at")),
                session: string(g.get("session")),
                completed_at: millis(g.get("completed_at")),
                dismissed_at: millis(g.get("dismissed_at")),
                dismissed_session: string(g.get("dismissed_session")),
            };
            p.guides.insert(m.key.clone(), record);
        }
        Some(p)
    }
}
