//! Account plans (steps 3, 5, 6 and 7 of the method): a list of accounts to plan
//! on the left, the selected account's plan on the right. The account is in the
//! URL (`#/account-plans/acc_123`), so a plan can be linked and survives a reload.

mod action_editor;
mod channels;
mod contact_editor;
mod content;
mod execution;
mod goals;
mod history;
mod list;
mod next_best;
mod notes;
mod org_chart;
mod overview;
mod owners;
mod pack;
mod plan_view;
mod rules;
mod team;
mod timeline;
mod words;

use crate::account_plans::plan_of;
use crate::checklist::Step;
use crate::domain::{AccountId, AccountPlan, AccountPlanId, IdGenerator, Plan};
use crate::editing::{Change, EditKind};
use crate::ui::i18n::{t, use_i18n};
use crate::ui::routing::{detail_signal, Section};
use crate::ui::sections::overview::NextStep;
use crate::ui::state::{use_app, AppState};
use leptos::prelude::*;

#[component]
pub fn AccountPlans() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_app();
    let selected = detail_signal();
    // The pack, unless an account is called "pack".
    let show_pack = Memo::new(move |_| {
        selected.with(|s| s.as_deref() == Some(pack::PACK))
            && state.plan.with_untracked(|p| p.as_ref().is_none_or(|p| !p.accounts.iter().any(|a| a.id.0 == pack::PACK)))
    });
    view! {
        <section class="section section-wide" aria-labelledby="section-title">
            <header class="section-head no-print">
                <h1 id="section-title">{t!(i18n, ap.title)}</h1>
            </header>
            <p class="lead no-print">{t!(i18n, ap.intro)}</p>
            // Only a change between the pack and the list redraws the list, not
            // picking another account.
            {move || if show_pack.get() {
                view! { <pack::PlanPack/> }.into_any()
            } else {
                view! {
                    <div class="plan-layout">
                        <list::AccountList selected/>
                        <div class="plan-main">
                            {move || match selected.get() {
                                None => view! {
                                    <p class="empty-state">{t!(i18n, ap.pick)}</p>
                                    <p><a class="button" href=Section::AccountPlans.href_to(pack::PACK)>{t!(i18n, ap.pack_open)}</a></p>
                                }.into_any(),
                                Some(id) => view! { <plan_view::PlanView id=AccountId(id)/> }.into_any(),
                            }}
                        </div>
                    </div>
                }.into_any()
            }}
            <NextStep step=Step::Execution/>
        </section>
    }
}

/// A blank plan for an account that has none yet.
fn blank_plan(account: &AccountId) -> AccountPlan {
    AccountPlan {
        id: AccountPlanId::generate(&mut IdGenerator::random()),
        account: account.clone(),
        overview: Default::default(),
        goals: Vec::new(),
        marketing_plan: String::new(),
        sales_strategy: String::new(),
        kpis: Vec::new(),
        actions: Vec::new(),
        channels: Vec::new(),
        updated_at: None,
    }
}

/// Edits the account's plan (writing it on the first edit) and dispatches the
/// result; an edit that changes nothing dispatches nothing.
fn edit_plan(state: AppState, account: &AccountId, kind: EditKind, edit: impl FnOnce(&mut AccountPlan)) {
    let Some(ap) = edited_plan(state, account, edit) else { return };
    state.dispatch(Change::PutAccountPlan(Box::new(ap)), kind);
}

/// The account's plan (a blank one if it has none) after `edit`; `None` when the
/// edit changes nothing, so opening and closing a form makes no undo step.
fn edited_plan(state: AppState, account: &AccountId, edit: impl FnOnce(&mut AccountPlan)) -> Option<AccountPlan> {
    let current = state.plan.with_untracked(|p| p.as_ref().map(|p| plan_of(p, account).cloned()))?;
    let before = current.clone();
    let mut ap = current.unwrap_or_else(|| blank_plan(account));
    edit(&mut ap);
    let unchanged = before.as_ref().is_some_and(|b| *b == ap) || (before.is_none() && ap == AccountPlan { id: ap.id.clone(), ..blank_plan(account) });
    (!unchanged).then_some(ap)
}

/// Reads from the open plan (empty plans read as `T::default()`).
fn read<T: Default>(state: AppState, f: impl FnOnce(&Plan) -> T) -> T {
    state.plan.with(|p| p.as_ref().map(f).unwrap_or_default())
}

/// Team members as (id, name) for owner choices.
fn members(state: AppState) -> Vec<(String, String)> {
    read(state, |p| p.team.iter().map(|m| (m.id.to_string(), m.name.clone())).collect())
}
