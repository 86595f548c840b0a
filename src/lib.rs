//! ABM Planner: an Account-Based Marketing planner that runs entirely in the browser.
//!
//! The crate is a functional core with a thin browser shell (see ARCHITECTURE.md):
//! everything outside `ui` and `browser` is plain Rust, built and tested natively.

pub mod demo;
pub mod domain;
pub mod editing;
pub mod persistence;
pub mod plan_file;
#[cfg(target_arch = "wasm32")]
pub mod ui;
