//! The actions: editing with undo, autosave, opening and managing plans, and
//! keeping in step with other tabs through the `storage` event.

use super::{AppState, Banner, SaveFailure, SaveStatus, ToastAction};
use crate::browser::{clock, files, local_storage::LocalStore, timing};
use crate::demo::{demo_plan_in, DemoLanguage};
use crate::domain::{Currency, IdGenerator, Plan, PlanId, Refusal};
use crate::editing::{apply_edit, Change, EditKind};
use crate::persistence::{keys, LoadError, PlanStore, SaveError};
use crate::plan_file::{file_name, to_file_text};
use crate::ui::i18n::{browser_locale, locale_from_tag, tag, td_string, Locale};
use crate::ui::problems;
use leptos::prelude::*;
use std::time::Duration;

/// User Timing measures of the steps before a save (read by the benchmark).
const SAVE_STEP_MEASURE: &str = "abm-planner:save-step";
/// Quiet time after the last edit before it is saved.
const AUTOSAVE_DELAY: Duration = Duration::from_millis(500);
/// Longest one step of storing a large plan's parts ahead of its save runs
/// before the browser gets the main thread back (ms).
const SAVE_STEP_MS: f64 = 25.0;
/// Deleted plans are kept this long for "undo" and "recently deleted".
const KEEP_DELETED_DAYS: i64 = 30;

impl AppState {
    fn with_store<R>(&self, f: impl FnOnce(&mut PlanStore<LocalStore>) -> R) -> Option<R> {
        self.store.try_update_value(|s| s.as_mut().map(f)).flatten()
    }

    /// Opens storage, reports anything unreadable, and opens the last plan used.
    pub fn start(&self) {
        let now = clock::now();
        match LocalStore::open() {
            Ok(store) => self.store.set_value(Some(PlanStore::new(store))),
            Err(why) => {
                self.show_banner(Banner::StorageUnavailable(why));
                self.i18n.set_locale(browser_locale());
                self.ready.set(true);
                return;
            }
        }
        let (settings, finding) = self.with_store(|s| s.load_settings(now)).unwrap_or_default();
        let locale = settings.language.as_deref().and_then(locale_from_tag).unwrap_or_else(browser_locale);
        self.i18n.set_locale(locale);
        // The i18n provider applies the browser's language in an effect of its own;
        // this later effect runs after it, so the user's choice wins.
        let i18n = self.i18n;
        Effect::new(move |_| i18n.set_locale(locale));
        let current = settings.current_plan.clone();
        self.settings.set_value(settings);
        let cutoff = now.add_days(-KEEP_DELETED_DAYS);
        match self.with_store(|s| {
            s.purge_deleted_before(cutoff);
            s.open(now)
        }) {
            Some(Ok(opened)) => {
                let mut findings = opened.findings.clone();
                findings.extend(finding);
                let unreadable: Vec<_> = findings.into_iter().filter(|f| !matches!(f, crate::persistence::Finding::Recovered { .. })).collect();
                if !unreadable.is_empty() {
                    self.show_banner(Banner::Recovered(unreadable));
                }
                let first = current.filter(|id| opened.plans.iter().any(|h| &h.plan_id == id)).or_else(|| opened.plans.first().map(|h| h.plan_id.clone()));
                self.plans.set(opened.plans);
                self.deleted.set(opened.deleted);
                self.backups.set(opened.backups);
                if let Some(id) = first {
                    self.open_plan(&id);
                }
            }
            Some(Err(why)) => self.show_banner(Banner::StorageUnavailable(why)),
            None => {}
        }
        self.ready.set(true);
    }

    pub fn refresh_lists(&self) {
        if let Some(Ok(opened)) = self.with_store(|s| s.open(clock::now())) {
            self.plans.set(opened.plans);
            self.deleted.set(opened.deleted);
            self.backups.set(opened.backups);
        }
    }

    fn save_settings(&self) {
        let settings = self.settings.get_value();
        self.with_store(|s| s.save_settings(&settings));
    }

    pub fn set_language(&self, locale: Locale) {
        self.i18n.set_locale(locale);
        self.settings.update_value(|s| s.language = Some(tag(locale).to_string()));
        self.save_settings();
    }

