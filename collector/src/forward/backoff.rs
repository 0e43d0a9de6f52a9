//! How long to wait before trying a batch again: doubling from `first` up to `max`, each
//! wait drawn at random between half and all of it ("equal jitter"), so collectors that
//! failed together do not retry together.

use std::time::Duration;

pub struct Backoff {
    next: Duration,
    max: Duration,
    seed: u64,
}

impl Backoff {
    pub fn new(first: Duration, max: Duration) -> Backoff {
        use std::hash::{BuildHasher, RandomState};
        Backoff {
            next: first.min(max),
            max,
            seed: RandomState::new().hash_one(std::time::Instant::now()) | 1,
        }
    }

    /// The next wait; each call doubles the ceiling until `max`.
    pub fn next_wait(&mut self) -> Duration {
        let ceiling = self.next;
        self.next = (self.next * 2).min(self.max);
        ceiling / 2 + ceiling.mul_f64(self.random() / 2.0)
    }

    /// A number in [0, 1) from xorshift64: jitter needs spread, not secrecy.
    fn random(&mut self) -> f64 {
        self.seed ^= self.seed << 13;
        self.seed ^= self.seed >> 7;
        self.seed ^= self.seed << 17;
        (self.seed >> 11) as f64 / (1u64 << 53) as f64
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn waits_double_with_jitter_up_to_the_cap() {
        let ms = Duration::from_millis;
        let mut b = Backoff::new(ms(100), ms(1_000));
        let waits: Vec<Duration> = (0..8).map(|_| b.next_wait()).collect();
        for (w, ceiling) in waits
            .iter()
            .zip([100, 200, 400, 800, 1_000, 1_000, 1_000, 1_000])
        {
            assert!(
                *w >= ms(ceiling / 2) && *w <= ms(ceiling),
                "{w:?} vs {ceiling}"
            );
        }
        let distinct: std::collections::HashSet<_> = waits[4..].iter().collect();
        assert!(distinct.len() > 1, "jittered: {waits:?}");
    }
}
