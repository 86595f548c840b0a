//! The plan's own settings: name, currency, fiscal-year start; and the language.

use crate::domain::{Currency, Refusal, COMMON_CURRENCIES};
use crate::editing::{Change, EditKind};
use crate::ui::i18n::{t, td_string, use_i18n};
use crate::ui::labels;
use crate::ui::problems;
use crate::ui::shell::LanguageSelect;
use crate::ui::state::use_app;
use crate::ui::widgets::unique_id;
use leptos::prelude::*;

#[component]
pub fn PlanSettings() -> impl IntoView {
    let state = use_app();
    let i18n = use_i18n();
    let (name_id, currency_id, fy_id, author_id) = (unique_id("plan-name"), unique_id("currency"), unique_id("fy"), unique_id("author"));
    let author_hint = format!("{author_id}-hint");
    let name = move || state.plan.with(|p| p.as_ref().map(|p| p.name.clone()).unwrap_or_default());
    let currency = move || state.plan.with(|p| p.as_ref().map(|p| p.currency.code().to_string()).unwrap_or_default());
    let fy = move || state.plan.with(|p| p.as_ref().map_or(4, |p| p.fiscal_year_start_month));
    view! {
        <article class="card">
            <h2>{t!(i18n, transfer.settings_title)}</h2>
            <div class="form">
                <div class="field">
                    <label for=name_id.clone()>{t!(i18n, transfer.plan_name)}</label>
                    <input id=name_id type="text" prop:value=name on:change=move |ev| {
                        let input = event_target::<web_sys::HtmlInputElement>(&ev);
                        // A refused name (an empty one) is said, and the field shows the
                        // plan's name again rather than a name the plan does not have.
                        if let Err(refusal) = state.try_dispatch(Change::RenamePlan(input.value()), EditKind::RenamePlan) {
                            input.set_value(&state.plan.with_untracked(|p| p.as_ref().map(|p| p.name.clone()).unwrap_or_default()));
                            if refusal != Refusal::NothingToChange {
                                let l = state.locale();
                                let label = td_string!(l, transfer.plan_name).to_string();
                                state.show_toast(problems::refusal_in(l, refusal, &|_| Some(label.clone())), None);
                            }
                        }
                    } />
                </div>
                <div class="field-row">
                    <div class="field">
                        <label for=currency_id.clone()>{t!(i18n, transfer.currency)}</label>
                        <select id=currency_id on:change=move |ev| {
                            if let Ok(c) = Currency::try_from(event_target_value(&ev)) {
                                state.dispatch(Change::SetCurrency(c), EditKind::PlanSettings);
                            }
                        }>
                            // The first screen's list, and the plan's own currency when a file brought another.
                            {move || {
                                let mine = currency();
                                let mut codes: Vec<String> = COMMON_CURRENCIES.iter().map(|c| c.to_string()).collect();
                                if !codes.contains(&mine) {
                                    codes.push(mine);
                                }
                                codes.into_iter().map(|code| {
                                    let (is, text) = (code.clone(), code.clone());
                                    view! { <option value=code prop:selected=move || currency() == is>{text}</option> }
                                }).collect_view()
                            }}
                        </select>
                    </div>
                    <div class="field">
                        <label for=fy_id.clone()>{t!(i18n, transfer.fy_start)}</label>
                        <select id=fy_id on:change=move |ev| {
                            if let Ok(m) = event_target_value(&ev).parse::<u8>() {
                                state.dispatch(Change::SetFiscalYearStart(m), EditKind::PlanSettings);
                            }
                        }>
                            {(1u8..=12).map(|m| view! {
                                <option value=m.to_string() selected=move || fy() == m>{move || labels::month(i18n.get_locale(), m)}</option>
                            }).collect_view()}
                        </select>
                    </div>
                </div>
                <LanguageSelect visible_label=true/>
                <div class="field">
                    <label for=author_id.clone()>{t!(i18n, transfer.your_name)}</label>
                    <input id=author_id type="text" autocomplete="name" aria-describedby=author_hint.clone() prop:value=move || state.author()
                        on:change=move |ev| state.set_author(event_target_value(&ev)) />
                    <p class="hint" id=author_hint>{t!(i18n, transfer.your_name_hint)}</p>
                </div>
            </div>
        </article>
    }
}
