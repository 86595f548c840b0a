//! CSV import: pick a file, check how it was read (encoding, separator), say
//! what it holds and which column is which (guessed; every guess can be
//! changed), see the preview — the first rows as they will be read, counts of
//! new and updated records, and every row that will be skipped with its line,
//! column and reason — then confirm. Only the confirmation changes the plan,
//! in one undoable step.

use super::labels;
use crate::browser::{clock, timing};
use crate::csv_io::import::{self as csv, EncodingChoice, Field, Preview, ReadFile, RecordKind, Requirement, TableProblem, TextEncoding, MAX_CSV_BYTES};
use crate::domain::IdGenerator;
use crate::editing::{Change, EditKind};
use crate::ui::format;
use crate::ui::i18n::{t, t_string, td_string, use_i18n, Locale};
use crate::ui::insights::Shared;
use crate::ui::state::{use_app, ToastAction};
use crate::browser::files::{PickedFile, ReadFailure};
use crate::ui::widgets::{unique_id, work_progress, FileButton, WorkProgress};
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::sync::Arc;

/// Rows of the file shown as they will be read.
const SAMPLE_ROWS: usize = 8;
/// Problems listed on screen (all are counted).
const SHOWN_PROBLEMS: usize = 200;
/// Skipped lines named after an import (all are counted).
const SHOWN_SKIPPED: usize = 50;

#[derive(Clone)]
enum Stage {
    Idle,
    Reading(String),
    Failed(String),
    Loaded { name: String, bytes: Arc<Vec<u8>> },
    Done { name: String, count: usize, skipped: Vec<u64> },
}

fn encoding_name(l: Locale, e: TextEncoding) -> String {
    match e {
        TextEncoding::Utf8 => td_string!(l, dq.enc_utf8),
        TextEncoding::Utf8Bom => td_string!(l, dq.enc_utf8_bom),
        TextEncoding::Utf16 => td_string!(l, dq.enc_utf16),
        TextEncoding::ShiftJis => td_string!(l, dq.enc_sjis),
    }
    .to_string()
}

fn delimiter_name(l: Locale, d: u8) -> String {
    match d {
        b'\t' => td_string!(l, dq.delim_tab),
        b';' => td_string!(l, dq.delim_semicolon),
        b'|' => td_string!(l, dq.delim_pipe),
        _ => td_string!(l, dq.delim_comma),
    }
    .to_string()
}

/// Why a CSV file named `name` cannot be read, in the user's language.
fn table_problem(l: Locale, name: String, problem: TableProblem) -> String {
    match problem {
        TableProblem::Empty => td_string!(l, dq.empty_file, name = name).to_string(),
        TableProblem::Unreadable { line } => td_string!(l, dq.unreadable, name = name, line = line).to_string(),
        TableProblem::TooLarge { bytes, limit } => {
            td_string!(l, dq.too_large, name = name, size = megabytes(bytes, l), limit = megabytes(limit, l)).to_string()
        }
    }
}

fn megabytes(bytes: u64, l: Locale) -> String {
    format!("{} MB", format::number(bytes as f64 / (1024.0 * 1024.0), l, 1))
}

fn field_slug(f: Field) -> String {
    format!("{f:?}")
}

#[component]
pub fn CsvImport() -> impl IntoView {
    let state = use_app();
    let i18n = use_i18n();
    let stage: RwSignal<Stage, LocalStorage> = RwSignal::new_local(Stage::Idle);
    let encoding = RwSignal::new(EncodingChoice::Detect);
    let failed = move |name: String, failure: ReadFailure| {
        let l = state.locale();
        stage.set(Stage::Failed(match failure {
            ReadFailure::TooLarge { bytes, limit } => table_problem(l, name, TableProblem::TooLarge { bytes, limit }),
            ReadFailure::Unreadable => td_string!(l, dq.read_error, name = name).to_string(),
        }))
    };
    let on_read = Callback::new(move |(name, picked): (String, Result<PickedFile, ReadFailure>)| match picked {
        Ok(picked) => spawn_local(async move {
            match picked.bytes().await {
                Ok(bytes) => {
                    encoding.set(EncodingChoice::Detect);
                    stage.set(Stage::Loaded { name, bytes: Arc::new(bytes) });
                }
                Err(failure) => failed(name, failure),
            }
        }),
        Err(failure) => failed(name, failure),
    });
    view! {
        <div class="dq-panel">
            <p>{t!(i18n, dq.import_desc)}</p>
            <FileButton label=Signal::derive(move || t_string!(i18n, dq.choose_csv).to_string()) accept=".csv,.tsv,.txt,text/csv,text/tab-separated-values"
                class="button-primary" max_bytes=MAX_CSV_BYTES on_pick=Callback::new(move |name| stage.set(Stage::Reading(name))) on_read />
            {move || match stage.get() {
                Stage::Idle => ().into_any(),
                Stage::Reading(name) => view! { <p class="muted" role="status">{move || td_string!(i18n.get_locale(), dq.reading, name = name.clone()).to_string()}</p> }.into_any(),
                Stage::Failed(message) => view! { <p class="result result-bad" role="alert" data-testid="csv-failed">{message}</p> }.into_any(),
                Stage::Loaded { name, bytes } => view! { <Loaded name bytes encoding stage/> }.into_any(),
                Stage::Done { name, count, skipped } => view! { <Done name count skipped/> }.into_any(),
            }}
        </div>
    }
}

