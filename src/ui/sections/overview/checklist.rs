//! The checklist's words: each step's title, its state, a one-line summary of
//! what the plan holds for it, and its next action as a link (engine:
//! `crate::checklist`).

use crate::checklist::{Facts, Next, State, Step, StepStatus};
use crate::domain::{FactorId, Plan};
use crate::ui::format;
use crate::ui::i18n::{td_string, use_i18n, Locale};
use crate::ui::insights::{use_insights, Shared};
use crate::ui::labels;
use crate::ui::routing::Section;
use crate::ui::state::use_app;
use leptos::prelude::*;

/// The plan's checklist (computed when read).
pub fn use_checklist() -> Memo<Shared<Vec<StepStatus>>> {
    use_insights().checklist
}

pub fn number(step: Step) -> usize {
    Step::ALL.iter().position(|s| *s == step).map_or(0, |i| i + 1)
}

pub fn title(l: Locale, step: Step) -> String {
    match step {
        Step::Goals => td_string!(l, checklist.goals),
        Step::Icp => td_string!(l, checklist.icp),
        Step::AccountData => td_string!(l, checklist.data),
        Step::Prioritisation => td_string!(l, checklist.prioritisation),
        Step::AccountPlans => td_string!(l, checklist.plans),
        Step::Execution => td_string!(l, checklist.execution),
        Step::Alignment => td_string!(l, checklist.alignment),
        Step::Measurement => td_string!(l, checklist.measurement),
    }
    .to_string()
}

pub fn state_label(l: Locale, s: State) -> String {
    match s {
        State::Done => td_string!(l, checklist.done),
        State::InProgress => td_string!(l, checklist.in_progress),
        State::NotStarted => td_string!(l, checklist.not_started),
    }
    .to_string()
}

fn factor_names(l: Locale, plan: &Plan, ids: &[FactorId]) -> String {
    ids.iter().filter_map(|id| plan.prioritisation.factors.iter().find(|f| &f.id == id)).map(|f| labels::factor_name(l, f)).collect::<Vec<_>>().join(", ")
}

/// What the plan holds for a step, in one line.
pub fn summary(l: Locale, plan: &Plan, facts: &Facts) -> String {
    let n = |v: usize| format::integer(v as i64, l);
    match facts {
        Facts::Goals { goals: 0, .. } => td_string!(l, checklist.f_goals_none).to_string(),
        Facts::Goals { goals, dated } => td_string!(l, checklist.f_goals, count = *goals, n = n(*goals), dated = n(*dated)).to_string(),
        Facts::Icp { criteria, in_list, accounts } => {
            td_string!(l, checklist.f_icp, count = *criteria, n = n(*criteria), in_list = n(*in_list), accounts = n(*accounts)).to_string()
        }
        Facts::AccountData { accounts, contacts, deals, activities } => {
            td_string!(l, checklist.f_data, accounts = n(*accounts), contacts = n(*contacts), deals = n(*deals), activities = n(*activities)).to_string()
        }
        Facts::Prioritisation { targets, tiers, set_aside } => {
            let tiers = td_string!(l, checklist.f_tiers, targets = n(*targets), t1 = n(tiers[0]), t2 = n(tiers[1]), t3 = n(tiers[2])).to_string();
            if set_aside.is_empty() {
                tiers
            } else {
                format!("{tiers} · {}", td_string!(l, checklist.f_set_aside, factors = factor_names(l, plan, set_aside)))
            }
        }
        Facts::AccountPlans { plans, tier1, tier1_with_plan } => {
            td_string!(l, checklist.f_plans, plans = n(*plans), with = n(*tier1_with_plan), tier1 = n(*tier1)).to_string()
        }
        Facts::Execution { campaigns, actions, activities } => {
            td_string!(l, checklist.f_execution, campaigns = n(*campaigns), actions = n(*actions), activities = n(*activities)).to_string()
        }
        Facts::Alignment { tier1, tier1_owned, handoffs } => {
            td_string!(l, checklist.f_alignment, owned = n(*tier1_owned), tier1 = n(*tier1), handoffs = n(*handoffs)).to_string()
        }
        Facts::Measurement { won_deals, activities_90_days } => {
            td_string!(l, checklist.f_measurement, won = n(*won_deals), recent = n(*activities_90_days)).to_string()
        }
    }
}

