//! A term's definition the user can open in place: a small "?" button beside
//! the term that shows the text under it. A disclosure (`aria-expanded`), so it
//! works from the keyboard and reads well in a screen reader; never printed.
//! The KPI definitions it shows are the locales' `kpi_help` texts, which
//! docs/kpis.md also lists (tests/locales.rs keeps the two the same).

use super::unique_id;
use crate::ui::i18n::{td_string, use_i18n};
use leptos::prelude::*;

#[component]
pub fn HelpTip(#[prop(into)] name: Signal<String>, #[prop(into)] text: Signal<String>) -> impl IntoView {
    let i18n = use_i18n();
    let open = RwSignal::new(false);
    let id = unique_id("help");
    view! {
        <button type="button" class="help-tip no-print" aria-expanded=move || open.get().to_string() aria-controls=id.clone()
            aria-label=move || td_string!(i18n.get_locale(), kpi_help.about, name = name.get()).to_string()
            on:click=move |_| open.update(|o| *o = !*o)>"?"</button>
        <span id=id class="help-text no-print" role="note" hidden=move || !open.get()>{text}</span>
    }
}
