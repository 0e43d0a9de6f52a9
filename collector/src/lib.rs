//! The wowpath collector: receives usage events in the Segment HTTP Tracking API format,
//! validates them and stores them durably, once per `messageId`; serves progress across
//! devices and the product manager's dashboard.

pub mod app;
pub mod auth;
pub mod commit;
pub mod config;
pub mod dashboard;
pub mod error;
pub mod forward;
pub mod ingest;
pub mod limits;
pub mod log;
pub mod metrics;
pub mod progress;
pub mod report_text;
pub mod stats;
pub mod store;
pub mod time;
pub mod twins;

pub use app::{app, AppState, Static};
pub use config::Config;
pub use limits::Limits;
