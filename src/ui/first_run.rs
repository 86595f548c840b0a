//! The first screen of a browser with no plans. The main way in is the user's
//! own data: name the plan, check its currency and fiscal year, pick a CRM or
//! spreadsheet export — the plan is made and the file opens in the import
//! preview. Also: an empty plan, the demo (in the UI's language first), or a
//! plan file.

use crate::browser::files::{PickedFile, ReadFailure};
use crate::csv_io::import::MAX_CSV_BYTES;
use crate::demo::DemoLanguage;
use crate::ui::i18n::{t, t_string, td_string, use_i18n, Locale};
use crate::ui::routing::{go, Section};
use crate::ui::sections::data_quality::csv_import;
use crate::ui::sections::transfer::ImportFlow;
use crate::ui::shell::{LanguageSelect, NewPlanDraft, NewPlanFields};
use crate::ui::state::use_app;
use crate::ui::widgets::FileButton;
use crate::workbook::looks_like_workbook;
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::sync::Arc;

/// The demo in the UI's language, and the other one.
pub fn demos(l: Locale) -> [DemoLanguage; 2] {
    match l {
        Locale::ja => [DemoLanguage::Japanese, DemoLanguage::English],
        Locale::en => [DemoLanguage::English, DemoLanguage::Japanese],
    }
}

/// The button that loads the other language's demo.
pub fn other_demo_label(l: Locale) -> String {
    match demos(l)[1] {
        DemoLanguage::Japanese => td_string!(l, first_run.load_demo_ja),
        DemoLanguage::English => td_string!(l, first_run.load_demo_en),
    }
    .to_string()
}

#[component]
pub fn FirstRun() -> impl IntoView {
    let state = use_app();
    let i18n = use_i18n();
    let draft = NewPlanDraft::default();
    let reading = RwSignal::new(None::<String>);
    let failed = RwSignal::new(None::<String>);
    // The file becomes the new plan's first import: it is read, the plan is
    // made, and the Accounts page opens with the file in its preview. A
    // workbook is read first: one that cannot be (damaged, a password, not a
    // workbook at all) is said here, and no plan is made for it.
    let on_read = Callback::new(move |(name, picked): (String, Result<PickedFile, ReadFailure>)| {
        let fail = move |name: String, why: ReadFailure| {
            reading.set(None);
            let l = state.locale();
            failed.set(Some(match why {
                ReadFailure::TooLarge { .. } => td_string!(l, first_run.file_too_large, name = name).to_string(),
                ReadFailure::Unreadable => td_string!(l, dq.read_error, name = name).to_string(),
            }));
        };
        match picked {
            Ok(picked) => spawn_local(async move {
                match picked.bytes().await {
                    Ok(bytes) => {
                        if looks_like_workbook(&bytes) {
                            let read = csv_import::read_workbook(&bytes, None).await;
                            // Meanwhile the person may have started another way
                            // (the demo, an empty plan): this screen is gone, and
                            // the workbook makes no second plan.
                            if reading.try_get_untracked().is_none() {
                                return;
                            }
                            if let Err(failure) = read {
                                reading.set(None);
                                failed.set(Some(csv_import::workbook_problem_text(state.locale(), name, failure)));
                                return;
                            }
                        }
                        state.pending_csv.set(Some((name, Arc::new(bytes))));
                        draft.create(state);
                        go(Section::Accounts);
                    }
                    Err(why) => fail(name, why),
                }
            }),
            Err(why) => fail(name, why),
        }
    });
    let start_empty = move |_| {
        draft.create(state);
    };
    let demo_in = move |k: usize| move |_| state.load_demo(demos(state.locale())[k]);
    view! {
        <main id="main" class="first-run">
            <div class="first-run-head">
                <div class="brand brand-large"><span class="brand-mark" aria-hidden="true">"◎"</span>{t!(i18n, app.name)}</div>
                <LanguageSelect visible_label=false/>
            </div>
            <h1>{t!(i18n, first_run.title)}</h1>
            <p class="lead">{t!(i18n, first_run.intro)}</p>
            <section class="card card-accent start-from-data" aria-labelledby="start-title" data-testid="start-from-data">
                <h2 id="start-title">{t!(i18n, first_run.data_title)}</h2>
                <p>{t!(i18n, first_run.data_desc)}</p>
                <form class="form" on:submit=move |ev| ev.prevent_default()>
                    <NewPlanFields draft/>
                    <div class="form-actions">
                        <FileButton label=Signal::derive(move || t_string!(i18n, first_run.choose_export).to_string()) accept=csv_import::ACCEPT
                            class="button-primary" max_bytes=MAX_CSV_BYTES
                            on_pick=Callback::new(move |name| { failed.set(None); reading.set(Some(name)); }) on_read />
                        <button type="button" class="button" on:click=start_empty>{t!(i18n, first_run.start_empty)}</button>
                    </div>
                </form>
                {move || reading.get().map(|name| view! { <p class="muted" role="status">{td_string!(i18n.get_locale(), dq.reading, name = name).to_string()}</p> })}
                {move || failed.get().map(|m| view! { <p class="result result-bad" role="alert" data-testid="first-run-failed">{m}</p> })}
            </section>
            <div class="cards cards-two">
                <article class="card">
                    <h2>{t!(i18n, first_run.demo_title)}</h2>
                    <p>{move || match demos(i18n.get_locale())[0] {
                        DemoLanguage::Japanese => t_string!(i18n, first_run.demo_desc_ja).to_string(),
                        DemoLanguage::English => t_string!(i18n, first_run.demo_desc_en).to_string(),
                    }}</p>
                    <div class="form-actions">
                        <button type="button" class="button button-primary" on:click=demo_in(0)>{t!(i18n, first_run.load_demo)}</button>
                        <button type="button" class="button" on:click=demo_in(1)>{move || other_demo_label(i18n.get_locale())}</button>
                    </div>
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
