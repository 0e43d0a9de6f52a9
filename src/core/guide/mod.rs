//! The guide language: what product managers write, as Rust types (the single source of truth),
//! and the reader that turns guide text into them with precise, located errors.

mod error;
mod load;
mod model;
#[cfg(test)]
mod reader_agreement;
mod scalar;

pub use error::{Diagnostic, Severity};
pub use load::{load, Loaded};
pub use model::*;
pub use scalar::Scalar;
