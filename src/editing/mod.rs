//! Editing: changes to a plan as pure functions, and the undo history.

pub mod batch;
pub mod change;
pub mod history;
mod records;
pub mod stamp;

pub use batch::Batch;
pub use change::{apply, member_in_history, Change, EditKind};
pub use history::History;
pub use stamp::apply_edit;
