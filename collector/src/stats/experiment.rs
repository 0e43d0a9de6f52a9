//! Treatment (and each variant) against the holdout: wow rates, the difference with its 95%
//! interval, sample sizes and a verdict.

use super::people::Person;
use super::proportion::{difference, sentence, verdict, wilson, Difference, Verdict, Z95};
use serde::Serialize;
use std::collections::BTreeMap;

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Arm {
    /// `treatment`, `holdout`, or `variant:<name>`.
    pub label: String,
    pub people: u64,
    pub wow: u64,
    pub rate: f64,
    pub rate_low: f64,
    pub rate_high: f64,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Comparison {
    pub arm: String,
    /// Arm's wow rate minus the holdout's, with its 95% interval.
    pub difference: Option<Difference>,
    pub verdict: Verdict,
    pub sentence: String,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Experiment {
    pub arms: Vec<Arm>,
    /// The first is treatment vs holdout; then each variant vs holdout.
    pub comparisons: Vec<Comparison>,
    /// People not in any arm: no event other than their wow says their group.
    pub unassigned: u64,
}

fn arm(label: &str, members: &[&Person]) -> Arm {
    let n = members.len() as u64;
    let k = members.iter().filter(|p| p.wow_at.is_some()).count() as u64;
    let (lo, hi) = wilson(k, n, Z95);
    Arm {
        label: label.into(),
        people: n,
        wow: k,
        rate: if n == 0 { 0.0 } else { k as f64 / n as f64 },
        rate_low: lo,
        rate_high: hi,
    }
}

fn compare(a: &Arm, holdout: &Arm) -> Comparison {
    let d = difference(a.wow, a.people, holdout.wow, holdout.people);
    let v = verdict(d.as_ref(), a.people, holdout.people);
    Comparison {
        arm: a.label.clone(),
        sentence: sentence(v, d.as_ref()),
        difference: d,
        verdict: v,
    }
}

pub fn experiment(people: &[&Person]) -> Experiment {
    let in_group = |g: &str| {
        people
            .iter()
            .copied()
            .filter(|p| p.group.as_deref() == Some(g))
            .collect::<Vec<_>>()
    };
    let (treated, held) = (in_group("treatment"), in_group("holdout"));
    let holdout = arm("holdout", &held);
    let treatment = arm("treatment", &treated);
    let mut comparisons = vec![compare(&treatment, &holdout)];
    let mut arms = vec![treatment];
    let mut variants: BTreeMap<&str, Vec<&Person>> = BTreeMap::new();
    for p in &treated {
        if let Some(v) = p.variant.as_deref() {
            variants.entry(v).or_default().push(p);
        }
    }
    for (name, members) in variants {
        let a = arm(&format!("variant:{name}"), &members);
        comparisons.push(compare(&a, &holdout));
        arms.push(a);
    }
    arms.push(holdout);
    let unassigned = people
        .iter()
        .filter(|p| !matches!(p.group.as_deref(), Some("treatment" | "holdout")))
        .count() as u64;
    Experiment {
        arms,
        comparisons,
        unassigned,
    }
}
