//! Choosing one account by typing its name: a text field whose suggestions (a
//! `<datalist>`) are the first accounts whose name contains what was typed, so a
//! plan of 10,000 accounts never puts 10,000 options in the page. Matching rules
//! live in `accounts::lookup`.

use crate::accounts::lookup::{label, resolve, suggestions};
use crate::domain::AccountId;
use crate::ui::i18n::{t, td_string, use_i18n, Locale};
use crate::ui::state::use_app;
use leptos::prelude::*;

/// Suggestions shown at once.
const SUGGESTIONS: usize = 30;

#[component]
pub fn AccountPicker(
    /// The chosen account; `None` while the text names none.
    value: RwSignal<Option<AccountId>>,
    /// The field's text (kept by the caller so it can say what was not found).
    text: RwSignal<String>,
    /// The input's id, for its `<label for>`.
    #[prop(into)]
    id: String,
    #[prop(optional, into)] described_by: Option<String>,
) -> impl IntoView {
    let state = use_app();
    let list_id = format!("{id}-accounts");
    // Shows the chosen account's name when the value is set from outside (editing).
    Effect::new(move |_| {
        let Some(v) = value.get() else { return };
        let current = text.get_untracked();
        state.plan.with_untracked(|p| {
            let Some(p) = p else { return };
            if resolve(p, &current).as_ref() != Some(&v) {
                if let Some(l) = label(p, &v) {
                    text.set(l);
                }
            }
        });
    });
    let options = move || {
        let typed = text.get();
        state.plan.with(|p| p.as_ref().map(|p| suggestions(p, &typed, SUGGESTIONS)).unwrap_or_default())
    };
    view! {
        <input id=id type="text" list=list_id.clone() autocomplete="off" aria-describedby=described_by
            prop:value=move || text.get()
            on:input=move |ev| {
                let v = event_target_value(&ev);
                let found = state.plan.with_untracked(|p| p.as_ref().and_then(|p| resolve(p, &v)));
                text.set(v);
                if value.get_untracked() != found {
                    value.set(found);
                }
            }/>
        <datalist id=list_id>
            {move || options().into_iter().map(|o| view! { <option value=o></option> }).collect_view()}
        </datalist>
    }
}

/// The account a record belongs to, as a labelled field with its hint.
#[component]
pub fn AccountField(value: RwSignal<Option<AccountId>>, text: RwSignal<String>) -> impl IntoView {
    let i18n = use_i18n();
    let (id, hint) = (super::unique_id("account"), super::unique_id("account-hint"));
    view! {
        <div class="field">
            <label for=id.clone()>{t!(i18n, rec.account)}</label>
            <AccountPicker value text id described_by=hint.clone()/>
            <p class="hint" id=hint>{t!(i18n, rec.account_hint)}</p>
        </div>
    }
}

/// Why no account is chosen: nothing typed, or the text names no account.
pub fn account_problem(l: Locale, typed: &str) -> String {
    let typed = typed.trim();
    if typed.is_empty() {
        td_string!(l, rec.account_required).to_string()
    } else {
        td_string!(l, rec.account_unknown, name = typed.to_string()).to_string()
    }
}
