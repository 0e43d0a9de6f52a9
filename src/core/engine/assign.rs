//! Stable assignment of users to the holdout and to experiment variants: a hash of the
//! project and the user id, so a user lands in the same group on every device and visit.

/// 64-bit FNV-1a followed by a finaliser (splitmix64) so that similar ids spread evenly.
fn hash(parts: &[&str]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for part in parts {
        for b in part.bytes().chain(core::iter::once(0xff)) {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
    }
    h ^= h >> 30;
    h = h.wrapping_mul(0xbf58_476d_1ce4_e5b9);
    h ^= h >> 27;
    h = h.wrapping_mul(0x94d0_49bb_1331_11eb);
    h ^ (h >> 31)
}

/// A number in [0, 1) fixed for these parts.
pub fn unit(parts: &[&str]) -> f64 {
    (hash(parts) >> 11) as f64 / (1u64 << 53) as f64
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Group {
    /// Sees the guides.
    Treatment,
    /// Sees no guides; tracked for comparison.
    Holdout,
}

impl Group {
    pub fn as_str(self) -> &'static str {
        match self {
            Group::Treatment => "treatment",
            Group::Holdout => "holdout",
        }
    }
}

pub fn group(project: &str, user: &str, holdout: f64) -> Group {
    if unit(&["holdout", project, user]) < holdout {
        Group::Holdout
    } else {
        Group::Treatment
    }
}

/// The index of the variant a user sees, by weight; `None` when there are no variants.
pub fn variant(project: &str, guide_id: &str, user: &str, weights: &[u32]) -> Option<usize> {
    let total: u64 = weights.iter().map(|w| u64::from(*w)).sum();
    if total == 0 {
        return None;
    }
    let mut point = (unit(&["variant", project, guide_id, user]) * total as f64) as u64;
    weights.iter().position(|w| {
        if point < u64::from(*w) {
            return true;
        }
        point -= u64::from(*w);
        false
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn holdout_is_stable_and_within_one_percent_over_100k_users() {
        for fraction in [0.05, 0.1, 0.5] {
            let held = (0..100_000)
                .filter(|i| group("proj", &format!("user-{i}"), fraction) == Group::Holdout)
                .count();
            let share = held as f64 / 100_000.0;
            assert!((share - fraction).abs() < 0.01, "{fraction}: {share}");
        }
        assert_eq!(group("p", "ada", 0.5), group("p", "ada", 0.5));
        assert_eq!(group("p", "ada", 0.0), Group::Treatment);
    }

    #[test]
    fn variants_follow_their_weights() {
        let weights = [1, 3];
        let mut counts = [0usize; 2];
        for i in 0..40_000 {
            counts[variant("p", "g", &format!("u{i}"), &weights).expect("a variant")] += 1;
        }
        let share = counts[1] as f64 / 40_000.0;
        assert!((share - 0.75).abs() < 0.01, "{share}");
        assert_eq!(variant("p", "g", "u", &[]), None);
        assert_eq!(variant("p", "g", "u", &[0, 0]), None);
    }

    #[test]
    fn different_projects_and_guides_assign_independently() {
        let same = (0..10_000).filter(|i| {
            let u = format!("u{i}");
            group("a", &u, 0.5) == group("b", &u, 0.5)
        });
        let share = same.count() as f64 / 10_000.0;
        assert!((share - 0.5).abs() < 0.03, "{share}");
    }
}
