//! wowpath: guides each new user to their first real result, and measures it.
//!
//! `core` is pure Rust, tested natively. `web`, `runtime` and `api` are the thin browser
//! adapter, compiled only for wasm32.

pub mod core;

// Smaller than std's dlmalloc in the widget and still a real, coalescing allocator; the page's
// wasm has no threads (no `atomics`), which is what this allocator requires.
#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

// One crate, two modules: the widget, and (with the `validator` feature) the guide-file
// validator the widget downloads only for a file without a matching stamp.
#[cfg(all(target_arch = "wasm32", not(feature = "validator")))]
mod api;
#[cfg(all(target_arch = "wasm32", feature = "validator"))]
mod api_validate;
#[cfg(all(target_arch = "wasm32", not(feature = "validator")))]
mod runtime;
#[cfg(all(target_arch = "wasm32", not(feature = "validator")))]
mod web;

/// The version reported in every event's `context.library.version`.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");
