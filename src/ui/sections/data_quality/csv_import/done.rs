//! After an import: what was written, what was skipped, and where to go next
//! (the ICP when the plan has none yet, else the ranking).

use crate::checklist::{State, Step};
use crate::csv_io::import::Preview;
use crate::ui::format;
use crate::ui::i18n::{td_string, use_i18n};
use crate::ui::insights::Shared;
use crate::ui::sections::overview::{use_checklist, NextStep};
use leptos::prelude::*;

/// Skipped lines named after an import (all are counted).
const SHOWN_SKIPPED: usize = 50;

#[derive(Clone)]
pub struct Imported {
    pub name: String,
    pub preview: Shared<Preview>,
}

#[component]
pub(super) fn Done(imported: Imported) -> impl IntoView {
    let i18n = use_i18n();
    let checklist = use_checklist();
    let p = imported.preview.0.clone();
    let skipped = p.skipped_lines();
    // A large export can skip most of its rows: the first lines are named.
    let lines = skipped.iter().take(SHOWN_SKIPPED).map(u64::to_string).collect::<Vec<_>>().join(", ");
    let more = skipped.len().saturating_sub(SHOWN_SKIPPED);
    let skipped_text = move || {
        let l = i18n.get_locale();
        if more == 0 {
            td_string!(l, dq.done_skipped, lines = lines.clone()).to_string()
        } else {
            td_string!(l, dq.done_skipped_more, lines = lines.clone(), more = format::integer(more as i64, l)).to_string()
        }
    };
    let count = p.records();
    let name = imported.name.clone();
    let merged = p.merged_rows;
    let next = Memo::new(move |_| {
        let icp_done = checklist.with(|c| c.iter().any(|s| s.step == Step::Icp && s.state == State::Done));
        if icp_done {
            Step::Prioritisation
        } else {
            Step::Icp
        }
    });
    view! {
        <div class="result result-good" role="status" data-testid="csv-done">
            <p>{move || td_string!(i18n.get_locale(), dq.done, count = count, name = name.clone()).to_string()}</p>
            {(merged > 0).then(|| view! { <p>{move || td_string!(i18n.get_locale(), dq.done_merged, count = merged, n = format::integer(merged as i64, i18n.get_locale())).to_string()}</p> })}
            {(!skipped.is_empty()).then(|| view! { <p data-testid="csv-skipped">{skipped_text}</p> })}
        </div>
        {move || view! { <NextStep step=next.get()/> }}
    }
}
