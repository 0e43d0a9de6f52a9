use super::describe::{durations, histogram, Bucket, Durations};
use super::experiment::{experiment, Experiment};
use super::guides::{funnels, GuideFunnel};
use super::health::{health, Health};
use super::people::{people, Person};
use super::stuck::{stuck, StuckAccount, StuckUser};
use super::titles::Titles;
use crate::store::EventRow;
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};

/// Which people count. Each default is noted beside its field.
#[derive(Debug, Clone, Serialize)]
pub struct Filters {
    /// People first seen at or after this (epoch ms). Default: no bound.
    pub from_ms: Option<i64>,
    /// People first seen before this (epoch ms). Default: no bound.
    pub to_ms: Option<i64>,
    /// Only people whose trait `.0` equals `.1` (`account` is one of the traits). Default: all.
    pub trait_eq: Option<(String, String)>,
    /// A person is stuck when this long after starting they have not reached wow. Default 3 days.
    pub stuck_after_ms: i64,
    pub now_ms: i64,
}

pub const DEFAULT_STUCK_AFTER_MS: i64 = 3 * 24 * 3_600_000;

impl Filters {
    pub fn at(now_ms: i64) -> Filters {
        Filters {
            from_ms: None,
            to_ms: None,
            trait_eq: None,
            stuck_after_ms: DEFAULT_STUCK_AFTER_MS,
            now_ms,
        }
    }

    fn keeps(&self, p: &Person) -> bool {
        self.from_ms.is_none_or(|f| p.first_seen >= f)
            && self.to_ms.is_none_or(|t| p.first_seen < t)
            && self
                .trait_eq
                .as_ref()
                .is_none_or(|(k, v)| p.traits.get(k) == Some(v))
    }
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct WowSummary {
    pub people: usize,
    pub wow: usize,
    pub rate: f64,
    /// Time to wow of those who reached it (the widget's measure, else from first seen).
    pub time_to_wow: Durations,
    pub histogram: Vec<Bucket>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Report {
    pub filters: Filters,
    pub guides: Vec<GuideFunnel>,
    /// Everyone in the filtered cohort.
    pub wow: WowSummary,
    pub experiment: Experiment,
    pub stuck_users: Vec<StuckUser>,
    pub stuck_accounts: Vec<StuckAccount>,
    /// Missing anchors and refused guide files the cohort's browsers reported.
    pub health: Health,
    /// Trait names and up to 50 values each seen in the (unfiltered) data, for filter menus.
    pub traits: BTreeMap<String, Vec<String>>,
    /// What guides and steps are called, from all the (unfiltered) data.
    pub titles: Titles,
}

pub fn report(rows: &[EventRow], filters: Filters) -> Report {
    let (everyone, titles) = people(rows);
    let mut traits: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for p in everyone.values() {
        for (k, v) in &p.traits {
            let values = traits.entry(k.clone()).or_default();
            if values.len() < 50 {
                values.insert(v.clone());
            }
        }
    }
    let cohort: Vec<&Person> = everyone.values().filter(|p| filters.keeps(p)).collect();
    let treated: Vec<&Person> = cohort
        .iter()
        .copied()
        .filter(|p| p.group.as_deref() != Some("holdout"))
        .collect();
    let ttw: Vec<i64> = cohort
        .iter()
        .filter_map(|p| p.time_to_wow_ms.or_else(|| Some(p.wow_at? - p.first_seen)))
        .filter(|t| *t >= 0)
        .collect();
    let wow = cohort.iter().filter(|p| p.wow_at.is_some()).count();
    let (stuck_users, stuck_accounts) =
        stuck(&cohort, &titles, filters.now_ms, filters.stuck_after_ms);
    Report {
        guides: funnels(&treated, &titles),
        wow: WowSummary {
            people: cohort.len(),
            wow,
            rate: if cohort.is_empty() {
                0.0
            } else {
                wow as f64 / cohort.len() as f64
            },
            histogram: histogram(&ttw),
            time_to_wow: durations(ttw),
        },
        experiment: experiment(&cohort),
        stuck_users,
        stuck_accounts,
        health: health(&cohort, &titles),
        traits: traits
            .into_iter()
            .map(|(k, v)| (k, v.into_iter().collect()))
            .collect(),
        titles,
        filters,
    }
}