#[component]
fn Done(name: String, count: usize, skipped: Vec<u64>) -> impl IntoView {
    let i18n = use_i18n();
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
    view! {
        <div class="result result-good" role="status" data-testid="csv-done">
            <p>{move || td_string!(i18n.get_locale(), dq.done, count = count, name = name.clone()).to_string()}</p>
            {(!skipped.is_empty()).then(|| view! { <p data-testid="csv-skipped">{skipped_text}</p> })}
        </div>
    }
}

/// Text of the file handed to the reader per step (a few ms of work).
const READ_STEP_BYTES: usize = 256 * 1024;
/// Rows checked against the plan per step (a few ms of work).
const CHECK_STEP_ROWS: usize = 1_000;

/// The picked file's bytes, shared with the reading in progress (a new
/// encoding choice reads them again).
struct Bytes(Arc<Vec<u8>>);

impl AsRef<[u8]> for Bytes {
    fn as_ref(&self) -> &[u8] {
        self.0.as_slice()
    }
}

/// Where reading the file up to the mapping step is.
#[derive(Clone)]
enum FileRead {
    Reading,
    Read(Result<Shared<ReadFile>, TableProblem>),
}

/// Where checking the rows against the plan is.
#[derive(Clone)]
enum Check {
    /// A required field has no column (or there is no plan).
    Incomplete,
    Checking,
    /// The preview, and the mapping it was made with.
    Ready(Shared<Preview>, Vec<Option<Field>>),
}

/// Counts runs of long work so that only the newest one goes on; a run also
/// stops once the component that started it is gone.
#[derive(Clone, Copy)]
struct Runs(StoredValue<u64>);

impl Runs {
    fn new() -> Self {
        Runs(StoredValue::new(0))
    }

    /// Starts a new run (older ones stop at their next turn): its "still wanted?".
    fn start(self) -> impl Fn() -> bool + Copy {
        let run = self.0.get_value().wrapping_add(1);
        self.0.set_value(run);
        move || self.0.try_get_value() == Some(run)
    }
}

