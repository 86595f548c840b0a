//! The target list: every account's fit with its breakdown, whether it is in the
//! list and why, and the choice to include or exclude it by hand.

use super::{criterion_label, use_state};
use crate::domain::sorting;
use crate::domain::{Account, TargetChoice};
use crate::editing::{Change, EditKind};
use crate::icp::{Outcome, TargetStatus};
use crate::ui::format;
use crate::ui::i18n::{t, t_string, td_string, use_i18n, Locale};
use crate::ui::insights::use_insights;
use crate::ui::widgets::{unique_id, VirtualTable};
use leptos::prelude::*;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Show {
    All,
    In,
    Out,
}

pub fn status_text(l: Locale, s: TargetStatus) -> String {
    let pct = |v: f64| format::percent(v, l);
    match s {
        TargetStatus::IncludedByHand => td_string!(l, icp.status_in_hand).to_string(),
        TargetStatus::ExcludedByHand => td_string!(l, icp.status_out_hand).to_string(),
        TargetStatus::FitAtLeast { fit, threshold } => td_string!(l, icp.status_fit_in, fit = pct(fit), threshold = pct(threshold)).to_string(),
        TargetStatus::FitBelow { fit, threshold } => td_string!(l, icp.status_fit_out, fit = pct(fit), threshold = pct(threshold)).to_string(),
        TargetStatus::FitUnknown => td_string!(l, icp.status_unknown).to_string(),
    }
}

/// "Industry ✓", "Revenue ?", "Employees 60%": symbol and text, never colour alone.
pub fn outcome_chip(l: Locale, label: &str, o: Outcome) -> (String, &'static str) {
    match o {
        Outcome::Unknown => (format!("{label} ? {}", td_string!(l, icp.unknown)), "chip-unknown"),
        Outcome::Credit(c) if c >= 1.0 => (format!("{label} ✓"), "chip-met"),
        Outcome::Credit(c) if c <= 0.0 => (format!("{label} ✗"), "chip-missed"),
        Outcome::Credit(c) => (format!("{label} ~{}", format::percent(c * 100.0, l)), "chip-partial"),
    }
}

#[component]
pub fn TargetList() -> impl IntoView {
    let i18n = use_i18n();
    let insights = use_insights();
    let show = RwSignal::new(Show::All);
    // Accounts by fit, best first, filtered.
    let rows = Memo::new(move |_| {
        let b = insights.basis.get();
        let filter = show.get();
        let mut rows: Vec<usize> = (0..b.len())
            .filter(|&i| match filter {
                Show::All => true,
                Show::In => b.targets[i].is_target(),
                Show::Out => !b.targets[i].is_target(),
            })
            .collect();
        sorting::sort_by(&mut rows, |&x, &y| {
            let fx = b.fit(x).percent.unwrap_or(-1.0);
            let fy = b.fit(y).percent.unwrap_or(-1.0);
            fy.total_cmp(&fx).then(x.cmp(&y))
        });
        rows
    });
    let in_count = move || insights.basis.with(|b| b.targets.iter().filter(|t| t.is_target()).count());
    let total = move || insights.basis.with(|b| b.len());
    let show_id = unique_id("show");
    let header = view! {
        <tr>
            <th scope="col">{t!(i18n, icp.col_account)}</th>
            <th scope="col" class="num">{t!(i18n, icp.col_fit)}</th>
            <th scope="col">{t!(i18n, icp.col_breakdown)}</th>
            <th scope="col">{t!(i18n, icp.col_status)}</th>
            <th scope="col">{t!(i18n, icp.col_choice)}</th>
        </tr>
    };
    let render_row = move |k: usize| {
        let Some(i) = rows.with(|r| r.get(k).copied()) else { return ().into_any() };
        view! { <TargetRow i position=k/> }.into_any()
    };
    view! {
        <section class="target-list" aria-labelledby="targets-title">
            <div class="section-head">
                <h2 id="targets-title">{t!(i18n, icp.target_title)}</h2>
                <p class="muted" data-testid="target-summary">{move || {
                    let l = i18n.get_locale();
                    td_string!(l, icp.target_summary, count = total(), in_list = format::integer(in_count() as i64, l), n = format::integer(total() as i64, l)).to_string()
                }}</p>
                <div class="field field-inline">
                    <label for=show_id.clone()>{t!(i18n, icp.show)}</label>
                    <select id=show_id on:change=move |ev| show.set(match event_target_value(&ev).as_str() {
                        "in" => Show::In,
                        "out" => Show::Out,
                        _ => Show::All,
                    })>
                        <option value="all">{t!(i18n, icp.show_all)}</option>
                        <option value="in">{t!(i18n, icp.show_in)}</option>
                        <option value="out">{t!(i18n, icp.show_out)}</option>
                    </select>
                </div>
            </div>
            <VirtualTable count=Signal::derive(move || rows.with(Vec::len)) row_height=44.0 class="target-table"
                header render_row label=Signal::derive(move || t_string!(i18n, icp.target_title).to_string()) test_id="target-table"/>
        </section>
    }
}

