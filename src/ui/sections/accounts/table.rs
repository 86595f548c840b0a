//! The accounts table itself: sortable headers, and rows with inline editing.

use super::{member_name, use_table, INDUSTRY_LIST};
use crate::accounts::{Column, Sort};
use crate::domain::quantity::parse_count;
use crate::domain::Account;
use crate::editing::{Change, EditKind};
use crate::prioritisation::TierSource;
use crate::ui::format;
use crate::ui::i18n::{t, t_string, td_string, use_i18n, Locale};
use crate::ui::insights::use_insights;
use crate::ui::state::{use_app, AppState, ToastAction};
use crate::ui::widgets::{joined, InlineInput, VirtualTable};
use leptos::prelude::*;

const ROW_HEIGHT: f64 = 44.0;

fn column_label(l: Locale, c: Column) -> String {
    match c {
        Column::Name => td_string!(l, accounts.name).to_string(),
        Column::Industry => td_string!(l, accounts.industry).to_string(),
        Column::Employees => td_string!(l, accounts.employees).to_string(),
        Column::Revenue => td_string!(l, accounts.revenue).to_string(),
        Column::Region => td_string!(l, accounts.region).to_string(),
        Column::Owner => td_string!(l, accounts.owners).to_string(),
        Column::Fit => td_string!(l, accounts.fit).to_string(),
        Column::Score => td_string!(l, accounts.score).to_string(),
        Column::Rank => td_string!(l, accounts.rank).to_string(),
        Column::Tier => td_string!(l, accounts.tier).to_string(),
        Column::Target => td_string!(l, accounts.target).to_string(),
    }
}

/// A header that sorts by its column; `aria-sort` tells which way.
#[component]
fn SortHeader(column: Column, #[prop(optional)] numeric: bool) -> impl IntoView {
    let i18n = use_i18n();
    let sort = use_table().sort;
    let active = move || sort.with(|s| s.column == column);
    let aria = move || match sort.get() {
        s if s.column == column && s.descending => "descending",
        s if s.column == column => "ascending",
        _ => "none",
    };
    let click = move |_| {
        sort.update(|s| {
            if s.column == column {
                s.descending = !s.descending;
            } else {
                *s = Sort { column, descending: column.natural_descending() };
            }
        })
    };
    view! {
        <th scope="col" class:num=numeric aria-sort=aria>
            <button type="button" class="sort-button" class:active=active on:click=click>
                {move || column_label(i18n.get_locale(), column)}
                <span class="sort-mark" aria-hidden="true">{move || match aria() { "descending" => "▼", "ascending" => "▲", _ => "↕" }}</span>
            </button>
        </th>
    }
}

#[component]
pub fn Table() -> impl IntoView {
    let state = use_app();
    let i18n = use_i18n();
    let table = use_table();
    let all_selected = move || {
        let n = table.rows.with(Vec::len);
        n > 0
            && table.selected.with(|s| s.len() >= n)
            && state.plan.with(|p| p.as_ref().is_some_and(|p| table.rows.with(|r| table.selected.with(|s| r.iter().all(|&i| s.contains(&p.accounts[i].id))))))
    };
    let toggle_all = move |_| {
        let select = !all_selected();
        let ids: Vec<_> = state
            .plan
            .with_untracked(|p| p.as_ref().map(|p| table.rows.with_untracked(|r| r.iter().map(|&i| p.accounts[i].id.clone()).collect())).unwrap_or_default());
        table.selected.update(|s| {
            for id in ids {
                if select {
                    s.insert(id);
                } else {
                    s.remove(&id);
                }
            }
        });
    };
    let header = view! {
        <tr>
            <th scope="col" class="select-cell">
                <input type="checkbox" prop:checked=all_selected on:change=toggle_all
                    aria-label=move || t_string!(i18n, accounts.select_all)/>
            </th>
            <SortHeader column=Column::Rank numeric=true/>
            <SortHeader column=Column::Name/>
            <SortHeader column=Column::Fit numeric=true/>
            <SortHeader column=Column::Score numeric=true/>
            // The tier column says "not in the list" for the rest: no column
            // of its own for the target list, so the table fits a laptop.
            <SortHeader column=Column::Tier/>
            <SortHeader column=Column::Industry/>
            <SortHeader column=Column::Employees numeric=true/>
            <SortHeader column=Column::Revenue numeric=true/>
            <SortHeader column=Column::Region/>
            <SortHeader column=Column::Owner/>
            <th scope="col"><span class="visually-hidden">{t!(i18n, accounts.actions)}</span></th>
        </tr>
    };
    // Tracks the rows, so the visible rows re-render when the order changes.
    let render_row = move |k: usize| {
        let Some(i) = table.rows.with(|r| r.get(k).copied()) else { return ().into_any() };
        view! { <AccountRow i position=k/> }.into_any()
    };
    view! {
        <VirtualTable count=Signal::derive(move || table.rows.with(Vec::len)) row_height=ROW_HEIGHT class="accounts-table"
            header render_row label=Signal::derive(move || t_string!(i18n, accounts.title).to_string()) test_id="accounts-table"/>
    }
}

