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
    /// The guide's title as the widget sent it, else its id.
    pub title: String,
    pub stages: Vec<Stage>,
    pub dismissed: usize,
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
    let mut by_guide: BTreeMap<&str, Vec<&GuideRun>> = BTreeMap::new();
    for p in people {
        for (g, run) in &p.guides {
            by_guide.entry(g).or_default().push(run);
        }
    }
    by_guide
        .into_iter()
        .map(|(g, runs)| funnel(g, &runs, titles))
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
        title: titles.guide(guide_id).to_owned(),
        stages,
        dismissed: runs.iter().filter(|r| r.dismissed_at.is_some()).count(),
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
mod tests {
    use super::*;
    use crate::stats::people::Step;

    fn run(start: i64, steps: &[(&str, i64, Option<i64>)], done: Option<i64>) -> GuideRun {
        GuideRun {
            started_at: Some(start),
            steps: steps
                .iter()
                .map(|(id, i, c)| {
                    (
                        id.to_string(),
                        Step {
                            index: Some(*i),
                            viewed_at: None,
                            completed_at: *c,
                        },
                    )
                })
                .collect(),
            completed_at: done,
            dismissed_at: None,
            dismissed_via: None,
        }
    }

    /// The funnel of guide `g`, one person per run.
    fn funnel_of<const N: usize>(runs: [GuideRun; N]) -> GuideFunnel {
        let people: Vec<Person> = runs
            .into_iter()
            .map(|r| Person {
                guides: [("g".to_string(), r)].into(),
                ..Person::default()
            })
            .collect();
        let refs: Vec<&Person> = people.iter().collect();
        funnels(&refs, &Titles::default()).remove(0)
    }

    #[test]
    fn the_funnel_counts_drop_off_and_times_each_step() {
        let f = &funnel_of([
            run(0, &[("b", 1, Some(30)), ("a", 0, Some(10))], Some(40)),
            run(0, &[("a", 0, Some(20)), ("b", 1, None)], None),
            run(0, &[("a", 0, None)], None),
        ]);
        let got: Vec<(&str, usize, i64)> = f
            .stages
            .iter()
            .map(|s| (s.id.as_str(), s.count, s.drop_off))
            .collect();
        assert_eq!(
            got,
            [
                ("started", 3, 0),
                ("a", 2, 1),
                ("b", 1, 1),
                ("completed", 1, 0)
            ]
        );
        assert_eq!(
            (f.stages[1].time.median_ms, f.stages[1].time.p90_ms),
            (Some(10), Some(20))
        );
        assert_eq!(f.stages[2].time.median_ms, Some(20));
        assert!((f.stages[1].drop_off_rate - 1.0 / 3.0).abs() < 1e-9);
    }

    #[test]
    fn dismissals_are_counted_by_the_way_they_were_made() {
        let dismissed = |via: Option<&str>| GuideRun {
            dismissed_at: Some(5),
            dismissed_via: via.map(str::to_string),
            ..run(0, &[("a", 0, None)], None)
        };
        let f = &funnel_of([
            dismissed(Some("outside")),
            dismissed(Some("escape")),
            dismissed(Some("outside")),
            dismissed(None),
            run(0, &[("a", 0, Some(3))], Some(4)),
        ]);
        assert_eq!(f.dismissed, 4);
        let ways: Vec<(&str, usize)> = f
            .dismissed_via
            .iter()
            .map(|(k, v)| (k.as_str(), *v))
            .collect();
        assert_eq!(ways, [("escape", 1), ("outside", 2)]);
    }
}