    /// The dashboard period last chosen in this browser.
    pub fn dashboard_period(&self) -> Option<String> {
        self.settings.with_value(|s| s.dashboard_period.clone())
    }

    /// The name this browser's edits are signed with; empty when not given.
    pub fn author(&self) -> String {
        self.settings.with_value(|s| s.author.clone().unwrap_or_default())
    }

    pub fn set_author(&self, name: String) {
        let name = name.trim().to_string();
        self.settings.update_value(|s| s.author = (!name.is_empty()).then_some(name));
        self.save_settings();
    }

    pub fn set_dashboard_period(&self, key: String) {
        self.settings.update_value(|s| s.dashboard_period = Some(key));
        self.save_settings();
    }

    // ----- editing -------------------------------------------------------

    /// Applies an edit to the open plan, remembering it for undo, and saves soon.
    /// A refused edit is said in a toast (a change that alters nothing is not);
    /// a form that shows the refusal beside its fields uses [`Self::try_dispatch`].
    pub fn dispatch(&self, change: Change, kind: EditKind) {
        if let Err(refusal) = self.try_dispatch(change, kind) {
            if refusal != Refusal::NothingToChange {
                self.show_toast(problems::refusal(self.locale(), refusal), None);
            }
        }
    }

    /// Applies an edit, or hands back why the plan refuses it (the plan is then
    /// as it was). A change that alters nothing is `NothingToChange`.
    pub fn try_dispatch(&self, change: Change, kind: EditKind) -> Result<(), Refusal> {
        let Some(before) = self.plan.get_untracked() else { return Err(Refusal::NothingToChange) };
        let after = apply_edit(&before, change, clock::now(), &self.author())?;
        if after == before {
            return Err(Refusal::NothingToChange);
        }
        self.history.update_value(|h| h.record(before, kind));
        self.history_version.update(|v| *v += 1);
        self.plan.set(Some(after));
        self.mark_dirty();
        Ok(())
    }

    pub fn undo(&self) {
        let Some(current) = self.plan.get_untracked() else { return };
        if let Some((before, _)) = self.history.try_update_value(|h| h.undo(current)).flatten() {
            self.history_version.update(|v| *v += 1);
            self.plan.set(Some(before));
            self.mark_dirty();
        }
    }

    pub fn redo(&self) {
        let Some(current) = self.plan.get_untracked() else { return };
        if let Some((after, _)) = self.history.try_update_value(|h| h.redo(current)).flatten() {
            self.history_version.update(|v| *v += 1);
            self.plan.set(Some(after));
            self.mark_dirty();
        }
    }

    fn mark_dirty(&self) {
        self.dirty.set(true);
        if !matches!(self.save_status.get_untracked(), SaveStatus::NotSaved(_)) {
            self.save_status.set(SaveStatus::Pending);
        }
        self.save_after(AUTOSAVE_DELAY);
    }

    /// Starts saving after `delay`; an earlier pending save is called off.
    fn save_after(&self, delay: Duration) {
        let generation = self.save_timer.get_value() + 1;
        self.save_timer.set_value(generation);
        timing::clear(SAVE_STEP_MEASURE);
        let state = *self;
        set_timeout(move || state.save_in_steps(generation), delay);
    }

    /// Saves the open plan's edits, storing a large plan's new parts first in
    /// short steps, each its own task: the first save of a plan of 200,000
    /// activities compresses 34 MB, about a second, which in one go would
    /// freeze the tab. A newer edit starts its own steps (these stop); a save
    /// made meanwhile (opening another plan, leaving the page) ends them.
    fn save_in_steps(&self, generation: u64) {
        if !self.dirty.get_untracked() || self.save_timer.get_value() != generation {
            return;
        }
        let Some(plan) = self.plan.get_untracked() else { return };
        let started = timing::now_ms();
        let left =
            timing::measured_keeping(SAVE_STEP_MEASURE, || self.with_store(|s| s.store_parts_ahead(&plan, &mut || timing::now_ms() - started < SAVE_STEP_MS)));
        match left {
            Some(Ok(0)) | None => self.save_now(),
            Some(Ok(_)) => {
                let state = *self;
                set_timeout(move || state.save_in_steps(generation), Duration::ZERO);
            }
            // The save would need the same room and more: told now, without
            // compressing the rest of the plan in one long task to find out.
            Some(Err(_)) => self.storage_full(),
        }
    }

