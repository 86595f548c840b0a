//! The browser UI (Leptos, client-side rendered). Components read the app state and
//! call its actions; they hold no business logic.

pub mod charts;
pub mod field_names;
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
    crate::csv_io::import::use_shift_jis(crate::browser::shift_jis::decoder);
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

/// Where a text field keeps the text it had when focused (or after the plan's
/// last undo or redo).
const FOCUS_VALUE: &str = "data-focus-value";

/// The element, when it is a field people type text into.
fn text_field(target: web_sys::EventTarget) -> Option<web_sys::HtmlElement> {
    let el = target.dyn_into::<web_sys::HtmlElement>().ok()?;
    let text = match el.tag_name().as_str() {
        "TEXTAREA" => true,
        "INPUT" => matches!(el.get_attribute("type").unwrap_or_default().as_str(), "" | "text" | "search" | "email" | "url" | "tel" | "number"),
        _ => false,
    };
    text.then_some(el)
}

fn field_value(el: &web_sys::HtmlElement) -> String {
    js_sys::Reflect::get(el, &"value".into()).ok().and_then(|v| v.as_string()).unwrap_or_default()
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
    // Undo in a text field: while the field holds what it held when it was
    // focused (nothing typed, or the typing undone), Ctrl+Z undoes the plan's
    // last edit, as everywhere else. The browser's own undo of the field would
    // otherwise bring back an older text, which leaving the field saves as a
    // new edit (and that clears Redo).
    let focus = window_event_listener(leptos::ev::focusin, move |e| {
        if let Some(field) = e.target().and_then(text_field) {
            let _ = field.set_attribute(FOCUS_VALUE, &field_value(&field));
        }
    });
    let keys = window_event_listener(leptos::ev::keydown, move |e| {
        if !(e.ctrl_key() || e.meta_key()) {
            return;
        }
        let target = e.target();
        let field = target.clone().and_then(text_field);
        let other_control = target
            .and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok())
            .is_some_and(|el| el.tag_name() == "SELECT" || (el.is_content_editable() && field.is_none()));
        if other_control {
            return;
        }
        // Typing not yet saved is the field's to undo.
        if let Some(f) = &field {
            if f.get_attribute(FOCUS_VALUE).is_some_and(|at_focus| at_focus != field_value(f)) {
                return;
            }
        }
        let handled = match e.key().to_lowercase().as_str() {
            "z" if e.shift_key() => {
                state.redo();
                true
            }
            "z" => {
                state.undo();
                true
            }
            "y" => {
                state.redo();
                true
            }
            _ => false,
        };
        if handled {
            e.prevent_default();
            // The field now shows the plan's value: that is its unchanged text.
            if let Some(f) = field {
                set_timeout(
                    move || {
                        let _ = f.set_attribute(FOCUS_VALUE, &field_value(&f));
                    },
                    std::time::Duration::ZERO,
                );
            }
        }
    });
    on_cleanup(move || {
        focus.remove();
        storage.remove();
        pagehide.remove();
        beforeunload.remove();
        keys.remove();
    });
}
