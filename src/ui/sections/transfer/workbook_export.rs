//! The plan's working views as an Excel workbook, headed in the user's language
//! (see `crate::workbook`).

use super::csv_export::account_columns;
use crate::browser::workbook_worker::{self, WorkerFailure};
use crate::browser::{clock, files};
use crate::domain::{BuiltinChannel, Channel, GoalId, Plan};
use crate::kpi::{Period, HEADLINES};
use crate::plan_file::safe_stem;
use crate::ui::format;
use crate::ui::i18n::{t, t_string, td_string, use_i18n, Locale};
use crate::ui::insights::use_insights;
use crate::ui::labels;
use crate::ui::sections::dashboard::chosen_period;
use crate::ui::sections::dashboard::tiles::headline_words;
use crate::ui::sections::goals::target_text;
use crate::ui::state::use_app;
use crate::workbook::{self, ReportScope, ReportWords, WorkbookWords, STATUSES};
use leptos::prelude::*;
use leptos::task::spawn_local;

const XLSX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/// Account plan goals with their targets, as the plan view writes them.
fn goal_texts(l: Locale, p: &Plan) -> Vec<(GoalId, String)> {
    p.account_plans
        .iter()
        .flat_map(|ap| &ap.goals)
        .map(|g| (g.id.clone(), td_string!(l, transfer.xlsx_goal_target, goal = g.name.clone(), target = target_text(g, &p.currency, l)).to_string()))
        .collect()
}

fn report_words(l: Locale, p: &Plan, period: &Period) -> ReportWords {
    let range = |p: Period| (format::date(p.start, l), format::date(p.end, l));
    let ((start, end), (prev_start, prev_end)) = (range(*period), range(period.previous()));
    let channels = p.campaigns.iter().map(|c| c.channel.clone()).chain(BuiltinChannel::ALL.iter().map(|b| Channel::Builtin(*b)));
    ReportWords {
        goals_sheet: td_string!(l, transfer.xlsx_sheet_goals).to_string(),
        kpis_sheet: td_string!(l, transfer.xlsx_sheet_kpis).to_string(),
        campaign_roi_sheet: td_string!(l, transfer.xlsx_sheet_campaign_roi).to_string(),
        channel_roi_sheet: td_string!(l, transfer.xlsx_sheet_channel_roi).to_string(),
        goal: td_string!(l, dash.goal).to_string(),
        target: td_string!(l, dash.target).to_string(),
        actual: td_string!(l, dash.actual).to_string(),
        progress: td_string!(l, dash.progress).to_string(),
        status: td_string!(l, dash.status).to_string(),
        start: td_string!(l, goals.start).to_string(),
        due: td_string!(l, goals.due).to_string(),
        statuses: STATUSES.iter().map(|s| labels::goal_status(l, *s)).collect(),
        kpi: td_string!(l, transfer.xlsx_kpi).to_string(),
        this_period: td_string!(l, transfer.xlsx_this_period, start = start, end = end).to_string(),
        previous_period: td_string!(l, transfer.xlsx_previous_period, start = prev_start, end = prev_end).to_string(),
        headlines: HEADLINES.iter().map(|h| headline_words(l, *h).0).collect(),
        campaign: td_string!(l, dash.campaign).to_string(),
        channel: td_string!(l, dash.channel).to_string(),
        campaigns: td_string!(l, dash.campaigns).to_string(),
        cost: td_string!(l, dash.cost).to_string(),
        revenue: td_string!(l, dash.attributed).to_string(),
        deals: td_string!(l, dash.deals).to_string(),
        roi: td_string!(l, dash.roi_col).to_string(),
        channel_names: channels.map(|c| (c.key().to_string(), labels::channel(l, p, &c))).collect(),
        unattributed: td_string!(l, transfer.xlsx_unattributed).to_string(),
    }
}

