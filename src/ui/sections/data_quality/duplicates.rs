//! Likely duplicate accounts, surest first, each pair side by side with what
//! tells them apart (domain, industry, people, deals) and the reason it was
//! flagged. "Keep this one" merges the other into it (one undoable edit);
//! "Not duplicates" marks the pair as different companies, in the plan (one
//! undoable edit), and lists it below, where it can be offered again.

use super::labels;
use crate::domain::{Account, AccountId, Plan};
use crate::editing::{Change, EditKind};
use crate::ui::format;
use crate::ui::i18n::{t, td_string, use_i18n};
use crate::ui::insights::use_insights;
use crate::ui::state::{use_app, ToastAction};
use crate::ui::widgets::joined;
use leptos::prelude::*;
use std::collections::HashMap;

/// Pairs shown at once; merging one brings the next up.
const SHOWN: usize = 50;

fn people_and_deals(p: &Plan) -> (HashMap<&str, usize>, HashMap<&str, usize>) {
    let mut people = HashMap::new();
    for c in p.contacts.iter() {
        *people.entry(c.account.as_str()).or_insert(0) += 1;
    }
    let mut deals = HashMap::new();
    for d in p.deals.iter() {
        *deals.entry(d.account.as_str()).or_insert(0) += 1;
    }
    (people, deals)
}

#[component]
pub fn Duplicates() -> impl IntoView {
    let state = use_app();
    let i18n = use_i18n();
    // Pairs marked as different companies are left out by the finder itself;
    // kept for the app, so a second visit does not search again.
    let found = use_insights().duplicates;
    let merge = move |keep: Account, other: Account| {
        state.dispatch(Change::MergeAccounts { keep: keep.id.clone(), absorb: other.id.clone() }, EditKind::MergeAccounts);
        let l = state.locale();
        state.show_toast(td_string!(l, dq.merged, other = other.name.clone(), keep = keep.name.clone()).to_string(), Some(ToastAction::UndoEdit));
    };
    let mark_distinct = move |a: Account, b: Account| {
        state.dispatch(Change::MarkDistinct(a.id.clone(), b.id.clone()), EditKind::MarkDistinct);
        let l = state.locale();
        state.show_toast(td_string!(l, dq.marked_distinct, a = a.name.clone(), b = b.name.clone()).to_string(), Some(ToastAction::UndoEdit));
    };
    let rows = move || {
        let l = i18n.get_locale();
        let list = found.get();
        state.plan.with(|p| {
            let Some(p) = p else { return Vec::new() };
            let (people, deals) = people_and_deals(p);
            list.0
                .iter()
                .take(SHOWN)
                .map(|c| {
                    let (a, b) = (p.accounts[c.a].clone(), p.accounts[c.b].clone());
                    let side = |x: &Account, y: &Account| {
                        let (keep, other) = (x.clone(), y.clone());
                        let label = td_string!(l, dq.merge_into_label, keep = x.name.clone(), other = y.name.clone()).to_string();
                        let facts = joined([x.domain.clone(), x.industry.clone(), x.region.clone()], " · ");
                        let counts = format!(
                            "{} · {}",
                            td_string!(l, dq.people_count, count = people.get(x.id.as_str()).copied().unwrap_or(0)),
                            td_string!(l, dq.deals_count, count = deals.get(x.id.as_str()).copied().unwrap_or(0))
                        );
                        view! {
                            <div class="dup-side">
                                <strong class="dup-name">{x.name.clone()}</strong>
                                <span class="muted">{facts}</span>
                                <span class="muted">{counts}</span>
                                <button type="button" class="button" aria-label=label data-testid="dup-keep" on:click=move |_| merge(keep.clone(), other.clone())>
                                    {t!(i18n, dq.merge_into)}
                                </button>
                            </div>
                        }
                    };
                    let pair = (a.clone(), b.clone());
                    let pct = format::percent(c.score * 100.0, l);
                    view! {
                        <li class="dup-pair" data-testid="dup-pair">
                            <div class="dup-reason">
                                <span class="badge">{labels::reason(l, c.reason)}</span>
                                <span class="muted">{td_string!(l, dq.similarity, pct = pct).to_string()}</span>
                            </div>
                            {side(&a, &b)}
                            {side(&b, &a)}
                            <button type="button" class="button button-quiet" data-testid="dup-dismiss" on:click=move |_| mark_distinct(pair.0.clone(), pair.1.clone())>
                                {t!(i18n, dq.not_duplicate)}
                            </button>
                        </li>
                    }
                })
                .collect::<Vec<_>>()
        })
    };
    view! {
        <div class="dq-panel">
            <p>{t!(i18n, dq.dup_desc)}</p>
            {move || {
                let n = found.with(|f| f.0.len());
                if n == 0 {
                    view! { <p class="result result-good" data-testid="dup-none">{t!(i18n, dq.dup_none)}</p> }.into_any()
                } else {
                    view! {
                        <p data-testid="dup-count"><strong>{td_string!(i18n.get_locale(), dq.dup_count, n = n).to_string()}</strong></p>
                        <ul class="dup-list">{rows}</ul>
                    }.into_any()
                }
            }}
            <MarkedDistinct/>
        </div>
    }
}

/// The pairs marked as different companies, each with a way to offer it again.
#[component]
fn MarkedDistinct() -> impl IntoView {
    let state = use_app();
    let i18n = use_i18n();
    // (ids, names) of each marked pair whose accounts are both in the plan.
    let pairs = Memo::new(move |_| {
        state.plan.with(|p| {
            let Some(p) = p.as_ref().filter(|p| !p.settings.distinct_accounts.is_empty()) else { return Vec::new() };
            // Names by id, built once: this runs on every edit while the view is open.
            let names: HashMap<&str, &str> = p.accounts.iter().map(|a| (a.id.as_str(), a.name.as_str())).collect();
            let name = |id: &AccountId| names.get(id.as_str()).map(|n| n.to_string());
            p.settings.distinct_accounts.iter().filter_map(|[a, b]| Some(((a.clone(), b.clone()), (name(a)?, name(b)?)))).collect::<Vec<_>>()
        })
    });
    move || {
        let list = pairs.get();
        (!list.is_empty()).then(|| {
            let l = i18n.get_locale();
            let title = td_string!(l, dq.distinct_title, n = format::integer(list.len() as i64, l)).to_string();
            let rows = list
                .into_iter()
                .map(|((a, b), (an, bn))| {
                    let label = td_string!(l, dq.distinct_again_label, a = an.clone(), b = bn.clone()).to_string();
                    let again = move |_| state.dispatch(Change::UnmarkDistinct(a.clone(), b.clone()), EditKind::MarkDistinct);
                    view! {
                        <li class="distinct-pair">
                            <span>{joined([an, bn], " / ")}</span>
                            <button type="button" class="button button-small" aria-label=label on:click=again>{td_string!(l, dq.distinct_again).to_string()}</button>
                        </li>
                    }
                })
                .collect_view();
            view! {
                <details class="distinct-pairs" data-testid="distinct-pairs">
                    <summary>{title}</summary>
                    <p class="muted">{td_string!(l, dq.distinct_hint).to_string()}</p>
                    <ul class="distinct-list">{rows}</ul>
                </details>
            }
        })
    }
}
