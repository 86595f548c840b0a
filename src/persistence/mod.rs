//! Persistence: plans and settings in a key-value store (the browser's local
//! storage), with atomic saves, conflict detection between tabs, recovery of
//! unreadable data and undoable deletion. Pure logic; the browser store is plugged
//! in at the edge (`browser::local_storage`).

pub mod keys;
pub mod parts;
pub mod plan_store;
pub mod settings;
pub mod store;
pub mod stored_form;

#[cfg(test)]
mod parts_tests;
#[cfg(test)]
mod plan_store_tests;

pub use plan_store::{Backup, Finding, Head, HeadError, LoadError, Loaded, Opened, PlanStore, SaveError, Usage};
pub use settings::AppSettings;
pub use store::{KeyValueStore, MemoryStore, StoreError};
