//! The customer overview (business, challenges, needs) and the marketing plan and
//! sales strategy: free text, saved when the user leaves a field.

use super::edit_plan;
use crate::account_plans::plan_of;
use crate::domain::{AccountId, AccountPlan};
use crate::editing::EditKind;
use crate::ui::i18n::{t, t_string, use_i18n};
use crate::ui::state::use_app;
use crate::ui::widgets::unique_id;
use leptos::prelude::*;

/// A labelled text area bound to one text of the account plan.
#[component]
fn PlanText(
    id: AccountId,
    #[prop(into)] label: Signal<String>,
    read: fn(&AccountPlan) -> &String,
    write: fn(&mut AccountPlan) -> &mut String,
    #[prop(optional)] test_id: &'static str,
) -> impl IntoView {
    let state = use_app();
    let field_id = unique_id("plan-text");
    let value = {
        let id = id.clone();
        move || state.plan.with(|p| p.as_ref().and_then(|p| plan_of(p, &id)).map(|ap| read(ap).clone()).unwrap_or_default())
    };
    let save = move |ev: leptos::ev::Event| {
        let text = event_target_value(&ev);
        edit_plan(state, &id, EditKind::EditAccountPlan, |ap| *write(ap) = text);
    };
    view! {
        <div class="field">
            <label for=field_id.clone()>{move || label.get()}</label>
            <textarea id=field_id rows="3" data-testid=test_id prop:value=value on:change=save></textarea>
        </div>
    }
}

#[component]
pub fn OverviewPanel(id: AccountId) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="panel" aria-labelledby="plan-overview">
            <h3 id="plan-overview">{t!(i18n, ap.overview)}</h3>
            <p class="muted no-print">{t!(i18n, ap.saved_hint)}</p>
            <div class="three-columns">
                <PlanText id=id.clone() label=Signal::derive(move || t_string!(i18n, ap.business).to_string()) read=|ap| &ap.overview.business write=|ap| &mut ap.overview.business test_id="plan-business"/>
                <PlanText id=id.clone() label=Signal::derive(move || t_string!(i18n, ap.challenges).to_string()) read=|ap| &ap.overview.challenges write=|ap| &mut ap.overview.challenges test_id="plan-challenges"/>
                <PlanText id=id.clone() label=Signal::derive(move || t_string!(i18n, ap.needs).to_string()) read=|ap| &ap.overview.needs write=|ap| &mut ap.overview.needs test_id="plan-needs"/>
            </div>
        </section>
    }
}

#[component]
pub fn StrategyPanel(id: AccountId) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="panel" aria-labelledby="plan-strategy">
            <h3 id="plan-strategy">{t!(i18n, ap.strategy)}</h3>
            <div class="two-columns">
                <PlanText id=id.clone() label=Signal::derive(move || t_string!(i18n, ap.marketing_plan).to_string()) read=|ap| &ap.marketing_plan write=|ap| &mut ap.marketing_plan test_id="plan-marketing"/>
                <PlanText id=id.clone() label=Signal::derive(move || t_string!(i18n, ap.sales_strategy).to_string()) read=|ap| &ap.sales_strategy write=|ap| &mut ap.sales_strategy test_id="plan-sales"/>
            </div>
        </section>
    }
}
