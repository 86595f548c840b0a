//! Search and filters above the accounts table.

use super::{team_choices, use_table};
use crate::accounts::{OwnerFilter, Query, TargetFilter, TierFilter};
use crate::domain::quantity::parse_number;
use crate::domain::{MemberId, Tier};
use crate::ui::i18n::{t, t_string, td_string, use_i18n};
use crate::ui::state::use_app;
use crate::ui::widgets::unique_id;
use leptos::prelude::*;

#[component]
pub fn Filters() -> impl IntoView {
    let state = use_app();
    let i18n = use_i18n();
    let table = use_table();
    let q = table.query;
    let industries = table.industries;
    let team = move || team_choices(state);
    let ids: [String; 7] = std::array::from_fn(|_| unique_id("filter"));
    let [search, industry, tier, owner, fit_min, fit_max, target] = ids;
    let fit_error = RwSignal::new(false);
    let set_fit = move |min: bool, text: String| {
        let v = if text.trim().is_empty() { Ok(None) } else { parse_number(&text).filter(|v| (0.0..=100.0).contains(v)).map(Some).ok_or(()) };
        match v {
            Ok(v) => {
                fit_error.set(false);
                q.update(|q| if min { q.fit_min = v } else { q.fit_max = v });
            }
            Err(()) => fit_error.set(true),
        }
    };
    let (fit_min2, fit_max2) = (fit_min.clone(), fit_max.clone());
    view! {
        <div class="filters" role="search" aria-label=move || t_string!(i18n, accounts.filters)>
            <div class="field field-search">
                <label for=search.clone()>{t!(i18n, accounts.search)}</label>
                <input id=search type="search" placeholder=move || t_string!(i18n, accounts.search_placeholder)
                    prop:value=move || q.with(|q| q.text.clone())
                    on:input=move |ev| { let v = event_target_value(&ev); q.update(|q| q.text = v); }/>
            </div>
            <div class="field">
                <label for=industry.clone()>{t!(i18n, accounts.industry)}</label>
                <select id=industry on:change=move |ev| { let v = event_target_value(&ev); q.update(|q| q.industry = (!v.is_empty()).then_some(v)); }
                    prop:value=move || q.with(|q| q.industry.clone().unwrap_or_default())>
                    <option value="">{move || t_string!(i18n, accounts.any)}</option>
                    {move || industries.get().into_iter().map(|i| view! { <option value=i.clone()>{i.clone()}</option> }).collect_view()}
                </select>
            </div>
            <div class="field">
                <label for=tier.clone()>{t!(i18n, accounts.tier)}</label>
                <select id=tier on:change=move |ev| {
                    let v = event_target_value(&ev);
                    q.update(|q| q.tier = match v.as_str() {
                        "1" => TierFilter::Tier(Tier::One),
                        "2" => TierFilter::Tier(Tier::Two),
                        "3" => TierFilter::Tier(Tier::Three),
                        "none" => TierFilter::None,
                        _ => TierFilter::All,
                    });
                } prop:value=move || q.with(|q| match q.tier {
                    TierFilter::All => String::new(),
                    TierFilter::Tier(t) => t.number().to_string(),
                    TierFilter::None => "none".into(),
                })>
                    <option value="">{move || t_string!(i18n, accounts.any)}</option>
                    {Tier::ALL.into_iter().map(|t| view! {
                        <option value=t.number().to_string()>{move || td_string!(i18n.get_locale(), accounts.tier_n, n = t.number()).to_string()}</option>
                    }).collect_view()}
                    <option value="none">{move || t_string!(i18n, accounts.no_tier)}</option>
                </select>
            </div>
            <div class="field">
                <label for=owner.clone()>{t!(i18n, accounts.owner)}</label>
                <select id=owner on:change=move |ev| {
                    let v = event_target_value(&ev);
                    q.update(|q| q.owner = match v.as_str() {
                        "" => OwnerFilter::All,
                        "-" => OwnerFilter::Unassigned,
                        id => OwnerFilter::Member(MemberId(id.to_string())),
                    });
                } prop:value=move || q.with(|q| match &q.owner {
                    OwnerFilter::All => String::new(),
                    OwnerFilter::Unassigned => "-".into(),
                    OwnerFilter::Member(m) => m.to_string(),
                })>
                    <option value="">{move || t_string!(i18n, accounts.any)}</option>
                    {move || team().into_iter().map(|(id, name)| view! { <option value=id>{name}</option> }).collect_view()}
                    <option value="-">{move || t_string!(i18n, accounts.unassigned)}</option>
                </select>
            </div>
            <fieldset class="field fit-range">
                <legend>{t!(i18n, accounts.fit_range)}</legend>
                <label for=fit_min.clone() class="visually-hidden">{t!(i18n, accounts.fit_min)}</label>
                <input id=fit_min2 type="number" min="0" max="100" step="1" inputmode="numeric" placeholder="0"
                    prop:value=move || q.with(|q| q.fit_min.map(|v| v.to_string()).unwrap_or_default())
                    aria-invalid=move || fit_error.get().to_string()
                    on:change=move |ev| set_fit(true, event_target_value(&ev))/>
                <span aria-hidden="true">"–"</span>
                <label for=fit_max.clone() class="visually-hidden">{t!(i18n, accounts.fit_max)}</label>
                <input id=fit_max2 type="number" min="0" max="100" step="1" inputmode="numeric" placeholder="100"
                    prop:value=move || q.with(|q| q.fit_max.map(|v| v.to_string()).unwrap_or_default())
                    aria-invalid=move || fit_error.get().to_string()
                    on:change=move |ev| set_fit(false, event_target_value(&ev))/>
            </fieldset>
            <div class="field">
                <label for=target.clone()>{t!(i18n, accounts.target)}</label>
                <select id=target on:change=move |ev| {
                    let v = event_target_value(&ev);
                    q.update(|q| q.target = match v.as_str() { "in" => TargetFilter::In, "out" => TargetFilter::Out, _ => TargetFilter::All });
                } prop:value=move || q.with(|q| match q.target { TargetFilter::All => "", TargetFilter::In => "in", TargetFilter::Out => "out" }.to_string())>
                    <option value="">{move || t_string!(i18n, accounts.any)}</option>
                    <option value="in">{move || t_string!(i18n, accounts.in_list)}</option>
                    <option value="out">{move || t_string!(i18n, accounts.out_list)}</option>
                </select>
            </div>
            <Show when=move || q.with(|q| !q.is_empty())>
                <button type="button" class="button button-quiet" on:click=move |_| { q.set(Query::default()); fit_error.set(false); }>
                    {t!(i18n, accounts.clear_filters)}
                </button>
            </Show>
            <Show when=move || fit_error.get()>
                <p class="form-error" role="alert">{t!(i18n, accounts.fit_invalid)}</p>
            </Show>
        </div>
    }
}
