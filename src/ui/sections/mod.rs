//! One module per section of the app, named after the section.

mod account_plans;
mod accounts;
pub mod campaigns;
pub mod dashboard;
pub mod data_quality;
pub mod goals;
pub mod icp;
pub mod overview;
mod prioritisation;
pub mod transfer;

use crate::ui::routing::Section;
use crate::ui::state::use_app;
use leptos::prelude::*;

/// The section the URL points at.
#[component]
pub fn SectionView() -> impl IntoView {
    let state = use_app();
    move || match state.section.get() {
        Section::Overview => overview::Overview().into_any(),
        Section::Goals => goals::Goals().into_any(),
        Section::Accounts => accounts::Accounts().into_any(),
        Section::Icp => icp::Icp().into_any(),
        Section::Prioritisation => prioritisation::PrioritisationSection().into_any(),
        Section::AccountPlans => account_plans::AccountPlans().into_any(),
        Section::Campaigns => campaigns::Campaigns().into_any(),
        Section::Dashboard => dashboard::Dashboard().into_any(),
        Section::Transfer => transfer::Transfer().into_any(),
        Section::DataQuality => data_quality::DataQuality().into_any(),
    }
}
