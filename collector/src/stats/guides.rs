//! Per guide: the funnel (started → each step → completed), drop-off and time per step.

use super::describe::{durations, Durations};
use super::people::{GuideRun, Person};
use super::titles::Titles;
use serde::Serialize;
use std::collections::BTreeMap;

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Stage {
    /// `started`, a step id, or `completed`.
    pub id: String,
    /// What the stage is called: the step's title as the widget sent it, else its id.
    pub label: String,
    /// People who reached this stage.
    pub count: usize,
    /// Lost since the previous stage (previous count − this count).
    pub drop_off: i64,
    /// `drop_off` as a fraction of the previous stage (0 for the first).
    pub drop_off_rate: f64,
    /// Time from the previous milestone (guide start or previous step) to this stage.
    pub time: Durations,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct GuideFunnel {
    pub guide_id: String,
    /// One funnel per variant for a guide with variants: their steps differ, and a step one
    /// variant leaves out is no drop-off for the people in it.
    pub variant: Option<String>,
    /// The guide's title as the widget sent it, else its id.
    pub title: String,
    pub stages: Vec<Stage>,
    pub dismissed: usize,
    /// People who asked to see the guide again (a replay), a sign of where the product is hard.
    pub replayed: usize,
    /// Dismissals by the way they were made (`via`), for those that said.
    pub dismissed_via: BTreeMap<String, usize>,
}

/// Step ids in the order people meet them: by `step_index` when sent, else by name.
pub fn step_order<'a>(runs: impl Iterator<Item = &'a GuideRun>) -> Vec<String> {
    let mut index: BTreeMap<&str, i64> = BTreeMap::new();
    for r in runs {
        for (id, s) in &r.steps {
            let i = s.index.unwrap_or(i64::MAX);
            index
                .entry(id)
                .and_modify(|v| *v = (*v).min(i))
                .or_insert(i);
        }
    }
    let mut ids: Vec<(&str, i64)> = index.into_iter().collect();
    ids.sort_by(|a, b| a.1.cmp(&b.1).then(a.0.cmp(b.0)));
    ids.into_iter().map(|(id, _)| id.to_owned()).collect()
}

pub fn funnels(people: &[&Person], titles: &Titles) -> Vec<GuideFunnel> {
    let mut by_guide: BTreeMap<(&str, Option<&str>), Vec<&GuideRun>> = BTreeMap::new();
    for p in people {
        for (g, run) in &p.guides {
            by_guide
                .entry((g, run.variant.as_deref()))
                .or_default()
                .push(run);
        }
    }
    by_guide
        .into_iter()
        .map(|((g, variant), runs)| GuideFunnel {
            variant: variant.map(str::to_owned),
            ..funnel(g, &runs, titles)
        })
        .collect()
}

fn funnel(guide_id: &str, runs: &[&GuideRun], titles: &Titles) -> GuideFunnel {
    let order = step_order(runs.iter().copied());
    let mut stages = Vec::with_capacity(order.len() + 2);
    let push = |id: &str,
                label: String,
                times: Vec<Option<i64>>,
                spans: Vec<i64>,
                stages: &mut Vec<Stage>| {
        let count = times.iter().filter(|t| t.is_some()).count();
        let prev = stages.last().map_or(count, |s: &Stage| s.count);
        let drop_off = prev as i64 - count as i64;
        let rate = if prev == 0 {
            0.0
        } else {
            drop_off as f64 / prev as f64
        };
        stages.push(Stage {
            id: id.to_owned(),
            label,
            count,
            drop_off,
            drop_off_rate: rate,
            time: durations(spans),
        });
    };
    let began: Vec<Option<i64>> = runs.iter().map(|r| r.began_at()).collect();
    push(
        "started",
        "Started".into(),
        began.clone(),
        vec![],
        &mut stages,
    );
    let mut milestone = began;
    for step in &order {
        let done: Vec<Option<i64>> = runs
            .iter()
            .map(|r| r.steps.get(step).and_then(|s| s.completed_at))
            .collect();
        let spans = spans(&milestone, &done);
        let label = titles.step(guide_id, step).to_owned();
        push(step, label, done.clone(), spans, &mut stages);
        // The next step's clock starts at this completion, or the last milestone if skipped.
        milestone = milestone.iter().zip(&done).map(|(m, d)| d.or(*m)).collect();
    }
    let completed: Vec<Option<i64>> = runs.iter().map(|r| r.completed_at).collect();
    let spans = spans(&milestone, &completed);
    push(
        "completed",
        "Completed".into(),
        completed,
        spans,
        &mut stages,
    );
    GuideFunnel {
        guide_id: guide_id.to_owned(),
        variant: None,
        title: titles.guide(guide_id).to_owned(),
        stages,
        dismissed: runs.iter().filter(|r| r.dismissed_at.is_some()).count(),
        replayed: runs.iter().filter(|r| r.replayed_at.is_some()).count(),
        dismissed_via: runs.iter().filter_map(|r| r.dismissed_via.clone()).fold(
            BTreeMap::new(),
            |mut ways, via| {
                *ways.entry(via).or_default() += 1;
                ways
            },
        ),
    }
}

fn spans(from: &[Option<i64>], to: &[Option<i64>]) -> Vec<i64> {
    from.iter()
        .zip(to)
        .filter_map(|(a, b)| Some(b.as_ref()? - a.as_ref()?))
        .filter(|d| *d >= 0)
        .collect()
}

#[cfg(test)]
#[path = "guides_tests.rs"]
mod tests;
