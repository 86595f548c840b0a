//! Import/Export & Settings: plan files in and out, the plan's settings, and what
//! this browser stores (with backups of anything that could not be read).

mod csv_export;
mod import;
mod merge;
mod reading;
mod settings;
mod storage;
mod workbook_export;

pub use import::ImportFlow;

use crate::ui::i18n::{t, use_i18n};
use crate::ui::routing::Section;
use crate::ui::state::use_app;
use leptos::prelude::*;

#[component]
pub fn Transfer() -> impl IntoView {
    let state = use_app();
    let i18n = use_i18n();
    view! {
        <section class="section" aria-labelledby="section-title">
            <header class="section-head"><h1 id="section-title">{t!(i18n, transfer.title)}</h1></header>
            <div class="cards">
                <article class="card">
                    <h2>{t!(i18n, transfer.export_title)}</h2>
                    <p>{t!(i18n, transfer.export_desc)}</p>
                    <button type="button" class="button button-primary" on:click=move |_| state.export_current()>{t!(i18n, transfer.export_button)}</button>
                </article>
                <csv_export::CsvExport/>
                <workbook_export::WorkbookExport/>
                <article class="card">
                    <h2>{t!(i18n, transfer.csv_import_title)}</h2>
                    <p>{t!(i18n, transfer.csv_import_desc)}</p>
                    <a class="button" href=Section::DataQuality.href_to("import") data-testid="csv-import-link">{t!(i18n, transfer.csv_import_link)}</a>
                </article>
                <article class="card card-wide">
                    <h2>{t!(i18n, transfer.import_title)}</h2>
                    <p>{t!(i18n, transfer.import_desc)}</p>
                    <ImportFlow/>
                </article>
                <settings::PlanSettings/>
                <storage::StorageInfo/>
            </div>
        </section>
    }
}
