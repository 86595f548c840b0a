//! A one-line form under a list: type the few fields a new item needs, press
//! Enter or "Add", and the item is added with the focus back in the first field
//! for the next one. The full editor stays one click away for everything else.
//! It is the short path of a first account plan: a person is three actions here
//! instead of four in a dialog.

use crate::ui::i18n::{t, use_i18n};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

#[component]
pub fn QuickAdd(
    /// What the form adds, as its accessible name ("Quick add: person").
    #[prop(into)]
    label: Signal<String>,
    /// Adds the item from the caller's fields and clears them; an `Err` is
    /// shown under the row and the fields are kept as typed.
    on_add: Callback<(), Result<(), String>>,
    /// The fields, each a `.field` with its own label.
    children: Children,
) -> impl IntoView {
    let i18n = use_i18n();
    let error: RwSignal<Option<String>> = RwSignal::new(None);
    let form = NodeRef::<leptos::html::Form>::new();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match on_add.run(()) {
            Ok(()) => {
                error.set(None);
                let first = form.get_untracked().and_then(|f| f.query_selector("input, select").ok().flatten());
                if let Some(first) = first.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
                    let _ = first.focus();
                }
            }
            Err(e) => error.set(Some(e)),
        }
    };
    view! {
        <form class="quick-add no-print" node_ref=form aria-label=move || label.get() novalidate on:submit=submit>
            <div class="quick-add-fields">
                {children()}
                <button type="submit" class="button button-small">{t!(i18n, ap.quick_add)}</button>
            </div>
            <Show when=move || error.with(Option::is_some)>
                <p class="field-error" role="alert">{move || error.get()}</p>
            </Show>
        </form>
    }
}