#[component]
fn Loaded(name: String, bytes: Arc<Vec<u8>>, encoding: RwSignal<EncodingChoice>, stage: RwSignal<Stage, LocalStorage>) -> impl IntoView {
    let i18n = use_i18n();
    // The file read once per encoding, in turns; the mapping step and the
    // preview share it.
    let file: RwSignal<FileRead, LocalStorage> = RwSignal::new_local(FileRead::Reading);
    let read_percent = RwSignal::new(0u8);
    let runs = Runs::new();
    Effect::new(move |_| {
        let choice = encoding.get();
        let wanted = runs.start();
        file.set(FileRead::Reading);
        read_percent.set(0);
        let bytes = Bytes(bytes.clone());
        spawn_local(async move {
            let mut reading = csv::Reading::new(bytes, choice);
            let progress = move |share| read_percent.set(work_progress::percent(share));
            let done = timing::in_turns(|| (!reading.step(READ_STEP_BYTES)).then(|| reading.progress()), progress, wanted).await;
            if done {
                file.set(FileRead::Read(reading.finish().map(|f| Shared(Arc::new(f)))));
            }
        });
    });
    let name_reading = name.clone();
    let name_failed = name.clone();
    let name_ok = name.clone();
    let encoding_select = move || {
        let id = unique_id("csv-encoding");
        view! {
            <label class="field field-inline">
                <span>{t!(i18n, dq.encoding_label)}</span>
                <select id=id data-testid="csv-encoding" on:change=move |ev| encoding.set(match event_target_value(&ev).as_str() {
                    "utf8" => EncodingChoice::Utf8,
                    "sjis" => EncodingChoice::ShiftJis,
                    _ => EncodingChoice::Detect,
                })>
                    <option value="detect" selected=move || encoding.get() == EncodingChoice::Detect>{t!(i18n, dq.enc_detect)}</option>
                    <option value="utf8" selected=move || encoding.get() == EncodingChoice::Utf8>{t!(i18n, dq.enc_utf8)}</option>
                    <option value="sjis" selected=move || encoding.get() == EncodingChoice::ShiftJis>{t!(i18n, dq.enc_sjis)}</option>
                </select>
            </label>
        }
    };
    view! {
        {move || match file.get() {
            FileRead::Reading => {
                let name = name_reading.clone();
                view! {
                    <WorkProgress testid="csv-reading" percent=read_percent
                        text=Signal::derive(move || td_string!(i18n.get_locale(), dq.reading_rows, name = name.clone()).to_string())
                        cancel_label=Signal::derive(move || t_string!(i18n, dq.cancel).to_string())
                        on_cancel=Callback::new(move |()| stage.set(Stage::Idle)) />
                }.into_any()
            }
            FileRead::Read(Err(problem)) => {
                let l = i18n.get_locale();
                let text = table_problem(l, name_failed.clone(), problem);
                view! {
                    <div class="result result-bad" role="alert" data-testid="csv-failed"><p>{text}</p></div>
                    {encoding_select()}
                }.into_any()
            }
            FileRead::Read(Ok(read)) => {
                view! { <Mapping name=name_ok.clone() read encoding_select=encoding_select.into_any() stage/> }.into_any()
            }
        }}
    }
}

