//! One account's plan, panel by panel, in the order the printed plan and the
//! Markdown export follow.

use super::pack::PACK;
use crate::account_plans::markdown::{self, account_plan_markdown};
use crate::browser::files;
use crate::domain::AccountId;
use crate::ui::format;
use crate::ui::i18n::{t, td_string, use_i18n};
use crate::ui::insights::use_insights;
use crate::ui::routing::Section;
use crate::ui::state::use_app;
use leptos::prelude::*;

#[component]
pub fn PlanView(
    id: AccountId,
    /// Shown in the plan pack: the pack prints them all, so the plan's own
    /// print and export are left out, and its heading's id names the account.
    #[prop(optional)]
    in_pack: bool,
) -> impl IntoView {
    let title_id = if in_pack { format!("plan-title-{}", id.0) } else { "plan-title".to_string() };
    let state = use_app();
    let i18n = use_i18n();
    let insights = use_insights();
    let index = {
        let id = id.clone();
        Memo::new(move |_| state.plan.with(|p| p.as_ref().and_then(|p| p.accounts.iter().position(|a| a.id == id))))
    };
    let name = {
        let id = id.clone();
        Memo::new(move |_| state.plan.with(|p| p.as_ref().and_then(|p| p.accounts.iter().find(|a| a.id == id).map(|a| a.name.clone()))))
    };
    let summary = move || {
        let i = index.get()?;
        let l = i18n.get_locale();
        let fit = insights.basis.with(|b| (i < b.0.len()).then(|| b.0.fit(i).percent).flatten());
        let fit = fit.map(|f| format::percent(f, l)).unwrap_or_else(|| "—".into());
        let rank = insights.ranking.with(|r| (i < r.0.scores.len()).then(|| r.0.account(i)))?;
        Some(match (rank.rank, rank.tier) {
            (Some(n), Some((tier, _))) => {
                td_string!(l, ap.summary, tier = tier.number(), rank = n, score = format::number(rank.score, l, 1), fit = fit).to_string()
            }
            _ => td_string!(l, ap.summary_untiered, fit = fit).to_string(),
        })
    };
    let export = {
        let id = id.clone();
        move |_| {
            let l = state.locale();
            let Some((md, name)) = state.plan.with_untracked(|p| {
                let p = p.as_ref()?;
                let a = p.accounts.iter().find(|a| a.id == id)?;
                Some((account_plan_markdown(p, a, &super::words::UiWords(l)), a.name.clone()))
            }) else {
                return;
            };
            let file = markdown::file_name(&name, crate::browser::clock::today());
            if files::download(&file, "text/markdown;charset=utf-8", &md).is_ok() {
                state.show_toast(td_string!(l, ap.exported_md, file = file).to_string(), None);
            }
        }
    };
    let print = move |_| {
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
    };
    view! {
        <Show when=move || name.with(Option::is_some) fallback=move || view! { <p class="empty-state" role="status">{t!(i18n, ap.not_found)}</p> }>
            <article class="account-plan" aria-labelledby=title_id.clone() data-testid="account-plan">
                <header class="plan-head">
                    <div>
                        <h2 id=title_id.clone()>{move || name.get().unwrap_or_default()}</h2>
                        <p class="muted" data-testid="plan-summary">{summary}</p>
                    </div>
                    {(!in_pack).then(|| view! {
                        <div class="plan-actions no-print">
                            <a class="button" href=Section::AccountPlans.href_to(PACK)>{t!(i18n, ap.pack_open)}</a>
                            <button type="button" class="button" on:click=print>{t!(i18n, ap.print)}</button>
                            <button type="button" class="button" on:click=export.clone()>{t!(i18n, ap.export_md)}</button>
                        </div>
                    })}
                </header>
                <super::overview::OverviewPanel id=id.clone()/>
                <super::owners::OwnersPanel id=id.clone()/>
                <super::goals::GoalsPanel id=id.clone() kpis=false/>
                <super::overview::StrategyPanel id=id.clone()/>
                <super::goals::GoalsPanel id=id.clone() kpis=true/>
                <super::channels::ChannelsPanel id=id.clone()/>
                <super::org_chart::OrgChartPanel id=id.clone()/>
                <super::next_best::NextBestPanel id=id.clone()/>
                <super::execution::ExecutionPanel id=id.clone()/>
                <super::content::ContentPanel id=id.clone()/>
                <super::notes::NotesPanel id=id.clone()/>
                <super::history::HistoryPanel id=id.clone()/>
            </article>
        </Show>
    }
}
