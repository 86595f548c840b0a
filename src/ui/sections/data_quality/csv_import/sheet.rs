//! A picked workbook (.xlsx, .xls, .ods): the sheet that looks most like a
//! list is read and goes on to the same mapping and preview as a CSV; the
//! user can choose another sheet where a CSV offers another encoding.

use super::mapping::Mapping;
use super::Stage;
use crate::browser::workbook_worker::{self, WorkerFailure};
use crate::csv_io::import::{ReadFile, Source};
use crate::ui::i18n::{t, td_string, use_i18n, Locale};
use crate::ui::insights::Shared;
use crate::ui::widgets::unique_id;
use crate::workbook::{SheetRead, WorkbookProblem};
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::sync::Arc;

/// Why a workbook named `name` gave no table: the workbook's problem, or the
/// worker that reads workbooks could not.
#[derive(Clone)]
pub enum Failure {
    Workbook(WorkbookProblem),
    Worker(WorkerFailure),
}

/// Reads sheet `sheet` of a workbook (none: the one most like a list) in the
/// workbook worker, so the page stays free meanwhile.
pub async fn read(bytes: &[u8], sheet: Option<String>) -> Result<SheetRead, Failure> {
    workbook_worker::read(bytes, sheet).await.map_err(Failure::Worker)?.map_err(Failure::Workbook)
}

/// Why a workbook named `name` gave no table, in the user's language. It says
/// nothing of the plan: the first run has none yet, the import says it is unchanged.
pub fn problem_text(l: Locale, name: String, failure: Failure) -> String {
    let problem = match failure {
        Failure::Workbook(problem) => problem,
        // The browser's reason adds nothing a person can act on: the files did not come.
        Failure::Worker(WorkerFailure::Unavailable(_)) => return td_string!(l, dq.wb_reader_unavailable, name = name).to_string(),
        Failure::Worker(WorkerFailure::Stopped(reason)) => return td_string!(l, dq.wb_reader_stopped, name = name, reason = reason).to_string(),
        Failure::Worker(WorkerFailure::OtherRelease) => return td_string!(l, dq.wb_reader_outdated, name = name).to_string(),
    };
    match problem {
        WorkbookProblem::Unreadable => td_string!(l, dq.wb_unreadable, name = name).to_string(),
        WorkbookProblem::Protected => td_string!(l, dq.wb_protected, name = name).to_string(),
        WorkbookProblem::NoSheets => td_string!(l, dq.wb_no_sheets, name = name).to_string(),
        WorkbookProblem::EmptySheet { sheet } => td_string!(l, dq.wb_empty_sheet, name = name, sheet = sheet).to_string(),
        WorkbookProblem::BrokenSheet { sheet } => td_string!(l, dq.wb_broken_sheet, name = name, sheet = sheet).to_string(),
        WorkbookProblem::TooLarge { bytes, limit } => {
            td_string!(l, dq.wb_too_large, name = name, size = super::megabytes(bytes, l), limit = super::megabytes(limit, l)).to_string()
        }
    }
}

#[derive(Clone)]
enum SheetState {
    Reading,
    /// The sheet read up to the mapping step, and its name.
    Read(Shared<ReadFile>, String),
    /// The problem, and the sheets to choose from instead (none when the
    /// workbook itself could not be read).
    Failed(Failure, Vec<String>),
}

#[component]
pub(super) fn SheetLoaded(name: String, bytes: Arc<Vec<u8>>, stage: RwSignal<Stage, LocalStorage>) -> impl IntoView {
    let i18n = use_i18n();
    // The sheet asked for: none at first (the one that looks most like a list).
    let chosen = RwSignal::new(None::<String>);
    let state: RwSignal<SheetState, LocalStorage> = RwSignal::new_local(SheetState::Reading);
    // The sheets seen, kept while another one is read or when it fails.
    let sheets = RwSignal::new(Vec::<String>::new());
    Effect::new(move |_| {
        let sheet = chosen.get();
        state.set(SheetState::Reading);
        let bytes = bytes.clone();
        spawn_local(async move {
            let read = read(&bytes, sheet.clone()).await;
            if chosen.try_with_untracked(|now| *now != sheet).unwrap_or(true) {
                return;
            }
            match read {
                Ok(SheetRead { sheets: offered, file }) => {
                    let current = match &file.source {
                        Source::Sheet { name, .. } => name.clone(),
                        Source::Text { .. } => String::new(),
                    };
                    sheets.set(offered);
                    state.set(SheetState::Read(Shared(Arc::new(file)), current));
                }
                Err(failure) => state.set(SheetState::Failed(failure, sheets.get_untracked())),
            }
        });
    });
    let sheet_select = move |current: String| {
        let id = unique_id("csv-sheet");
        view! {
            <label class="field field-inline">
                <span>{t!(i18n, dq.sheet_label)}</span>
                <select id=id data-testid="csv-sheet" on:change=move |ev| {
                    let picked = event_target_value(&ev).parse::<usize>().ok().and_then(|i| sheets.with_untracked(|s| s.get(i).cloned()));
                    if picked.is_some() {
                        chosen.set(picked);
                    }
                }>
                    {sheets.get_untracked().into_iter().enumerate().map(|(i, s)| {
                        let selected = s == current;
                        view! { <option value=i.to_string() prop:selected=selected>{s}</option> }
                    }).collect_view()}
                </select>
            </label>
        }
    };
    view! {
        {move || match state.get() {
            SheetState::Reading => {
                let name = name.clone();
                view! { <p class="muted" role="status" data-testid="csv-reading">{move || td_string!(i18n.get_locale(), dq.reading, name = name.clone()).to_string()}</p> }.into_any()
            }
            SheetState::Failed(problem, offered) => {
                let current = match &problem {
                    Failure::Workbook(WorkbookProblem::EmptySheet { sheet } | WorkbookProblem::BrokenSheet { sheet }) => sheet.clone(),
                    _ => String::new(),
                };
                let l = i18n.get_locale();
                let text = td_string!(l, dq.unchanged_after, problem = problem_text(l, name.clone(), problem)).to_string();
                view! {
                    <div class="result result-bad" role="alert" data-testid="csv-failed"><p>{text}</p></div>
                    {(offered.len() > 1).then(|| sheet_select(current))}
                }.into_any()
            }
            SheetState::Read(file, current) => {
                let on_done = Callback::new(move |imported| stage.set(Stage::Done(imported)));
                let on_cancel = Callback::new(move |()| stage.set(Stage::Idle));
                view! { <Mapping name=name.clone() read=file source_select=sheet_select(current).into_any() on_done on_cancel/> }.into_any()
            }
        }}
    }
}
