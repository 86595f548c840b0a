//! The plan pack: the tier-1 account plans, or a chosen set, as one printable
//! document for a manager or a sales meeting: a cover page, the contents, then
//! each account's plan starting on a page of its own (`#/account-plans/pack`).

use super::list::plan_order;
use super::plan_view::PlanView;
use crate::domain::{AccountId, Tier};
use crate::ui::format;
use crate::ui::i18n::{t, td_string, use_i18n, Locale};
use crate::ui::insights::use_insights;
use crate::ui::routing::Section;
use crate::ui::state::use_app;
use leptos::prelude::*;
use std::collections::BTreeSet;

/// The route's detail that opens the pack instead of an account's plan.
pub const PACK: &str = "pack";

/// An account the pack can hold.
#[derive(Clone, PartialEq)]
struct Offered {
    id: AccountId,
    name: String,
    tier: Option<Tier>,
    rank: Option<u32>,
    has_plan: bool,
}

impl Offered {
    /// In the pack until the user chooses: a tier-1 account with a written plan
    /// (a tier-1 account without one would print a page of empty headings).
    fn by_default(&self) -> bool {
        self.tier == Some(Tier::One) && self.has_plan
    }
}

#[component]
pub fn PlanPack() -> impl IntoView {
    let state = use_app();
    let i18n = use_i18n();
    let insights = use_insights();
    // Tier-1 accounts and accounts with a written plan, in rank order (then by name).
    let offered = Memo::new(move |_| {
        let ranking = insights.ranking.get();
        state.plan.with(|p| {
            let Some(p) = p else { return Vec::new() };
            let planned: BTreeSet<&AccountId> = p.account_plans.iter().map(|x| &x.account).collect();
            plan_order(p, &ranking.0)
                .into_iter()
                .filter_map(|i| {
                    let a = p.accounts.get(i)?;
                    let tier = ranking.0.tiers.get(i).copied().flatten().map(|t| t.0);
                    (tier == Some(Tier::One) || planned.contains(&a.id)).then(|| Offered {
                        id: a.id.clone(),
                        name: a.name.clone(),
                        tier,
                        rank: ranking.0.ranks.get(i).copied().flatten(),
                        has_plan: planned.contains(&a.id),
                    })
                })
                .collect::<Vec<_>>()
        })
    });
    // The accounts chosen: none chosen yet means every tier-1 account with a plan.
    let chosen: RwSignal<Option<BTreeSet<AccountId>>> = RwSignal::new(None);
    let is_in = move |o: &Offered| chosen.with(|c| c.as_ref().map_or(o.by_default(), |c| c.contains(&o.id)));
    let toggle = move |id: AccountId, on: bool| {
        let current: BTreeSet<AccountId> = offered.with_untracked(|all| all.iter().filter(|o| is_in(o)).map(|o| o.id.clone()).collect());
        let mut next = current;
        if on {
            next.insert(id);
        } else {
            next.remove(&id);
        }
        chosen.set(Some(next));
    };
    let in_pack = Memo::new(move |_| offered.with(|all| all.iter().filter(|o| is_in(o)).cloned().collect::<Vec<_>>()));
    let where_ = move |o: &Offered, l: Locale| match (o.tier, o.rank) {
        (Some(tier), Some(rank)) => td_string!(l, ap.pack_tier_rank, tier = tier.number(), rank = rank).to_string(),
        _ => td_string!(l, ap.pack_unranked).to_string(),
    };
    let choice_meta = move |o: &Offered, l: Locale| {
        if o.has_plan {
            where_(o, l)
        } else {
            td_string!(l, ap.pack_no_plan, place = where_(o, l)).to_string()
        }
    };
    let print = move |_| {
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
    };
    let plan_name = move || state.plan.with(|p| p.as_ref().map(|p| p.name.clone()).unwrap_or_default());
    view! {
        <section class="plan-pack" data-testid="plan-pack" aria-labelledby="pack-title">
            <div class="pack-controls no-print">
                <div class="pack-controls-head">
                    <h2 id="pack-title">{t!(i18n, ap.pack_title)}</h2>
                    <div class="plan-actions">
                        <a class="button" href=Section::AccountPlans.href()>{t!(i18n, ap.pack_back)}</a>
                        <button type="button" class="button button-primary" data-testid="pack-print" on:click=print
                            disabled=move || in_pack.with(Vec::is_empty)>{t!(i18n, ap.pack_print)}</button>
                    </div>
                </div>
                <p class="muted">{t!(i18n, ap.pack_desc)}</p>
                <fieldset class="pack-choice" data-testid="pack-choice">
                    <legend>{t!(i18n, ap.pack_accounts)}</legend>
                    {move || {
                        let l = i18n.get_locale();
                        offered.get().into_iter().map(|o| {
                            let id = o.id.clone();
                            let checked = is_in(&o);
                            view! {
                                <label class="check">
                                    <input type="checkbox" prop:checked=checked on:change=move |ev| toggle(id.clone(), event_target_checked(&ev))/>
                                    <span class="pack-choice-text">
                                        <span>{o.name.clone()}</span>
                                        <span class="muted small">{choice_meta(&o, l)}</span>
                                    </span>
                                </label>
                            }
                        }).collect_view()
                    }}
                </fieldset>
                {move || in_pack.with(Vec::is_empty).then(|| view! { <p class="empty-state" role="status">{t!(i18n, ap.pack_empty)}</p> })}
            </div>
            <Show when=move || in_pack.with(|v| !v.is_empty())>
                <div class="pack-cover" data-testid="pack-cover">
                    <p class="pack-kicker">{t!(i18n, ap.pack_kicker)}</p>
                    <h1 class="pack-plan-name">{plan_name}</h1>
                    <p class="pack-meta">{move || {
                        let l = i18n.get_locale();
                        td_string!(l, ap.pack_meta, count = in_pack.with(Vec::len), date = format::date(crate::browser::clock::today(), l)).to_string()
                    }}</p>
                </div>
                <nav class="pack-contents" data-testid="pack-contents" aria-labelledby="pack-contents-title">
                    <h2 id="pack-contents-title">{t!(i18n, ap.pack_contents)}</h2>
                    <ol>
                        {move || {
                            let l = i18n.get_locale();
                            in_pack.get().into_iter().map(|o| view! {
                                <li><span class="pack-entry">{o.name.clone()}</span> <span class="muted">{where_(&o, l)}</span></li>
                            }).collect_view()
                        }}
                    </ol>
                </nav>
                <For each=move || in_pack.get() key=|o| o.id.clone() let:o>
                    <div class="pack-plan"><PlanView id=o.id in_pack=true/></div>
                </For>
            </Show>
        </section>
    }
}