#[component]
fn TargetRow(i: usize, position: usize) -> impl IntoView {
    let state = use_state();
    let i18n = use_i18n();
    let insights = use_insights();
    let account = move || state.plan.with(|p| p.as_ref().and_then(|p| p.accounts.get(i).cloned()));
    let fit = move || insights.basis.with(|b| b.fit(i).percent);
    let status = move || insights.basis.with(|b| b.targets[i]);
    let chips = move || {
        let l = i18n.get_locale();
        let outcomes = insights.basis.with(|b| b.outcomes(i));
        state.plan.with(|p| {
            let Some(p) = p else { return Vec::new() };
            p.icp.criteria.iter().zip(outcomes).map(|(c, o)| outcome_chip(l, &criterion_label(l, c, p), o)).collect::<Vec<_>>()
        })
    };
    let name = move || account().map(|a| a.name).unwrap_or_default();
    let choice_id = unique_id("choice");
    let set_choice = move |choice: TargetChoice| {
        if let Some(a) = account() {
            state.dispatch(Change::PutAccounts(vec![Account { target: choice, ..a }]), EditKind::EditTargetList);
        }
    };
    view! {
        <tr aria-rowindex=(position + 2).to_string() class:row-in=move || status().is_target()>
            <th scope="row" class="ellipsis">{name}</th>
            <td class="num">
                <span class="fit">{move || fit().map(|f| format::percent(f, i18n.get_locale())).unwrap_or_else(|| "—".into())}</span>
                <span class="fit-bar" aria-hidden="true"><span class="fit-bar-fill" style:width=move || format!("{}%", fit().unwrap_or(0.0))></span></span>
            </td>
            <td class="chips-cell" aria-label=move || {
                let detail = chips().into_iter().map(|c| c.0).collect::<Vec<_>>().join(", ");
                td_string!(i18n.get_locale(), icp.breakdown_for, name = name(), detail = detail).to_string()
            }>
                {move || chips().into_iter().map(|(text, class)| view! { <span class=format!("chip chip-small {class}")>{text}</span> }).collect_view()}
            </td>
            <td class="ellipsis">{move || status_text(i18n.get_locale(), status())}</td>
            <td>
                <label for=choice_id.clone() class="visually-hidden">{move || td_string!(i18n.get_locale(), icp.choice_for, name = name()).to_string()}</label>
                <select id=choice_id on:change=move |ev| set_choice(match event_target_value(&ev).as_str() {
                    "include" => TargetChoice::Include,
                    "exclude" => TargetChoice::Exclude,
                    _ => TargetChoice::Auto,
                })>
                    <option value="auto" selected=move || account().is_some_and(|a| a.target == TargetChoice::Auto)>{move || t_string!(i18n, icp.choice_auto)}</option>
                    <option value="include" selected=move || account().is_some_and(|a| a.target == TargetChoice::Include)>{move || t_string!(i18n, icp.choice_include)}</option>
                    <option value="exclude" selected=move || account().is_some_and(|a| a.target == TargetChoice::Exclude)>{move || t_string!(i18n, icp.choice_exclude)}</option>
                </select>
            </td>
        </tr>
    }
}
