//! ABM Planner: an Account-Based Marketing planner that runs entirely in the browser.
//!
//! The crate is a functional core with a thin browser shell (see ARCHITECTURE.md):
//! everything outside `ui` and `browser` is plain Rust, built and tested natively.

// A `Problem` is a rich, rare error value (one per import problem); boxing it
// would make every caller more awkward for no measurable gain.
#![allow(clippy::result_large_err)]

pub mod demo;
pub mod domain;
pub mod editing;
pub mod icp;
pub mod kpi;
pub mod persistence;
pub mod plan_file;
pub mod prediction;
pub mod prioritisation;
pub mod quality;
pub mod account_list;
pub mod account_planning;
pub mod csv_io;
pub mod checklist;
#[cfg(target_arch = "wasm32")]
pub mod browser;
#[cfg(target_arch = "wasm32")]
pub mod ui;
