//! The plan's working views as an Excel workbook, headed in the user's language
//! (see `crate::workbook`).

use super::csv_export::account_columns;
use crate::browser::{clock, files};
use crate::plan_file::safe_stem;
use crate::ui::i18n::{t, t_string, td_string, use_i18n};
use crate::ui::insights::use_insights;
use crate::ui::state::use_app;
use crate::workbook::{self, WorkbookWords};
use leptos::prelude::*;

const XLSX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

#[component]
pub fn WorkbookExport() -> impl IntoView {
    let state = use_app();
    let insights = use_insights();
    let i18n = use_i18n();
    let export = move |_| {
        let l = i18n.get_locale();
        let basis = insights.basis.get_untracked();
        let ranking = insights.ranking.get_untracked();
        let written = state.plan.with_untracked(|p| {
            let p = p.as_ref()?;
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
            };
            let dates = td_string!(l, transfer.xlsx_date_format).to_string();
            let bytes = workbook::write(&workbook::sheets(p, &basis, &ranking, &words), &p.currency, &dates);
            Some((bytes, format!("{} {}.xlsx", safe_stem(&p.name, "plan"), clock::today())))
        });
        match written {
            Some((Ok(bytes), name)) if files::download_bytes(&name, XLSX, &bytes).is_ok() => {
                state.show_toast(t_string!(i18n, transfer.xlsx_done).to_string(), None);
            }
            Some((Err(e), _)) => state.show_toast(td_string!(l, transfer.xlsx_failed, reason = e.0).to_string(), None),
            _ => {}
        }
    };
    view! {
        <article class="card">
            <h2>{t!(i18n, transfer.xlsx_title)}</h2>
            <p>{t!(i18n, transfer.xlsx_desc)}</p>
            <button type="button" class="button" on:click=export disabled=move || state.plan.with(|p| p.as_ref().is_none_or(|p| p.accounts.is_empty()))>
                {t!(i18n, transfer.xlsx_button)}
            </button>
        </article>
    }
}
