//! ICP criteria suggested from the plan's customers (engine:
//! `icp::suggest`): each with the customers it covers and the accounts it
//! matches, added one at a time or all at once.

use super::{criterion_label, update_icp, use_state};
use crate::domain::{CriterionId, IcpCriterion, IcpRule, IdGenerator, Money, Plan};
use crate::editing::EditKind;
use crate::icp::suggest::{suggest, Suggestion, Suggestions, MIN_CUSTOMERS};
use crate::ui::format;
use crate::ui::i18n::{t, td_string, use_i18n, Locale};
use leptos::prelude::*;

/// A rule in words: "Industry: 製造業, 卸売業", "Employees: 300–3,000".
pub fn rule_text(l: Locale, rule: &IcpRule, plan: &Plan) -> String {
    let label = criterion_label(l, &IcpCriterion { id: CriterionId(String::new()), weight: 0.0, rule: rule.clone() }, plan);
    let range = |lo: Option<String>, hi: Option<String>| match (lo, hi) {
        (Some(lo), Some(hi)) => format!("{lo}–{hi}"),
        (Some(lo), None) => td_string!(l, icp.at_least, n = lo).to_string(),
        (None, Some(hi)) => td_string!(l, icp.at_most, n = hi).to_string(),
        (None, None) => String::new(),
    };
    let values = match rule {
        IcpRule::Industry { values } | IcpRule::Country { values } | IcpRule::Region { values } => values.join(", "),
        IcpRule::Technologies { values, .. } | IcpRule::Tags { values, .. } | IcpRule::CustomField { values, .. } => values.join(", "),
        IcpRule::Employees { min, max } => range(min.map(|v| format::integer(i64::from(v), l)), max.map(|v| format::integer(i64::from(v), l))),
        IcpRule::AnnualRevenue { min, max } => {
            let money = |m: Option<Money>| m.map(|m| format::money_compact(m, &plan.currency, l));
            range(money(*min), money(*max))
        }
    };
    format!("{label}: {values}")
}

#[component]
pub fn IcpSuggestions() -> impl IntoView {
    let state = use_state();
    let i18n = use_i18n();
    let found = Memo::new(move |_| state.plan.with(|p| p.as_ref().map(suggest)));
    let add = move |chosen: Vec<Suggestion>| {
        update_icp(state, EditKind::EditIcp, move |icp| {
            let mut ids = IdGenerator::random();
            for s in chosen {
                icp.criteria.push(IcpCriterion { id: CriterionId::generate(&mut ids), weight: s.weight, rule: s.rule });
            }
        })
    };
    let has_criteria = move || state.plan.with(|p| p.as_ref().is_some_and(|p| !p.icp.criteria.is_empty()));
    move || {
        let l = i18n.get_locale();
        match found.get() {
            Some(Suggestions::From { customers, suggestions }) if !suggestions.is_empty() => {
                let all = suggestions.clone();
                let rows = suggestions
                    .into_iter()
                    .map(|s| {
                        let text = state.plan.with(|p| p.as_ref().map(|p| rule_text(l, &s.rule, p)).unwrap_or_default());
                        let meta = td_string!(l, icp.suggest_meta, covers = s.covers, of = s.of, accounts = format::integer(s.accounts as i64, l)).to_string();
                        let one = s.clone();
                        view! {
                            <li class="suggestion" data-testid="icp-suggestion">
                                <div>
                                    <p class="suggestion-rule">{text.clone()}</p>
                                    <p class="muted">{meta}</p>
                                </div>
                                <button type="button" class="button button-small" aria-label=td_string!(l, icp.suggest_add_one, rule = text).to_string()
                                    on:click=move |_| add(vec![one.clone()])>{t!(i18n, icp.suggest_add)}</button>
                            </li>
                        }
                    })
                    .collect_view();
                view! {
                    <section class="card icp-suggestions" aria-labelledby="suggest-title" data-testid="icp-suggestions">
                        <div class="card-head">
                            <h2 id="suggest-title">{td_string!(l, icp.suggest_title, count = customers, n = format::integer(customers as i64, l)).to_string()}</h2>
                            <button type="button" class="button button-primary" on:click=move |_| add(all.clone())>{t!(i18n, icp.suggest_add_all)}</button>
                        </div>
                        <p class="muted">{t!(i18n, icp.suggest_hint)}</p>
                        <ul class="suggestion-list">{rows}</ul>
                    </section>
                }
                .into_any()
            }
            Some(Suggestions::TooFewCustomers(n)) if !has_criteria() => view! {
                <p class="note" data-testid="icp-suggestions-none">{td_string!(l, icp.suggest_too_few, count = n, n = n, min = MIN_CUSTOMERS).to_string()}</p>
            }
            .into_any(),
            _ => ().into_any(),
        }
    }
}
