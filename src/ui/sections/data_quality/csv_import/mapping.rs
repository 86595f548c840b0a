//! Which column is which, the import's options, the rows checked against the
//! plan (again whenever any of these or the plan changes), and the confirm.

use super::done::Imported;
use super::preview::PreviewView;
use super::{delimiter_name, encoding_name, Runs};
use crate::browser::{clock, timing};
use crate::csv_io::import::{self as csv, Field, MergeChoices, Preview, ReadFile, RecordKind, Requirement, Source};
use crate::domain::IdGenerator;
use crate::editing::{Change, EditKind};
use crate::ui::format;
use crate::ui::i18n::{t, t_string, td_string, use_i18n};
use crate::ui::insights::Shared;
use crate::ui::sections::data_quality::labels;
use crate::ui::state::{use_app, ToastAction};
use crate::ui::widgets::{choice_value, picked};
use crate::ui::widgets::{unique_id, work_progress, WorkProgress};
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::sync::Arc;

/// Rows checked against the plan per step (a few ms of work).
const CHECK_STEP_ROWS: usize = 1_000;

/// Where checking the rows against the plan is.
#[derive(Clone)]
enum Check {
    /// A required field has no column (or there is no plan).
    Incomplete,
    Checking,
    /// The preview, and the mapping it was made with.
    Ready(Shared<Preview>, Vec<Option<Field>>),
}

fn field_slug(f: Field) -> String {
    format!("{f:?}")
}

/// What the user chose for this import besides the mapping.
#[derive(Clone, Copy)]
pub(super) struct Choices {
    pub skip_bad_rows: RwSignal<bool>,
    pub add_accounts: RwSignal<bool>,
    pub merges: RwSignal<MergeChoices>,
}

