//! Navigation between the product's sections.

use crate::ui::i18n::{t_string, use_i18n};
use crate::ui::routing::Section;
use crate::ui::state::use_app;
use leptos::prelude::*;

#[component]
pub fn SideNav() -> impl IntoView {
    let state = use_app();
    let i18n = use_i18n();
    let label = move |s: Section| -> String {
        match s {
            Section::Overview => t_string!(i18n, nav.overview),
            Section::Goals => t_string!(i18n, nav.goals),
            Section::Icp => t_string!(i18n, nav.icp),
            Section::Accounts => t_string!(i18n, nav.accounts),
            Section::Prioritisation => t_string!(i18n, nav.prioritisation),
            Section::AccountPlans => t_string!(i18n, nav.account_plans),
            Section::Campaigns => t_string!(i18n, nav.campaigns),
            Section::Dashboard => t_string!(i18n, nav.dashboard),
            Section::DataQuality => t_string!(i18n, nav.data_quality),
            Section::Transfer => t_string!(i18n, nav.transfer),
        }
        .to_string()
    };
    view! {
        <nav class="side-nav" aria-label=move || t_string!(i18n, nav.label)>
            <ul>
                {Section::ALL.into_iter().map(|s| view! {
                    <li>
                        <a href=s.href() class:active=move || state.section.get() == s
                            aria-current=move || (state.section.get() == s).then_some("page")>
                            {move || label(s)}
                        </a>
                    </li>
                }).collect_view()}
            </ul>
        </nav>
    }
}
