//! The accounts to plan: target accounts by rank, then the rest by name. Search,
//! an owner filter ("my accounts") and "only accounts with a plan"; each row shows
//! tier, hand-off stage, whether a plan is written and how many actions are
//! suggested. Virtualised, so 10,000 accounts scroll smoothly.

use crate::account_plans::{current_stages, suggestions};
use crate::domain::sorting;
use crate::domain::{AccountId, HandoffStage, MemberId, Plan, Tier};
use crate::icp::normalise;
use crate::prioritisation::Ranking;
use crate::ui::i18n::{t, t_string, td_string, use_i18n};
use crate::ui::insights::use_insights;
use crate::ui::labels;
use crate::ui::routing::Section;
use crate::ui::state::use_app;
use crate::ui::widgets::{unique_id, VirtualTable};
use leptos::prelude::*;
use std::collections::{HashMap, HashSet};

const ROW_HEIGHT: f64 = 60.0;

#[derive(Clone, PartialEq)]
struct Row {
    id: AccountId,
    name: String,
    /// The name as search compares it.
    key: String,
    tier: Option<Tier>,
    stage: Option<HandoffStage>,
    has_plan: bool,
    suggested: usize,
}

/// The accounts' positions in the order plans are listed (and packed): target
/// accounts by rank, then the rest by name.
pub(super) fn plan_order(p: &Plan, ranking: &Ranking) -> Vec<usize> {
    let ranked: HashSet<usize> = ranking.order.iter().copied().collect();
    let mut rest: Vec<usize> = (0..p.accounts.len()).filter(|i| !ranked.contains(i)).collect();
    sorting::sort_by(&mut rest, |a, b| p.accounts[*a].name.cmp(&p.accounts[*b].name));
    ranking.order.iter().copied().filter(|i| *i < p.accounts.len()).chain(rest).collect()
}

