//! Importing a plan file: everything is checked first; the user then sees either
//! the problems (and the current plan is untouched) or what the file holds and
//! chooses: open as a new plan, replace the current plan (undoable), or merge
//! after a preview.

use super::merge::MergePreviewView;
use super::reading::{self, Progress};
use crate::browser::files::{PickedFile, ReadFailure};
use crate::editing::{Change, EditKind};
use crate::plan_file::merge::{preview_merge, MergePreview};
use crate::plan_file::sniff::MAX_FILE_BYTES;
use crate::plan_file::{can_repair, Imported, Mode, Problem, ProblemKind};
use crate::ui::format;
use crate::ui::i18n::{t, t_string, td_string, use_i18n, Locale};
use crate::ui::problems;
use crate::ui::state::{use_app, AppState, ToastAction};
use crate::ui::widgets::{work_progress, FileButton, WorkProgress};
use leptos::prelude::*;
use leptos::task::spawn_local;

/// Where the import is, and the file being read (`Reading`): each read has a
/// number, and only the latest is wanted (Cancel, or another file picked, make
/// the one going on stop at its next turn).
#[derive(Clone, Copy)]
struct Flow {
    state: AppState,
    stage: RwSignal<Stage, LocalStorage>,
    /// How far the reading, then the checking, got.
    progress: RwSignal<Progress>,
    reading: StoredValue<u64>,
}

impl Flow {
    /// Calls off the read going on, if any.
    fn stop_reading(self) -> u64 {
        let id = self.reading.get_value() + 1;
        self.reading.set_value(id);
        id
    }

    fn cancel(self) {
        self.stop_reading();
        self.stage.set(Stage::Idle);
    }

    /// Reads `picked` in `mode`, showing how far it got, then what it holds.
    fn read(self, file: String, picked: PickedFile, mode: Mode) {
        let id = self.stop_reading();
        self.progress.set(Progress::Reading(0.0));
        self.stage.set(Stage::Reading(file.clone()));
        // After the user left the page the value is gone: not wanted either.
        let wanted = move || self.reading.try_get_value() == Some(id);
        spawn_local(async move {
            let progress = |now: Progress| self.progress.set(now);
            let read = match reading::read_plan_file(&picked, mode, progress, wanted).await {
                Ok(read) => read,
                Err(reading::Stop::Cancelled) => return,
                Err(reading::Stop::Failed(failure)) => Err(vec![failure_problem(self.state.locale(), failure)]),
            };
            if !wanted() {
                return;
            }
            self.stage.set(match read {
                Ok(imported) => Stage::Ready { file, imported: Box::new(imported) },
                Err(problems) => {
                    // "Import the rest" reads it again, in repair mode.
                    let rest = (mode == Mode::Strict && can_repair(&problems)).then_some(picked);
                    Stage::Problems { file, problems, rest }
                }
            });
        });
    }
}

/// Why a picked file cannot be read, as a problem with the file.
fn failure_problem(l: Locale, failure: ReadFailure) -> Problem {
    Problem::file(match failure {
        ReadFailure::TooLarge { bytes, limit } => ProblemKind::TooLarge { bytes, limit },
        ReadFailure::Unreadable => ProblemKind::Invalid(td_string!(l, transfer.file_read_error).to_string()),
    })
}

#[derive(Clone)]
pub(super) enum Stage {
    Idle,
    Reading(String),
    /// `rest`: the file again, when repair may keep part of it (read on request:
    /// for a large file it takes a second or more).
    Problems {
        file: String,
        problems: Vec<Problem>,
        rest: Option<PickedFile>,
    },
    Ready {
        file: String,
        imported: Box<Imported>,
    },
    Merge {
        file: String,
        imported: Box<Imported>,
        preview: Box<MergePreview>,
    },
}

