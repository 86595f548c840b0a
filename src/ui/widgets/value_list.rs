//! A list of text values edited as chips: type and press Enter (or comma) to add,
//! × to remove. Suggestions come from a datalist of values the plan already has.

use crate::ui::i18n::{t_string, td_string, use_i18n};
use leptos::prelude::*;

#[component]
pub fn ValueList(
    #[prop(into)] values: Signal<Vec<String>>,
    #[prop(into)] suggestions: Signal<Vec<String>>,
    #[prop(into)] label: String,
    on_change: Callback<Vec<String>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let draft = RwSignal::new(String::new());
    let list_id = super::unique_id("suggest");
    let input_id = super::unique_id("value");
    let add = move || {
        let text = draft.get_untracked();
        let new: Vec<String> = text.split([',', '、', '\n']).map(str::trim).filter(|s| !s.is_empty()).map(String::from).collect();
        if new.is_empty() {
            return;
        }
        let mut all = values.get_untracked();
        for v in new {
            if !all.contains(&v) {
                all.push(v);
            }
        }
        draft.set(String::new());
        on_change.run(all);
    };
    view! {
        <div class="value-list">
            <ul class="chips">
                {move || values.get().into_iter().map(|v| {
                    let remove = v.clone();
                    let label = v.clone();
                    view! {
                        <li class="chip">
                            <span>{v}</span>
                            <button type="button" class="chip-remove"
                                aria-label=move || td_string!(i18n.get_locale(), icp.remove_value, value = label.clone()).to_string()
                                on:click=move |_| {
                                    let all: Vec<String> = values.get_untracked().into_iter().filter(|x| *x != remove).collect();
                                    on_change.run(all);
                                }>"×"</button>
                        </li>
                    }
                }).collect_view()}
            </ul>
            <div class="inline-form">
                <label for=input_id.clone() class="visually-hidden">{label}</label>
                <input id=input_id type="text" list=list_id.clone() placeholder=move || t_string!(i18n, icp.value_placeholder)
                    prop:value=move || draft.get()
                    on:input=move |ev| {
                        let v = event_target_value(&ev);
                        if v.ends_with(',') || v.ends_with('、') {
                            draft.set(v);
                            add();
                        } else {
                            draft.set(v);
                        }
                    }
                    on:keydown=move |ev| {
                        if ev.key() == "Enter" {
                            ev.prevent_default();
                            add();
                        }
                    } />
                <button type="button" class="button button-small" on:click=move |_| add()>{move || t_string!(i18n, icp.add_value)}</button>
                <datalist id=list_id>
                    {move || suggestions.get().into_iter().map(|s| view! { <option value=s></option> }).collect_view()}
                </datalist>
            </div>
        </div>
    }
}