/// Replaces account `i` with an edited copy (one undo step).
fn edit(state: AppState, i: usize, f: impl FnOnce(&mut Account)) {
    let Some(mut a) = state.plan.with_untracked(|p| p.as_ref().and_then(|p| p.accounts.get(i).cloned())) else { return };
    f(&mut a);
    state.dispatch(Change::PutAccounts(vec![a]), EditKind::EditAccount);
}

#[component]
fn AccountRow(i: usize, position: usize) -> impl IntoView {
    let state = use_app();
    let i18n = use_i18n();
    let insights = use_insights();
    let table = use_table();
    let field =
        move |f: fn(&Account) -> String| Signal::derive(move || state.plan.with(|p| p.as_ref().and_then(|p| p.accounts.get(i)).map(f).unwrap_or_default()));
    let name = field(|a| a.name.clone());
    let id = move || state.plan.with(|p| p.as_ref().and_then(|p| p.accounts.get(i)).map(|a| a.id.clone()));
    let label = move |key: fn(Locale, &str) -> String| Signal::derive(move || key(i18n.get_locale(), &name.get()));
    let selected = move || id().is_some_and(|id| table.selected.with(|s| s.contains(&id)));
    let toggle = move |_| {
        if let Some(id) = id() {
            table.selected.update(|s| {
                if !s.remove(&id) {
                    s.insert(id);
                }
            });
        }
    };
    let owners = move || {
        state.plan.with(|p| {
            p.as_ref()
                .and_then(|p| p.accounts.get(i).map(|a| [member_name(p, a.marketing_owner.as_ref()), member_name(p, a.sales_owner.as_ref())]))
                .unwrap_or_default()
        })
    };
    // Revenue reads as "¥320億" here; it is edited in the account's details.
    let revenue_of = move |compact: bool| {
        state.plan.with(|p| {
            let l = i18n.get_locale();
            p.as_ref().and_then(|p| {
                p.accounts.get(i).and_then(|a| a.annual_revenue).map(|m| {
                    if compact {
                        format::money_compact(m, &p.currency, l)
                    } else {
                        format::money(m, &p.currency, l)
                    }
                })
            })
        })
    };
    let revenue_short = move || revenue_of(true).unwrap_or_else(|| "—".into());
    let revenue_full = move || revenue_of(false).unwrap_or_default();
    let fit = move || insights.basis.with(|b| b.fit(i).percent);
    let rank = move || insights.ranking.with(|r| r.account(i));
    let is_target = move || insights.basis.with(|b| b.targets[i].is_target());
    let delete = move |_| {
        let Some(id) = id() else { return };
        let n = name.get_untracked();
        state.dispatch(Change::RemoveAccounts(vec![id]), EditKind::DeleteAccounts);
        state.show_toast(td_string!(state.locale(), accounts.deleted_one, name = n).to_string(), Some(ToastAction::UndoEdit));
    };
    let open = move |_| {
        if let Some(id) = id() {
            table.editor.edit(id);
        }
    };
    let text_commit = move |f: fn(&mut Account, String)| {
        Callback::new(move |v: String| {
            edit(state, i, |a| f(a, v.trim().to_string()));
            true
        })
    };
    view! {
        <tr aria-rowindex=(position + 2).to_string() class:row-selected=selected data-account=move || id().map(|i| i.to_string())>
            <td class="select-cell">
                <input type="checkbox" prop:checked=selected on:change=toggle
                    aria-label=move || td_string!(i18n.get_locale(), accounts.select_one, name = name.get()).to_string()/>
            </td>
            <td class="num">{move || rank().rank.map(|r| format!("#{r}")).unwrap_or_else(|| "—".into())}</td>
            <th scope="row" class="name-cell">
                <button type="button" class="link-button ellipsis" on:click=open
                    title=move || td_string!(i18n.get_locale(), accounts.open_details, name = name.get()).to_string()>{move || name.get()}</button>
            </th>
            <td class="num">
                <span class="fit">{move || fit().map(|f| format::percent(f, i18n.get_locale())).unwrap_or_else(|| "—".into())}</span>
                <span class="fit-bar" aria-hidden="true"><span class="fit-bar-fill" style:width=move || format!("{}%", fit().unwrap_or(0.0))></span></span>
            </td>
            <td class="num">{move || if is_target() { format::number(rank().score, i18n.get_locale(), 1) } else { "—".into() }}</td>
            <td>{move || match rank().tier {
                Some((t, source)) => {
                    let l = i18n.get_locale();
                    let text = td_string!(l, accounts.tier_n, n = t.number()).to_string();
                    let pinned = source == TierSource::Pinned;
                    view! {
                        <span class=format!("tier-badge tier-{}", t.number())>{text}</span>
                        {pinned.then(|| view! { <span class="pin" title=td_string!(l, accounts.pinned).to_string()><span aria-hidden="true">"⚲"</span><span class="visually-hidden">{td_string!(l, accounts.pinned).to_string()}</span></span> })}
                    }.into_any()
                }
                None if is_target() => "—".into_any(),
                None => view! { <span class="muted">{move || t_string!(i18n, accounts.out_list)}</span> }.into_any(),
            }}</td>
            <td><InlineInput value=field(|a| a.industry.clone()) label=label(|l, n| td_string!(l, accounts.industry_of, name = n).to_string())
                list=INDUSTRY_LIST.to_string() invalid_hint=Signal::derive(String::new) on_commit=text_commit(|a, v| a.industry = v)/></td>
            <td class="num"><InlineInput numeric=true value=field(|a| a.employees.map(|e| e.to_string()).unwrap_or_default())
                label=label(|l, n| td_string!(l, accounts.employees_of, name = n).to_string())
                invalid_hint=Signal::derive(move || t_string!(i18n, accounts.employees_invalid).to_string())
                on_commit=Callback::new(move |v: String| match parse_count(&v) {
                    Ok(e) => { edit(state, i, |a| a.employees = e); true }
                    Err(_) => false,
                })/></td>
            <td class="num" title=revenue_full>{revenue_short}</td>
            <td><InlineInput value=field(|a| a.region.clone()) label=label(|l, n| td_string!(l, accounts.region_of, name = n).to_string())
                invalid_hint=Signal::derive(String::new) on_commit=text_commit(|a, v| a.region = v)/></td>
            <td class="ellipsis owners-cell">{move || joined(owners(), " / ")}</td>
            <td class="row-actions">
                <button type="button" class="icon-button button-danger-quiet" on:click=delete
                    aria-label=move || td_string!(i18n.get_locale(), accounts.delete_one, name = name.get()).to_string()
                    title=move || td_string!(i18n.get_locale(), accounts.delete_one, name = name.get()).to_string()>
                    <span aria-hidden="true">"✕"</span>
                </button>
            </td>
        </tr>
    }
}
