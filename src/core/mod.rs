//! The pure core: no browser APIs, tested natively with `cargo test`.

pub mod chrome;
pub mod colour;
pub mod engine;
pub mod events;
pub mod geometry;
pub mod guide;
pub mod ids;
pub mod json;
pub mod markdown;
pub mod options;
pub mod palette;
pub mod pattern;
pub mod selector;
pub mod sorted;
mod sorted_serde;
pub mod suggest;
pub mod time;
pub mod view;
