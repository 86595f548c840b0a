//! CSV import: pick a file, check how it was read (encoding, separator), say
//! what it holds and which column is which (guessed; every guess can be
//! changed), see the preview — the first rows as they will be read, counts of
//! new and updated records, and every row that will be skipped with its line,
//! column and reason — then confirm. Only the confirmation changes the plan,
//! in one undoable step.

use super::labels;
use crate::browser::clock;
use crate::csv_io::import::{self as csv, EncodingChoice, MAX_CSV_BYTES, Field, Preview, ReadFile, RecordKind, Requirement, TableProblem, TextEncoding};
use crate::domain::IdGenerator;
use crate::editing::{Change, EditKind};
use crate::ui::format;
use crate::ui::i18n::{t, t_string, td_string, use_i18n, Locale};
use crate::ui::insights::Shared;
use crate::ui::state::{use_app, ToastAction};
use crate::browser::files::{PickedFile, ReadFailure};
use crate::ui::widgets::{unique_id, FileButton};
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::sync::Arc;

/// Rows of the file shown as they will be read.
const SAMPLE_ROWS: usize = 8;
/// Problems listed on screen (all are counted).
const SHOWN_PROBLEMS: usize = 200;

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
    let lines = skipped.iter().map(u64::to_string).collect::<Vec<_>>().join(", ");
    view! {
        <div class="result result-good" role="status" data-testid="csv-done">
            <p>{move || td_string!(i18n.get_locale(), dq.done, count = count, name = name.clone()).to_string()}</p>
            {(!skipped.is_empty()).then(|| view! { <p data-testid="csv-skipped">{move || td_string!(i18n.get_locale(), dq.done_skipped, lines = lines.clone()).to_string()}</p> })}
        </div>
    }
}

