//! The accounts as a CSV file for Excel and CRMs, with their fit, factor values,
//! score, rank and tier, headed in the user's language (see `crate::csv_io`).

use crate::browser::{clock, files};
use crate::csv_io::{accounts_csv, AccountColumns};
use crate::domain::Plan;
use crate::plan_file::safe_stem;
use crate::ui::i18n::{t, t_string, td_string, use_i18n, Locale};
use crate::ui::insights::use_insights;
use crate::ui::labels;
use crate::ui::state::use_app;
use leptos::prelude::*;

#[component]
pub fn CsvExport() -> impl IntoView {
    let state = use_app();
    let insights = use_insights();
    let i18n = use_i18n();
    let export = move |_| {
        let l = i18n.get_locale();
        let basis = insights.basis.get_untracked();
        let ranking = insights.ranking.get_untracked();
        state.plan.with_untracked(|p| {
            let Some(p) = p else { return };
            let columns = account_columns(l, p);
            let text = accounts_csv(p, &basis, &ranking, &columns);
            let name = format!("{} accounts {}.csv", safe_stem(&p.name, "plan"), clock::today());
            if files::download(&name, "text/csv;charset=utf-8", &text).is_ok() {
                state.show_toast(t_string!(i18n, transfer.csv_done).to_string(), None);
            }
        });
    };
    view! {
        <article class="card">
            <h2>{t!(i18n, transfer.csv_title)}</h2>
            <p>{t!(i18n, transfer.csv_desc)}</p>
            <button type="button" class="button" on:click=export disabled=move || state.plan.with(|p| p.as_ref().is_none_or(|p| p.accounts.is_empty()))>
                {t!(i18n, transfer.csv_button)}
            </button>
        </article>
    }
}

/// The accounts' column headings in the UI language (the CSV's and the workbook's).
pub(super) fn account_columns(l: Locale, p: &Plan) -> AccountColumns {
    AccountColumns {
        id: "ID".into(),
        name: td_string!(l, accounts.name).to_string(),
        domain: td_string!(l, accounts.domain).to_string(),
        industry: td_string!(l, accounts.industry).to_string(),
        employees: td_string!(l, accounts.employees).to_string(),
        revenue: td_string!(l, accounts.revenue).to_string(),
        country: td_string!(l, accounts.country).to_string(),
        region: td_string!(l, accounts.region).to_string(),
        technologies: td_string!(l, accounts.technologies).to_string(),
        tags: td_string!(l, accounts.tags).to_string(),
        in_target_list: td_string!(l, transfer.csv_target_list).to_string(),
        fit: td_string!(l, transfer.csv_fit).to_string(),
        factors: p.prioritisation.factors.iter().map(|f| labels::factor_name(l, f)).collect(),
        score: td_string!(l, accounts.score).to_string(),
        rank: td_string!(l, accounts.rank).to_string(),
        tier: td_string!(l, accounts.tier).to_string(),
        marketing_owner: td_string!(l, accounts.marketing_owner).to_string(),
        sales_owner: td_string!(l, accounts.sales_owner).to_string(),
        yes: td_string!(l, transfer.csv_yes).to_string(),
        no: td_string!(l, transfer.csv_no).to_string(),
        flag_yes: td_string!(l, transfer.csv_flag_yes).to_string(),
        flag_no: td_string!(l, transfer.csv_flag_no).to_string(),
    }
}
