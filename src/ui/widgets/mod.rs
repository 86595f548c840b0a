//! Small reusable pieces of UI.

pub mod account_picker;
pub mod dialog_footer;
pub mod editor;
pub mod fields;
pub mod file_button;
pub mod help_tip;
pub mod inline_input;
pub mod joined;
pub mod modal;
pub mod quick_add;
pub mod sub_nav;
pub mod value_list;
pub mod virtual_rows;
pub mod work_progress;

pub use account_picker::{account_problem, AccountField, AccountPicker};
pub use dialog_footer::{DialogFooter, EditorFooter};
pub use editor::{labelled_refusal, Editor};
pub use fields::{always, choice_value, options, picked, Bound, ChoiceField, Labelled, LinkField, TextField};
pub use file_button::FileButton;
pub use help_tip::HelpTip;
pub use inline_input::InlineInput;
pub use joined::joined;
pub use modal::Modal;
pub use quick_add::QuickAdd;
pub use sub_nav::{tab_of, SubNav};
pub use value_list::ValueList;
pub use virtual_rows::VirtualTable;
pub use work_progress::WorkProgress;

use std::sync::atomic::{AtomicU64, Ordering};

/// A document-unique id for label/field and aria relations.
pub fn unique_id(prefix: &str) -> String {
    static NEXT: AtomicU64 = AtomicU64::new(1);
    format!("{prefix}-{}", NEXT.fetch_add(1, Ordering::Relaxed))
}
