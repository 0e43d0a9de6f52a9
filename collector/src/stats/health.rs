//! What went wrong for people, so someone can fix it: tour steps whose anchor never appeared
//! (a redesign renamed the button the step points at) and guide files browsers refused (the
//! widget then shows nothing at all). Both come from the widget's own events.

use super::people::{text, Person};
use super::titles::Titles;
use serde::Serialize;
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};

/// One problem event as a person's browser sent it.
#[derive(Debug, Clone, PartialEq)]
pub enum Problem {
    /// `Onboarding Target Missing`.
    MissingTarget {
        guide: String,
        step: String,
        selector: String,
        url: String,
        hidden: bool,
    },
    /// `Onboarding Guide Config Invalid`.
    InvalidFile { source: String, first_error: String },
}

fn prop(props: &Value, key: &str) -> String {
    props.get(key).and_then(text).unwrap_or_default()
}

/// The problem `event` reports, if it is one of the two.
pub fn problem(event: &str, props: &Value) -> Option<Problem> {
    match event {
        "Onboarding Target Missing" => Some(Problem::MissingTarget {
            guide: prop(props, "guide_id"),
            step: prop(props, "step_id"),
            selector: prop(props, "selector"),
            url: prop(props, "url"),
            hidden: props
                .get("hidden_matches")
                .and_then(Value::as_i64)
                .is_some_and(|n| n > 0),
        }),
        "Onboarding Guide Config Invalid" => Some(Problem::InvalidFile {
            source: prop(props, "source"),
            first_error: prop(props, "first_error"),
        }),
        _ => None,
    }
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct MissingTarget {
    pub guide_id: String,
    pub guide_title: String,
    pub step_id: String,
    pub step_title: String,
    pub selector: String,
    /// Pages it went missing on, most people first (at most 5).
    pub urls: Vec<String>,
    /// Whether some page had the element but hidden (no box), rather than not at all.
    pub hidden: bool,
    pub people: usize,
    pub last_seen: i64,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct InvalidFile {
    /// The guide file's URL, or `inline` for guides given to `init`.
    pub source: String,
    pub first_error: String,
    pub people: usize,
    pub last_seen: i64,
}

#[derive(Debug, Clone, Default, Serialize, PartialEq)]
pub struct Health {
    pub missing_targets: Vec<MissingTarget>,
    pub invalid_files: Vec<InvalidFile>,
}

/// Up to this many rows of each kind, the ones that reached most people.
const ROWS: usize = 50;

#[derive(Default)]
struct Tally<'a> {
    people: BTreeSet<&'a str>,
    urls: BTreeMap<&'a str, BTreeSet<&'a str>>,
    hidden: bool,
    last_seen: i64,
}

impl<'a> Tally<'a> {
    fn add(&mut self, person: &'a str, t: i64) {
        self.people.insert(person);
        self.last_seen = self.last_seen.max(t);
    }
}

pub fn health(people: &[&Person], titles: &Titles) -> Health {
    let mut missing: BTreeMap<(&str, &str, &str), Tally> = BTreeMap::new();
    let mut invalid: BTreeMap<(&str, &str), Tally> = BTreeMap::new();
    for p in people {
        for (t, problem) in &p.problems {
            match problem {
                Problem::MissingTarget {
                    guide,
                    step,
                    selector,
                    url,
                    hidden,
                } => {
                    let tally = missing.entry((guide, step, selector)).or_default();
                    tally.add(&p.id, *t);
                    tally.urls.entry(url).or_default().insert(&p.id);
                    tally.hidden |= hidden;
                }
                Problem::InvalidFile {
                    source,
                    first_error,
                } => invalid
                    .entry((source, first_error))
                    .or_default()
                    .add(&p.id, *t),
            }
        }
    }
    let mut missing_targets: Vec<MissingTarget> = missing
        .into_iter()
        .map(|((guide, step, selector), tally)| {
            let mut urls: Vec<(&str, usize)> =
                tally.urls.iter().map(|(u, who)| (*u, who.len())).collect();
            urls.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
            MissingTarget {
                guide_id: guide.to_owned(),
                guide_title: titles.guide(guide).to_owned(),
                step_id: step.to_owned(),
                step_title: titles.step(guide, step).to_owned(),
                selector: selector.to_owned(),
                urls: urls
                    .into_iter()
                    .take(5)
                    .map(|(u, _)| u.to_owned())
                    .collect(),
                hidden: tally.hidden,
                people: tally.people.len(),
                last_seen: tally.last_seen,
            }
        })
        .collect();
    missing_targets.sort_by(|a, b| b.people.cmp(&a.people).then(b.last_seen.cmp(&a.last_seen)));
    missing_targets.truncate(ROWS);
    let mut invalid_files: Vec<InvalidFile> = invalid
        .into_iter()
        .map(|((source, first_error), tally)| InvalidFile {
            source: source.to_owned(),
            first_error: first_error.to_owned(),
            people: tally.people.len(),
            last_seen: tally.last_seen,
        })
        .collect();
    invalid_files.sort_by(|a, b| b.people.cmp(&a.people).then(b.last_seen.cmp(&a.last_seen)));
    invalid_files.truncate(ROWS);
    Health {
        missing_targets,
        invalid_files,
    }
}

#[cfg(test)]
#[path = "health_tests.rs"]
mod tests;
