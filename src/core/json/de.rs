//! serde over the spanned tree, for native tools: every error learns the JSON pointer and span
//! of the value that caused it. The widget reads through `FromNode` instead (see from_node.rs),
//! and a test checks that both readers agree, so nothing here is instantiated in the wasm.

use super::from_node::Path;
use super::value::{Member, Node, Span, Value};
use crate::core::suggest::did_you_mean;
use core::fmt::{self, Display};
use serde::de::{self, DeserializeSeed, Expected, Unexpected, Visitor};

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{message}")]
pub struct DeError {
    /// RFC 6901 pointer of the offending value, e.g. `/guides/0/steps/2/placement`.
    pub pointer: String,
    pub span: Span,
    pub message: String,
    located: bool,
}

impl DeError {
    /// An error already placed at a pointer and span.
    pub fn at(pointer: String, span: Span, message: String) -> Self {
        DeError {
            pointer,
            span,
            message,
            located: true,
        }
    }

    fn locate(mut self, span: Span, path: &Path<'_>) -> Self {
        if !self.located {
            self.located = true;
            self.span = span;
            self.pointer = path.pointer();
        }
        self
    }
}

impl de::Error for DeError {
    fn custom<T: Display>(msg: T) -> Self {
        DeError {
            pointer: String::new(),
            span: Span::default(),
            message: msg.to_string(),
            located: false,
        }
    }

    // Written out (rather than serde's default) so the widget never links the float formatter.
    fn invalid_type(unexp: Unexpected<'_>, exp: &dyn Expected) -> Self {
        Self::custom(format_args!("expected {}, found {}", exp, Found(unexp)))
    }

    fn invalid_value(unexp: Unexpected<'_>, exp: &dyn Expected) -> Self {
        Self::custom(format_args!(
            "invalid value {}: expected {}",
            Found(unexp),
            exp
        ))
    }

    fn invalid_length(len: usize, exp: &dyn Expected) -> Self {
        Self::custom(format_args!("expected {exp}, found {len} items"))
    }

    fn unknown_variant(variant: &str, expected: &'static [&'static str]) -> Self {
        Self::custom(format_args!(
            "unknown value `{variant}`: {}",
            did_you_mean(variant, expected)
        ))
    }

    fn unknown_field(field: &str, expected: &'static [&'static str]) -> Self {
        Self::custom(format_args!(
            "unknown field `{field}`: {}",
            did_you_mean(field, expected)
        ))
    }

    fn missing_field(field: &'static str) -> Self {
        Self::custom(format_args!("missing field `{field}`"))
    }

    fn duplicate_field(field: &'static str) -> Self {
        Self::custom(format_args!("field `{field}` appears twice: keep one"))
    }
}

struct Found<'a>(Unexpected<'a>);

impl Display for Found<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            Unexpected::Bool(b) => write!(f, "`{b}`"),
            Unexpected::Unsigned(n) => write!(f, "the number {n}"),
            Unexpected::Signed(n) => write!(f, "the number {n}"),
            Unexpected::Float(_) => f.write_str("a number with a fraction"),
            Unexpected::Char(c) => write!(f, "`{c}`"),
            Unexpected::Str(s) => write!(f, "the string \"{s}\""),
            Unexpected::Bytes(_) => f.write_str("bytes"),
            Unexpected::Unit | Unexpected::Option => f.write_str("null"),
            Unexpected::Seq => f.write_str("an array"),
            Unexpected::Map => f.write_str("an object"),
            _ => f.write_str("another kind of value"),
        }
    }
}

/// Reads a `T` from a parsed node through serde (native tools and the agreement test).
pub fn from_node_serde<'de, T: de::Deserialize<'de>>(node: &'de Node) -> Result<T, DeError> {
    T::deserialize(NodeDe {
        node,
        path: &Path::Root,
    })
}

struct NodeDe<'de, 'p> {
    node: &'de Node,
    path: &'p Path<'p>,
}

