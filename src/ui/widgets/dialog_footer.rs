//! The end of a form in a dialog: the form's complaint (announced as an alert), a
//! cancel button that closes the dialog and the submit button; for a record
//! editor, "Delete" before them.

use crate::ui::i18n::{t, t_string, use_i18n};
use leptos::prelude::*;

#[component]
pub fn DialogFooter(
    /// The dialog to close on cancel.
    open: RwSignal<bool>,
    /// What is wrong with the form, if anything.
    error: RwSignal<Option<String>>,
    /// The submit button's text.
    #[prop(into)]
    submit: Signal<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <Show when=move || error.with(Option::is_some)>
            <p class="form-error" role="alert">{move || error.get()}</p>
        </Show>
        <div class="dialog-actions">
            <button type="button" class="button" on:click=move |_| open.set(false)>{t!(i18n, app.cancel)}</button>
            <button type="submit" class="button button-primary">{move || submit.get()}</button>
        </div>
    }
}

/// The end of a record editor: "Delete" for a record that exists, then the
/// form's complaint, cancel and save.
#[component]
pub fn EditorFooter(open: RwSignal<bool>, error: RwSignal<Option<String>>, #[prop(into)] is_new: Signal<bool>, on_remove: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <Show when=move || !is_new.get()>
            <button type="button" class="button button-small button-danger-quiet" on:click=move |_| on_remove.run(())>{t!(i18n, rec.delete)}</button>
        </Show>
        <DialogFooter open error submit=Signal::derive(move || t_string!(i18n, rec.save).to_string())/>
    }
}
