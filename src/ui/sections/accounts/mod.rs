//! The accounts table: search, filters, sorting by any column, inline editing,
//! adding, deleting with undo, bulk edits and custom fields. Rows come from the
//! pure `accounts` engine; only the visible ones are rendered.

mod bulk;
mod custom_fields;
mod editor;
mod filters;
mod table;

use crate::accounts::{select, Query, Sort};
use crate::checklist::{State, Step};
use crate::domain::{AccountId, Plan};
use crate::icp::normalise;
use crate::ui::format;
use crate::ui::i18n::{t, t_string, td_string, use_i18n};
use crate::ui::insights::use_insights;
use crate::ui::sections::data_quality::csv_import::CsvImport;
use crate::ui::sections::overview::NextStep;
use crate::ui::state::use_app;
use crate::ui::widgets::Editor;
use leptos::prelude::*;
use std::collections::BTreeSet;

/// What the table's parts share: the query, the order and the selection.
#[derive(Clone, Copy)]
pub struct TableState {
    pub query: RwSignal<Query>,
    pub sort: RwSignal<Sort>,
    /// Selected accounts, by id, so the selection survives sorting and filtering.
    pub selected: RwSignal<BTreeSet<AccountId>>,
    /// Positions (in plan order) of the accounts shown, in display order.
    pub rows: Memo<Vec<usize>>,
    /// The account dialog, on an account (by id) or a new one.
    pub editor: Editor<AccountId>,
    /// The plan's industries, once each (compared case- and width-insensitively):
    /// the industry filter's choices and the suggestions wherever one is typed.
    pub industries: Memo<Vec<String>>,
}

/// The id of the datalist that suggests industries to every industry field.
pub const INDUSTRY_LIST: &str = "account-industries";

#[component]
pub fn Accounts() -> impl IntoView {
    let state = use_app();
    let i18n = use_i18n();
    let insights = use_insights();
    let query = RwSignal::new(Query::default());
    let sort = RwSignal::new(Sort::default());
    let rows = Memo::new(move |_| {
        let (b, r) = (insights.basis.get(), insights.ranking.get());
        let (q, s) = (query.get(), sort.get());
        state.plan.with(|p| p.as_ref().map(|p| select(p, &b, &r, &q, s)).unwrap_or_default())
    });
    let industries = Memo::new(move |_| {
        state.plan.with(|p| {
            let mut seen = std::collections::BTreeMap::new();
            for a in p.iter().flat_map(|p| p.accounts.iter()) {
                if !a.industry.trim().is_empty() {
                    seen.entry(normalise(&a.industry)).or_insert_with(|| a.industry.trim().to_string());
                }
            }
            seen.into_values().collect::<Vec<_>>()
        })
    });
    let table = TableState { query, sort, selected: RwSignal::new(BTreeSet::new()), rows, editor: Editor::new(), industries };
    provide_context(table);
    // Forget selected accounts that no longer exist (deleted, or undone). Runs on
    // every edit, so it does nothing while nothing is selected.
    Effect::new(move |_| {
        state.plan.track();
        if table.selected.with_untracked(BTreeSet::is_empty) {
            return;
        }
        let ids: BTreeSet<AccountId> = state.plan.with_untracked(|p| p.as_ref().map(ids_of).unwrap_or_default());
        if table.selected.with_untracked(|s| s.iter().any(|id| !ids.contains(id))) {
            table.selected.update(|s| s.retain(|id| ids.contains(id)));
        }
    });
    let total = move || state.plan.with(|p| p.as_ref().map_or(0, |p| p.accounts.len()));
    let fields_open = RwSignal::new(false);
    // An empty plan opens on the import: the accounts come from an export.
    let import_open = RwSignal::new(state.plan.with_untracked(|p| p.as_ref().is_none_or(|p| p.accounts.is_empty())));
    let next = move || {
        let icp_done = insights.checklist.with(|c| c.iter().any(|s| s.step == Step::Icp && s.state == State::Done));
        if icp_done {
            Step::Prioritisation
        } else {
            Step::Icp
        }
    };
    view! {
        <section class="section section-wide" aria-labelledby="section-title">
            <header class="section-head">
                <h1 id="section-title">{t!(i18n, accounts.title)}</h1>
                <span class="muted" data-testid="accounts-count">{move || {
                    let l = i18n.get_locale();
                    let shown = rows.with(Vec::len);
                    if shown == total() {
                        td_string!(l, accounts.count, count = total(), n = format::integer(total() as i64, l)).to_string()
                    } else {
                        td_string!(l, accounts.count_filtered, count = total(), shown = format::integer(shown as i64, l), n = format::integer(total() as i64, l)).to_string()
                    }
                }}</span>
                <div class="head-actions">
                    <button type="button" class="button" on:click=move |_| import_open.set(true)>{t!(i18n, accounts.import)}</button>
                    <button type="button" class="button" on:click=move |_| fields_open.set(true)>{t!(i18n, accounts.custom_fields)}</button>
                    <button type="button" class="button button-primary" on:click=move |_| table.editor.add()>{t!(i18n, accounts.add)}</button>
                </div>
            </header>
            <p class="lead">{t!(i18n, accounts.intro)}</p>
            <datalist id=INDUSTRY_LIST>{move || industries.get().into_iter().map(|i| view! { <option value=i/> }).collect_view()}</datalist>
            <Show when=move || import_open.get()>
                <section class="card import-panel" aria-labelledby="import-title" data-testid="accounts-import">
                    <div class="card-head">
                        <h2 id="import-title">{t!(i18n, accounts.import_title)}</h2>
                        <Show when=move || { total() > 0 }>
                            <button type="button" class="icon-button" aria-label=move || t_string!(i18n, app.close) on:click=move |_| import_open.set(false)>
                                <span aria-hidden="true">"×"</span>
                            </button>
                        </Show>
                    </div>
                    <CsvImport/>
                </section>
            </Show>
            <Show when=move || { total() > 0 } fallback=move || view! {
                <Show when=move || !import_open.get()>
                    <div class="empty-state">
                        <p>{t!(i18n, accounts.empty)}</p>
                        <button type="button" class="button button-primary" on:click=move |_| import_open.set(true)>{t!(i18n, accounts.import)}</button>
                    </div>
                </Show>
            }>
                <filters::Filters/>
                <bulk::BulkBar/>
                <Show when=move || rows.with(|r| !r.is_empty()) fallback=move || view! {
                    <p class="empty-state" role="status">{t!(i18n, accounts.no_match)}</p>
                }>
                    <table::Table/>
                </Show>
                {move || view! { <NextStep step=next()/> }}
            </Show>
            <editor::AccountEditor/>
            <custom_fields::CustomFields open=fields_open/>
        </section>
    }
}

fn ids_of(p: &Plan) -> BTreeSet<AccountId> {
    p.accounts.iter().map(|a| a.id.clone()).collect()
}

pub fn use_table() -> TableState {
    expect_context::<TableState>()
}

/// A team member's name, or a dash.
pub fn member_name(p: &Plan, id: Option<&crate::domain::MemberId>) -> String {
    id.and_then(|id| p.member(id)).map(|m| m.name.clone()).unwrap_or_else(|| "—".into())
}

/// The open plan's team as (id, name) choices for owner selects.
pub fn team_choices(state: crate::ui::state::AppState) -> Vec<(String, String)> {
    state.plan.with(|p| p.iter().flat_map(|p| p.team.iter()).map(|m| (m.id.to_string(), m.name.clone())).collect())
}
