//! Summaries of durations: quantiles and a histogram with human-sized buckets.

use serde::Serialize;

/// Nearest-rank quantile (`q` in 0..=1) of sorted values; `None` when empty.
pub fn quantile(sorted: &[i64], q: f64) -> Option<i64> {
    if sorted.is_empty() {
        return None;
    }
    let rank = (q * sorted.len() as f64).ceil() as usize;
    Some(sorted[rank.clamp(1, sorted.len()) - 1])
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Durations {
    pub count: usize,
    pub median_ms: Option<i64>,
    pub p90_ms: Option<i64>,
}

pub fn durations(mut values: Vec<i64>) -> Durations {
    values.sort_unstable();
    Durations {
        count: values.len(),
        median_ms: quantile(&values, 0.5),
        p90_ms: quantile(&values, 0.9),
    }
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Bucket {
    pub label: &'static str,
    /// Upper bound (exclusive) in ms; `None` for the last bucket.
    pub below_ms: Option<i64>,
    pub count: usize,
}

const MINUTE: i64 = 60_000;
const HOUR: i64 = 60 * MINUTE;
const DAY: i64 = 24 * HOUR;
const BUCKETS: [(&str, Option<i64>); 8] = [
    ("< 1 min", Some(MINUTE)),
    ("1–5 min", Some(5 * MINUTE)),
    ("5–15 min", Some(15 * MINUTE)),
    ("15–60 min", Some(HOUR)),
    ("1–4 h", Some(4 * HOUR)),
    ("4–24 h", Some(DAY)),
    ("1–7 days", Some(7 * DAY)),
    ("> 7 days", None),
];

pub fn histogram(values: &[i64]) -> Vec<Bucket> {
    let mut out: Vec<Bucket> = BUCKETS
        .iter()
        .map(|(label, below_ms)| Bucket {
            label,
            below_ms: *below_ms,
            count: 0,
        })
        .collect();
    for v in values {
        let i = BUCKETS
            .iter()
            .position(|(_, b)| b.is_none_or(|b| *v < b))
            .unwrap_or(BUCKETS.len() - 1);
        out[i].count += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nearest_rank_quantiles() {
        let v = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
        assert_eq!(
            (quantile(&v, 0.5), quantile(&v, 0.9), quantile(&v, 0.0)),
            (Some(5), Some(9), Some(1))
        );
        assert_eq!(quantile(&[], 0.5), None);
        assert_eq!(
            durations(vec![30, 10, 20]),
            Durations {
                count: 3,
                median_ms: Some(20),
                p90_ms: Some(30)
            }
        );
    }

    #[test]
    fn histogram_buckets_are_half_open() {
        let h = histogram(&[0, MINUTE - 1, MINUTE, 30 * DAY]);
        let counts: Vec<usize> = h.iter().map(|b| b.count).collect();
        assert_eq!(counts, [2, 1, 0, 0, 0, 0, 0, 1]);
    }
}