#[component]
fn Loaded(name: String, bytes: Arc<Vec<u8>>, encoding: RwSignal<EncodingChoice>, stage: RwSignal<Stage, LocalStorage>) -> impl IntoView {
    let i18n = use_i18n();
    // The file read once per encoding; the mapping step and the preview share it.
    let file = Memo::new(move |_| csv::read(&bytes, encoding.get()).map(|f| Shared(Arc::new(f))));
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
            Err(problem) => {
                let l = i18n.get_locale();
                let text = table_problem(l, name_failed.clone(), problem);
                view! {
                    <div class="result result-bad" role="alert" data-testid="csv-failed"><p>{text}</p></div>
                    {encoding_select()}
                }.into_any()
            }
            Ok(read) => {
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
    let mapping = RwSignal::new(read.0.mapping.clone());
    let preview: Memo<Option<Shared<Preview>>> = {
        let read = read.clone();
        Memo::new(move |_| {
            let (k, m) = (kind.get(), mapping.get());
            if !csv::missing_required(k, &m).is_empty() {
                return None;
            }
            state.plan.with(|p| {
                let p = p.as_ref()?;
                let options = csv::Options { kind: k, mapping: m, utc_offset_minutes: clock::utc_offset_minutes(), now: clock::now() };
                Some(Shared(Arc::new(csv::preview(p, &read.0.table, &options, &mut IdGenerator::random()))))
            })
        })
    };
    let file = &read.0;
    let facts = {
        let (name, rows, columns, enc, delim, replaced) = (name.clone(), file.table.rows.len(), file.table.headers.len(), file.encoding, file.table.delimiter, file.replaced);
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
                let headers = file.table.headers.clone();
                move |ev| {
                    let k = match event_target_value(&ev).as_str() {
                        "Contacts" => RecordKind::Contacts,
                        "Deals" => RecordKind::Deals,
                        "Activities" => RecordKind::Activities,
                        _ => RecordKind::Accounts,
                    };
                    kind.set(k);
                    mapping.set(csv::guess_mapping(k, &headers));
                }
            }>
                {RecordKind::ALL.into_iter().map(|k| view! {
                    <option value=format!("{k:?}") selected=move || kind.get() == k>{move || labels::kind(i18n.get_locale(), k)}</option>
                }).collect_view()}
            </select>
        </label>
    };
    let headers = file.table.headers.clone();
    let first_row = file.table.rows.first().map(|r| r.cells.clone()).unwrap_or_default();
    let mapping_rows = move || {
        let k = kind.get();
        headers
            .iter()
            .enumerate()
            .map(|(i, h)| {
                let sample = first_row.get(i).cloned().unwrap_or_default();
                let label = format!("{} → {}", h, t_string!(i18n, dq.col_field));
                view! {
                    <tr>
                        <th scope="row">{h.clone()}</th>
                        <td class="muted cell-clip" title=sample.clone()>{sample.clone()}</td>
                        <td>
                            <select aria-label=label data-testid=format!("csv-map-{i}") on:change=move |ev| {
                                let v = event_target_value(&ev);
                                let f = k.fields().iter().copied().find(|f| field_slug(*f) == v);
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
                                {k.fields().iter().copied().map(|f| view! {
                                    <option value=field_slug(f) selected=move || mapping.with(|m| m.get(i).copied().flatten() == Some(f))>{move || labels::field(i18n.get_locale(), f)}</option>
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
                    Requirement::Field(f) => labels::field(l, f),
                    Requirement::Account => td_string!(l, dq.req_account).to_string(),
                })
                .collect();
            view! { <p class="result result-warn" role="alert" data-testid="csv-missing">{td_string!(l, dq.missing_required, fields = names.join(", ")).to_string()}</p> }
        })
    };
    let name_for_confirm = name.clone();
    let confirm = move |_| {
        let Some(p) = preview.get_untracked() else { return };
        let count = p.0.batch.len();
        if count == 0 {
            return;
        }
        state.dispatch(Change::ImportRecords(Box::new(p.0.batch.clone())), EditKind::ImportCsv);
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
        {move || preview.get().map(|p| view! { <PreviewView preview=p read=read.clone() mapping=mapping.get()/> })}
        <div class="dialog-actions">
            <button type="button" class="button button-primary" data-testid="csv-confirm"
                disabled=move || preview.with(|p| p.as_ref().is_none_or(|p| p.0.batch.is_empty()))
                on:click=confirm>
                {move || {
                    let n = preview.with(|p| p.as_ref().map_or(0, |p| p.0.batch.len()));
                    if n == 0 { t_string!(i18n, dq.nothing_to_import).to_string() } else { td_string!(i18n.get_locale(), dq.confirm, count = n).to_string() }
                }}
            </button>
            <button type="button" class="button button-quiet" on:click=move |_| stage.set(Stage::Idle)>{t!(i18n, dq.cancel)}</button>
        </div>
    }
}

#[component]
fn PreviewView(preview: Shared<Preview>, read: Shared<ReadFile>, mapping: Vec<Option<Field>>) -> impl IntoView {
    let i18n = use_i18n();
    let p = preview.0.clone();
    let l = i18n.get_locale();
    let n = |v: usize| format::integer(v as i64, l);
    let mapped: Vec<(usize, Field)> = mapping.iter().enumerate().filter_map(|(i, f)| f.map(|f| (i, f))).collect();
    let table = &read.0.table;
    let headers = &table.headers;
    let sample: Vec<_> = table.rows.iter().take(SAMPLE_ROWS).collect();
    let bad_cell = |line: u64, col: usize| p.problems.iter().find(|x| x.line == line && x.column == Some(col)).map(|x| labels::problem(l, x.kind));
    let sample_rows = sample
        .iter()
        .map(|row| {
            let skipped = p.bad_rows.contains(&row.line);
            view! {
                <tr class:row-skipped=skipped>
                    <td class="num muted">{row.line}</td>
                    {mapped.iter().map(|(i, _)| {
                        let text = row.cells.get(*i).cloned().unwrap_or_default();
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
                    {mapped.iter().map(|(_, f)| view! { <th scope="col">{labels::field(l, *f)}</th> }).collect_view()}
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
