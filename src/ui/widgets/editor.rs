//! The state of a record editor dialog, the one every section's editors share:
//! closed, adding a record, or editing one. A list calls `add` or `edit`; the
//! editor fills its form in `on_open` and closes with `close` (or Escape, which
//! the dialog reports through `open`).

use crate::domain::Refusal;
use crate::editing::{Change, EditKind};
use crate::ui::i18n::Locale;
use crate::ui::problems;
use crate::ui::state::AppState;
use leptos::prelude::*;

pub struct Editor<T: Send + Sync + 'static> {
    open: RwSignal<bool>,
    record: RwSignal<Option<T>>,
}

impl<T: Send + Sync + 'static> Clone for Editor<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T: Send + Sync + 'static> Copy for Editor<T> {}

impl<T: Clone + Send + Sync + 'static> Default for Editor<T> {
    fn default() -> Self {
        Self::new()
    }
}

impl<T: Clone + Send + Sync + 'static> Editor<T> {
    pub fn new() -> Self {
        Editor { open: RwSignal::new(false), record: RwSignal::new(None) }
    }

    /// Opens the dialog on a new record.
    pub fn add(self) {
        self.record.set(None);
        self.open.set(true);
    }

    /// Opens the dialog on `record`.
    pub fn edit(self, record: T) {
        self.record.set(Some(record));
        self.open.set(true);
    }

    pub fn close(self) {
        self.open.set(false);
    }

    /// Whether the dialog is open, for the `Modal`.
    pub fn open(self) -> RwSignal<bool> {
        self.open
    }

    /// Whether the dialog adds a record (tracked, for titles and buttons).
    pub fn is_new(self) -> bool {
        self.record.with(Option::is_none)
    }

    /// The record being edited, `None` when adding (tracked).
    pub fn record(self) -> Option<T> {
        self.record.get()
    }

    /// The record being edited, `None` when adding.
    pub fn record_untracked(self) -> Option<T> {
        self.record.get_untracked()
    }

    /// Fills the form each time the dialog opens, from the record being edited
    /// (`None` when adding).
    pub fn on_open(self, fill: impl Fn(Option<T>) + 'static) {
        Effect::new(move |_| {
            if self.open.get() {
                fill(self.record.get_untracked());
            }
        });
    }

    /// Applies the form's change and closes the dialog; when the plan refuses
    /// it (a rule of the record), says why in `error`, naming the fields as the
    /// form labels them (`labels`: the field's name in the plan file, its label).
    /// Whether the dialog closed (the change made, or nothing to change).
    pub fn commit(self, state: AppState, change: Change, kind: EditKind, error: RwSignal<Option<String>>, labels: &[(&str, &str)]) -> bool {
        self.finish(state.locale(), state.try_dispatch(change, kind), error, labels)
    }

    /// [`Self::commit`] for a change already made: closes the dialog, or says
    /// why the plan refused it.
    pub fn finish(self, l: Locale, result: Result<(), Refusal>, error: RwSignal<Option<String>>, labels: &[(&str, &str)]) -> bool {
        match result {
            Ok(()) | Err(Refusal::NothingToChange) => {
                self.close();
                true
            }
            Err(refusal) => {
                error.set(Some(labelled_refusal(l, refusal, labels)));
                false
            }
        }
    }
}

/// A refusal in words, naming fields by the form's labels (`labels`: a field's
/// name in the plan file, its label) where the form has them.
pub fn labelled_refusal(l: Locale, refusal: Refusal, labels: &[(&str, &str)]) -> String {
    problems::refusal_in(l, refusal, &|field| labels.iter().find(|(f, _)| *f == field).map(|(_, label)| label.to_string()))
}
