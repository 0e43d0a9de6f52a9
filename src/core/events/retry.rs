//! What an answer from the collector means for the batch that got it, and how long to wait
//! before trying again. Pure: the clock and the random source are parameters.

use super::retry_after::parse_retry_after;
use crate::core::time::Millis;

/// The first retry waits about this long; each further failure doubles it.
pub const BASE_BACKOFF_MS: Millis = 1_000;
/// No backoff grows beyond this.
pub const MAX_BACKOFF_MS: Millis = 5 * 60_000;
/// A `Retry-After` longer than this is treated as this (a misconfigured server must not
/// silence the widget for days).
pub const MAX_RETRY_AFTER_MS: Millis = 10 * 60_000;
/// Added on top of `Retry-After`, so that every tab and browser told to wait the same time
/// does not come back in the same instant.
pub const RETRY_AFTER_JITTER_MS: Millis = 1_000;

/// What became of one request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Answer {
    /// The server answered with this status and, maybe, a `Retry-After` header.
    Status {
        status: u16,
        retry_after: Option<String>,
    },
    /// No answer: offline, refused, reset, blocked, or timed out.
    NetworkError,
}

/// For the debug log. Written by hand: `Debug` would bring string escaping and its Unicode
/// tables into the widget.
impl std::fmt::Display for Answer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Answer::Status {
                status,
                retry_after: Some(after),
            } => write!(f, "HTTP {status}, Retry-After {after}"),
            Answer::Status { status, .. } => write!(f, "HTTP {status}"),
            Answer::NetworkError => f.write_str("no answer from the network"),
        }
    }
}

impl Answer {
    pub fn status(status: u16) -> Answer {
        Answer::Status {
            status,
            retry_after: None,
        }
    }
}

/// What to do with the batch that got an answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// Stored: forget the batch.
    Delivered,
    /// Keep the batch and send it again, with the same message ids, in this many ms.
    RetryIn(Millis),
    /// Too large for the server: send it again in halves.
    Split,
    /// The server will never take it (a 4xx other than 408/413/429): drop it and say so.
    Refused(u16),
}

/// Consecutive failures, turned into waits.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Backoff {
    failures: u32,
}

impl Backoff {
    /// The verdict for `answer`. `random` is uniform in [0, 1) (injected so tests can pin it).
    pub fn judge(&mut self, answer: &Answer, now: Millis, random: f64) -> Verdict {
        let (status, retry_after) = match answer {
            Answer::NetworkError => return Verdict::RetryIn(self.fail(random)),
            Answer::Status {
                status,
                retry_after,
            } => (*status, retry_after.as_deref()),
        };
        match status {
            200..=299 => {
                self.failures = 0;
                Verdict::Delivered
            }
            413 => Verdict::Split,
            408 | 429 | 500..=599 => {
                let backoff = self.fail(random);
                match retry_after.and_then(|v| parse_retry_after(v, now)) {
                    Some(wait) => Verdict::RetryIn(
                        wait.min(MAX_RETRY_AFTER_MS) + jitter(RETRY_AFTER_JITTER_MS, random),
                    ),
                    None => Verdict::RetryIn(backoff),
                }
            }
            // 1xx/3xx never reach us through fetch; anything else is the server saying no.
            _ => Verdict::Refused(status),
        }
    }

    /// Counts a failure; the wait is "equal jitter": between half and all of the exponential
    /// delay, so retries spread out but never come sooner than half the schedule.
    fn fail(&mut self, random: f64) -> Millis {
        self.failures = self.failures.saturating_add(1);
        let exp = BASE_BACKOFF_MS
            .saturating_mul(1 << (self.failures - 1).min(16))
            .min(MAX_BACKOFF_MS);
        exp / 2 + jitter(exp / 2, random)
    }

    #[cfg(test)]
    pub fn failures(&self) -> u32 {
        self.failures
    }
}

