//! The preview of an import: what it writes, what becomes of every row, the
//! first rows as they will be read, merged rows with their choices, and every
//! problem with its line, column and effect.

use super::mapping::Choices;
use super::merges::Merges;
use crate::csv_io::import::{Field, Preview, ReadFile, RowProblem, Severity};
use crate::domain::Currency;
use crate::editing::{Change, EditKind};
use crate::ui::format;
use crate::ui::i18n::{t, td_string, use_i18n, Locale};
use crate::ui::insights::Shared;
use crate::ui::labels as names;
use crate::ui::sections::data_quality::labels;
use crate::ui::state::use_app;
use leptos::prelude::*;

/// Rows of the file shown as they will be read.
const SAMPLE_ROWS: usize = 8;
/// Problems listed on screen per list (all are counted).
const SHOWN_PROBLEMS: usize = 200;

#[component]
pub(super) fn PreviewView(
    preview: Shared<Preview>,
    read: Shared<ReadFile>,
    mapping: Vec<Option<Field>>,
    /// The plan's custom fields' names, for the headings of custom columns.
    custom: Vec<String>,
    choices: Choices,
) -> impl IntoView {
    let i18n = use_i18n();
    let p = preview.0.clone();
    let l = i18n.get_locale();
    let n = |v: usize| format::integer(v as i64, l);
    let mapped: Vec<(usize, Field)> = mapping.iter().enumerate().filter_map(|(i, f)| f.map(|f| (i, f))).collect();
    let table = &read.0.table;
    let headers = table.headers.clone();
    let sample: Vec<_> = table.rows().take(SAMPLE_ROWS).collect();
    let merged_lines: std::collections::HashSet<u64> = p.merges.iter().flat_map(|m| m.lines.iter().skip(1).copied()).collect();
    let bad_cell = |line: u64, col: usize| p.problems.iter().find(|x| x.line == line && x.column == Some(col)).map(|x| labels::problem(l, x.kind));
    let sample_rows = sample
        .iter()
        .map(|row| {
            let skipped = p.bad_rows.contains(&row.line);
            let merged = merged_lines.contains(&row.line);
            view! {
                <tr class:row-skipped=skipped class:row-merged=merged>
                    <td class="num muted">{row.line}</td>
                    {mapped.iter().map(|(i, _)| {
                        let text = row.cell(*i).unwrap_or_default().to_string();
                        let problem = bad_cell(row.line, *i);
                        let bad = problem.is_some();
                        view! { <td class="cell-clip" class:cell-bad=bad title=problem.unwrap_or_else(|| text.clone())>{text.clone()}</td> }
                    }).collect_view()}
                </tr>
            }
        })
        .collect_view();
    let (rows_skipped, others): (Vec<&RowProblem>, Vec<&RowProblem>) = p.problems.iter().partition(|x| x.severity == Severity::Row);
    let skipped_list = problem_table(l, &headers, &rows_skipped, td_string!(l, dq.problems_title).to_string());
    let other_list = problem_table(l, &headers, &others, td_string!(l, dq.warnings_title).to_string());
    let more_skipped = rows_skipped.len().saturating_sub(SHOWN_PROBLEMS);
    let more_other = others.len().saturating_sub(SHOWN_PROBLEMS);
    let accounted = td_string!(
        l,
        dq.accounted,
        count = p.all_rows(),
        rows = n(p.all_rows()),
        imported = n(p.records()),
        merged = n(p.merged_rows),
        skipped = n(p.skipped() + p.already)
    )
    .to_string();
    let broken = (p.broken_lines > 0).then(|| td_string!(l, dq.broken_lines, count = p.broken_lines, n = p.broken_lines).to_string());
    let members = p.new_members.iter().map(|(name, team)| format!("{name} ({})", names::team(l, *team))).collect::<Vec<_>>().join(", ");
    view! {
        <h3>{t!(i18n, dq.preview_title)}</h3>
        <dl class="facts" data-testid="csv-preview-facts">
            <div><dt>{t!(i18n, dq.fact_new)}</dt><dd data-testid="csv-new">{n(p.added)}</dd></div>
            <div><dt>{t!(i18n, dq.fact_updated)}</dt><dd data-testid="csv-updated">{n(p.updated)}</dd></div>
            {(p.merged_rows > 0).then(|| view! { <div><dt>{t!(i18n, dq.fact_merged)}</dt><dd data-testid="csv-merged">{n(p.merged_rows)}</dd></div> })}
            {(p.already > 0).then(|| view! { <div><dt>{t!(i18n, dq.fact_already)}</dt><dd>{n(p.already)}</dd></div> })}
            <div><dt>{t!(i18n, dq.fact_bad)}</dt><dd data-testid="csv-bad">{n(p.skipped())}</dd></div>
            {(p.bad_cells > 0).then(|| view! { <div><dt>{t!(i18n, dq.fact_bad_cells)}</dt><dd data-testid="csv-bad-cells">{n(p.bad_cells)}</dd></div> })}
            {(p.new_accounts > 0).then(|| view! { <div><dt>{t!(i18n, dq.fact_new_accounts)}</dt><dd data-testid="csv-new-accounts">{n(p.new_accounts)}</dd></div> })}
            {(!p.new_members.is_empty()).then(|| view! { <div><dt>{t!(i18n, dq.fact_members)}</dt><dd data-testid="csv-members">{n(p.new_members.len())}</dd></div> })}
        </dl>
        <p data-testid="csv-accounted">{accounted}" "{broken}</p>
        <CurrencyNote currencies=p.currencies.clone()/>
        {(!members.is_empty()).then(|| view! { <p class="muted" data-testid="csv-member-names">{td_string!(l, dq.members_added, names = members).to_string()}</p> })}
        <Merges preview=preview.clone() custom=custom.clone() choices/>
        <div class="table-scroll" tabindex="0" role="region" aria-label=td_string!(l, dq.preview_title).to_string()>
            <table class="data-table csv-sample" data-testid="csv-sample">
                <thead><tr>
                    <th scope="col" class="num">{t!(i18n, dq.p_line)}</th>
                    {mapped.iter().map(|(_, f)| view! { <th scope="col">{labels::field(l, *f, &custom)}</th> }).collect_view()}
                </tr></thead>
                <tbody>{sample_rows}</tbody>
            </table>
        </div>
        {(table.len() > SAMPLE_ROWS).then(|| view! {
            <p class="muted small" data-testid="csv-sample-note">
                {td_string!(l, dq.sample_note, shown = SAMPLE_ROWS, rows = format::integer(table.len() as i64, l)).to_string()}
            </p>
        })}
        {(!rows_skipped.is_empty()).then(|| view! {
            <section class="result result-bad" data-testid="csv-problems">
                <h3>{t!(i18n, dq.problems_title)}</h3>
                {skipped_list}
                {(more_skipped > 0).then(|| view! { <p class="muted">{td_string!(l, dq.problems_more, n = more_skipped).to_string()}</p> })}
            </section>
        })}
        {(!others.is_empty()).then(|| view! {
            <section class="result result-warn" data-testid="csv-warnings">
                <h3>{t!(i18n, dq.warnings_title)}</h3>
                <p class="muted">{t!(i18n, dq.warnings_hint)}</p>
                {other_list}
                {(more_other > 0).then(|| view! { <p class="muted">{td_string!(l, dq.problems_more, n = more_other).to_string()}</p> })}
            </section>
        })}
    }
}

