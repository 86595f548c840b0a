//! Labelled form fields bound to a signal: the label is the children, the id
//! that ties label and control is made here, so a form never pairs them by hand.

use super::unique_id;
use crate::ui::i18n::{use_i18n, Locale};
use leptos::prelude::*;

/// A text (or date, number…) input.
#[component]
pub fn TextField(
    value: RwSignal<String>,
    /// The input's `type`.
    #[prop(default = "text")]
    kind: &'static str,
    /// The keyboard a phone shows ("decimal" for amounts).
    #[prop(optional)]
    inputmode: Option<&'static str>,
    /// A short field (a date, an amount) that should not take a row's width.
    #[prop(optional)]
    narrow: bool,
    children: Children,
) -> impl IntoView {
    let id = unique_id("field");
    view! {
        <div class="field" class:field-narrow=narrow>
            <label for=id.clone()>{children()}</label>
            <input id=id type=kind inputmode=inputmode autocomplete="off" bind:value=value/>
        </div>
    }
}

/// A `<select>` over a fixed list of choices. Option values are positions in
/// the list, never a variant's `Debug` text, so renaming a variant changes
/// nothing the browser sees.
#[component]
pub fn ChoiceField<T, L>(
    choices: Vec<T>,
    value: RwSignal<Option<T>>,
    /// A choice's words in the UI language.
    words: L,
    /// When given, a first option meaning "none of these".
    #[prop(optional, into)]
    none: Option<Signal<String>>,
    children: Children,
) -> impl IntoView
where
    T: Copy + PartialEq + Send + Sync + 'static,
    L: Fn(Locale, T) -> String + Copy + Send + Sync + 'static,
{
    let i18n = use_i18n();
    let id = unique_id("field");
    let list = choices.clone();
    // `prop:selected`, not the attribute: once a person has picked an option the
    // attribute no longer moves the selection, and a reset must.
    view! {
        <div class="field">
            <label for=id.clone()>{children()}</label>
            <select id=id on:change=move |ev| value.set(event_target_value(&ev).parse::<usize>().ok().and_then(|i| list.get(i).copied()))>
                {none.map(|none| view! { <option value="" prop:selected=move || value.with(Option::is_none)>{move || none.get()}</option> })}
                {choices.into_iter().enumerate().map(|(i, c)| view! {
                    <option value=i.to_string() prop:selected=move || value.get() == Some(c)>{move || words(i18n.get_locale(), c)}</option>
                }).collect_view()}
            </select>
        </div>
    }
}

/// The choice an `<option>` valued by [`choice_value`] names. Option values are
/// positions in the list, never a variant's `Debug` text, so renaming a variant
/// changes nothing the browser sees.
pub fn picked<T: Copy>(choices: &[T], value: &str) -> Option<T> {
    value.parse::<usize>().ok().and_then(|i| choices.get(i).copied())
}

/// The `<option>` value of `choice`: its position in `choices`.
pub fn choice_value<T: PartialEq>(choices: &[T], choice: &T) -> String {
    choices.iter().position(|c| c == choice).map(|i| i.to_string()).unwrap_or_default()
}
