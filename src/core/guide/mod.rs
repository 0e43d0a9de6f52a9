//! The guide language: what product managers write, as Rust types (the single source of truth),
//! and the reader that turns guide text into them with precise, located errors.

mod error;
mod load;
mod locale;
mod model;
#[cfg(test)]
mod reader_agreement;
mod report;
mod scalar;
#[cfg(feature = "schema")]
mod schema;
pub mod stamp;
mod stand_in;
mod structure;
mod trusted;
mod validate;

pub use error::{Diagnostic, Severity};
pub use load::{load, Loaded};
pub use locale::is_rtl;
pub use model::*;
pub use report::diagnostics_json;
pub use scalar::Scalar;
#[cfg(feature = "schema")]
pub use schema::{schema_json, SCHEMA_PATH};
pub use trusted::{read_checked, read_stamped, Verdict};
