//! Rows of the file that name the same record: which lines were merged, the
//! fields they disagree on with the value kept, and the user's say — keep
//! another line's value, or import a line as a record of its own.

use super::mapping::Choices;
use crate::csv_io::import::{Merge, Preview, RecordKind};
use crate::domain::sorting;
use crate::ui::format;
use crate::ui::i18n::{t, td_string, use_i18n};
use crate::ui::insights::Shared;
use crate::ui::sections::data_quality::labels;
use crate::ui::widgets::unique_id;
use leptos::prelude::*;

/// Merges listed on screen (all are counted).
const SHOWN_MERGES: usize = 50;

#[component]
pub(super) fn Merges(preview: Shared<Preview>, custom: Vec<String>, choices: Choices) -> impl IntoView {
    let i18n = use_i18n();
    let p = preview.0.clone();
    let l = i18n.get_locale();
    let apart: Vec<u64> = {
        let mut v: Vec<u64> = choices.merges.with_untracked(|c| c.apart.iter().copied().collect());
        sorting::sort(&mut v);
        v
    };
    let kind = p.kind;
    let shown = p.merges.iter().take(SHOWN_MERGES).cloned().map(|m| view! { <MergeCard merge=m kind custom=custom.clone() choices/> }).collect_view();
    let more = p.merges.len().saturating_sub(SHOWN_MERGES);
    (!p.merges.is_empty() || !apart.is_empty()).then(|| {
        view! {
            <section class="csv-merges" data-testid="csv-merges">
                <h3>{td_string!(l, dq.merges_title, count = p.merged_rows, n = format::integer(p.merged_rows as i64, l)).to_string()}</h3>
                <p class="muted">{t!(i18n, dq.merges_hint)}</p>
                {shown}
                {(more > 0).then(|| view! { <p class="muted">{td_string!(l, dq.merges_more, n = more).to_string()}</p> })}
                {(!apart.is_empty()).then(|| {
                    let lines = apart.iter().map(u64::to_string).collect::<Vec<_>>().join(", ");
                    view! {
                        <p data-testid="csv-apart">{td_string!(l, dq.apart_lines, lines = lines).to_string()}" "
                            <button type="button" class="link-button" on:click=move |_| choices.merges.update(|c| c.apart.clear())>{t!(i18n, dq.apart_undo)}</button>
                        </p>
                    }
                })}
            </section>
        }
    })
}

#[component]
fn MergeCard(merge: Merge, kind: RecordKind, custom: Vec<String>, choices: Choices) -> impl IntoView {
    let i18n = use_i18n();
    let l = i18n.get_locale();
    let first = merge.lines.first().copied().unwrap_or_default();
    let lines = merge.lines.iter().map(u64::to_string).collect::<Vec<_>>().join(", ");
    let summary = if merge.existing {
        td_string!(l, dq.merge_existing, name = merge.name.clone(), lines = lines).to_string()
    } else {
        td_string!(l, dq.merge_new, name = merge.name.clone(), lines = lines).to_string()
    };
    let conflicts = merge
        .conflicts
        .iter()
        .map(|c| {
            let group = unique_id("merge-choice");
            let field = c.field;
            let legend = labels::field(l, field, &custom);
            let options = c
                .values
                .iter()
                .map(|(line, text)| {
                    let line = *line;
                    let id = unique_id("merge-value");
                    let label = td_string!(l, dq.merge_value, line = line, value = text.clone()).to_string();
                    view! {
                        <div class="radio">
                            <input type="radio" id=id.clone() name=group.clone() checked=c.kept == line
                                on:change=move |_| choices.merges.update(|m| { m.keep.insert((first, field), line); }) />
                            <label for=id>{label}</label>
                        </div>
                    }
                })
                .collect_view();
            view! {
                <fieldset class="merge-conflict">
                    <legend>{legend}</legend>
                    {options}
                </fieldset>
            }
        })
        .collect_view();
    let apart_buttons = merge
        .lines
        .iter()
        .skip(1)
        .map(|&line| {
            let text = labels::keep_apart(l, kind, line);
            view! {
                <button type="button" class="button button-small" on:click=move |_| choices.merges.update(|m| { m.apart.insert(line); })>{text}</button>
            }
        })
        .collect_view();
    view! {
        <article class="merge-card" data-testid="csv-merge">
            <p class="merge-summary">{summary}</p>
            {conflicts}
            <div class="merge-actions">{apart_buttons}</div>
        </article>
    }
}