    /// Saves the open plan now if it has unsaved edits. Timed as the User Timing
    /// measure "abm-planner:save" (read by the in-browser benchmark).
    pub fn save_now(&self) {
        if !self.dirty.get_untracked() {
            return;
        }
        timing::measured("abm-planner:save", || self.save());
    }

    fn storage_full(&self) {
        self.save_status.set(SaveStatus::NotSaved(SaveFailure::StorageFull));
        self.show_banner(Banner::StorageFull);
    }

    fn save(&self) {
        let Some(plan) = self.plan.get_untracked() else { return };
        let base = self.revision.get_untracked();
        let tab = self.tab.get_value();
        let Some(result) = self.with_store(|s| s.save(&plan, base, &tab, clock::now())) else {
            self.save_status.set(SaveStatus::NotSaved(SaveFailure::NoStorage));
            return;
        };
        match result {
            Ok(head) => {
                self.revision.set(Some(head.revision));
                self.dirty.set(false);
                self.save_status.set(SaveStatus::Saved(head.saved_at));
                self.clear_banner(|b| matches!(b, Banner::StorageFull | Banner::SaveNotVerified));
                self.plans.update(|list| {
                    list.retain(|h| h.plan_id != head.plan_id);
                    list.insert(0, head);
                });
            }
            Err(SaveError::QuotaExceeded) => self.storage_full(),
            Err(SaveError::Conflict { theirs }) => {
                self.save_status.set(SaveStatus::NotSaved(SaveFailure::Conflict));
                if theirs.deleted_at.is_some() {
                    self.show_banner(Banner::DeletedElsewhere { name: theirs.name.clone() });
                } else {
                    self.show_banner(Banner::Conflict { theirs: *theirs });
                }
            }
            Err(SaveError::ReadBack) => {
                self.save_status.set(SaveStatus::NotSaved(SaveFailure::NotVerified));
                self.show_banner(Banner::SaveNotVerified);
            }
            Err(SaveError::Unavailable(why)) => {
                self.save_status.set(SaveStatus::NotSaved(SaveFailure::NoStorage));
                self.show_banner(Banner::StorageUnavailable(why));
            }
        }
    }

    // ----- plans ---------------------------------------------------------

    /// Opens a saved plan (saving the current one's edits first).
    pub fn open_plan(&self, id: &PlanId) {
        self.save_now();
        let now = clock::now();
        let name = self.plans.with_untracked(|l| l.iter().find(|h| &h.plan_id == id).map(|h| h.name.clone()));
        match self.with_store(|s| s.load(id, now)) {
            Some(Ok(loaded)) => {
                self.clear_banner(|b| matches!(b, Banner::Conflict { .. } | Banner::DeletedElsewhere { .. } | Banner::Repaired { .. }));
                if !loaded.warnings.is_empty() {
                    self.show_banner(Banner::Repaired { count: loaded.warnings.len() });
                    // Repairing kept the original (and any damaged part) as backups.
                    if let Some(backups) = self.with_store(|s| s.backups()) {
                        self.backups.set(backups);
                    }
                }
                self.history.update_value(|h| h.clear());
                self.history_version.update(|v| *v += 1);
                self.revision.set(Some(loaded.head.revision));
                self.dirty.set(false);
                self.save_status.set(SaveStatus::Saved(loaded.head.saved_at));
                self.plan.set(Some(loaded.plan));
                self.settings.update_value(|s| s.current_plan = Some(id.clone()));
                self.save_settings();
            }
            Some(Err(LoadError::Unreadable { backup, .. })) => {
                self.show_banner(Banner::LoadFailed { name: name.unwrap_or_else(|| id.to_string()), backup });
                self.refresh_lists();
                self.close_plan();
            }
            Some(Err(LoadError::Unavailable(why))) => self.show_banner(Banner::StorageUnavailable(why)),
            Some(Err(LoadError::NotFound)) | None => self.refresh_lists(),
        }
    }

