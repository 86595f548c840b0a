//! Small reusable pieces of UI.

pub mod file_button;
pub mod modal;

pub use file_button::FileButton;
pub use modal::Modal;

use std::sync::atomic::{AtomicU64, Ordering};

/// A document-unique id for label/field and aria relations.
pub fn unique_id(prefix: &str) -> String {
    static NEXT: AtomicU64 = AtomicU64::new(1);
    format!("{prefix}-{}", NEXT.fetch_add(1, Ordering::Relaxed))
}
