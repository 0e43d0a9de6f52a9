//! Test support: serde (`from_node_serde`) and `FromNode` (`from_node`) must read every
//! document alike: the same value, or the same error at the same pointer and span.
//! `mutations` turns one document into thousands of nearby wrong ones.

use super::{from_node, from_node_serde, parse, write_node, DeError, FromNode, Node, Value};
use core::fmt::Debug;
use serde::de::DeserializeOwned;

/// Values put in place of every node in turn: each kind, and the numbers serde treats apart
/// (negative, fraction, beyond u32, beyond i32).
const REPLACEMENTS: [&str; 14] = [
    "null",
    "true",
    "7",
    "-3",
    "1.5",
    "5000000000",
    "-5000000000",
    "\"x\"",
    "\"top-start\"",
    "[]",
    "[\"a\", 1]",
    "{}",
    "{\"zz\": 1}",
    "{\"steps\": []}",
];

/// Reads `text` both ways; panics with both results when they differ. Returns whether it read.
pub fn agree<T: FromNode + DeserializeOwned + PartialEq + Debug>(text: &str) -> bool {
    let Ok(node) = parse(text) else {
        return false;
    };
    let ours: Result<T, DeError> = from_node(&node);
    let serde: Result<T, DeError> = from_node_serde(&node);
    let same = match (&ours, &serde) {
        (Ok(a), Ok(b)) => a == b,
        (Err(a), Err(b)) => (&a.pointer, a.span, &a.message) == (&b.pointer, b.span, &b.message),
        _ => false,
    };
    assert!(
        same,
        "the readers disagree on {text}\n FromNode: {ours:?}\n serde:    {serde:?}"
    );
    ours.is_ok()
}

/// The document with one change each: every node replaced by every `REPLACEMENTS` value, and
/// every object member removed, doubled, misspelt and renamed beyond recognition.
pub fn mutations(text: &str) -> Vec<String> {
    let Ok(root) = parse(text) else {
        return Vec::new();
    };
    let replacements: Vec<Node> = REPLACEMENTS
        .iter()
        .map(|r| parse(r).expect("unreachable: the replacements are valid JSON"))
        .collect();
    let mut paths = Vec::new();
    collect(&root, &mut Vec::new(), &mut paths);
    let mut out = Vec::new();
    for path in &paths {
        for r in &replacements {
            out.push(edited(&root, path, |n| *n = r.clone()));
        }
        let members = match &at(&root, path).value {
            Value::Object(members) => members.len(),
            _ => 0,
        };
        for i in 0..members {
            out.push(edited(&root, path, |n| {
                members_mut(n).remove(i);
            }));
            out.push(edited(&root, path, |n| {
                let copy = members_mut(n)[i].clone();
                members_mut(n).push(copy);
            }));
            out.push(edited(&root, path, |n| members_mut(n)[i].key.push('x')));
            out.push(edited(&root, path, |n| {
                members_mut(n)[i].key = "zzzzzzzz".into();
            }));
        }
    }
    out
}

fn collect(node: &Node, here: &mut Vec<usize>, out: &mut Vec<Vec<usize>>) {
    out.push(here.clone());
    let children: Vec<&Node> = match &node.value {
        Value::Array(items) => items.iter().collect(),
        Value::Object(members) => members.iter().map(|m| &m.node).collect(),
        _ => Vec::new(),
    };
    for (i, child) in children.into_iter().enumerate() {
        here.push(i);
        collect(child, here, out);
        here.pop();
    }
}

fn at<'a>(node: &'a Node, path: &[usize]) -> &'a Node {
    path.iter().fold(node, |n, &i| match &n.value {
        Value::Array(items) => &items[i],
        Value::Object(members) => &members[i].node,
        _ => unreachable!("paths come from `collect`"),
    })
}

fn at_mut<'a>(node: &'a mut Node, path: &[usize]) -> &'a mut Node {
    path.iter().fold(node, |n, &i| match &mut n.value {
        Value::Array(items) => &mut items[i],
        Value::Object(members) => &mut members[i].node,
        _ => unreachable!("paths come from `collect`"),
    })
}

