//! Rates and their uncertainty: Wilson score intervals for one rate and Newcombe's hybrid
//! score interval for a difference of two (good coverage even for small groups and rates
//! near 0 or 1, unlike the textbook Wald interval). The difference uses the continuity-
//! corrected variant (Newcombe's method 11): its coverage stays at or above the nominal 95%,
//! where the uncorrected one hovers just under it, so a "works" verdict errs on the safe side.

use serde::Serialize;

/// z for a two-sided 95% interval.
pub const Z95: f64 = 1.959_963_984_540_054;

/// Wilson score interval of `k` successes in `n` trials; (0, 1) when n is 0.
pub fn wilson(k: u64, n: u64, z: f64) -> (f64, f64) {
    if n == 0 {
        return (0.0, 1.0);
    }
    let (k, n) = (k as f64, n as f64);
    let p = k / n;
    let z2 = z * z;
    let centre = (p + z2 / (2.0 * n)) / (1.0 + z2 / n);
    let half = z / (1.0 + z2 / n) * (p * (1.0 - p) / n + z2 / (4.0 * n * n)).sqrt();
    ((centre - half).max(0.0), (centre + half).min(1.0))
}

/// Wilson score interval with continuity correction (Newcombe 1998, method 4).
pub fn wilson_cc(k: u64, n: u64, z: f64) -> (f64, f64) {
    if n == 0 {
        return (0.0, 1.0);
    }
    let (nf, p) = (n as f64, k as f64 / n as f64);
    let z2 = z * z;
    let denom = 2.0 * (nf + z2);
    let low = if k == 0 {
        0.0
    } else {
        (2.0 * nf * p + z2
            - 1.0
            - z * (z2 - 2.0 - 1.0 / nf + 4.0 * p * (nf * (1.0 - p) + 1.0)).sqrt())
            / denom
    };
    let high = if k == n {
        1.0
    } else {
        (2.0 * nf * p
            + z2
            + 1.0
            + z * (z2 + 2.0 - 1.0 / nf + 4.0 * p * (nf * (1.0 - p) - 1.0)).sqrt())
            / denom
    };
    (low.max(0.0), high.min(1.0))
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Difference {
    /// p1 − p2.
    pub estimate: f64,
    pub low: f64,
    pub high: f64,
}

/// Newcombe (1998) method 11: the interval for p1 − p2 built from both continuity-corrected
/// Wilson intervals.
pub fn difference(k1: u64, n1: u64, k2: u64, n2: u64) -> Option<Difference> {
    if n1 == 0 || n2 == 0 {
        return None;
    }
    let (p1, p2) = (k1 as f64 / n1 as f64, k2 as f64 / n2 as f64);
    let (l1, u1) = wilson_cc(k1, n1, Z95);
    let (l2, u2) = wilson_cc(k2, n2, Z95);
    let d = p1 - p2;
    let low = d - ((p1 - l1).powi(2) + (u2 - p2).powi(2)).sqrt();
    let high = d + ((u1 - p1).powi(2) + (p2 - l2).powi(2)).sqrt();
    Some(Difference {
        estimate: d,
        low,
        high,
    })
}

/// An interval wider than this (in rate units: 0.2 = 20 percentage points) says too little.
pub const MAX_USEFUL_WIDTH: f64 = 0.20;
/// Fewer people than this in a group: no verdict, whatever the interval says.
pub const MIN_GROUP: u64 = 30;

#[derive(Debug, Clone, Copy, Serialize, PartialEq)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    NotEnoughData,
    Better,
    Worse,
    NoDetectableDifference,
}

pub fn verdict(diff: Option<&Difference>, n1: u64, n2: u64) -> Verdict {
    match diff {
        Some(d) if n1 >= MIN_GROUP && n2 >= MIN_GROUP && d.high - d.low <= MAX_USEFUL_WIDTH => {
            if d.low > 0.0 {
                Verdict::Better
            } else if d.high < 0.0 {
                Verdict::Worse
            } else {
                Verdict::NoDetectableDifference
            }
        }
        _ => Verdict::NotEnoughData,
    }
}

/// The verdict in a sentence a product manager can repeat.
pub fn sentence(v: Verdict, d: Option<&Difference>) -> String {
    let pts = |x: f64| format!("{:+.1}", x * 100.0);
    match (v, d) {
        (Verdict::NotEnoughData, _) => format!(
            "Not enough data yet: each group needs at least {MIN_GROUP} people and the 95% interval must be narrower than {:.0} points.",
            MAX_USEFUL_WIDTH * 100.0
        ),
        (Verdict::Better, Some(d)) => format!("Onboarding works: it raises the wow rate by {} points (95% CI {} to {}).", pts(d.estimate), pts(d.low), pts(d.high)),
        (Verdict::Worse, Some(d)) => format!("Onboarding hurts: the wow rate is {} points lower than without it (95% CI {} to {}).", pts(-d.estimate), pts(d.low), pts(d.high)),
        (_, Some(d)) => format!("No detectable difference yet: the effect is between {} and {} points.", pts(d.low), pts(d.high)),
        (_, None) => "No comparison possible.".into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wilson_matches_a_published_value() {
        // Newcombe (1998) table I: 81/263 → 0.2553 to 0.3662.
        let (l, u) = wilson(81, 263, Z95);
        assert!(
            (l - 0.2553).abs() < 5e-4 && (u - 0.3662).abs() < 5e-4,
            "{l} {u}"
        );
        assert_eq!(wilson(0, 0, Z95), (0.0, 1.0));
    }

    #[test]
    fn newcombe_matches_a_published_value() {
        // Newcombe (1998) table II, example (a), method 11: 56/70 − 48/80 → 0.0428 to 0.3422.
        let d = difference(56, 70, 48, 80).expect("both groups");
        assert!(
            (d.low - 0.0428).abs() < 5e-4 && (d.high - 0.3422).abs() < 5e-4,
            "{d:?}"
        );
        assert!(difference(1, 0, 1, 2).is_none());
    }

    #[test]
    fn verdicts_need_enough_people_and_a_narrow_interval() {
        let d = difference(600, 1000, 450, 1000);
        assert_eq!(verdict(d.as_ref(), 1000, 1000), Verdict::Better);
        assert_eq!(
            verdict(difference(450, 1000, 600, 1000).as_ref(), 1000, 1000),
            Verdict::Worse
        );
        assert_eq!(
            verdict(difference(500, 1000, 495, 1000).as_ref(), 1000, 1000),
            Verdict::NoDetectableDifference
        );
        assert_eq!(
            verdict(difference(20, 25, 5, 25).as_ref(), 25, 25),
            Verdict::NotEnoughData
        );
        assert_eq!(
            verdict(difference(60, 100, 45, 100).as_ref(), 100, 100),
            Verdict::NotEnoughData,
            "width ≈ 27 points"
        );
        assert!(sentence(Verdict::NotEnoughData, None).starts_with("Not enough data yet"));
    }
}
