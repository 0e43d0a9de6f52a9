//! A small JSON reader that remembers where every value came from.
//!
//! Product managers write guide files by hand, so every error must point at a line and column.
//! `serde_json` reports positions only for syntax errors; this tree keeps a byte span on every
//! node so type and validation errors can point at the exact value too. It is also far smaller
//! in the widget than a general-purpose JSON crate.

#[cfg(test)]
pub mod agreement;
mod de;
pub mod from_node;
mod number;
mod parse;
mod position;
mod scalar;
mod value;
mod write;

pub use de::{from_node_serde, DeError};
pub use from_node::{from_node, FromNode, Path};
pub(crate) use number::decimal_to_f64;
pub use parse::{parse, ParseError, MAX_DEPTH};
pub use position::{LineCol, LineIndex};
pub use value::{Member, Node, Span, Value};
pub use write::{write_escaped, write_node};