fn members_mut(node: &mut Node) -> &mut Vec<super::Member> {
    match &mut node.value {
        Value::Object(members) => members,
        _ => unreachable!("only called on objects"),
    }
}

fn edited(root: &Node, path: &[usize], change: impl FnOnce(&mut Node)) -> String {
    let mut copy = root.clone();
    change(at_mut(&mut copy, path));
    let mut text = String::new();
    write_node(&mut text, &copy);
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::json::from_node::FromNode;
    use crate::core::sorted::SortedMap;
    use serde::Deserialize;

    /// Exercises what the guide model does not: camelCase, a container default, kebab-case
    /// and renamed variants, a renamed and a raw field, every integer type.
    #[derive(Debug, PartialEq, Deserialize, FromNode)]
    #[serde(rename_all = "camelCase", default)]
    struct Probe {
        write_key: String,
        flush_after_ms: u32,
        r#type: Option<Shape>,
        #[serde(rename = "in")]
        inside: Vec<i32>,
        #[serde(default = "seven")]
        big: u64,
        by_name: SortedMap<f64>,
    }

    impl Default for Probe {
        fn default() -> Self {
            Probe {
                write_key: "k".into(),
                flush_after_ms: 500,
                r#type: None,
                inside: vec![1],
                big: 1,
                by_name: SortedMap::new(),
            }
        }
    }

    fn seven() -> u64 {
        7
    }

    #[derive(Debug, PartialEq, Deserialize, FromNode)]
    #[serde(rename_all = "kebab-case", deny_unknown_fields)]
    enum Shape {
        TopStart,
        #[serde(rename = "round")]
        Circle,
    }

    #[derive(Debug, PartialEq, Deserialize, FromNode)]
    #[serde(deny_unknown_fields, rename_all = "snake_case")]
    struct Strict {
        shape: Shape,
        probe: Probe,
        items: Option<Vec<String>>,
        flag: bool,
    }

    #[test]
    fn derived_readers_agree_with_serde_on_every_nearby_document() {
        let text = r#"{"shape":"round","probe":{"writeKey":"abc","flushAfterMs":3,"type":"top-start","in":[-2,3],"big":9,"byName":{"a":1.5,"a":2}},"items":["x"],"flag":true}"#;
        assert!(agree::<Strict>(text));
        let mut read = 0;
        let all = mutations(text);
        for doc in &all {
            read += usize::from(agree::<Strict>(doc));
        }
        // Both outcomes are exercised.
        assert!(
            read > 20 && read < all.len() - 100,
            "{read} of {}",
            all.len()
        );
    }

    #[test]
    fn messages_pointers_and_spans() {
        let node = parse(r#"{"shape":"TopStart","probe":{},"flag":true}"#).expect("test JSON");
        let e = from_node::<Strict>(&node).unwrap_err();
        assert_eq!(
            (e.pointer.as_str(), e.span.start, e.message.as_str()),
            (
                "/shape",
                9,
                "unknown value `TopStart`: did you mean `top-start`?"
            )
        );
        let node = parse(r#"{"shape":"round","probe":{"flushAfterMs":-1}}"#).expect("test JSON");
        let e = from_node::<Strict>(&node).unwrap_err();
        assert_eq!(
            (e.pointer.as_str(), e.message.as_str()),
            (
                "/probe/flushAfterMs",
                "invalid value the number -1: expected u32"
            )
        );
        let node = parse(r#"{"shape":"round","probe":{},"items":null}"#).expect("test JSON");
        let e = from_node::<Strict>(&node).unwrap_err();
        assert_eq!((e.pointer.as_str(), e.span.start), ("", 0));
        assert_eq!(e.message, "missing field `flag`");
        let node = parse(r#"{"a/b~":{"in":1},"c":2}"#).expect("test JSON");
        let e = from_node::<SortedMap<Probe>>(&node).unwrap_err();
        assert_eq!(e.pointer, "/a~1b~0/in");
        assert_eq!(e.message, "expected a sequence, found the number 1");
        let node = parse(r#"{"c":[]}"#).expect("test JSON");
        let e = from_node::<SortedMap<Probe>>(&node).unwrap_err();
        assert_eq!(e.message, "expected struct Probe, found an array");
    }
}
