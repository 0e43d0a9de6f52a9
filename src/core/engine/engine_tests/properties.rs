//! Properties over any sequence of inputs: order does not matter, completing is idempotent.

use super::*;
use proptest::prelude::*;

fn apply(e: &mut Engine, input: u8, n: u64) {
    let none = parse("{}").expect("props");
    let big = parse(r#"{"size": 50, "recipients": 3}"#).expect("props");
    let _ = match input % 9 {
        0 => e.observe(event("Project Created", &none), T0 + n),
        1 => e.observe(event("Project Created", &big), T0 + n),
        2 => e.observe(event("Task Added", &none), T0 + n),
        3 => e.observe(Observed::Click("#invite"), T0 + n),
        4 => e.observe(Observed::Appeared(".chart"), T0 + n),
        5 => e.observe(Observed::Filled("#name"), T0 + n),
        6 => e.observe(event("Report Shared", &big), T0 + n),
        7 => e.complete("visit", T0 + n),
        _ => e.observe(Observed::Url("/app/reports"), T0 + n),
    };
}

proptest! {
    /// Any order of the same inputs ends with the same steps done (times aside), and
    /// repeating inputs changes nothing.
    #[test]
    fn any_interleaving_ends_in_the_same_progress(inputs in proptest::collection::vec(0u8..9, 0..30), seed in any::<u64>()) {
        let mut shuffled = inputs.clone();
        let mut rng = seed;
        for i in (1..shuffled.len()).rev() {
            rng = rng.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            shuffled.swap(i, (rng >> 33) as usize % (i + 1));
        }
        let mut a = engine();
        let mut b = engine();
        for (n, i) in inputs.iter().enumerate() { apply(&mut a, *i, n as u64); }
        for (n, i) in shuffled.iter().enumerate() { apply(&mut b, *i, n as u64); }
        let done = |e: &Engine| e.progress().done.keys().cloned().collect::<Vec<_>>();
        prop_assert_eq!(done(&a), done(&b));
        prop_assert_eq!(a.progress().wow_at.is_some(), b.progress().wow_at.is_some());
        let before = a.progress().done.clone();
        for (n, i) in inputs.iter().enumerate() { if *i != 2 { apply(&mut a, *i, 1000 + n as u64); } }
        prop_assert_eq!(&a.progress().done, &before, "completion is idempotent");
    }
}