#[component]
fn Mapping(name: String, read: Shared<ReadFile>, encoding_select: AnyView, stage: RwSignal<Stage, LocalStorage>) -> impl IntoView {
    let state = use_app();
    let i18n = use_i18n();
    let kind = RwSignal::new(read.0.kind);
    // The plan's custom fields of accounts, which columns can fill too.
    let custom_names = Memo::new(move |_| {
        state.plan.with(|p| p.as_ref().map(|p| p.custom_fields.iter().map(|f| f.name.clone()).collect::<Vec<_>>()).unwrap_or_default())
    });
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
    // The rows are checked again, in turns, whenever the mapping or the plan
    // changes; a newer check stops an older one.
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
                let options = csv::Options { kind: k, mapping: m, utc_offset_minutes: clock::utc_offset_minutes(), now: clock::now() };
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
        let (name, rows, columns, enc, delim, replaced) = (name.clone(), file.table.len(), file.table.headers.len(), file.encoding, file.table.delimiter, file.replaced);
        move || {
            let l = i18n.get_locale();
            let text = td_string!(l, dq.file_facts, name = name.clone(), rows = format::integer(rows as i64, l), columns = columns, encoding = encoding_name(l, enc), delimiter = delimiter_name(l, delim)).to_string();
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
                    let k = match event_target_value(&ev).as_str() {
                        "Contacts" => RecordKind::Contacts,
                        "Deals" => RecordKind::Deals,
                        "Activities" => RecordKind::Activities,
                        _ => RecordKind::Accounts,
                    };
                    kind.set(k);
                    mapping.set(guess(k));
                }
            }>
                {RecordKind::ALL.into_iter().map(|k| view! {
                    <option value=format!("{k:?}") selected=move || kind.get() == k>{move || labels::kind(i18n.get_locale(), k)}</option>
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
    let name_for_confirm = name.clone();
    let confirm = move |_| {
        let Check::Ready(p, _) = check.get_untracked() else { return };
        let Some(batch) = pending.try_update_value(Option::take).flatten().filter(|b| !b.is_empty()) else { return };
        let count = batch.len();
        state.dispatch(Change::ImportRecords(Box::new(batch)), EditKind::ImportCsv);
        let l = state.locale();
        state.show_toast(td_string!(l, dq.done, count = count, name = name_for_confirm.clone()).to_string(), Some(ToastAction::UndoEdit));
        stage.set(Stage::Done { name: name_for_confirm.clone(), count, skipped: p.0.bad_rows.clone() });
    };
    view! {
        {facts}
        <div class="toolbar">{encoding_select}{kind_select}</div>
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
        {move || match check.get() {
            Check::Incomplete => ().into_any(),
            Check::Checking => view! {
                <WorkProgress testid="csv-checking" percent=check_percent
                    text=Signal::derive(move || td_string!(i18n.get_locale(), dq.checking_rows, rows = format::integer(row_count as i64, i18n.get_locale())).to_string()) />
            }.into_any(),
            Check::Ready(p, mapping) => view! { <PreviewView preview=p read=read.clone() mapping custom=custom_names.get_untracked()/> }.into_any(),
        }}
        <div class="dialog-actions">
            <button type="button" class="button button-primary" data-testid="csv-confirm"
                disabled=move || check.with(|c| !matches!(c, Check::Ready(p, _) if p.0.records() > 0))
                on:click=confirm>
                {move || match check.with(|c| match c { Check::Ready(p, _) => Some(p.0.records()), _ => None }) {
                    None if check.with(|c| matches!(c, Check::Checking)) => t_string!(i18n, dq.confirm_checking).to_string(),
                    None | Some(0) => t_string!(i18n, dq.nothing_to_import).to_string(),
                    Some(n) => td_string!(i18n.get_locale(), dq.confirm, count = n).to_string(),
                }}
            </button>
            <button type="button" class="button button-quiet" on:click=move |_| stage.set(Stage::Idle)>{t!(i18n, dq.cancel)}</button>
        </div>
    }
}

#[component]
fn PreviewView(
    preview: Shared<Preview>,
    read: Shared<ReadFile>,
    mapping: Vec<Option<Field>>,
    /// The plan's custom fields' names, for the headings of custom columns.
    custom: Vec<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    let p = preview.0.clone();
    let l = i18n.get_locale();
    let n = |v: usize| format::integer(v as i64, l);
    let mapped: Vec<(usize, Field)> = mapping.iter().enumerate().filter_map(|(i, f)| f.map(|f| (i, f))).collect();
    let table = &read.0.table;
    let headers = &table.headers;
    let sample: Vec<_> = table.rows().take(SAMPLE_ROWS).collect();
    let bad_cell = |line: u64, col: usize| p.problems.iter().find(|x| x.line == line && x.column == Some(col)).map(|x| labels::problem(l, x.kind));
    let sample_rows = sample
        .iter()
        .map(|row| {
            let skipped = p.bad_rows.contains(&row.line);
            view! {
                <tr class:row-skipped=skipped>
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
    let problems = p
        .problems
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
    let more = p.problems.len().saturating_sub(SHOWN_PROBLEMS);
    view! {
        <h3>{t!(i18n, dq.preview_title)}</h3>
        <dl class="facts" data-testid="csv-preview-facts">
            <div><dt>{t!(i18n, dq.fact_new)}</dt><dd data-testid="csv-new">{n(p.added)}</dd></div>
            <div><dt>{t!(i18n, dq.fact_updated)}</dt><dd data-testid="csv-updated">{n(p.updated)}</dd></div>
            {(p.already > 0).then(|| view! { <div><dt>{t!(i18n, dq.fact_already)}</dt><dd>{n(p.already)}</dd></div> })}
            <div><dt>{t!(i18n, dq.fact_bad)}</dt><dd data-testid="csv-bad">{n(p.bad_rows.len())}</dd></div>
        </dl>
        <div class="table-scroll">
            <table class="data-table csv-sample" data-testid="csv-sample">
                <thead><tr>
                    <th scope="col" class="num">{t!(i18n, dq.p_line)}</th>
                    {mapped.iter().map(|(_, f)| view! { <th scope="col">{labels::field(l, *f, &custom)}</th> }).collect_view()}
                </tr></thead>
                <tbody>{sample_rows}</tbody>
            </table>
        </div>
        {(!p.problems.is_empty()).then(|| view! {
            <section class="result result-bad" data-testid="csv-problems">
                <h3>{t!(i18n, dq.problems_title)}</h3>
                <div class="table-scroll">
                    <table class="data-table">
                        <thead><tr>
                            <th scope="col" class="num">{t!(i18n, dq.p_line)}</th>
                            <th scope="col">{t!(i18n, dq.p_column)}</th>
                            <th scope="col">{t!(i18n, dq.p_value)}</th>
                            <th scope="col">{t!(i18n, dq.p_problem)}</th>
                        </tr></thead>
                        <tbody>{problems}</tbody>
                    </table>
                </div>
                {(more > 0).then(|| view! { <p class="muted">{td_string!(l, dq.problems_more, n = more).to_string()}</p> })}
            </section>
        })}
    }
}
