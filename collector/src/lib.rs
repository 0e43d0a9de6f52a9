//! The wowpath collector: receives usage events in the Segment HTTP Tracking API format,
//! validates them and stores them durably, once per `messageId`.

pub mod app;
pub mod error;
pub mod ingest;
pub mod store;

pub use app::{app, AppState, Static};