#[component]
pub fn WorkbookExport() -> impl IntoView {
    let state = use_app();
    let insights = use_insights();
    let i18n = use_i18n();
    // While the worker writes: the button waits and says so.
    let writing = RwSignal::new(false);
    let export = move |_| {
        if writing.get_untracked() {
            return;
        }
        let l = i18n.get_locale();
        let basis = insights.basis.get_untracked();
        let ranking = insights.ranking.get_untracked();
        let today = clock::today();
        let written = state.plan.with_untracked(|p| {
            let p = p.as_ref()?;
            let period = chosen_period(state, today, p);
            let columns = account_columns(l, p);
            let words = WorkbookWords {
                target_list: td_string!(l, transfer.xlsx_sheet_targets).to_string(),
                accounts: td_string!(l, transfer.xlsx_sheet_accounts).to_string(),
                tier1_plans: td_string!(l, transfer.xlsx_sheet_plans).to_string(),
                account: td_string!(l, transfer.xlsx_account).to_string(),
                points: columns.factors.iter().map(|f| td_string!(l, transfer.xlsx_points, factor = f.clone()).to_string()).collect(),
                business: td_string!(l, ap.business).to_string(),
                challenges: td_string!(l, ap.challenges).to_string(),
                needs: td_string!(l, ap.needs).to_string(),
                goals: td_string!(l, transfer.xlsx_goals).to_string(),
                key_people: td_string!(l, transfer.xlsx_people).to_string(),
                resisters: td_string!(l, transfer.xlsx_resisters).to_string(),
                open_actions: td_string!(l, transfer.xlsx_open_actions).to_string(),
                next_action: td_string!(l, transfer.xlsx_next_action).to_string(),
                next_action_due: td_string!(l, transfer.xlsx_next_due).to_string(),
                columns,
                list_separator: td_string!(l, transfer.xlsx_list_separator).to_string(),
                goal_texts: goal_texts(l, p),
                report: report_words(l, p, &period),
            };
            let dates = td_string!(l, transfer.xlsx_date_format).to_string();
            let scope = ReportScope { period, today };
            let sheets = workbook::sheets(p, &basis, &ranking, &scope, &words);
            Some((sheets, p.currency.clone(), dates, format!("{} {}.xlsx", safe_stem(&p.name, "plan"), clock::today())))
        });
        let Some((sheets, currency, dates, name)) = written else { return };
        writing.set(true);
        spawn_local(async move {
            let message = match workbook_worker::write(sheets, &currency, &dates).await {
                Ok(Ok(bytes)) => match files::download_bytes(&name, XLSX, &bytes) {
                    Ok(()) => t_string!(i18n, transfer.xlsx_done).to_string(),
                    Err(_) => t_string!(i18n, transfer.xlsx_not_downloaded).to_string(),
                },
                Ok(Err(e)) => td_string!(l, transfer.xlsx_failed, reason = e.0).to_string(),
                Err(WorkerFailure::Unavailable(_)) => t_string!(i18n, transfer.xlsx_unavailable).to_string(),
                Err(WorkerFailure::Stopped(reason)) => td_string!(l, transfer.xlsx_failed, reason = reason).to_string(),
                Err(WorkerFailure::OtherRelease) => t_string!(i18n, transfer.xlsx_outdated).to_string(),
            };
            let _ = writing.try_set(false);
            state.show_toast(message, None);
        });
    };
    view! {
        <article class="card">
            <h2>{t!(i18n, transfer.xlsx_title)}</h2>
            <p>{t!(i18n, transfer.xlsx_desc)}</p>
            <button type="button" class="button" on:click=export aria-busy=move || writing.get().then_some("true")
                disabled=move || writing.get() || state.plan.with(|p| p.as_ref().is_none_or(|p| p.accounts.is_empty()))>
                {move || if writing.get() { t_string!(i18n, transfer.xlsx_preparing) } else { t_string!(i18n, transfer.xlsx_button) }}
            </button>
        </article>
    }
}
