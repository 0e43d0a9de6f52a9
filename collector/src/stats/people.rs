//! From stored rows to people: anonymous ids are merged into the user they identified as,
//! and each person's onboarding is folded into first times per guide, step and wow.
//! Tolerant by design: a missing or mistyped property skips that fact, never the person.

use super::health::{problem, Problem};
use super::titles::Titles;
use crate::store::EventRow;
use serde_json::Value;
use std::collections::{BTreeMap, HashMap};

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Step {
    /// `step_index` as sent (for ordering), when it was a number.
    pub index: Option<i64>,
    pub viewed_at: Option<i64>,
    pub completed_at: Option<i64>,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct GuideRun {
    pub started_at: Option<i64>,
    pub steps: BTreeMap<String, Step>,
    pub completed_at: Option<i64>,
    pub dismissed_at: Option<i64>,
    /// How the first dismissal was made (`via`: `close`, `escape`, `outside`…), when sent.
    pub dismissed_via: Option<String>,
    /// The guide's variant the person saw (`variant` of its events), for guides with variants.
    pub variant: Option<String>,
    /// When the person first asked to see the guide again (`Onboarding Guide Replayed`).
    pub replayed_at: Option<i64>,
}

impl GuideRun {
    /// When the person first did anything in this guide (a started event may be missing).
    pub fn began_at(&self) -> Option<i64> {
        let step_times = self
            .steps
            .values()
            .flat_map(|s| [s.viewed_at, s.completed_at])
            .flatten();
        self.started_at
            .into_iter()
            .chain(step_times)
            .chain(self.completed_at)
            .min()
    }
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Person {
    pub id: String,
    pub account: Option<String>,
    /// Scalar traits from identify (and the account's group traits), as text.
    pub traits: BTreeMap<String, String>,
    /// `treatment` or `holdout`, from the person's events other than the wow itself
    /// (e.g. `Onboarding Guide Started`, `Onboarding Group Assigned`).
    pub group: Option<String>,
    pub variant: Option<String>,
    pub first_seen: i64,
    pub last_seen: i64,
    pub guides: BTreeMap<String, GuideRun>,
    pub wow_at: Option<i64>,
    /// `time_to_wow_ms` as the widget measured it, when sent.
    pub time_to_wow_ms: Option<i64>,
    /// Problems the person's browser reported (a missing anchor, a refused guide file), when.
    pub problems: Vec<(i64, Problem)>,
}

const WOW: &str = "Onboarding Wow Reached";

pub(super) fn text(v: &Value) -> Option<String> {
    match v {
        Value::String(s) if !s.is_empty() => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

fn min_into(slot: &mut Option<i64>, t: i64) {
    *slot = Some(slot.map_or(t, |s| s.min(t)));
}

/// Everyone in the rows, keyed by person id, and the names their guides and steps go by.
pub fn people(rows: &[EventRow]) -> (BTreeMap<String, Person>, Titles) {
    let mut titles = Titles::default();
    let mut alias: HashMap<&str, &str> = HashMap::new();
    for r in rows {
        if let (Some(user), Some(anon)) = (r.user_id.as_deref(), r.anonymous_id.as_deref()) {
            if !user.is_empty() && !anon.is_empty() {
                alias.entry(anon).or_insert(user);
            }
        }
    }
    let mut out: BTreeMap<String, Person> = BTreeMap::new();
    let mut account_traits: HashMap<String, BTreeMap<String, String>> = HashMap::new();
    for r in rows {
        let id = match (
            r.user_id.as_deref().filter(|s| !s.is_empty()),
            r.anonymous_id.as_deref(),
        ) {
            (Some(user), _) => user,
            (None, Some(anon)) => alias.get(anon).copied().unwrap_or(anon),
            (None, None) => continue,
        };
        let msg: Value = serde_json::from_str(&r.raw).unwrap_or(Value::Null);
        let p = out.entry(id.to_owned()).or_insert_with(|| Person {
            id: id.to_owned(),
            first_seen: r.time_ms,
            last_seen: r.time_ms,
            ..Person::default()
        });
        p.first_seen = p.first_seen.min(r.time_ms);
        p.last_seen = p.last_seen.max(r.time_ms);
        match r.kind.as_str() {
            "identify" => absorb_traits(p, msg.get("traits")),
            "group" => {
                if let Some(account) = msg.get("groupId").and_then(text) {
                    if let Some(Value::Object(t)) = msg.get("traits") {
                        let slot = account_traits.entry(account.clone()).or_default();
                        slot.extend(t.iter().filter_map(|(k, v)| Some((k.clone(), text(v)?))));
                    }
                    p.account = Some(account);
                }
            }
            "track" => {
                let event = r.event.as_deref().unwrap_or("");
                let props = msg.get("properties");
                if let Some(props) = props.filter(|_| event.starts_with("Onboarding ")) {
                    titles.note(props, r.time_ms);
                }
                fold_track(p, event, props, r.time_ms)
            }
            _ => {}
        }
    }
    for p in out.values_mut() {
        if let Some(t) = p.account.as_ref().and_then(|a| account_traits.get(a)) {
            for (k, v) in t {
                p.traits
                    .entry(format!("account.{k}"))
                    .or_insert_with(|| v.clone());
            }
        }
        if let Some(a) = &p.account {
            p.traits.insert("account".into(), a.clone());
        }
    }
    (out, titles)
}

fn absorb_traits(p: &mut Person, traits: Option<&Value>) {
    let Some(Value::Object(t)) = traits else {
        return;
    };
    for (k, v) in t {
        if let Some(s) = text(v) {
            p.traits.insert(k.clone(), s);
        }
    }
    // Many apps put the account in the traits instead of a `group` call.
    if p.account.is_none() {
        p.account = ["account", "account_id", "company", "groupId"]
            .iter()
            .find_map(|k| t.get(*k).and_then(text));
    }
}

fn fold_track(p: &mut Person, event: &str, props: Option<&Value>, t: i64) {
    let empty = Value::Null;
    let props = props.unwrap_or(&empty);
    let prop = |k: &str| props.get(k).and_then(text);
    // The arm must not depend on the outcome: a group seen only on the wow event would
    // count exactly the holdout users who reached wow and make the holdout look perfect.
    if let Some(g) = prop("group").filter(|_| event != WOW) {
        p.group = Some(g);
    }
    if let Some(v) = prop("variant") {
        p.variant = Some(v);
    }
    if let Some(problem) = problem(event, props) {
        p.problems.push((t, problem));
    }
    let guide = prop("guide_id");
    let step = prop("step_id");
    let index = props.get("step_index").and_then(Value::as_i64);
    match event {
        WOW => {
            min_into(&mut p.wow_at, t);
            if p.time_to_wow_ms.is_none() {
                p.time_to_wow_ms = props
                    .get("time_to_wow_ms")
                    .and_then(Value::as_f64)
                    .map(|v| v as i64);
            }
        }
        "Onboarding Guide Started"
        | "Onboarding Guide Completed"
        | "Onboarding Guide Dismissed"
        | "Onboarding Guide Replayed"
        | "Onboarding Step Viewed"
        | "Onboarding Step Completed" => {
            let Some(g) = guide else { return };
            let r = p.guides.entry(g).or_default();
            if let Some(v) = prop("variant") {
                r.variant.get_or_insert(v);
            }
            match event {
                "Onboarding Guide Started" => min_into(&mut r.started_at, t),
                "Onboarding Guide Completed" => min_into(&mut r.completed_at, t),
                "Onboarding Guide Replayed" => min_into(&mut r.replayed_at, t),
                "Onboarding Guide Dismissed" => {
                    if r.dismissed_at.is_none_or(|d| t < d) {
                        r.dismissed_via = prop("via");
                    }
                    min_into(&mut r.dismissed_at, t)
                }
                _ => {
                    let Some(s) = step else { return };
                    let st = r.steps.entry(s).or_default();
                    if st.index.is_none() {
                        st.index = index;
                    }
                    if event == "Onboarding Step Viewed" {
                        min_into(&mut st.viewed_at, t);
                    } else {
                        min_into(&mut st.completed_at, t);
                    }
                }
            }
        }
        _ => {}
    }
}
