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
