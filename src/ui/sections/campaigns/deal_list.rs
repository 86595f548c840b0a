//! Deals and orders, newest first, filtered by account and outcome. Only visible
//! rows are rendered: a year of orders runs to thousands.

use super::activity_list::Names;
use super::deal_editor::DealEditor;
use crate::domain::sorting;
use crate::domain::{Deal, Outcome, Plan};
use crate::icp::normalise;
use crate::ui::format;
use crate::ui::i18n::{t, t_string, td_string, use_i18n};
use crate::ui::insights::Shared;
use crate::ui::labels;
use crate::ui::state::use_app;
use crate::ui::widgets::{choice_value, picked, unique_id, Editor, VirtualTable};
use leptos::prelude::*;
use std::sync::Arc;

const ROW_HEIGHT: f64 = 44.0;

/// Positions of the deals kept, newest first (by close, else creation date; ties by id).
fn select(p: &Plan, names: &Names, search: &str, outcome: Option<Outcome>) -> Vec<usize> {
    let key = normalise(search);
    let mut rows: Vec<usize> = p
        .deals
        .iter()
        .enumerate()
        .filter(|(_, d)| outcome.is_none_or(|o| d.outcome == o))
        .filter(|(_, d)| {
            key.is_empty() || normalise(&d.name).contains(&key) || names.accounts.get(d.account.as_str()).is_some_and(|n| normalise(n).contains(&key))
        })
        .map(|(i, _)| i)
        .collect();
    let when = |d: &Deal| d.closed.unwrap_or(d.created);
    sorting::sort_by(&mut rows, |&x, &y| {
        let (a, b) = (&p.deals[x], &p.deals[y]);
        when(b).cmp(&when(a)).then_with(|| a.id.cmp(&b.id))
    });
    rows
}

#[component]
pub fn DealList() -> impl IntoView {
    let state = use_app();
    let i18n = use_i18n();
    let editor = Editor::<Deal>::new();
    let search = RwSignal::new(String::new());
    let outcome: RwSignal<Option<Outcome>> = RwSignal::new(None);
    let names = Memo::new(move |_| Shared(Arc::new(state.plan.with(|p| p.as_ref().map(Names::of).unwrap_or_default()))));
    let rows = Memo::new(move |_| {
        let names = names.get();
        let (s, o) = (search.get(), outcome.get());
        state.plan.with(|p| p.as_ref().map(|p| select(p, &names, &s, o)).unwrap_or_default())
    });
    let total = move || state.plan.with(|p| p.as_ref().map_or(0, |p| p.deals.len()));
    let header = move || {
        view! {
            <tr>
                <th scope="col" class="col-deal">{t!(i18n, rec.deal_name)}</th>
                <th scope="col" class="col-account">{t!(i18n, rec.account)}</th>
                <th scope="col" class="col-type">{t!(i18n, rec.deal_kind)}</th>
                <th scope="col" class="col-amount num">{t!(i18n, rec.amount)}</th>
                <th scope="col" class="col-created">{t!(i18n, rec.created)}</th>
                <th scope="col" class="col-closed">{t!(i18n, rec.closed)}</th>
                <th scope="col" class="col-status">{t!(i18n, rec.status)}</th>
                <th scope="col" class="col-edit"><span class="visually-hidden">{t!(i18n, rec.edit)}</span></th>
            </tr>
        }
    };
    let render_row = move |i: usize| {
        let l = i18n.get_locale();
        let Some(pos) = rows.with(|r| r.get(i).copied()) else { return ().into_any() };
        let Some((d, currency)) = state.plan.with(|p| p.as_ref().and_then(|p| p.deals.get(pos).cloned().map(|d| (d, p.currency.clone())))) else {
            return ().into_any();
        };
        let account = names.with(|n| n.accounts.get(d.account.as_str()).cloned().unwrap_or_default());
        let edit_label = format!("{} {}", td_string!(l, rec.edit), d.name);
        let outcome_class = format!("outcome outcome-{}", labels::css_key(&d.outcome));
        // An open deal is where it stands; a decided one, how it ended.
        let status = match d.outcome {
            Outcome::Open => format!("{} · {}", labels::outcome(l, d.outcome), labels::deal_stage(l, d.stage)),
            o => labels::outcome(l, o),
        };
        view! {
            <tr aria-rowindex=(i + 2).to_string()>
                <th scope="row" title=d.name.clone()>{d.name.clone()}</th>
                <td title=account.clone()>{account.clone()}</td>
                <td>{labels::deal_kind(l, d.kind)}</td>
                <td class="num">{format::money(d.amount, &currency, l)}</td>
                <td>{format::date(d.created, l)}</td>
                <td>{d.closed.map(|c| format::date(c, l)).unwrap_or_else(|| "—".into())}</td>
                <td><span class=outcome_class>{status}</span></td>
                <td class="row-actions">
                    <button type="button" class="button button-small" aria-label=edit_label
                        on:click=move |_| editor.edit(d.clone())>{t_string!(i18n, rec.edit)}</button>
                </td>
            </tr>
        }
        .into_any()
    };
    let (search_id, outcome_id) = (unique_id("deal-search"), unique_id("deal-outcome"));
    view! {
        <div class="records-toolbar">
            <div class="field field-inline">
                <label for=search_id.clone()>{t!(i18n, rec.search_deals)}</label>
                <input id=search_id type="search" bind:value=search/>
            </div>
            <div class="field field-inline">
                <label for=outcome_id.clone()>{t!(i18n, rec.outcome)}</label>
                <select id=outcome_id on:change=move |ev| { let v = event_target_value(&ev); outcome.set(picked(&labels::OUTCOMES, &v)); }>
                    <option value="">{t!(i18n, rec.all)}</option>
                    {labels::OUTCOMES.into_iter().map(|o| view! { <option value=choice_value(&labels::OUTCOMES, &o)>{move || labels::outcome(i18n.get_locale(), o)}</option> }).collect_view()}
                </select>
            </div>
            <span class="muted records-count" aria-live="polite" data-testid="deals-count">
                {move || { let (n, total) = (rows.with(Vec::len), total()); td_string!(i18n.get_locale(), rec.shown, count = n, total = format::integer(total as i64, i18n.get_locale())).to_string() }}
            </span>
            <button type="button" class="button button-primary" on:click=move |_| editor.add()>{t!(i18n, rec.add_deal)}</button>
        </div>
        <Show when=move || { total() > 0 } fallback=move || view! { <p class="empty-state">{t!(i18n, rec.no_deals)}</p> }>
            <Show when=move || rows.with(|r| !r.is_empty()) fallback=move || view! { <p class="empty-state">{t!(i18n, rec.no_match)}</p> }>
                <VirtualTable count=Signal::derive(move || rows.with(Vec::len)) row_height=ROW_HEIGHT class="deals-table fixed-columns"
                    header=header() render_row label=Signal::derive(move || t_string!(i18n, rec.deals_label).to_string()) test_id="deals-table"/>
            </Show>
        </Show>
        <DealEditor editor/>
    }
}
