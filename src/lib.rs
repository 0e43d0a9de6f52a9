//! wowpath: guides each new user to their first real result, and measures it.
//!
//! `core` is pure Rust, tested natively. `web`, `runtime` and `api` are the thin browser
//! adapter, compiled only for wasm32.

pub mod core;

#[cfg(target_arch = "wasm32")]
mod api;
#[cfg(target_arch = "wasm32")]
mod api_validate;
#[cfg(target_arch = "wasm32")]
mod runtime;
#[cfg(target_arch = "wasm32")]
mod web;

/// The version reported in every event's `context.library.version`.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");
