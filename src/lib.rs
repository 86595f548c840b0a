//! ABM Planner: an Account-Based Marketing planner that runs entirely in the browser.
//!
//! The crate is a functional core with a thin browser shell (see ARCHITECTURE.md):
//! everything outside `ui` and `browser` is plain Rust, built and tested natively.

// A `Problem` is a rich, rare error value (one per import problem); boxing it
// would make every caller more awkward for no measurable gain.
#![allow(clippy::result_large_err)]
// Nothing a user can influence may panic (ARCHITECTURE.md, Invariants): outside
// tests, unwrap and expect do not compile past clippy.
#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used))]

pub mod account_plans;
pub mod accounts;
#[cfg(target_arch = "wasm32")]
pub mod browser;
pub mod checklist;
pub mod csv_io;
pub mod data_quality;
pub mod demo;
pub mod domain;
pub mod editing;
pub mod icp;
pub mod kpi;
pub mod persistence;
pub mod plan_file;
pub mod prediction;
pub mod prioritisation;
#[cfg(target_arch = "wasm32")]
pub mod ui;
pub mod workbook;
