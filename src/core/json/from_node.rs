//! Reading Rust values from the spanned tree without serde's generic machinery.
//!
//! serde's derives instantiated through a `Deserializer` cost ~100 KB of wasm for the guide
//! model alone. `#[derive(FromNode)]` (crate `wowpath-derive`) reads the same `#[serde(...)]`
//! attributes and generates one plain function per type that walks the tree. Messages, JSON
//! pointers and spans are those serde gives through `de.rs`; a native test checks both agree.

use super::de::DeError;
use super::value::{Member, Node, Value};
use crate::core::sorted::SortedMap;
use crate::core::suggest::did_you_mean;

pub use wowpath_derive::FromNode;

/// Where a node sits, as a chain back to the root; rendered only when an error needs it.
pub enum Path<'a> {
    Root,
    Key(&'a Path<'a>, &'a str),
    Index(&'a Path<'a>, usize),
}

impl Path<'_> {
    /// The RFC 6901 pointer, e.g. `/guides/0/steps`.
    pub fn pointer(&self) -> String {
        match self {
            Path::Root => String::new(),
            Path::Key(parent, key) => {
                let mut out = parent.pointer();
                out.push('/');
                for c in key.chars() {
                    match c {
                        '~' => out.push_str("~0"),
                        '/' => out.push_str("~1"),
                        c => out.push(c),
                    }
                }
                out
            }
            Path::Index(parent, i) => format!("{}/{i}", parent.pointer()),
        }
    }
}

/// A reading error, boxed while it travels up the tree: a pointer-sized `Err` keeps every
/// `Result` small, which keeps the wasm of each field read to a few instructions.
pub type Failed = Box<DeError>;