fn problem_table(l: Locale, headers: &[String], problems: &[&RowProblem], label: String) -> impl IntoView {
    let rows = problems
        .iter()
        .take(SHOWN_PROBLEMS)
        .map(|x| {
            let column = x.column.and_then(|c| headers.get(c).cloned()).unwrap_or_default();
            view! {
                <tr>
                    <td class="num">{x.line}</td>
                    <td>{column}</td>
                    <td class="cell-clip" title=x.value.clone()>{x.value.clone()}</td>
                    <td>{labels::problem(l, x.kind)}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <div class="table-scroll" tabindex="0" role="region" aria-label=label>
            <table class="data-table">
                <thead><tr>
                    <th scope="col" class="num">{td_string!(l, dq.p_line)}</th>
                    <th scope="col">{td_string!(l, dq.p_column)}</th>
                    <th scope="col">{td_string!(l, dq.p_value)}</th>
                    <th scope="col">{td_string!(l, dq.p_problem)}</th>
                </tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}

/// Amounts in the file named a currency other than the plan's: they are read
/// as amounts of the plan's currency, and the user can switch the plan.
#[component]
fn CurrencyNote(currencies: Vec<(&'static str, usize)>) -> impl IntoView {
    let state = use_app();
    let i18n = use_i18n();
    let plan_currency = move || state.plan.with(|p| p.as_ref().map(|p| p.currency.code().to_string()).unwrap_or_default());
    let other = move || currencies.iter().filter(|(c, _)| *c != plan_currency()).max_by_key(|(_, n)| *n).copied();
    move || {
        other().map(|(code, cells)| {
            let l = i18n.get_locale();
            let switch = move |_| {
                if let Ok(c) = Currency::try_from(code.to_string()) {
                    state.dispatch(Change::SetCurrency(c), EditKind::PlanSettings);
                }
            };
            view! {
                <div class="result result-warn" role="note" data-testid="csv-currency">
                    <p>{td_string!(l, dq.currency_elsewhere, count = cells, n = format::integer(cells as i64, l), code = code, plan = plan_currency()).to_string()}</p>
                    <button type="button" class="button button-small" on:click=switch>{td_string!(l, dq.currency_switch, code = code).to_string()}</button>
                </div>
            }
        })
    }
}
