//! The ICP section: criteria with weights, how fit is computed, personas, and the
//! target list with each account's fit and why it is in or out.

mod criteria;
mod personas;
mod settings;
mod suggestions;
mod target_list;

pub use target_list::{outcome_chip, status_text};

use crate::checklist::Step;
use crate::domain::{IcpCriterion, IcpProfile, IcpRule, Plan};
use crate::editing::{Change, EditKind};
use crate::ui::i18n::{t, td_string, use_i18n, Locale};
use crate::ui::sections::overview::NextStep;
use crate::ui::state::{use_app, AppState};
use leptos::prelude::*;

#[component]
pub fn Icp() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="section" aria-labelledby="section-title">
            <header class="section-head"><h1 id="section-title">{t!(i18n, icp.title)}</h1></header>
            <p class="lead">{t!(i18n, icp.intro)}</p>
            <suggestions::IcpSuggestions/>
            <div class="icp-layout">
                <criteria::Criteria/>
                <settings::FitSettings/>
            </div>
            <personas::Personas/>
            <target_list::TargetList/>
            <NextStep step=Step::Prioritisation/>
        </section>
    }
}

/// The ICP of the open plan.
fn profile(state: AppState) -> IcpProfile {
    state.plan.with(|p| p.as_ref().map(|p| p.icp.clone()).unwrap_or_default())
}

/// Edits the ICP: one undo step per call.
fn update_icp(state: AppState, kind: EditKind, f: impl FnOnce(&mut IcpProfile)) {
    state.dispatch(edited_icp(state, f), kind);
}

/// [`update_icp`], handing back the plan's refusal for a form to show.
fn try_update_icp(state: AppState, kind: EditKind, f: impl FnOnce(&mut IcpProfile)) -> Result<(), crate::domain::Refusal> {
    state.try_dispatch(edited_icp(state, f), kind)
}

/// The change that sets the plan's ICP as `f` leaves a copy of it.
fn edited_icp(state: AppState, f: impl FnOnce(&mut IcpProfile)) -> Change {
    let mut icp = state.plan.with_untracked(|p| p.as_ref().map(|p| p.icp.clone()).unwrap_or_default());
    f(&mut icp);
    Change::SetIcp(Box::new(icp))
}

/// A criterion's short name: its attribute, or the custom field's name.
pub fn criterion_label(l: Locale, c: &IcpCriterion, plan: &Plan) -> String {
    match &c.rule {
        IcpRule::Industry { .. } => td_string!(l, icp.kinds.industry).to_string(),
        IcpRule::Employees { .. } => td_string!(l, icp.kinds.employees).to_string(),
        IcpRule::AnnualRevenue { .. } => td_string!(l, icp.kinds.annual_revenue).to_string(),
        IcpRule::Country { .. } => td_string!(l, icp.kinds.country).to_string(),
        IcpRule::Region { .. } => td_string!(l, icp.kinds.region).to_string(),
        IcpRule::Technologies { .. } => td_string!(l, icp.kinds.technologies).to_string(),
        IcpRule::Tags { .. } => td_string!(l, icp.kinds.tags).to_string(),
        IcpRule::CustomField { field, .. } => {
            plan.custom_fields.iter().find(|f| &f.id == field).map(|f| f.name.clone()).unwrap_or_else(|| td_string!(l, icp.kinds.custom_field).to_string())
        }
    }
}

fn use_state() -> AppState {
    use_app()
}
