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
    /// Adds the item from the caller's fields and clears them. An `Err` names
    /// the field at fault (its position among the row's fields) and says why:
    /// the text shows under the row, the field is marked invalid and takes the
    /// focus, and everything stays as typed.
    on_add: Callback<(), Result<(), (usize, String)>>,
    /// The fields, each a `.field` with its own label.
    children: Children,
) -> impl IntoView {
    let i18n = use_i18n();
    let error: RwSignal<Option<String>> = RwSignal::new(None);
    let error_id = super::unique_id("quick-add-error");
    let form = NodeRef::<leptos::html::Form>::new();
    let (fields_error_id, shown_error_id) = (error_id.clone(), error_id);
    // The row's fields, in order. Marks field `invalid` (none: all clear) and
    // focuses `focus`.
    let mark = move |invalid: Option<usize>, focus: usize| {
        let Some(fields) = form.get_untracked().and_then(|f| f.query_selector_all("input, select").ok()) else { return };
        for i in 0..fields.length() {
            let Some(field) = fields.item(i).and_then(|n| n.dyn_into::<web_sys::HtmlElement>().ok()) else { continue };
            if invalid == Some(i as usize) {
                let _ = field.set_attribute("aria-invalid", "true");
                let _ = field.set_attribute("aria-describedby", &fields_error_id);
            } else {
                let _ = field.remove_attribute("aria-invalid");
                let _ = field.remove_attribute("aria-describedby");
            }
            if i as usize == focus {
                let _ = field.focus();
            }
        }
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match on_add.run(()) {
            Ok(()) => {
                error.set(None);
                mark(None, 0);
            }
            Err((field, why)) => {
                error.set(Some(why));
                mark(Some(field), field);
            }
        }
    };
    view! {
        <form class="quick-add no-print" node_ref=form aria-label=move || label.get() novalidate on:submit=submit>
            <div class="quick-add-fields">
                {children()}
                <button type="submit" class="button button-small">{t!(i18n, ap.quick_add)}</button>
            </div>
            <Show when=move || error.with(Option::is_some)>
                <p class="field-error" role="alert" id=shown_error_id.clone()>{move || error.get()}</p>
            </Show>
        </form>
    }
}
