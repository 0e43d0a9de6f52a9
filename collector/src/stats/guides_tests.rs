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
        replayed_at: None,
        variant: None,
    }
}

/// The funnels of guide `g`, one person per run.
fn funnels_of<const N: usize>(runs: [GuideRun; N]) -> Vec<GuideFunnel> {
    let people: Vec<Person> = runs
        .into_iter()
        .map(|r| Person {
            guides: [("g".to_string(), r)].into(),
            ..Person::default()
        })
        .collect();
    let refs: Vec<&Person> = people.iter().collect();
    funnels(&refs, &Titles::default())
}

/// The funnel of guide `g`, one person per run.
fn funnel_of<const N: usize>(runs: [GuideRun; N]) -> GuideFunnel {
    funnels_of(runs).remove(0)
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

/// A funnel's stages as (id, people).
type Stages<'a> = Vec<(&'a str, usize)>;

#[test]
fn each_variant_has_its_own_funnel_of_its_own_steps() {
    let of = |variant: &str, r: GuideRun| GuideRun {
        variant: Some(variant.into()),
        ..r
    };
    let all = funnels_of([
        of("short", run(0, &[("b", 0, Some(5))], Some(5))),
        of("short", run(0, &[("b", 0, None)], None)),
        of(
            "full",
            run(0, &[("a", 0, Some(1)), ("b", 1, Some(2))], Some(2)),
        ),
    ]);
    let got: Vec<(Option<&str>, Stages)> = all
        .iter()
        .map(|f| {
            let stages = f.stages.iter().map(|s| (s.id.as_str(), s.count)).collect();
            (f.variant.as_deref(), stages)
        })
        .collect();
    assert_eq!(
        got,
        [
            (
                Some("full"),
                vec![("started", 1), ("a", 1), ("b", 1), ("completed", 1)]
            ),
            (
                Some("short"),
                vec![("started", 2), ("b", 1), ("completed", 1)]
            ),
        ],
        "step a, which `short` leaves out, is no drop-off for its people"
    );
}
