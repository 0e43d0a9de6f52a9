//! The dashboard's 95% interval for the lift of onboarding over the holdout must cover the
//! true lift at least 93 times in 100 seeded simulations. Users are simulated as the widget
//! reports them (rows as stored), and go through the same report the dashboard serves.

use wowpath_collector::stats::{report, Filters};
use wowpath_collector::store::EventRow;

/// splitmix64: small, seedable, good enough for simulation.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
}

const USERS: usize = 1_500;
const HOLDOUT: f64 = 0.2;
const P_HOLDOUT: f64 = 0.30;
const TRUE_LIFT: f64 = 0.08;

fn row(user: &str, event: &str, t: i64, props: &str) -> EventRow {
    EventRow {
        kind: "track".into(),
        event: Some(event.into()),
        user_id: Some(user.into()),
        anonymous_id: Some(format!("anon-{user}")),
        time_ms: t,
        client_ms: Some(t),
        raw: format!(r#"{{"type":"track","event":"{event}","properties":{props}}}"#),
    }
}

/// One population: each user is in the holdout with probability HOLDOUT and reaches wow
/// with P_HOLDOUT, or P_HOLDOUT + `lift` with onboarding.
fn simulate(seed: u64, lift: f64) -> Vec<EventRow> {
    let mut rng = Rng(seed);
    let mut rows = Vec::new();
    for i in 0..USERS {
        let user = format!("u{i}");
        let t0 = 1_795_000_000_000 + i as i64 * 1_000;
        let holdout = rng.unit() < HOLDOUT;
        let group = if holdout { "holdout" } else { "treatment" };
        if holdout {
            rows.push(row(
                &user,
                "Onboarding Group Assigned",
                t0,
                r#"{"group":"holdout"}"#,
            ));
        } else {
            rows.push(row(
                &user,
                "Onboarding Guide Started",
                t0,
                r#"{"guide_id":"g","group":"treatment"}"#,
            ));
        }
        let p = if holdout { P_HOLDOUT } else { P_HOLDOUT + lift };
        if rng.unit() < p {
            let took = 60_000 + (rng.unit() * 3_600_000.0) as i64;
            rows.push(row(
                &user,
                "Onboarding Wow Reached",
                t0 + took,
                &format!(r#"{{"time_to_wow_ms":{took},"group":"{group}"}}"#),
            ));
        }
    }
    rows
}

/// Runs one simulation and returns the interval's (covered, width).
fn interval_for(seed: u64) -> (bool, f64) {
    let r = report(&simulate(seed, TRUE_LIFT), Filters::at(1_796_000_000_000));
    assert_eq!(
        r.experiment.arms.iter().map(|a| a.people).sum::<u64>(),
        USERS as u64,
        "every user is in an arm"
    );
    let d = r.experiment.comparisons[0]
        .difference
        .clone()
        .expect("both arms have people");
    (d.low <= TRUE_LIFT && TRUE_LIFT <= d.high, d.high - d.low)
}

#[test]
fn the_95_percent_interval_covers_the_true_lift_at_least_93_times_in_100() {
    // 300 seeded runs rather than 100: an exactly calibrated 95% interval still covers fewer
    // than 93 of 100 about one time in eight (seeds 0..99 give 92 here, 0..999 give 954), so
    // 100 runs cannot tell a good interval from a bad one. 93% of 300 can.
    let runs: u64 = std::env::var("RUNS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(300);
    let results: Vec<(bool, f64)> = std::thread::scope(|s| {
        let halves = [(0, runs / 2), (runs / 2, runs)];
        let handles: Vec<_> = halves
            .map(|(a, b)| s.spawn(move || (a..b).map(interval_for).collect::<Vec<_>>()))
            .into();
        handles
            .into_iter()
            .flat_map(|h| h.join().expect("simulation thread"))
            .collect()
    });
    let covered = results.iter().filter(|(c, _)| *c).count();
    let mean_width = results.iter().map(|(_, w)| w).sum::<f64>() / results.len() as f64;
    eprintln!(
        "coverage {covered}/{runs}, mean width {:.1} points",
        mean_width * 100.0
    );
    assert!(
        covered as f64 >= 0.93 * runs as f64,
        "the interval covered the true lift only {covered} times in {runs}"
    );
    assert!(
        mean_width < 0.2,
        "the interval is uselessly wide: {mean_width}"
    );
}

#[test]
fn with_no_true_lift_the_verdict_rarely_claims_one() {
    // Same machinery, no effect: "works" or "hurts" should come up at most about 5% of the time.
    let mut claims = 0;
    for seed in 1_000..1_050 {
        let r = report(&simulate(seed, 0.0), Filters::at(1_796_000_000_000));
        let v = r.experiment.comparisons[0].verdict;
        if matches!(
            v,
            wowpath_collector::stats::proportion::Verdict::Better
                | wowpath_collector::stats::proportion::Verdict::Worse
        ) {
            claims += 1;
        }
    }
    eprintln!("false claims: {claims}/50");
    assert!(claims <= 6, "{claims} false claims in 50 null simulations");
}