/// The next action's label and where it leads.
pub fn action(l: Locale, plan: &Plan, next: &Next) -> (String, String) {
    match next {
        Next::AddGoal => (td_string!(l, checklist.n_add_goal).to_string(), Section::Goals.href()),
        Next::DateGoals => (td_string!(l, checklist.n_date_goals).to_string(), Section::Goals.href()),
        Next::ImportAccounts => (td_string!(l, checklist.n_import_accounts).to_string(), Section::Accounts.href()),
        Next::ImportContacts => (td_string!(l, checklist.n_import_contacts).to_string(), Section::DataQuality.href_to("import")),
        Next::ImportDeals => (td_string!(l, checklist.n_import_deals).to_string(), Section::DataQuality.href_to("import")),
        Next::SuggestIcp { customers } => {
            (td_string!(l, checklist.n_suggest_icp, count = *customers, n = format::integer(*customers as i64, l)).to_string(), Section::Icp.href())
        }
        Next::AddIcpCriteria => (td_string!(l, checklist.n_add_criteria).to_string(), Section::Icp.href()),
        Next::WidenTargetList => (td_string!(l, checklist.n_widen).to_string(), Section::Icp.href()),
        Next::FillFactor(id) => {
            (td_string!(l, checklist.n_fill_factor, factor = factor_names(l, plan, std::slice::from_ref(id))).to_string(), Section::Prioritisation.href())
        }
        Next::WritePlan(id) => {
            let name = plan.accounts.iter().find(|a| &a.id == id).map(|a| a.name.clone()).unwrap_or_default();
            (td_string!(l, checklist.n_write_plan, name = name).to_string(), Section::AccountPlans.href_to(id.as_str()))
        }
        Next::AddCampaign => (td_string!(l, checklist.n_add_campaign).to_string(), Section::Campaigns.href()),
        Next::LogActivity => (td_string!(l, checklist.n_log_activity).to_string(), Section::Campaigns.href_to("activities")),
        Next::AssignOwners { accounts } => {
            (td_string!(l, checklist.n_assign_owners, count = *accounts, n = format::integer(*accounts as i64, l)).to_string(), Section::Accounts.href())
        }
        Next::RecordHandoff => (td_string!(l, checklist.n_handoff).to_string(), Section::AccountPlans.href()),
        Next::OpenDashboard => (td_string!(l, checklist.n_dashboard).to_string(), Section::Dashboard.href()),
    }
}

/// One step of the Overview's checklist.
#[component]
pub fn StepRow(status: StepStatus, current: bool) -> impl IntoView {
    let state = use_app();
    let i18n = use_i18n();
    let step = status.step;
    let kind = match status.state {
        State::Done => "done",
        State::InProgress => "in-progress",
        State::NotStarted => "not-started",
    };
    let mark = match status.state {
        State::Done => "✓",
        State::InProgress => "◐",
        State::NotStarted => "○",
    };
    let st = status.state;
    let text = move || {
        let l = i18n.get_locale();
        state.plan.with(|p| {
            let Some(p) = p else { return (String::new(), None) };
            (summary(l, p, &status.facts), status.next.as_ref().map(|n| action(l, p, n)))
        })
    };
    let text = Memo::new(move |_| text());
    view! {
        <li class=format!("checklist-step step-{kind}") class:step-current=current aria-current=current.then_some("step") data-testid=format!("step-{}", number(step))>
            <span class="step-mark" aria-hidden="true">{mark}</span>
            <div class="step-body">
                <div class="step-title">
                    <span class="step-number">{number(step)}". "</span>
                    <span>{move || title(i18n.get_locale(), step)}</span>
                    <span class=format!("badge step-state-{kind}")>{move || state_label(i18n.get_locale(), st)}</span>
                </div>
                <p class="step-facts">{move || text.get().0}</p>
                {move || text.get().1.map(|(label, href)| view! { <a class="step-next" href=href>{label}" →"</a> })}
            </div>
        </li>
    }
}