#[component]
pub(super) fn Mapping(
    name: String,
    read: Shared<ReadFile>,
    /// The encoding choice of a CSV, the sheet choice of a workbook.
    source_select: AnyView,
    on_done: Callback<Imported>,
    on_cancel: Callback<()>,
) -> impl IntoView {
    let state = use_app();
    let i18n = use_i18n();
    let kind = RwSignal::new(read.0.kind);
    // The plan's custom fields of accounts, which columns can fill too.
    let custom_names =
        Memo::new(move |_| state.plan.with(|p| p.as_ref().map(|p| p.custom_fields.iter().map(|f| f.name.clone()).collect::<Vec<_>>()).unwrap_or_default()));
    let guess = {
        let headers = read.0.table.headers.clone();
        move |k: RecordKind| {
            let mut m = csv::guess_mapping(k, &headers);
            custom_names.with_untracked(|names| {
                let names: Vec<&str> = names.iter().map(String::as_str).collect();
                csv::guess_custom(k, &headers, &names, &mut m);
            });
            m
        }
    };
    let mapping = RwSignal::new(guess(read.0.kind));
    let choices = Choices { skip_bad_rows: RwSignal::new(false), add_accounts: RwSignal::new(true), merges: RwSignal::new(MergeChoices::default()) };
    // The rows are checked again, in turns, whenever the mapping, a choice or
    // the plan changes; a newer check stops an older one.
    let check: RwSignal<Check, LocalStorage> = RwSignal::new_local(Check::Incomplete);
    let check_percent = RwSignal::new(0u8);
    // What a confirm imports, kept beside the preview rather than in it: the
    // confirm moves the records (hundreds of thousands from a large file) to
    // the plan instead of copying them.
    let pending: StoredValue<Option<csv::Batch>> = StoredValue::new(None);
    let row_count = read.0.table.len();
    let runs = Runs::new();
    {
        let read = read.clone();
        Effect::new(move |_| {
            let (k, m) = (kind.get(), mapping.get());
            let (strict, add, merges) = (choices.skip_bad_rows.get(), choices.add_accounts.get(), choices.merges.get());
            let plan = state.plan.get();
            let wanted = runs.start();
            pending.set_value(None);
            let Some(plan) = plan.filter(|_| csv::missing_required(k, &m).is_empty()) else {
                return check.set(Check::Incomplete);
            };
            check.set(Check::Checking);
            check_percent.set(0);
            let read = read.clone();
            spawn_local(async move {
                let mut options = csv::Options::new(k, m, clock::utc_offset_minutes(), clock::now());
                options.skip_rows_with_bad_cells = strict;
                options.add_accounts = add;
                options.choices = merges;
                let mut ids = IdGenerator::random();
                let mut run = csv::PreviewRun::new(&plan, &read.0.table, &options);
                let progress = move |share| check_percent.set(work_progress::percent(share));
                let done = timing::in_turns(|| (!run.step(CHECK_STEP_ROWS, &mut ids)).then(|| run.progress()), progress, wanted).await;
                if done {
                    let mut preview = run.finish();
                    pending.set_value(Some(std::mem::take(&mut preview.batch)));
                    check.set(Check::Ready(Shared(Arc::new(preview)), options.mapping.clone()));
                }
            });
        });
    }
    let file = &read.0;
    let facts = {
        // Rows quotes broke are rows of the file too, as the preview counts them.
        let rows = file.table.len() + file.table.structure.len();
        let (name, rows, columns, source, delim) = (name.clone(), rows, file.table.headers.len(), file.source.clone(), file.table.delimiter);
        move || {
            let l = i18n.get_locale();
            let shown_rows = format::integer(rows as i64, l);
            let (text, replaced) = match &source {
                Source::Text { encoding, replaced } => {
                    let (encoding, delimiter) = (encoding_name(l, *encoding), delimiter_name(l, delim));
                    (
                        td_string!(
                            l,
                            dq.file_facts,
                            count = rows,
                            name = name.clone(),
                            rows = shown_rows,
                            columns = columns,
                            encoding = encoding,
                            delimiter = delimiter
                        )
                        .to_string(),
                        *replaced,
                    )
                }
                Source::Sheet { name: sheet, heading_row } => (
                    td_string!(
                        l,
                        dq.sheet_facts,
                        count = rows,
                        name = name.clone(),
                        sheet = sheet.clone(),
                        rows = shown_rows,
                        columns = columns,
                        heading_row = *heading_row
                    )
                    .to_string(),
                    false,
                ),
            };
            view! {
                <p data-testid="csv-facts">{text}</p>
                {replaced.then(|| view! { <p class="result result-warn" role="note">{t!(i18n, dq.replaced_warning)}</p> })}
            }
        }
    };
    let kind_id = unique_id("csv-kind");
    let kind_select = view! {
        <label class="field field-inline">
            <span>{t!(i18n, dq.kind_label)}</span>
            <select id=kind_id data-testid="csv-kind" on:change={
                move |ev| {
                    let k = picked(&RecordKind::ALL, &event_target_value(&ev)).unwrap_or(RecordKind::Accounts);
                    kind.set(k);
                    mapping.set(guess(k));
                    choices.merges.set(MergeChoices::default());
                }
            }>
                {RecordKind::ALL.into_iter().map(|k| view! {
                    <option value=choice_value(&RecordKind::ALL, &k) selected=move || kind.get() == k>{move || labels::kind(i18n.get_locale(), k)}</option>
                }).collect_view()}
            </select>
        </label>
    };
    let headers = file.table.headers.clone();
    let first_row: Vec<String> = file.table.row(0).map(|r| r.cells().map(str::to_string).collect()).unwrap_or_default();
    let mapping_rows = move || {
        let k = kind.get();
        // The fields a column can fill: the kind's own, then (accounts) the
        // plan's custom fields.
        let custom = custom_names.get();
        let choices: Vec<Field> = k
            .fields()
            .iter()
            .copied()
            .chain((k == RecordKind::Accounts).then(|| (0..custom.len().min(usize::from(u16::MAX))).map(|c| Field::Custom(c as u16))).into_iter().flatten())
            .collect();
        headers
            .iter()
            .enumerate()
            .map(|(i, h)| {
                let sample = first_row.get(i).cloned().unwrap_or_default();
                let label = format!("{} → {}", h, t_string!(i18n, dq.col_field));
                let choices_for_change = choices.clone();
                view! {
                    <tr>
                        <th scope="row">{h.clone()}</th>
                        <td class="muted cell-clip" title=sample.clone()>{sample.clone()}</td>
                        <td>
                            <select aria-label=label data-testid=format!("csv-map-{i}") on:change=move |ev| {
                                let v = event_target_value(&ev);
                                let f = choices_for_change.iter().copied().find(|f| field_slug(*f) == v);
                                mapping.update(|m| {
                                    // A field goes to one column: taking it frees the other.
                                    if let Some(f) = f {
                                        for x in m.iter_mut() {
                                            if *x == Some(f) {
                                                *x = None;
                                            }
                                        }
                                    }
                                    if let Some(slot) = m.get_mut(i) {
                                        *slot = f;
                                    }
                                });
                            }>
                                <option value="" selected=move || mapping.with(|m| m.get(i).copied().flatten().is_none())>{t!(i18n, dq.ignore)}</option>
                                {choices.iter().copied().map(|f| {
                                    let custom = custom.clone();
                                    view! {
                                        <option value=field_slug(f) selected=move || mapping.with(|m| m.get(i).copied().flatten() == Some(f))>{move || labels::field(i18n.get_locale(), f, &custom)}</option>
                                    }
                                }).collect_view()}
                            </select>
                        </td>
                    </tr>
                }
            })
            .collect_view()
    };
    let missing = move || {
        let l = i18n.get_locale();
        let list = csv::missing_required(kind.get(), &mapping.get());
        (!list.is_empty()).then(|| {
            let names: Vec<String> = list
                .into_iter()
                .map(|r| match r {
                    Requirement::Field(f) => labels::field(l, f, &[]),
                    Requirement::Account => td_string!(l, dq.req_account).to_string(),
                })
                .collect();
            view! { <p class="result result-warn" role="alert" data-testid="csv-missing">{td_string!(l, dq.missing_required, fields = names.join(", ")).to_string()}</p> }
        })
    };
    let options = {
        let (strict_id, add_id) = (unique_id("csv-strict"), unique_id("csv-add"));
        view! {
            <fieldset class="csv-options">
                <legend>{t!(i18n, dq.options_title)}</legend>
                <div class="check-field">
                    <input id=strict_id.clone() type="checkbox" prop:checked=move || choices.skip_bad_rows.get()
                        on:change=move |ev| choices.skip_bad_rows.set(event_target_checked(&ev)) />
                    <label for=strict_id>{t!(i18n, dq.opt_skip_rows)}</label>
                </div>
                <Show when=move || matches!(kind.get(), RecordKind::Contacts | RecordKind::Deals)>
                    <div class="check-field">
                        <input id=add_id.clone() type="checkbox" prop:checked=move || choices.add_accounts.get()
                            on:change=move |ev| choices.add_accounts.set(event_target_checked(&ev)) />
                        <label for=add_id.clone()>{t!(i18n, dq.opt_add_accounts)}</label>
                    </div>
                </Show>
            </fieldset>
        }
    };
    let name_for_confirm = name.clone();
    let confirm = move |_| {
        let Check::Ready(p, _) = check.get_untracked() else { return };
        let Some(batch) = pending.try_update_value(Option::take).flatten().filter(|b| !b.is_empty()) else { return };
        let count = p.0.records();
        let l = state.locale();
        // A batch the plan refuses (a record breaking its rules, which the
        // preview should have listed) is said, and nothing claims it imported.
        if let Err(refusal) = state.try_dispatch(Change::ImportRecords(Box::new(batch)), EditKind::ImportCsv) {
            return state.show_toast(crate::ui::problems::refusal(l, refusal), None);
        }
        state.show_toast(td_string!(l, dq.done, count = count, name = name_for_confirm.clone()).to_string(), Some(ToastAction::UndoEdit));
        on_done.run(Imported { name: name_for_confirm.clone(), preview: p.clone() });
    };
    view! {
        {facts}
        <div class="toolbar">{source_select}{kind_select}</div>
        <h3>{t!(i18n, dq.mapping_title)}</h3>
        <table class="data-table csv-mapping" data-testid="csv-mapping">
            <thead><tr>
                <th scope="col">{t!(i18n, dq.col_heading)}</th>
                <th scope="col">{t!(i18n, dq.col_sample)}</th>
                <th scope="col">{t!(i18n, dq.col_field)}</th>
            </tr></thead>
            <tbody>{mapping_rows}</tbody>
        </table>
        {missing}
        {options}
        {move || match check.get() {
            Check::Incomplete => ().into_any(),
            Check::Checking => view! {
                <WorkProgress testid="csv-checking" percent=check_percent
                    text=Signal::derive(move || td_string!(i18n.get_locale(), dq.checking_rows, count = row_count, rows = format::integer(row_count as i64, i18n.get_locale())).to_string()) />
            }.into_any(),
            Check::Ready(p, mapping) => view! { <PreviewView preview=p read=read.clone() mapping custom=custom_names.get_untracked() choices/> }.into_any(),
        }}
        <div class="dialog-actions">
            <button type="button" class="button button-primary" data-testid="csv-confirm"
                disabled=move || check.with(|c| !matches!(c, Check::Ready(p, _) if p.0.writes() > 0))
                on:click=confirm>
                {move || match check.with(|c| match c { Check::Ready(p, _) => Some((p.0.records(), p.0.kind)), _ => None }) {
                    None if check.with(|c| matches!(c, Check::Checking)) => t_string!(i18n, dq.confirm_checking).to_string(),
                    None | Some((0, _)) => t_string!(i18n, dq.nothing_to_import).to_string(),
                    Some((n, k)) => labels::import_button(i18n.get_locale(), k, n),
                }}
            </button>
            <button type="button" class="button button-quiet" on:click=move |_| on_cancel.run(())>{t!(i18n, dq.cancel)}</button>
        </div>
    }
}