/// A whole number of ms in [0, span), from `random` in [0, 1).
fn jitter(span: Millis, random: f64) -> Millis {
    let r = if random.is_finite() {
        random.clamp(0.0, 1.0)
    } else {
        0.0
    };
    ((span as f64 * r) as Millis).min(span.saturating_sub(1))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn after(header: &str) -> Answer {
        Answer::Status {
            status: 429,
            retry_after: Some(header.into()),
        }
    }

    #[test]
    fn every_status_has_a_verdict() {
        let table: [(Answer, Verdict); 14] = [
            (Answer::status(200), Verdict::Delivered),
            (Answer::status(204), Verdict::Delivered),
            (Answer::status(400), Verdict::Refused(400)),
            (Answer::status(401), Verdict::Refused(401)),
            (Answer::status(403), Verdict::Refused(403)),
            (Answer::status(404), Verdict::Refused(404)),
            (Answer::status(422), Verdict::Refused(422)),
            (Answer::status(413), Verdict::Split),
            (Answer::status(408), Verdict::RetryIn(500)),
            (Answer::status(429), Verdict::RetryIn(500)),
            (Answer::status(500), Verdict::RetryIn(500)),
            (Answer::status(503), Verdict::RetryIn(500)),
            (Answer::status(599), Verdict::RetryIn(500)),
            (Answer::NetworkError, Verdict::RetryIn(500)),
        ];
        for (answer, expected) in table {
            // A fresh backoff each time: the first failure waits half the base at random 0.
            assert_eq!(
                Backoff::default().judge(&answer, 0, 0.0),
                expected,
                "{answer:?}"
            );
        }
    }

    #[test]
    fn retry_after_is_honoured_in_seconds_and_dates_and_capped() {
        let now = 1_445_412_000_000; // 2015-10-21T07:20:00Z
        let mut b = Backoff::default();
        assert_eq!(b.judge(&after("3"), now, 0.0), Verdict::RetryIn(3_000));
        assert_eq!(b.judge(&after("3"), now, 0.5), Verdict::RetryIn(3_500));
        let date = after("Wed, 21 Oct 2015 07:20:30 GMT");
        assert_eq!(b.judge(&date, now, 0.0), Verdict::RetryIn(30_000));
        assert_eq!(
            b.judge(&after("999999"), now, 0.0),
            Verdict::RetryIn(MAX_RETRY_AFTER_MS)
        );
        // Unreadable: the ordinary backoff (this is the 5th failure in a row: 16 s, halved).
        assert_eq!(b.judge(&after("later"), now, 0.0), Verdict::RetryIn(8_000));
        // A 503 may carry Retry-After too.
        let unavailable = Answer::Status {
            status: 503,
            retry_after: Some("7".into()),
        };
        assert_eq!(b.judge(&unavailable, now, 0.0), Verdict::RetryIn(7_000));
    }

    #[test]
    fn backoff_doubles_with_jitter_within_bounds_up_to_the_cap_and_resets() {
        for random in [0.0, 0.25, 0.5, 0.999_999, 1.0, -3.0, f64::NAN] {
            let mut b = Backoff::default();
            let mut exp = BASE_BACKOFF_MS;
            for _ in 0..30 {
                let Verdict::RetryIn(wait) = b.judge(&Answer::NetworkError, 0, random) else {
                    panic!("a network error is retried");
                };
                assert!(
                    wait >= exp / 2 && wait < exp,
                    "{wait} for {exp} at {random}"
                );
                exp = (exp * 2).min(MAX_BACKOFF_MS);
            }
            assert_eq!(b.failures(), 30);
            assert_eq!(b.judge(&Answer::status(200), 0, random), Verdict::Delivered);
            assert_eq!(b.failures(), 0);
        }
        let mut b = Backoff::default();
        let waits: Vec<_> = (0..4)
            .map(|_| b.judge(&Answer::status(500), 0, 0.5))
            .collect();
        let expected = [750, 1_500, 3_000, 6_000].map(Verdict::RetryIn);
        assert_eq!(waits, expected);
    }
}
