//! What the app tells the user outside the flow of a screen: banners that stay until
//! the situation is resolved, and short toasts (with an undo where it applies).

use crate::domain::{PlanId, Timestamp};
use crate::persistence::{Finding, Head};

#[derive(Clone, Debug, PartialEq)]
pub enum Banner {
    /// Storage is full: the plan lives in this tab only until exported or saved.
    StorageFull,
    /// A save did not read back; the previous version is intact.
    SaveNotVerified,
    /// Local storage cannot be used at all.
    StorageUnavailable(String),
    /// Another tab saved this plan after this tab loaded it.
    Conflict { theirs: Head },
    /// Another tab deleted this plan.
    DeletedElsewhere { name: String },
    /// Stored data could not be read; it was kept as backups.
    Recovered(Vec<Finding>),
    /// The plan loaded, with repairs (the original was kept as a backup).
    Repaired { count: usize },
    /// A plan could not be opened at all.
    LoadFailed { name: String, backup: Option<String> },
}

#[derive(Clone, Debug, PartialEq)]
pub enum ToastAction {
    UndoDelete(PlanId),
    UndoEdit,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Toast {
    pub text: String,
    pub action: Option<ToastAction>,
    pub id: u64,
}

#[derive(Clone, Debug, PartialEq)]
pub enum SaveStatus {
    /// Nothing to save yet (no plan open).
    Idle,
    Saved(Timestamp),
    Pending,
    NotSaved(SaveFailure),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SaveFailure {
    StorageFull,
    Conflict,
    NotVerified,
    NoStorage,
}
