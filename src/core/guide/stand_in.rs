//! Stand-ins for required fields that were in the file misspelt or with a wrong type, and so
//! are reported already. With one in place the reader gets past that object, so the errors
//! further on in the file are reported in the same run instead of one fix later. The reader
//! says which kind of value it wants only by refusing the others, so each is tried in turn.

use super::structure::node_at_mut;
use crate::core::json::{Member, Node, Span, Value};

fn kind(n: usize) -> Option<Value> {
    Some(match n {
        0 => Value::String(String::new()),
        1 => Value::Array(Vec::new()),
        2 => Value::Object(Vec::new()),
        3 => Value::Number(0.0),
        4 => Value::Bool(false),
        _ => return None,
    })
}

/// The stand-ins put into the working copy of the tree: pointer, kind of value tried.
#[derive(Default)]
pub struct StandIns(Vec<(String, usize)>);

impl StandIns {
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Puts a stand-in for the missing `field` into the object `object` points at.
    pub fn add(&mut self, root: &mut Node, object: &str, field: &str) -> bool {
        let pointer = format!("{object}/{}", super::structure::escape(field));
        if self.0.iter().any(|(p, _)| *p == pointer) {
            return false;
        }
        let Some(Value::Object(members)) = node_at_mut(root, object).map(|n| &mut n.value) else {
            return false;
        };
        members.push(Member {
            key: field.to_string(),
            key_span: Span::default(),
            node: Node {
                value: Value::String(String::new()),
                span: Span::default(),
            },
        });
        self.0.push((pointer, 0));
        true
    }

    /// The reader refused the value at `pointer`. `None` when no stand-in is there (a real
    /// error of the file); else whether another kind of value could be put in its place.
    pub fn retry(&mut self, root: &mut Node, pointer: &str) -> Option<bool> {
        let (at, tried) = self
            .0
            .iter_mut()
            .find(|(p, _)| pointer == p || pointer.starts_with(&format!("{p}/")))?;
        *tried += 1;
        let (Some(value), Some(node)) = (kind(*tried), node_at_mut(root, at)) else {
            return Some(false);
        };
        node.value = value;
        Some(true)
    }
}
