//! The app's state and the actions on it. Components read the signals and call the
//! actions; only the actions touch storage (through `persistence`) and the clock.

mod notices;
mod session;

pub use notices::*;

use crate::browser::local_storage::LocalStore;
use crate::domain::Plan;
use crate::editing::{EditKind, History};
use crate::persistence::{AppSettings, Backup, Head, PlanStore};
use crate::ui::i18n::{use_i18n, Locale};
use crate::ui::routing::{section_signal, Section};
use leptos::prelude::*;

/// A picked CSV file's name and bytes.
pub type PickedCsv = (String, std::sync::Arc<Vec<u8>>);

#[derive(Clone, Copy)]
pub struct AppState {
    /// The open plan; `None` before the first plan exists (first run).
    pub plan: RwSignal<Option<Plan>>,
    /// The saved revision the open plan builds on.
    pub revision: RwSignal<Option<u64>>,
    /// Edits not yet saved.
    pub dirty: RwSignal<bool>,
    pub save_status: RwSignal<SaveStatus>,
    pub plans: RwSignal<Vec<Head>>,
    pub deleted: RwSignal<Vec<Head>>,
    pub backups: RwSignal<Vec<Backup>>,
    pub banners: RwSignal<Vec<Banner>>,
    pub toast: RwSignal<Option<Toast>>,
    pub section: RwSignal<Section>,
    /// Whether start-up finished (tests wait for it).
    pub ready: RwSignal<bool>,
    /// A CSV file picked before the view that imports it existed (the first
    /// run's "start from your export"): its name and bytes.
    pub pending_csv: RwSignal<Option<PickedCsv>, LocalStorage>,
    pub i18n: leptos_i18n::I18nContext<Locale>,
    settings: StoredValue<AppSettings>,
    /// Changes whenever the history does, so undo/redo buttons update.
    history_version: RwSignal<u64>,
    history: StoredValue<History<Plan, EditKind>, LocalStorage>,
    store: StoredValue<Option<PlanStore<LocalStore>>, LocalStorage>,
    /// Identifies this tab's saves, to tell them from other tabs'.
    tab: StoredValue<String>,
    save_timer: StoredValue<u64>,
    toast_counter: StoredValue<u64>,
}

pub fn provide_app_state() -> AppState {
    let state = AppState {
        plan: RwSignal::new(None),
        revision: RwSignal::new(None),
        dirty: RwSignal::new(false),
        save_status: RwSignal::new(SaveStatus::Idle),
        plans: RwSignal::new(Vec::new()),
        deleted: RwSignal::new(Vec::new()),
        backups: RwSignal::new(Vec::new()),
        banners: RwSignal::new(Vec::new()),
        toast: RwSignal::new(None),
        section: section_signal(),
        ready: RwSignal::new(false),
        pending_csv: RwSignal::new_local(None),
        i18n: use_i18n(),
        settings: StoredValue::new(AppSettings::default()),
        history_version: RwSignal::new(0),
        history: StoredValue::new_local(History::default()),
        store: StoredValue::new_local(None),
        tab: StoredValue::new(crate::domain::IdGenerator::random().next("tab")),
        save_timer: StoredValue::new(0),
        toast_counter: StoredValue::new(0),
    };
    provide_context(state);
    state
}

pub fn use_app() -> AppState {
    expect_context::<AppState>()
}

impl AppState {
    pub fn locale(&self) -> Locale {
        self.i18n.get_locale_untracked()
    }

    /// The open plan's currency (yen when no plan is open), for reading a
    /// typed amount.
    pub fn currency_untracked(&self) -> crate::domain::Currency {
        self.plan.with_untracked(|p| p.as_ref().map(|p| p.currency.clone())).unwrap_or_else(|| crate::domain::Currency::for_locale("ja-JP"))
    }

    pub fn can_undo(&self) -> bool {
        self.history_version.track();
        self.history.with_value(|h| h.next_undo().is_some())
    }

    pub fn can_redo(&self) -> bool {
        self.history_version.track();
        self.history.with_value(|h| h.next_redo().is_some())
    }

    pub fn next_undo(&self) -> Option<EditKind> {
        self.history_version.track();
        self.history.with_value(|h| h.next_undo().copied())
    }

    pub fn next_redo(&self) -> Option<EditKind> {
        self.history_version.track();
        self.history.with_value(|h| h.next_redo().copied())
    }

    pub fn show_banner(&self, banner: Banner) {
        self.banners.update(|b| {
            b.retain(|x| std::mem::discriminant(x) != std::mem::discriminant(&banner));
            b.push(banner);
        });
    }

    pub fn dismiss_banner(&self, banner: &Banner) {
        self.banners.update(|b| b.retain(|x| x != banner));
    }

    pub fn clear_banner(&self, matches: impl Fn(&Banner) -> bool) {
        self.banners.update(|b| b.retain(|x| !matches(x)));
    }

    /// Shows a toast for a few seconds (longer when it offers an undo).
    pub fn show_toast(&self, text: String, action: Option<ToastAction>) {
        let id = self.toast_counter.get_value() + 1;
        self.toast_counter.set_value(id);
        let secs = if action.is_some() { 10 } else { 5 };
        self.toast.set(Some(Toast { text, action, id }));
        let toast = self.toast;
        set_timeout(
            move || {
                if toast.get_untracked().is_some_and(|t| t.id == id) {
                    toast.set(None);
                }
            },
            std::time::Duration::from_secs(secs),
        );
    }
}