    /// Makes `plan` the open plan and saves it as a new saved plan.
    fn adopt_new(&self, plan: Plan) {
        self.save_now();
        self.history.update_value(|h| h.clear());
        self.history_version.update(|v| *v += 1);
        self.revision.set(None);
        self.clear_banner(|b| matches!(b, Banner::Conflict { .. } | Banner::DeletedElsewhere { .. } | Banner::Repaired { .. }));
        self.settings.update_value(|s| s.current_plan = Some(plan.id.clone()));
        self.plan.set(Some(plan));
        self.save_settings();
        // Saved in steps from the next task on, so the plan shows at once.
        self.dirty.set(true);
        self.save_status.set(SaveStatus::Pending);
        self.save_after(Duration::ZERO);
    }

    fn new_plan_id() -> PlanId {
        PlanId::generate(&mut IdGenerator::random())
    }

    /// Starts an empty plan with its name, currency and fiscal year.
    pub fn create_plan(&self, name: String, currency: Currency, fiscal_year_start_month: u8) {
        let name = if name.trim().is_empty() { td_string!(self.locale(), plans.untitled).to_string() } else { name };
        let mut plan = Plan::new(Self::new_plan_id(), name.trim(), clock::now());
        plan.currency = currency;
        plan.fiscal_year_start_month = fiscal_year_start_month.clamp(1, 12);
        self.adopt_new(plan);
    }

    pub fn load_demo(&self, language: DemoLanguage) {
        self.adopt_new(demo_plan_in(language, Self::new_plan_id(), clock::today(), clock::now()));
    }

    /// A plan from a file, opened as a plan of its own.
    pub fn open_as_new(&self, mut plan: Plan) {
        plan.id = Self::new_plan_id();
        let taken: Vec<String> = self.plans.with_untracked(|l| l.iter().map(|h| h.name.clone()).collect());
        let base = plan.name.clone();
        let mut n = 2;
        while taken.contains(&plan.name) {
            plan.name = format!("{base} ({n})");
            n += 1;
        }
        self.adopt_new(plan);
    }

    pub fn duplicate(&self, id: &PlanId) {
        self.save_now();
        let source = match self.plan.get_untracked() {
            Some(p) if &p.id == id => Some(p),
            _ => self.with_store(|s| s.load(id, clock::now()).ok().map(|l| l.plan)).flatten(),
        };
        if let Some(mut plan) = source {
            plan.name = td_string!(self.locale(), plans.copy_name, name = plan.name.clone()).to_string();
            plan.id = Self::new_plan_id();
            plan.created_at = clock::now();
            self.adopt_new(plan);
        }
    }

    pub fn rename(&self, id: &PlanId, name: String) {
        if name.trim().is_empty() {
            return;
        }
        if self.plan.with_untracked(|p| p.as_ref().is_some_and(|p| &p.id == id)) {
            self.dispatch(Change::RenamePlan(name), EditKind::RenamePlan);
            self.save_now();
            return;
        }
        let now = clock::now();
        self.with_store(|s| {
            if let Ok(mut loaded) = s.load(id, now) {
                loaded.plan.name = name.trim().to_string();
                loaded.plan.updated_at = now;
                let _ = s.save(&loaded.plan, Some(loaded.head.revision), "rename", now);
            }
        });
        self.refresh_lists();
    }

    /// Deletes a plan; a toast offers to undo it.
    pub fn delete(&self, id: &PlanId) {
        let is_current = self.plan.with_untracked(|p| p.as_ref().is_some_and(|p| &p.id == id));
        if is_current {
            self.save_now();
        }
        let name = self.plans.with_untracked(|l| l.iter().find(|h| &h.plan_id == id).map(|h| h.name.clone()));
        if let Some(Ok(_)) = self.with_store(|s| s.delete(id, clock::now())) {
            self.refresh_lists();
            if is_current {
                self.close_plan();
            }
            let text = td_string!(self.locale(), plans.deleted_toast, name = name.unwrap_or_default()).to_string();
            self.show_toast(text, Some(ToastAction::UndoDelete(id.clone())));
        }
    }

    /// Closes the open plan and opens the most recent other one, if any.
    fn close_plan(&self) {
        self.plan.set(None);
        self.revision.set(None);
        self.dirty.set(false);
        self.save_status.set(SaveStatus::Idle);
        self.history.update_value(|h| h.clear());
        self.history_version.update(|v| *v += 1);
        self.clear_banner(|b| matches!(b, Banner::Conflict { .. } | Banner::DeletedElsewhere { .. } | Banner::Repaired { .. }));
        if let Some(next) = self.plans.with_untracked(|l| l.first().map(|h| h.plan_id.clone())) {
            self.open_plan(&next);
        }
    }