/// The import control: a file button and, below it, what the file turned out to be.
#[component]
pub fn ImportFlow(#[prop(optional)] label_first_run: bool) -> impl IntoView {
    let state = use_app();
    let i18n = use_i18n();
    let stage: RwSignal<Stage, LocalStorage> = RwSignal::new_local(Stage::Idle);
    let flow = Flow { state, stage, progress: RwSignal::new(Progress::Reading(0.0)), reading: StoredValue::new(0) };
    let on_read = Callback::new(move |(file, picked): (String, Result<PickedFile, ReadFailure>)| {
        // Cancelled while the browser was still loading the file: not wanted.
        if !matches!(stage.get_untracked(), Stage::Reading(ref name) if *name == file) {
            return;
        }
        let picked = match picked {
            Ok(picked) => picked,
            Err(failure) => return stage.set(Stage::Problems { file, problems: vec![failure_problem(state.locale(), failure)], rest: None }),
        };
        flow.read(file, picked, Mode::Strict);
    });
    let label = Signal::derive(move || if label_first_run { t_string!(i18n, first_run.open_file) } else { t_string!(i18n, transfer.choose_file) }.to_string());
    view! {
        <div class="import-flow">
            <FileButton label accept=".json,.abm.json,application/json" max_bytes=MAX_FILE_BYTES
                class=if label_first_run { "button-primary" } else { "" }
                on_pick=Callback::new(move |name| {
                    flow.stop_reading();
                    flow.progress.set(Progress::Reading(0.0));
                    stage.set(Stage::Reading(name));
                })
                on_read />
            {move || match stage.get() {
                Stage::Idle => ().into_any(),
                Stage::Reading(name) => view! { <ReadingFile name flow/> }.into_any(),
                Stage::Problems { file, problems, rest } => view! { <ProblemList file problems rest flow/> }.into_any(),
                Stage::Ready { file, imported } => view! { <ReadyToImport file imported stage/> }.into_any(),
                Stage::Merge { file, imported, preview } => view! { <MergePreviewView file imported preview=*preview stage/> }.into_any(),
            }}
        </div>
    }
}

/// The file being read, then checked: how far, and a way out.
#[component]
fn ReadingFile(name: String, flow: Flow) -> impl IntoView {
    let i18n = use_i18n();
    let text = Signal::derive(move || {
        let l = i18n.get_locale();
        match flow.progress.get() {
            Progress::Reading(_) => td_string!(l, transfer.reading, name = name.clone()).to_string(),
            Progress::Checking(_) => td_string!(l, transfer.checking, name = name.clone()).to_string(),
        }
    });
    let percent = Signal::derive(move || match flow.progress.get() {
        Progress::Reading(share) | Progress::Checking(share) => work_progress::percent(share),
    });
    view! {
        <WorkProgress testid="import-reading"
            text
            percent
            cancel_label=Signal::derive(move || t_string!(i18n, transfer.cancel).to_string())
            on_cancel=Callback::new(move |()| flow.cancel()) />
    }
}

#[component]
fn ProblemList(file: String, problems: Vec<Problem>, rest: Option<PickedFile>, flow: Flow) -> impl IntoView {
    let i18n = use_i18n();
    let count = problems.iter().filter(|p| p.is_error()).count();
    let file_for_title = file.clone();
    let items = move || {
        let l = i18n.get_locale();
        problems
            .iter()
            .map(|p| {
                let place = problems::location(l, p);
                let text = problems::message(l, p);
                view! {
                    <li>
                        {place.map(|pl| view! { <code class="problem-place">{pl}</code> })}
                        <span class="problem-text">{text}</span>
                    </li>
                }
            })
            .collect_view()
    };
    view! {
        <section class="result result-bad" role="alert" data-testid="import-problems">
            <h3>{move || td_string!(i18n.get_locale(), transfer.problems_title, name = file_for_title.clone()).to_string()}</h3>
            <p>
                {move || td_string!(i18n.get_locale(), transfer.problems_count, count = count.max(1)).to_string()} " "
                <strong>{t!(i18n, transfer.unchanged)}</strong>
            </p>
            <ol class="problem-list">{items}</ol>
            <div class="dialog-actions">
                {rest.map(|picked| {
                    let file = file.clone();
                    let import_rest = move |_| flow.read(file.clone(), picked.clone(), Mode::Repair);
                    view! {
                        <button type="button" class="button" on:click=import_rest>
                            {t!(i18n, transfer.import_anyway)}
                        </button>
                    }
                })}
                <button type="button" class="button button-quiet" on:click=move |_| flow.cancel()>{t!(i18n, transfer.cancel)}</button>
            </div>
        </section>
    }
}

