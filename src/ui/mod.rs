//! The browser UI (Leptos, client-side rendered). Components read the app state and
//! call its actions; they hold no business logic.

pub mod charts;
pub mod first_run;
pub mod format;
pub mod i18n;
pub mod insights;
pub mod labels;
pub mod problems;
pub mod routing;
pub mod sections;
pub mod shell;
pub mod state;
pub mod widgets;

use i18n::*;
use leptos::prelude::*;
use state::{provide_app_state, AppState};
use wasm_bindgen::JsCast;

pub fn start() {
    console_error_panic_hook::set_once();
    mount_to_body(App);
}

#[component]
fn App() -> impl IntoView {
    view! { <I18nContextProvider><Root/></I18nContextProvider> }
}

#[component]
fn Root() -> impl IntoView {
    let state = provide_app_state();
    insights::provide_insights();
    listen_to_window(state);
    state.start();
    let i18n = use_i18n();
    let plans_open = RwSignal::new(false);
    // Only whether a plan is open decides the frame; edits to the plan must not
    // rebuild it (that would reset open dialogs and cost time on big plans).
    let has_plan = Memo::new(move |_| state.plan.with(Option::is_some));
    view! {
        <a class="skip-link" href="#main">{t!(i18n, app.skip)}</a>
        <div class="app" data-ready=move || state.ready.get().to_string()>
            {move || if !state.ready.get() {
                view! { <p class="loading">{t!(i18n, app.loading)}</p> }.into_any()
            } else if !has_plan.get() {
                view! { <shell::Banners plans_open/><first_run::FirstRun/> }.into_any()
            } else {
                view! {
                    <shell::TopBar plans_open/>
                    <div class="layout">
                        <shell::SideNav/>
                        <main id="main" class="content" tabindex="-1">
                            <shell::Banners plans_open/>
                            <sections::SectionView/>
                        </main>
                    </div>
                }.into_any()
            }}
            <shell::PlansDialog open=plans_open/>
            <shell::ToastRegion/>
        </div>
    }
}

/// Window-level events: other tabs' saves, leaving the page, keyboard shortcuts.
fn listen_to_window(state: AppState) {
    let storage = window_event_listener(leptos::ev::storage, move |e| state.on_storage_event(e.key()));
    // Save pending edits when the page goes away (tab closed, navigated, hidden).
    let pagehide = window_event_listener(leptos::ev::pagehide, move |_| state.save_now());
    let beforeunload = window_event_listener(leptos::ev::beforeunload, move |e| {
        state.save_now();
        if state.dirty.get_untracked() {
            // Edits that could not be saved: ask the browser to confirm leaving.
            e.prevent_default();
            e.set_return_value("");
        }
    });
    let keys = window_event_listener(leptos::ev::keydown, move |e| {
        let typing = e
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok())
            .is_some_and(|el| matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT") || el.is_content_editable());
        if typing || !(e.ctrl_key() || e.meta_key()) {
            return;
        }
        match e.key().to_lowercase().as_str() {
            "z" if e.shift_key() => {
                e.prevent_default();
                state.redo();
            }
            "z" => {
                e.prevent_default();
                state.undo();
            }
            "y" => {
                e.prevent_default();
                state.redo();
            }
            _ => {}
        }
    });
    on_cleanup(move || {
        storage.remove();
        pagehide.remove();
        beforeunload.remove();
        keys.remove();
    });
}