/// A type that can be read from a JSON node.
pub trait FromNode: Sized {
    fn from_node(node: &Node, path: &Path<'_>) -> Result<Self, Failed>;
}

/// Reads a `T` from a parsed node.
pub fn from_node<T: FromNode>(node: &Node) -> Result<T, DeError> {
    T::from_node(node, &Path::Root).map_err(|e| *e)
}

/// An error about `node` at `path`.
pub fn error(node: &Node, path: &Path<'_>, message: String) -> Failed {
    Box::new(DeError::at(path.pointer(), node.span, message))
}

/// What a number is to serde's visitors: an integer that fits, or anything else.
enum Number {
    Unsigned(u64),
    Signed(i64),
    Float(f64),
}

fn number(n: f64) -> Number {
    if n.fract() == 0.0 && n.abs() < 9.0e15 {
        if n >= 0.0 {
            Number::Unsigned(n as u64)
        } else {
            Number::Signed(n as i64)
        }
    } else {
        Number::Float(n)
    }
}

/// "the number 7", "an array": the found value, worded like serde's `Unexpected`.
fn found(node: &Node) -> String {
    match &node.value {
        Value::Null => "null".into(),
        Value::Bool(b) => format!("`{b}`"),
        Value::Number(n) => match number(*n) {
            Number::Unsigned(n) => format!("the number {n}"),
            Number::Signed(n) => format!("the number {n}"),
            Number::Float(_) => "a number with a fraction".into(),
        },
        Value::String(s) => format!("the string \"{s}\""),
        Value::Array(_) => "an array".into(),
        Value::Object(_) => "an object".into(),
    }
}

/// "expected a string, found the number 7"
pub fn invalid_type(node: &Node, path: &Path<'_>, expected: &str) -> Failed {
    error(
        node,
        path,
        format!("expected {expected}, found {}", found(node)),
    )
}

/// The members of an object, or the error a non-object earns.
pub fn object<'n>(node: &'n Node, path: &Path<'_>, expected: &str) -> Result<&'n [Member], Failed> {
    match &node.value {
        Value::Object(members) => Ok(members),
        _ => Err(invalid_type(node, path, expected)),
    }
}

/// The text of a string node, or the error anything else earns.
pub fn string<'n>(node: &'n Node, path: &Path<'_>, expected: &str) -> Result<&'n str, Failed> {
    match &node.value {
        Value::String(s) => Ok(s),
        _ => Err(invalid_type(node, path, expected)),
    }
}

/// Walks the members of a struct's object: finds each key in `keys` (the field names in
/// declaration order) and hands its value to `read` with the field's index, refusing repeated
/// keys and, when `deny_unknown` is set, unknown ones. One shared loop instead of one per type.
pub fn fields(
    node: &Node,
    path: &Path<'_>,
    expecting: &str,
    keys: &[&str],
    deny_unknown: bool,
    read: &mut dyn FnMut(usize, &Node, &Path<'_>) -> Result<(), Failed>,
) -> Result<(), Failed> {
    let mut seen: u64 = 0;
    for m in object(node, path, expecting)? {
        match keys.iter().position(|k| *k == m.key) {
            Some(i) => {
                if seen & (1 << i) != 0 {
                    return Err(duplicate_field(node, path, keys[i]));
                }
                seen |= 1 << i;
                read(i, &m.node, &Path::Key(path, &m.key))?;
            }
            None if deny_unknown => return Err(unknown_field(m, path, keys)),
            None => {}
        }
    }
    Ok(())
}

/// A key that is not a field of a `deny_unknown_fields` struct; points at the key itself.
pub fn unknown_field(member: &Member, path: &Path<'_>, fields: &[&str]) -> Failed {
    let message = format!(
        "unknown field `{}`: {}",
        member.key,
        did_you_mean(&member.key, fields)
    );
    Box::new(DeError::at(
        Path::Key(path, &member.key).pointer(),
        member.key_span,
        message,
    ))
}

pub fn unknown_variant(node: &Node, path: &Path<'_>, value: &str, variants: &[&str]) -> Failed {
    let message = format!("unknown value `{value}`: {}", did_you_mean(value, variants));
    error(node, path, message)
}

pub fn missing_field(node: &Node, path: &Path<'_>, field: &str) -> Failed {
    error(node, path, format!("missing field `{field}`"))
}

pub fn duplicate_field(node: &Node, path: &Path<'_>, field: &str) -> Failed {
    error(
        node,
        path,
        format!("field `{field}` appears twice: keep one"),
    )
}

impl FromNode for String {
    fn from_node(node: &Node, path: &Path<'_>) -> Result<Self, Failed> {
        string(node, path, "a string").map(str::to_string)
    }
}

impl FromNode for bool {
    fn from_node(node: &Node, path: &Path<'_>) -> Result<Self, Failed> {
        match node.value {
            Value::Bool(b) => Ok(b),
            _ => Err(invalid_type(node, path, "a boolean")),
        }
    }
}

impl FromNode for f64 {
    fn from_node(node: &Node, path: &Path<'_>) -> Result<Self, Failed> {
        match node.value {
            // Through `number` so that -0 reads as 0, as it does through serde.
            Value::Number(n) => Ok(match number(n) {
                Number::Unsigned(n) => n as f64,
                Number::Signed(n) => n as f64,
                Number::Float(n) => n,
            }),
            _ => Err(invalid_type(node, path, "f64")),
        }
    }
}

/// An integer within `min..=max`, with serde's messages for the rest. Returned as its two's
/// complement bits so that one function (without 128-bit maths) serves every integer type.
fn integer(node: &Node, path: &Path<'_>, name: &str, min: i64, max: u64) -> Result<u64, Failed> {
    let Value::Number(n) = node.value else {
        return Err(invalid_type(node, path, name));
    };
    let shown = match number(n) {
        Number::Unsigned(v) if v <= max => return Ok(v),
        Number::Signed(v) if v >= min => return Ok(v as u64),
        Number::Unsigned(v) => format!("{v}"),
        Number::Signed(v) => format!("{v}"),
        Number::Float(_) => return Err(invalid_type(node, path, name)),
    };
    Err(error(
        node,
        path,
        format!("invalid value the number {shown}: expected {name}"),
    ))
}

macro_rules! integers {
    ($($t:ty),*) => {$(
        impl FromNode for $t {
            fn from_node(node: &Node, path: &Path<'_>) -> Result<Self, Failed> {
                // Truncation is exact: `integer` checked the range.
                integer(node, path, stringify!($t), <$t>::MIN as i64, <$t>::MAX as u64)
                    .map(|bits| bits as $t)
            }
        }
    )*};
}

integers!(u32, i32, u64);

impl<T: FromNode> FromNode for Option<T> {
    fn from_node(node: &Node, path: &Path<'_>) -> Result<Self, Failed> {
        match node.value {
            Value::Null => Ok(None),
            _ => T::from_node(node, path).map(Some),
        }
    }
}

impl<T: FromNode> FromNode for Vec<T> {
    fn from_node(node: &Node, path: &Path<'_>) -> Result<Self, Failed> {
        let Value::Array(items) = &node.value else {
            return Err(invalid_type(node, path, "a sequence"));
        };
        let mut out = Vec::with_capacity(items.len());
        for (i, item) in items.iter().enumerate() {
            out.push(T::from_node(item, &Path::Index(path, i))?);
        }
        Ok(out)
    }
}

impl<T: FromNode> FromNode for SortedMap<T> {
    fn from_node(node: &Node, path: &Path<'_>) -> Result<Self, Failed> {
        let members = object(node, path, "a map")?;
        let mut out = SortedMap::new();
        for m in members {
            // A repeated key keeps its last value, as through serde.
            out.insert(
                m.key.clone(),
                T::from_node(&m.node, &Path::Key(path, &m.key))?,
            );
        }
        Ok(out)
    }
}