    pub fn undelete(&self, id: &PlanId) {
        if let Some(Ok(_)) = self.with_store(|s| s.undelete(id, clock::now())) {
            self.refresh_lists();
            self.open_plan(id);
        }
    }

    // ----- other tabs ----------------------------------------------------

    /// Another tab wrote to storage.
    pub fn on_storage_event(&self, key: Option<String>) {
        let Some(key) = key else {
            self.refresh_lists();
            return;
        };
        let Some(id) = keys::parse_head(&key) else { return };
        self.refresh_lists();
        let is_current = self.plan.with_untracked(|p| p.as_ref().is_some_and(|p| p.id == id));
        if !is_current {
            return;
        }
        let head = self.with_store(|s| s.read_head(&id).ok().flatten()).flatten();
        match head {
            None => self.show_banner(Banner::DeletedElsewhere { name: String::new() }),
            Some(h) if h.deleted_at.is_some() => self.show_banner(Banner::DeletedElsewhere { name: h.name }),
            Some(h) if Some(h.revision) != self.revision.get_untracked() && h.saved_by != self.tab.get_value() => {
                if self.dirty.get_untracked() {
                    self.save_status.set(SaveStatus::NotSaved(SaveFailure::Conflict));
                    self.show_banner(Banner::Conflict { theirs: h });
                } else {
                    self.open_plan(&id);
                    self.show_toast(td_string!(self.locale(), notices.updated_elsewhere).to_string(), None);
                }
            }
            Some(_) => {}
        }
    }

    /// Resolves a conflict by dropping this tab's unsaved edits.
    pub fn take_theirs(&self) {
        let Some(id) = self.plan.with_untracked(|p| p.as_ref().map(|p| p.id.clone())) else { return };
        self.dirty.set(false);
        self.open_plan(&id);
    }

    /// Resolves a conflict by keeping this tab's version as a separate plan.
    pub fn keep_mine_as_copy(&self) {
        let Some(mut mine) = self.plan.get_untracked() else { return };
        self.dirty.set(false);
        mine.name = td_string!(self.locale(), plans.copy_name, name = mine.name.clone()).to_string();
        mine.id = Self::new_plan_id();
        self.adopt_new(mine);
        self.refresh_lists();
    }

    /// After another tab deleted the open plan: bring it back with this tab's version.
    pub fn restore_deleted_here(&self) {
        let Some(id) = self.plan.with_untracked(|p| p.as_ref().map(|p| p.id.clone())) else { return };
        let head = self.with_store(|s| s.undelete(&id, clock::now()).ok()).flatten();
        self.clear_banner(|b| matches!(b, Banner::DeletedElsewhere { .. }));
        match head {
            Some(h) => {
                // Build on whatever is saved now, then save this tab's version.
                self.revision.set(Some(h.revision));
                self.dirty.set(true);
                self.save_now();
            }
            None => {
                let plan = self.plan.get_untracked();
                if let Some(p) = plan {
                    self.revision.set(None);
                    self.adopt_new(p);
                }
            }
        }
        self.refresh_lists();
    }

    pub fn close_deleted_here(&self) {
        self.clear_banner(|b| matches!(b, Banner::DeletedElsewhere { .. }));
        self.close_plan();
    }

    // ----- files ---------------------------------------------------------

    pub fn export_current(&self) {
        let Some(plan) = self.plan.get_untracked() else { return };
        let text = to_file_text(&plan, clock::now());
        let _ = files::download(&file_name(&plan.name, clock::today()), "application/json", &text);
    }

    pub fn download_backup(&self, key: &str) {
        let raw = self.with_store(|s| s.read_raw(key)).flatten().unwrap_or_default();
        let stamp = key.trim_start_matches("abm-planner:backup:").split('|').next().unwrap_or("backup");
        let _ = files::download(&format!("abm-planner-backup-{stamp}.txt"), "text/plain", &raw);
    }

    pub fn delete_backup(&self, key: &str) {
        self.with_store(|s| s.remove_raw(key));
        self.refresh_lists();
    }

    pub fn storage_usage(&self) -> Option<crate::persistence::Usage> {
        self.with_store(|s| s.usage())
    }
}
