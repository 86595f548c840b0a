//! Form fields the record editors share: the account (typed and picked), a
//! link to another record (a select with "(none)"), a choice of an enumeration's
//! value, a labelled input bound to a text signal (dates, amounts, counts), and
//! the editor's footer.

use crate::domain::AccountId;
use crate::ui::i18n::{t, t_string, td_string, use_i18n, Locale};
use crate::ui::widgets::picked;
use crate::ui::widgets::{unique_id, AccountPicker, DialogFooter};
use leptos::prelude::*;

/// Why no account is chosen: nothing typed, or the text names no account.
pub fn account_problem(l: Locale, typed: &str) -> String {
    let typed = typed.trim();
    if typed.is_empty() {
        td_string!(l, rec.account_required).to_string()
    } else {
        td_string!(l, rec.account_unknown, name = typed.to_string()).to_string()
    }
}

#[component]
pub fn AccountField(value: RwSignal<Option<AccountId>>, text: RwSignal<String>) -> impl IntoView {
    let i18n = use_i18n();
    let (id, hint) = (unique_id("account"), unique_id("account-hint"));
    view! {
        <div class="field">
            <label for=id.clone()>{t!(i18n, rec.account)}</label>
            <AccountPicker value text id described_by=hint.clone()/>
            <p class="hint" id=hint>{t!(i18n, rec.account_hint)}</p>
        </div>
    }
}

/// A choice of one record (by id) or none.
#[component]
pub fn LinkSelect(
    #[prop(into)] label: Signal<String>,
    /// (id, name) of the records offered.
    #[prop(into)]
    options: Signal<Vec<(String, String)>>,
    /// The id chosen now.
    #[prop(into)]
    current: Signal<Option<String>>,
    on_pick: Callback<Option<String>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let id = unique_id("link");
    view! {
        <div class="field">
            <label for=id.clone()>{move || label.get()}</label>
            <select id=id on:change=move |ev| { let v = event_target_value(&ev); on_pick.run((!v.is_empty()).then_some(v)); }>
                <option value="" selected=move || current.with(Option::is_none)>{t!(i18n, rec.no_link)}</option>
                {move || options.get().into_iter().map(|(id, name)| {
                    let is = id.clone();
                    view! { <option value=id selected=move || current.with(|c| c.as_deref() == Some(is.as_str()))>{name}</option> }
                }).collect_view()}
            </select>
        </div>
    }
}

/// A labelled input whose text lives in `value` (checked when the form is saved).
#[component]
pub fn BoundInput(
    #[prop(into)] label: Signal<String>,
    value: RwSignal<String>,
    /// The input type: `date`, `text`, `number`, `datetime-local`.
    kind: &'static str,
    #[prop(optional)] inputmode: Option<&'static str>,
) -> impl IntoView {
    let id = unique_id("field");
    view! {
        <div class="field">
            <label for=id.clone()>{move || label.get()}</label>
            <input id=id type=kind inputmode=inputmode prop:value=move || value.get() on:input=move |ev| value.set(event_target_value(&ev))/>
        </div>
    }
}

/// (id, name) of the plan's records of one kind, for a `LinkSelect`.
pub fn options<T>(list: &imbl::Vector<T>, id: impl Fn(&T) -> String, name: impl Fn(&T) -> String) -> Vec<(String, String)> {
    list.iter().map(|x| (id(x), name(x))).collect()
}

/// A choice among the values of one of the model's enumerations (a kind, a
/// stage), named in the user's language.
#[component]
pub fn ChoiceSelect<T>(
    #[prop(into)] label: Signal<String>,
    choices: Vec<T>,
    name: fn(Locale, T) -> String,
    #[prop(into)] current: Signal<T>,
    on_pick: Callback<T>,
) -> impl IntoView
where
    T: Copy + PartialEq + Send + Sync + 'static,
{
    let i18n = use_i18n();
    let id = unique_id("choice");
    let picks = choices.clone();
    view! {
        <div class="field">
            <label for=id.clone()>{move || label.get()}</label>
            <select id=id on:change=move |ev| {
                let v = event_target_value(&ev);
                if let Some(c) = picked(&picks, &v) { on_pick.run(c); }
            }>
                {choices.into_iter().enumerate().map(|(i, c)| view! {
                    <option value=i.to_string() selected=move || current.get() == c>{move || name(i18n.get_locale(), c)}</option>
                }).collect_view()}
            </select>
        </div>
    }
}

/// The end of a record editor: "Delete" for a record that exists, then the
/// form's complaint, cancel and save.
#[component]
pub fn EditorFooter(open: RwSignal<bool>, error: RwSignal<Option<String>>, is_new: RwSignal<bool>, on_remove: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <Show when=move || !is_new.get()>
            <button type="button" class="button button-small button-danger-quiet" on:click=move |_| on_remove.run(())>{t!(i18n, rec.delete)}</button>
        </Show>
        <DialogFooter open error submit=Signal::derive(move || t_string!(i18n, rec.save).to_string())/>
    }
}
