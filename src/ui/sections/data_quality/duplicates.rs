//! Likely duplicate accounts, surest first, each pair side by side with what
//! tells them apart (domain, industry, people, deals) and the reason it was
//! flagged. "Keep this one" merges the other into it (one undoable edit);
//! "Not duplicates" hides the pair for this visit.

use super::labels;
use crate::domain::{Account, Plan};
use crate::editing::{Change, EditKind};
use crate::quality::{find_duplicates, Candidate};
use crate::ui::format;
use crate::ui::i18n::{t, td_string, use_i18n};
use crate::ui::insights::Shared;
use crate::ui::state::{use_app, ToastAction};
use crate::ui::widgets::joined;
use leptos::prelude::*;
use std::collections::{HashMap, HashSet};
use std::sync::Arc;

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
    // Dismissed pairs by account ids (positions move when accounts are merged).
    let dismissed: RwSignal<HashSet<(String, String)>> = RwSignal::new(HashSet::new());
    let found = Memo::new(move |_| Shared(Arc::new(state.plan.with(|p| p.as_ref().map(find_duplicates).unwrap_or_default()))));
    let shown = Memo::new(move |_| {
        let found = found.get();
        let gone = dismissed.get();
        state.plan.with(|p| {
            let Some(p) = p else { return Vec::new() };
            found
                .0
                .iter()
                .filter(|c| !gone.contains(&(p.accounts[c.a].id.0.clone(), p.accounts[c.b].id.0.clone())))
                .copied()
                .collect::<Vec<Candidate>>()
        })
    });
    let merge = move |keep: Account, other: Account| {
        state.dispatch(Change::MergeAccounts { keep: keep.id.clone(), absorb: other.id.clone() }, EditKind::MergeAccounts);
        let l = state.locale();
        state.show_toast(td_string!(l, dq.merged, other = other.name.clone(), keep = keep.name.clone()).to_string(), Some(ToastAction::UndoEdit));
    };
    let rows = move || {
        let l = i18n.get_locale();
        let list = shown.get();
        state.plan.with(|p| {
            let Some(p) = p else { return Vec::new() };
            let (people, deals) = people_and_deals(p);
            list.iter()
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
                    let ids = (a.id.0.clone(), b.id.0.clone());
                    let pct = format::percent(c.score * 100.0, l);
                    view! {
                        <li class="dup-pair" data-testid="dup-pair">
                            <div class="dup-reason">
                                <span class="badge">{labels::reason(l, c.reason)}</span>
                                <span class="muted">{td_string!(l, dq.similarity, pct = pct).to_string()}</span>
                            </div>
                            {side(&a, &b)}
                            {side(&b, &a)}
                            <button type="button" class="button button-quiet" data-testid="dup-dismiss" on:click=move |_| dismissed.update(|d| { d.insert(ids.clone()); })>
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
                let n = shown.with(Vec::len);
                if n == 0 {
                    view! { <p class="result result-good" data-testid="dup-none">{t!(i18n, dq.dup_none)}</p> }.into_any()
                } else {
                    view! {
                        <p data-testid="dup-count"><strong>{td_string!(i18n.get_locale(), dq.dup_count, n = n).to_string()}</strong></p>
                        <ul class="dup-list">{rows}</ul>
                    }.into_any()
                }
            }}
            {move || (!dismissed.with(HashSet::is_empty)).then(|| view! { <p class="muted">{t!(i18n, dq.dismissed_note)}</p> })}
        </div>
    }
}
