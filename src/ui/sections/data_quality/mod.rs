//! Data quality (steps 3 and 8 of the method): bringing data in from CSV,
//! duplicates and their merge, missing values and their effect on scoring,
//! cleansing actions, and the purchase prediction. The tab is part of the URL
//! (`#/data-quality/duplicates`), so a reload or a shared link opens the same view.

mod cleansing;
pub mod csv_import;
mod duplicates;
mod labels;
mod missing;
mod prediction;

use crate::ui::i18n::{t, t_string, use_i18n};
use crate::ui::routing::{detail_signal, Section};
use crate::ui::widgets::{tab_of, SubNav};
use leptos::prelude::*;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Tab {
    Import,
    Duplicates,
    Missing,
    Cleansing,
    Prediction,
}

impl Tab {
    const ALL: [Tab; 5] = [Tab::Import, Tab::Duplicates, Tab::Missing, Tab::Cleansing, Tab::Prediction];

    fn slug(self) -> &'static str {
        match self {
            Tab::Import => "import",
            Tab::Duplicates => "duplicates",
            Tab::Missing => "missing",
            Tab::Cleansing => "cleansing",
            Tab::Prediction => "prediction",
        }
    }

    fn from_detail(detail: Option<&str>) -> Tab {
        tab_of(&Tab::ALL, Tab::slug, detail).unwrap_or(Tab::Import)
    }
}

#[component]
pub fn DataQuality() -> impl IntoView {
    let i18n = use_i18n();
    let detail = detail_signal();
    let tab = Memo::new(move |_| Tab::from_detail(detail.get().as_deref()));
    let name = Callback::new(move |t: Tab| {
        match t {
            Tab::Import => t_string!(i18n, dq.tab_import),
            Tab::Duplicates => t_string!(i18n, dq.tab_duplicates),
            Tab::Missing => t_string!(i18n, dq.tab_missing),
            Tab::Cleansing => t_string!(i18n, dq.tab_cleansing),
            Tab::Prediction => t_string!(i18n, dq.tab_prediction),
        }
        .to_string()
    });
    view! {
        <section class="section data-quality" aria-labelledby="section-title">
            <header class="section-head">
                <h1 id="section-title">{t!(i18n, nav.data_quality)}</h1>
            </header>
            <p class="lead">{t!(i18n, dq.intro)}</p>
            <SubNav section=Section::DataQuality tabs=Tab::ALL.to_vec() current=tab label=Signal::derive(move || t_string!(i18n, dq.tabs).to_string())
                slug=Tab::slug name/>
            {move || match tab.get() {
                Tab::Import => view! { <csv_import::CsvImport/> }.into_any(),
                Tab::Duplicates => view! { <duplicates::Duplicates/> }.into_any(),
                Tab::Missing => view! { <missing::Missing/> }.into_any(),
                Tab::Cleansing => view! { <cleansing::Cleansing/> }.into_any(),
                Tab::Prediction => view! { <prediction::PredictionView/> }.into_any(),
            }}
        </section>
    }
}
