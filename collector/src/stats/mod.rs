//! The dashboard's numbers, as pure functions of stored rows: no I/O, no clock (the caller
//! passes `now`), so the same report is printed by the CLI, served as JSON and tested natively.

pub mod describe;
pub mod experiment;
pub mod guides;
pub mod health;
pub mod people;
pub mod proportion;
mod report;
pub mod stuck;
pub mod titles;

pub use report::{report, Filters, Report, WowSummary};