#[component]
fn ReadyToImport(file: String, imported: Box<Imported>, stage: RwSignal<Stage, LocalStorage>) -> impl IntoView {
    let state = use_app();
    let i18n = use_i18n();
    let has_current = move || state.plan.with(Option::is_some);
    let plan = imported.plan.clone();
    let counts = plan.counts();
    let file_name = file.clone();
    let warnings = imported.warnings.clone();
    let exported_at = imported.exported_at;
    let (p1, p2, p3) = (plan.clone(), plan.clone(), imported.clone());
    let plan_name = plan.name.clone();
    view! {
        <section class="result result-good" data-testid="import-ready">
            <p><strong>{move || td_string!(i18n.get_locale(), transfer.file_ok, file = file.clone(), name = plan_name.clone()).to_string()}</strong></p>
            <p>{move || {
                let l = i18n.get_locale();
                let n = |v: usize| format::integer(v as i64, l);
                td_string!(l, transfer.file_counts, accounts = n(counts.accounts), contacts = n(counts.contacts), deals = n(counts.deals), activities = n(counts.activities)).to_string()
            }}
            " "
            {move || exported_at.map(|t| td_string!(i18n.get_locale(), transfer.exported_at, when = format::date_time(t, i18n.get_locale())).to_string())}
            </p>
            <Show when={ let w = warnings.clone(); move || !w.is_empty() }>
                <details class="warnings">
                    <summary>{t!(i18n, transfer.warnings_title)} " (" {warnings.len()} ")"</summary>
                    <ul class="problem-list">
                        {let w = warnings.clone(); move || w.iter().map(|p| {
                            let l = i18n.get_locale();
                            view! { <li>{problems::location(l, p).map(|pl| view! { <code class="problem-place">{pl}</code> })}<span>{problems::message(l, p)}</span></li> }
                        }).collect_view()}
                    </ul>
                </details>
            </Show>
            <p>{t!(i18n, transfer.how)}</p>
            <div class="choice-list">
                <div class="choice">
                    <button type="button" class="button button-primary" on:click=move |_| {
                        state.open_as_new(p1.clone());
                        let text = td_string!(state.locale(), transfer.opened_new, name = p1.name.clone()).to_string();
                        state.show_toast(text, None);
                        stage.set(Stage::Idle);
                    }>{t!(i18n, transfer.open_new)}</button>
                    <span class="muted">{t!(i18n, transfer.open_new_desc)}</span>
                </div>
                <Show when=has_current>
                    <div class="choice">
                        <button type="button" class="button" on:click={ let p2 = p2.clone(); move |_| {
                            state.dispatch(Change::ReplaceContent(Box::new(p2.clone())), EditKind::Replace);
                            state.show_toast(td_string!(state.locale(), transfer.replaced).to_string(), Some(ToastAction::UndoEdit));
                            stage.set(Stage::Idle);
                        }}>{t!(i18n, transfer.replace)}</button>
                        <span class="muted">{t!(i18n, transfer.replace_desc)}</span>
                    </div>
                    <div class="choice">
                        <button type="button" class="button" on:click={ let (p3, file_name) = (p3.clone(), file_name.clone()); move |_| {
                            let Some(current) = state.plan.get_untracked() else { return };
                            let preview = preview_merge(&current, &p3.plan);
                            stage.set(Stage::Merge { file: file_name.clone(), imported: p3.clone(), preview: Box::new(preview) });
                        }}>{t!(i18n, transfer.merge)}</button>
                        <span class="muted">{t!(i18n, transfer.merge_desc)}</span>
                    </div>
                </Show>
                <div class="choice">
                    <button type="button" class="button button-quiet" on:click=move |_| stage.set(Stage::Idle)>{t!(i18n, transfer.cancel)}</button>
                </div>
            </div>
        </section>
    }
}