impl<'de> de::Deserializer<'de> for NodeDe<'de, '_> {
    type Error = DeError;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        let result = match &self.node.value {
            Value::Null => visitor.visit_unit(),
            Value::Bool(b) => visitor.visit_bool(*b),
            Value::Number(n) if n.fract() == 0.0 && n.abs() < 9.0e15 => {
                if *n >= 0.0 {
                    visitor.visit_u64(*n as u64)
                } else {
                    visitor.visit_i64(*n as i64)
                }
            }
            Value::Number(n) => visitor.visit_f64(*n),
            Value::String(s) => visitor.visit_borrowed_str(s),
            Value::Array(items) => visitor.visit_seq(SeqDe {
                items: items.iter().enumerate(),
                path: self.path,
            }),
            Value::Object(members) => visitor.visit_map(MapDe {
                members: members.iter(),
                current: None,
                path: self.path,
            }),
        };
        result.map_err(|e| e.locate(self.node.span, self.path))
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        match self.node.value {
            Value::Null => visitor.visit_none(),
            _ => visitor.visit_some(self),
        }
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, DeError> {
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, DeError> {
        let result = match &self.node.value {
            Value::String(s) => {
                let variant: de::value::BorrowedStrDeserializer<'de, DeError> =
                    de::value::BorrowedStrDeserializer::new(s);
                visitor.visit_enum(variant)
            }
            _ => Err(<DeError as de::Error>::invalid_type(
                unexpected(self.node),
                &visitor,
            )),
        };
        result.map_err(|e| e.locate(self.node.span, self.path))
    }

    // Only objects: serde's derive would also accept a struct written as an array of its fields.
    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, DeError> {
        match self.node.value {
            Value::Object(_) => self.deserialize_any(visitor),
            _ => Err(
                <DeError as de::Error>::invalid_type(unexpected(self.node), &visitor)
                    .locate(self.node.span, self.path),
            ),
        }
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
        bytes byte_buf unit unit_struct seq tuple tuple_struct map identifier ignored_any
    }
}

/// The node as serde's `Unexpected`, classified the way `deserialize_any` visits it.
fn unexpected(node: &Node) -> Unexpected<'_> {
    match &node.value {
        Value::Null => Unexpected::Unit,
        Value::Bool(b) => Unexpected::Bool(*b),
        Value::Number(n) if n.fract() == 0.0 && n.abs() < 9.0e15 => {
            if *n >= 0.0 {
                Unexpected::Unsigned(*n as u64)
            } else {
                Unexpected::Signed(*n as i64)
            }
        }
        Value::Number(n) => Unexpected::Float(*n),
        Value::String(s) => Unexpected::Str(s),
        Value::Array(_) => Unexpected::Seq,
        Value::Object(_) => Unexpected::Map,
    }
}

struct SeqDe<'de, 'p> {
    items: core::iter::Enumerate<core::slice::Iter<'de, Node>>,
    path: &'p Path<'p>,
}

impl<'de> de::SeqAccess<'de> for SeqDe<'de, '_> {
    type Error = DeError;

    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, DeError> {
        match self.items.next() {
            None => Ok(None),
            Some((i, node)) => {
                let path = Path::Index(self.path, i);
                seed.deserialize(NodeDe { node, path: &path })
                    .map(Some)
                    .map_err(|e| e.locate(node.span, &path))
            }
        }
    }
}

struct MapDe<'de, 'p> {
    members: core::slice::Iter<'de, Member>,
    current: Option<&'de Member>,
    path: &'p Path<'p>,
}

impl<'de> de::MapAccess<'de> for MapDe<'de, '_> {
    type Error = DeError;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, DeError> {
        let Some(member) = self.members.next() else {
            return Ok(None);
        };
        self.current = Some(member);
        let key: de::value::BorrowedStrDeserializer<'de, DeError> =
            de::value::BorrowedStrDeserializer::new(&member.key);
        let path = Path::Key(self.path, &member.key);
        seed.deserialize(key)
            .map(Some)
            .map_err(|e| e.locate(member.key_span, &path))
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, DeError> {
        let Some(member) = self.current.take() else {
            return Err(de::Error::custom("a value was read before its field name"));
        };
        let path = Path::Key(self.path, &member.key);
        seed.deserialize(NodeDe {
            node: &member.node,
            path: &path,
        })
        .map_err(|e| e.locate(member.node.span, &path))
    }
}
