//! Campaigns & activities (steps 6 and 8 of the method): the records everything
//! measured is computed from — campaigns, activities (every touch), deals and NPS
//! responses — each listed with an editor. The tab is part of the URL
//! (`#/campaigns/deals`), so a reload or a shared link opens the same list.

pub mod activity_editor;
mod activity_list;
mod campaign_editor;
mod campaign_list;
mod deal_editor;
mod deal_list;
mod nps;

use crate::checklist::Step;
use crate::ui::i18n::{t, t_string, use_i18n};
use crate::ui::routing::{detail_signal, Section};
use crate::ui::sections::overview::NextStep;
use crate::ui::state::use_app;
use crate::ui::widgets::{tab_of, SubNav};
use leptos::prelude::*;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Tab {
    Campaigns,
    Activities,
    Deals,
    Nps,
}

impl Tab {
    const ALL: [Tab; 4] = [Tab::Campaigns, Tab::Activities, Tab::Deals, Tab::Nps];

    fn slug(self) -> &'static str {
        match self {
            Tab::Campaigns => "list",
            Tab::Activities => "activities",
            Tab::Deals => "deals",
            Tab::Nps => "nps",
        }
    }

    fn from_detail(detail: Option<&str>) -> Tab {
        tab_of(&Tab::ALL, Tab::slug, detail).unwrap_or(Tab::Campaigns)
    }
}

#[component]
pub fn Campaigns() -> impl IntoView {
    let state = use_app();
    let i18n = use_i18n();
    let detail = detail_signal();
    let tab = Memo::new(move |_| Tab::from_detail(detail.get().as_deref()));
    let count = Callback::new(move |t: Tab| {
        state.plan.with(|p| {
            p.as_ref().map_or(0, |p| match t {
                Tab::Campaigns => p.campaigns.len(),
                Tab::Activities => p.activities.len(),
                Tab::Deals => p.deals.len(),
                Tab::Nps => p.nps_responses.len(),
            })
        })
    });
    let name = Callback::new(move |t: Tab| {
        match t {
            Tab::Campaigns => t_string!(i18n, rec.tab_campaigns),
            Tab::Activities => t_string!(i18n, rec.tab_activities),
            Tab::Deals => t_string!(i18n, rec.tab_deals),
            Tab::Nps => t_string!(i18n, rec.tab_nps),
        }
        .to_string()
    });
    view! {
        <section class="section records" aria-labelledby="section-title">
            <header class="section-head">
                <h1 id="section-title">{t!(i18n, nav.campaigns)}</h1>
            </header>
            <p class="lead">{t!(i18n, rec.intro)}</p>
            <SubNav section=Section::Campaigns tabs=Tab::ALL.to_vec() current=tab label=Signal::derive(move || t_string!(i18n, rec.tabs).to_string())
                slug=Tab::slug name count=count/>
            {move || match tab.get() {
                Tab::Campaigns => view! { <campaign_list::CampaignList/> }.into_any(),
                Tab::Activities => view! { <activity_list::ActivityList/> }.into_any(),
                Tab::Deals => view! { <deal_list::DealList/> }.into_any(),
                Tab::Nps => view! { <nps::NpsList/> }.into_any(),
            }}
            <NextStep step=Step::Measurement/>
        </section>
    }
}

/// An optional date typed in a date field: empty is `Ok(None)`.
fn optional_date(text: &str) -> Result<Option<crate::domain::Date>, ()> {
    let t = text.trim();
    if t.is_empty() {
        return Ok(None);
    }
    crate::domain::Date::parse(t).map(Some).ok_or(())
}
