//! CSV import: pick a file, check how it was read (encoding, separator), say
//! what it holds and which column is which (guessed; every guess can be
//! changed), see the preview — the rows as they will be read, what each row
//! becomes (imported, merged into another row's record, skipped), every
//! problem with its line, column and effect, and the choices on merged rows —
//! then confirm. Only the confirmation changes the plan, in one undoable step.
//!
//! The same component serves Data quality › Import, the Accounts page of an
//! empty plan, and the first run's "start from your export" (which hands the
//! picked file over through `AppState::pending_csv`).

mod done;
mod mapping;
mod merges;
mod preview;
mod sheet;

/// A workbook read before a plan is made for it (the first run).
pub(crate) use sheet::{problem_text as workbook_problem_text, read as read_workbook};

use crate::browser::files::{PickedFile, ReadFailure};
use crate::browser::timing;
use crate::csv_io::import::{self as csv, EncodingChoice, ReadFile, TableProblem, TextEncoding, MAX_CSV_BYTES};
use crate::ui::format;
use crate::ui::i18n::{t, t_string, td_string, use_i18n, Locale};
use crate::ui::insights::Shared;
use crate::ui::state::use_app;
use crate::ui::widgets::{unique_id, work_progress, FileButton, WorkProgress};
use crate::workbook::looks_like_workbook;
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::sync::Arc;

/// The files the import reads: CSV and tab-separated text, and workbooks
/// (told apart by their content, not their name).
pub const ACCEPT: &str = ".csv,.tsv,.txt,.xlsx,.xlsm,.xlsb,.xls,.ods,text/csv,text/tab-separated-values,\
application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/vnd.ms-excel,application/vnd.oasis.opendocument.spreadsheet";

#[derive(Clone)]
enum Stage {
    Idle,
    Reading(String),
    Failed(String),
    Loaded { name: String, bytes: Arc<Vec<u8>> },
    Done(done::Imported),
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

#[component]
pub fn CsvImport() -> impl IntoView {
    let state = use_app();
    let i18n = use_i18n();
    let stage: RwSignal<Stage, LocalStorage> = RwSignal::new_local(Stage::Idle);
    let encoding = RwSignal::new(EncodingChoice::Detect);
    // A file picked before this view existed (the first run's "start from
    // your export") is read at once.
    if let Some((name, bytes)) = state.pending_csv.try_update(Option::take).flatten() {
        stage.set(Stage::Loaded { name, bytes });
    }
    let failed = move |name: String, failure: ReadFailure| {
        let l = state.locale();
        stage.set(Stage::Failed(match failure {
            ReadFailure::TooLarge { bytes, limit } => table_problem(l, name, TableProblem::TooLarge { bytes, limit }),
            ReadFailure::Unreadable => td_string!(l, dq.unchanged_after, problem = td_string!(l, dq.read_error, name = name).to_string()).to_string(),
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
        <div class="dq-panel csv-import">
            <p>{t!(i18n, dq.import_desc)}</p>
            <FileButton label=Signal::derive(move || t_string!(i18n, dq.choose_csv).to_string()) accept=ACCEPT
                class="button-primary" max_bytes=MAX_CSV_BYTES on_pick=Callback::new(move |name| stage.set(Stage::Reading(name))) on_read />
            {move || match stage.get() {
                Stage::Idle => ().into_any(),
                Stage::Reading(name) => view! { <p class="muted" role="status">{move || td_string!(i18n.get_locale(), dq.reading, name = name.clone()).to_string()}</p> }.into_any(),
                Stage::Failed(message) => view! { <p class="result result-bad" role="alert" data-testid="csv-failed">{message}</p> }.into_any(),
                Stage::Loaded { name, bytes } if looks_like_workbook(&bytes) => view! { <sheet::SheetLoaded name bytes stage/> }.into_any(),
                Stage::Loaded { name, bytes } => view! { <Loaded name bytes encoding stage/> }.into_any(),
                Stage::Done(imported) => view! { <done::Done imported/> }.into_any(),
            }}
        </div>
    }
}

/// Text of the file handed to the reader per step (a few ms of work).
const READ_STEP_BYTES: usize = 256 * 1024;

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
                let on_done = Callback::new(move |imported| stage.set(Stage::Done(imported)));
                let on_cancel = Callback::new(move |()| stage.set(Stage::Idle));
                view! { <mapping::Mapping name=name_ok.clone() read source_select=encoding_select.into_any() on_done on_cancel/> }.into_any()
            }
        }}
    }
}