#[component]
pub fn AccountList(selected: RwSignal<Option<String>>) -> impl IntoView {
    let state = use_app();
    let i18n = use_i18n();
    let insights = use_insights();
    let query = RwSignal::new(String::new());
    let owner: RwSignal<Option<MemberId>> = RwSignal::new(None);
    let planned_only = RwSignal::new(false);
    // Everything the rows show, recomputed when the plan or ranking changes.
    let all = Memo::new(move |_| {
        let ranking = insights.ranking.get();
        state.plan.with(|p| {
            let Some(p) = p else { return Vec::new() };
            let today = crate::browser::clock::today();
            let mut counts: HashMap<AccountId, usize> = HashMap::new();
            for s in suggestions(p, None, today) {
                *counts.entry(s.account).or_default() += 1;
            }
            let stages = current_stages(p);
            let planned: HashSet<&AccountId> = p.account_plans.iter().map(|x| &x.account).collect();
            let row = |i: usize| {
                let a = &p.accounts[i];
                Row {
                    id: a.id.clone(),
                    name: a.name.clone(),
                    key: normalise(&a.name),
                    tier: ranking.0.tiers.get(i).copied().flatten().map(|t| t.0),
                    stage: stages.get(&a.id).copied(),
                    has_plan: planned.contains(&a.id),
                    suggested: counts.get(&a.id).copied().unwrap_or(0),
                }
            };
            plan_order(p, &ranking.0).into_iter().map(row).collect::<Vec<_>>()
        })
    });
    let owned: Memo<Option<HashSet<AccountId>>> = Memo::new(move |_| {
        let who = owner.get()?;
        Some(state.plan.with(|p| {
            p.as_ref()
                .map(|p| {
                    p.accounts
                        .iter()
                        .filter(|a| a.marketing_owner.as_ref() == Some(&who) || a.sales_owner.as_ref() == Some(&who))
                        .map(|a| a.id.clone())
                        .collect()
                })
                .unwrap_or_default()
        }))
    });
    let rows = Memo::new(move |_| {
        let q = normalise(&query.get());
        let only_planned = planned_only.get();
        owned.with(|owned| {
            all.with(|all| {
                all.iter()
                    .filter(|r| q.is_empty() || r.key.contains(&q))
                    .filter(|r| !only_planned || r.has_plan)
                    .filter(|r| owned.as_ref().is_none_or(|o| o.contains(&r.id)))
                    .cloned()
                    .collect::<Vec<_>>()
            })
        })
    });
    let render_row = move |i: usize| {
        let Some(r) = rows.with(|rows| rows.get(i).cloned()) else { return ().into_any() };
        // Tracked: rows are re-rendered in the new language.
        let l = i18n.get_locale();
        let href = Section::AccountPlans.href_to(r.id.as_str());
        let id = r.id.to_string();
        let current = move || selected.get().as_deref() == Some(id.as_str());
        let is_current = current.clone();
        let tier =
            r.tier.map(|t| view! { <span class=format!("tier-badge tier-{}", t.number())>{td_string!(l, accounts.tier_n, n = t.number()).to_string()}</span> });
        let stage = r.stage.map(|s| view! { <span class="chip">{labels::stage(l, s)}</span> });
        let plan = if r.has_plan { td_string!(l, ap.has_plan) } else { td_string!(l, ap.no_plan) }.to_string();
        let suggested = (r.suggested > 0).then(|| {
            let text = td_string!(l, ap.suggestions_n, count = r.suggested).to_string();
            let tooltip = text.clone();
            view! { <span class="chip chip-accent" title=tooltip><span aria-hidden="true">"★ " {r.suggested}</span><span class="visually-hidden">{text}</span></span> }
        });
        view! {
            <tr aria-rowindex=(i + 2).to_string() class:current=is_current>
                <td>
                    <a class="plan-link" href=href aria-current=move || if current() { "page" } else { "false" }>
                        <span class="plan-link-name">{r.name.clone()}</span>
                        // Tier and plan first: in a narrow list the stage is what is cut.
                        <span class="plan-link-meta">{tier}<span class="muted">{plan}</span>{suggested}{stage}</span>
                    </a>
                </td>
            </tr>
        }
        .into_any()
    };
    let search_id = unique_id("plan-search");
    let owner_id = unique_id("plan-owner");
    view! {
        <nav class="plan-accounts no-print" aria-label=move || t_string!(i18n, ap.list_label)>
            <div class="field">
                <label for=search_id.clone()>{t!(i18n, ap.search)}</label>
                <input id=search_id type="search" bind:value=query/>
            </div>
            <div class="field">
                <label for=owner_id.clone()>{t!(i18n, ap.owner_filter)}</label>
                <select id=owner_id on:change=move |ev| {
                    let v = event_target_value(&ev);
                    owner.set((!v.is_empty()).then_some(MemberId(v)));
                }>
                    <option value="" selected=move || owner.with(Option::is_none)>{t!(i18n, ap.everyone)}</option>
                    {move || super::members(state).into_iter().map(|(id, name)| {
                        let is = id.clone();
                        view! { <option value=id selected=move || owner.with(|o| o.as_ref().is_some_and(|o| o.as_str() == is))>{name}</option> }
                    }).collect_view()}
                </select>
            </div>
            <label class="check">
                <input type="checkbox" prop:checked=move || planned_only.get() on:change=move |ev| planned_only.set(event_target_checked(&ev))/>
                {t!(i18n, ap.planned_only)}
            </label>
            <p class="muted" aria-live="polite" data-testid="plan-list-count">
                {move || { let n: usize = rows.with(Vec::len); td_string!(i18n.get_locale(), ap.list_count, count = n).to_string() }}
            </p>
            <Show when=move || rows.with(|r| !r.is_empty()) fallback=move || view! { <p class="empty-state">{t!(i18n, ap.no_accounts)}</p> }>
                <VirtualTable count=Signal::derive(move || rows.with(Vec::len)) row_height=ROW_HEIGHT class="plan-list-table"
                    header=view! { <tr><th scope="col">{t!(i18n, ap.list_label)}</th></tr> }
                    render_row label=Signal::derive(move || t_string!(i18n, ap.list_label).to_string()) test_id="plan-list"/>
            </Show>
        </nav>
    }
}
