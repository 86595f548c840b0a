//! The first screen of a browser with no plans: start empty, explore the demo, or
//! open a plan file.

use crate::ui::i18n::{t, t_string, use_i18n};
use crate::ui::sections::transfer::ImportFlow;
use crate::ui::shell::LanguageSelect;
use crate::ui::state::use_app;
use crate::ui::widgets::unique_id;
use leptos::prelude::*;

#[component]
pub fn FirstRun() -> impl IntoView {
    let state = use_app();
    let i18n = use_i18n();
    let name = RwSignal::new(String::new());
    let name_id = unique_id("first-plan-name");
    view! {
        <main id="main" class="first-run">
            <div class="first-run-head">
                <div class="brand brand-large"><span class="brand-mark" aria-hidden="true">"◎"</span>{t!(i18n, app.name)}</div>
                <LanguageSelect visible_label=false/>
            </div>
            <h1>{t!(i18n, first_run.title)}</h1>
            <p class="lead">{t!(i18n, first_run.intro)}</p>
            <div class="cards cards-three">
                <article class="card">
                    <h2>{t!(i18n, first_run.empty_title)}</h2>
                    <p>{t!(i18n, first_run.empty_desc)}</p>
                    <form class="form" on:submit=move |ev| { ev.prevent_default(); state.create_plan(name.get_untracked()); }>
                        <div class="field">
                            <label for=name_id.clone()>{t!(i18n, first_run.name_label)}</label>
                            <input id=name_id type="text" placeholder=move || t_string!(i18n, first_run.name_placeholder)
                                prop:value=move || name.get() on:input=move |ev| name.set(event_target_value(&ev)) />
                        </div>
                        <button type="submit" class="button">{t!(i18n, first_run.start_empty)}</button>
                    </form>
                </article>
                <article class="card card-accent">
                    <h2>{t!(i18n, first_run.demo_title)}</h2>
                    <p>{t!(i18n, first_run.demo_desc)}</p>
                    <button type="button" class="button button-primary" on:click=move |_| state.load_demo()>{t!(i18n, first_run.load_demo)}</button>
                </article>
                <article class="card">
                    <h2>{t!(i18n, first_run.file_title)}</h2>
                    <p>{t!(i18n, first_run.file_desc)}</p>
                    <ImportFlow label_first_run=true/>
                </article>
            </div>
            <p class="privacy-note">{t!(i18n, first_run.privacy)}</p>
        </main>
    }
}
