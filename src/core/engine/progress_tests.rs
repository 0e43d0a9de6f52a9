use super::progress::*;

fn sample() -> Progress {
    let mut p = Progress {
        first_seen: Some(10),
        ..Progress::default()
    };
    p.mark_done("g", "a\"b", 1_700_000_000_000);
    p.counts.insert("g/c".into(), 2);
    let g = p.guide_mut("g");
    g.started_at = Some(11);
    g.session = Some("s1".into());
    p
}

#[test]
fn round_trips_and_rejects_garbage() {
    let p = sample();
    assert_eq!(Progress::from_json(&p.to_json()), Some(p));
    for bad in [
        "",
        "null",
        "{\"v\":99,\"done\":{}}",
        "{\"done\":{}}",
        "{\"v\":1,\"done\":{\"x\":\"y\"}}",
        "{\"v\":1,\"guides\":{\"g\":3}}",
    ] {
        assert_eq!(Progress::from_json(bad), None, "{bad}");
    }
    // What the collector's progress endpoint answers.
    let remote =
        Progress::from_json("{\"v\":1,\"done\":{\"g/s\":5},\"wow_at\":null}").expect("remote");
    assert_eq!(remote.done_at("g", "s"), Some(5));
}

#[test]
fn merging_is_a_union_where_the_earliest_time_wins() {
    let mut a = sample();
    let mut b = Progress {
        first_seen: Some(3),
        wow_at: Some(50),
        ..Progress::default()
    };
    b.mark_done("g", "a\"b", 5);
    b.mark_done("g", "z", 9);
    b.counts.insert("g/c".into(), 1);
    b.guide_mut("g").started_at = Some(4);
    a.merge(&b);
    assert_eq!((a.first_seen, a.wow_at), (Some(3), Some(50)));
    assert_eq!(
        (a.done_at("g", "a\"b"), a.done_at("g", "z")),
        (Some(5), Some(9))
    );
    assert_eq!(a.counts["g/c"], 2);
    assert_eq!(a.guide("g").started_at, Some(4));
}

mod properties {
    use super::*;
    use proptest::prelude::*;

    fn progress() -> impl Strategy<Value = Progress> {
        (
            proptest::option::of(0u64..1000),
            proptest::collection::btree_map("[ab]/[xyz]", 0u64..1000, 0..5),
            proptest::collection::btree_map("[ab]/[xyz]", 0u32..5, 0..3),
        )
            .prop_map(|(first_seen, done, counts)| Progress {
                first_seen,
                done: done.into_iter().collect(),
                counts: counts.into_iter().collect(),
                ..Progress::default()
            })
    }

    proptest! {
        #[test]
        fn merge_is_commutative_associative_and_idempotent(a in progress(), b in progress(), c in progress()) {
            let mut ab = a.clone(); ab.merge(&b);
            let mut ba = b.clone(); ba.merge(&a);
            prop_assert_eq!(&ab, &ba);
            let mut ab_c = ab.clone(); ab_c.merge(&c);
            let mut bc = b.clone(); bc.merge(&c);
            let mut a_bc = a.clone(); a_bc.merge(&bc);
            prop_assert_eq!(&ab_c, &a_bc);
            let mut aa = a.clone(); aa.merge(&a);
            prop_assert_eq!(aa, a);
        }
    }
}
