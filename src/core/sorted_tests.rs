//! The sorted collections behave as `BTreeMap` and `BTreeSet` do, checked against them.

use super::*;
use proptest::prelude::*;
use std::collections::{BTreeMap, BTreeSet};

#[derive(Debug, Clone)]
enum Op {
    Insert(String, u8),
    Remove(String),
    GetOrInsert(String, u8),
}

fn key() -> impl Strategy<Value = String> {
    "[a-e]{0,2}"
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        (key(), any::<u8>()).prop_map(|(k, v)| Op::Insert(k, v)),
        key().prop_map(Op::Remove),
        (key(), any::<u8>()).prop_map(|(k, v)| Op::GetOrInsert(k, v)),
    ]
}

proptest! {
    #[test]
    fn the_map_agrees_with_a_btree_map(ops in proptest::collection::vec(op(), 0..60)) {
        let (mut ours, mut theirs) = (SortedMap::new(), BTreeMap::new());
        for op in ops {
            match op {
                Op::Insert(k, v) => prop_assert_eq!(ours.insert(k.clone(), v), theirs.insert(k, v)),
                Op::Remove(k) => prop_assert_eq!(ours.remove(&k), theirs.remove(&k)),
                Op::GetOrInsert(k, v) => {
                    let a = *ours.get_or_insert_with(&k, || v);
                    let b = *theirs.entry(k.clone()).or_insert(v);
                    prop_assert_eq!(a, b);
                }
            }
            prop_assert_eq!(ours.len(), theirs.len());
            let listed: Vec<_> = ours.iter().map(|(k, v)| (k.clone(), *v)).collect();
            let expected: Vec<_> = theirs.iter().map(|(k, v)| (k.clone(), *v)).collect();
            prop_assert_eq!(listed, expected);
        }
    }

    #[test]
    fn the_set_agrees_with_a_btree_set(ops in proptest::collection::vec((key(), any::<bool>()), 0..60)) {
        let (mut ours, mut theirs) = (SortedSet::new(), BTreeSet::new());
        for (k, add) in ops {
            if add {
                prop_assert_eq!(ours.insert(k.clone()), theirs.insert(k.clone()));
            } else {
                prop_assert_eq!(ours.remove(k.as_str()), theirs.remove(k.as_str()));
            }
            prop_assert_eq!(ours.contains(k.as_str()), theirs.contains(k.as_str()));
            prop_assert_eq!(ours.iter().collect::<Vec<_>>(), theirs.iter().collect::<Vec<_>>());
        }
    }
}

#[test]
fn a_repeated_key_keeps_its_last_value() {
    let map: SortedMap<u8> = [
        ("b".to_string(), 1),
        ("a".to_string(), 2),
        ("b".to_string(), 3),
    ]
    .into_iter()
    .collect();
    assert_eq!(
        map.iter().collect::<Vec<_>>(),
        vec![(&"a".to_string(), &2), (&"b".to_string(), &3)]
    );
}
