//! The top bar: the plan switcher, save status, undo/redo and language.

use crate::ui::format;
use crate::ui::i18n::{t, t_string, td_string, use_i18n, Locale};
use crate::ui::labels;
use crate::ui::state::{use_app, SaveFailure, SaveStatus};
use leptos::prelude::*;

#[component]
pub fn TopBar(plans_open: RwSignal<bool>) -> impl IntoView {
    let state = use_app();
    let i18n = use_i18n();
    let plan_name = move || state.plan.with(|p| p.as_ref().map(|p| p.name.clone()).unwrap_or_default());
    view! {
        <header class="top-bar">
            <div class="brand">
                <span class="brand-mark" aria-hidden="true">"◎"</span>
                <span class="brand-name">{t!(i18n, app.name)}</span>
            </div>
            <button type="button" class="plan-switcher" aria-haspopup="dialog" title=move || t_string!(i18n, header.plans_hint)
                on:click=move |_| plans_open.set(true)>
                <span class="plan-switcher-label">{t!(i18n, header.plans)}</span>
                <span class="plan-switcher-name" data-testid="current-plan-name">{plan_name}</span>
                <span aria-hidden="true">"▾"</span>
            </button>
            <SaveIndicator/>
            <div class="top-bar-spacer"></div>
            <UndoRedo/>
            <LanguageSelect visible_label=false/>
        </header>
    }
}

#[component]
fn SaveIndicator() -> impl IntoView {
    let state = use_app();
    let i18n = use_i18n();
    let text = move || {
        let l = i18n.get_locale();
        match state.save_status.get() {
            SaveStatus::Idle => String::new(),
            SaveStatus::Saved(at) => td_string!(l, header.saved_at, time = format::time(at, l)).to_string(),
            SaveStatus::Pending => td_string!(l, header.saving).to_string(),
            SaveStatus::NotSaved(SaveFailure::StorageFull) => td_string!(l, header.not_saved_full).to_string(),
            SaveStatus::NotSaved(SaveFailure::Conflict) => td_string!(l, header.not_saved_conflict).to_string(),
            SaveStatus::NotSaved(SaveFailure::NotVerified) => td_string!(l, header.not_saved_unverified).to_string(),
            SaveStatus::NotSaved(SaveFailure::NoStorage) => td_string!(l, header.not_saved_storage).to_string(),
        }
    };
    let bad = move || matches!(state.save_status.get(), SaveStatus::NotSaved(_));
    view! {
        <p class="save-status" class:save-status-bad=bad role="status" data-testid="save-status">
            <span class="save-dot" aria-hidden="true"></span>
            {text}
        </p>
    }
}

#[component]
fn UndoRedo() -> impl IntoView {
    let state = use_app();
    let i18n = use_i18n();
    let undo_title = move || match state.next_undo() {
        Some(k) => td_string!(i18n.get_locale(), header.undo_what, what = labels::edit_kind(i18n.get_locale(), k)).to_string(),
        None => t_string!(i18n, header.nothing_to_undo).to_string(),
    };
    let redo_title = move || match state.next_redo() {
        Some(k) => td_string!(i18n.get_locale(), header.redo_what, what = labels::edit_kind(i18n.get_locale(), k)).to_string(),
        None => t_string!(i18n, header.nothing_to_redo).to_string(),
    };
    view! {
        <div class="undo-redo" role="group">
            <button type="button" class="button button-quiet" title=undo_title disabled=move || !state.can_undo()
                on:click=move |_| state.undo()>
                <span aria-hidden="true">"↶ "</span>{t!(i18n, header.undo)}
            </button>
            <button type="button" class="button button-quiet" title=redo_title disabled=move || !state.can_redo()
                on:click=move |_| state.redo()>
                <span aria-hidden="true">"↷ "</span>{t!(i18n, header.redo)}
            </button>
        </div>
    }
}

/// The language choice; in the top bar its label is for screen readers only.
#[component]
pub fn LanguageSelect(visible_label: bool) -> impl IntoView {
    let state = use_app();
    let i18n = use_i18n();
    let id = crate::ui::widgets::unique_id("language");
    view! {
        <div class=if visible_label { "field" } else { "language" }>
            <label for=id.clone() class:visually-hidden=!visible_label>{t!(i18n, header.language)}</label>
            <select id=id on:change=move |ev| {
                let locale = if event_target_value(&ev) == "ja" { Locale::ja } else { Locale::en };
                state.set_language(locale);
            }>
                <option value="ja" selected=move || i18n.get_locale() == Locale::ja>"日本語"</option>
                <option value="en" selected=move || i18n.get_locale() == Locale::en>"English"</option>
            </select>
        </div>
    }
}
