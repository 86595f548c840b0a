//! The dashboard (step 8 of the method): the period's headline KPIs against the
//! period before, long-term ROI, and campaign and channel ROI under the plan's
//! attribution model. Figures come from `crate::kpi`; this module only chooses
//! the period and lays them out.

mod engagement;
mod goals;
mod journey;
mod roi;
mod tiles;

use crate::browser::clock;
use crate::domain::{AccountId, Currency, Date, Money, Plan};
use crate::kpi::Period;
use crate::ui::format;
use crate::ui::i18n::{t, use_i18n, Locale};
use crate::ui::insights::use_insights;
use crate::ui::state::use_app;
use leptos::prelude::*;

/// A money figure computed as a float (attributed shares, averages), rounded to
/// the currency's unit; "—" when it cannot be shown.
fn money(v: f64, currency: &Currency, l: Locale) -> String {
    Money::from_f64(v.round()).map(|m| format::money(m, currency, l)).unwrap_or_else(|_| "—".into())
}

/// The periods offered (a custom range comes with the date pickers of issue 5).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PeriodChoice {
    ThisQuarter,
    Last30,
    Last90,
    Last365,
}

impl PeriodChoice {
    const ALL: [PeriodChoice; 4] = [PeriodChoice::ThisQuarter, PeriodChoice::Last30, PeriodChoice::Last90, PeriodChoice::Last365];

    fn key(self) -> &'static str {
        match self {
            PeriodChoice::ThisQuarter => "quarter",
            PeriodChoice::Last30 => "30",
            PeriodChoice::Last90 => "90",
            PeriodChoice::Last365 => "365",
        }
    }

    fn period(self, today: Date, plan: &Plan) -> Period {
        match self {
            PeriodChoice::ThisQuarter => Period::fiscal_quarter(today, plan.fiscal_year_start_month),
            PeriodChoice::Last30 => Period::last_days(today, 30),
            PeriodChoice::Last90 => Period::last_days(today, 90),
            PeriodChoice::Last365 => Period::last_days(today, 365),
        }
    }
}

#[component]
pub fn Dashboard() -> impl IntoView {
    let state = use_app();
    let insights = use_insights();
    let i18n = use_i18n();
    let choice = RwSignal::new(PeriodChoice::Last90);
    // Derived once for every panel; memos, so a plan edit that changes neither
    // leaves the panels that read only these alone.
    let period: Memo<Option<Period>> = Memo::new(move |_| state.plan.with(|p| p.as_ref().map(|p| choice.get().period(clock::today(), p))));
    // The target list's accounts: engagement KPIs and goals are measured among them.
    let targets: Memo<Vec<AccountId>> = Memo::new(move |_| {
        let basis = insights.basis.get();
        state.plan.with(|p| {
            p.as_ref()
                .map(|p| p.accounts.iter().enumerate().filter(|(i, _)| basis.targets.get(*i).is_some_and(|t| t.is_target())).map(|(_, a)| a.id.clone()).collect())
                .unwrap_or_default()
        })
    });
    let label = move |c: PeriodChoice| match c {
        PeriodChoice::ThisQuarter => t!(i18n, dash.this_quarter).into_any(),
        PeriodChoice::Last30 => t!(i18n, dash.last_30).into_any(),
        PeriodChoice::Last90 => t!(i18n, dash.last_90).into_any(),
        PeriodChoice::Last365 => t!(i18n, dash.last_365).into_any(),
    };
    view! {
        <section class="section dashboard" aria-labelledby="section-title">
            <header class="section-head">
                <h1 id="section-title">{t!(i18n, nav.dashboard)}</h1>
                <div class="field field-inline">
                    <label for="dash-period">{t!(i18n, dash.period)}</label>
                    <select id="dash-period" data-testid="dash-period"
                        on:change=move |ev| {
                            let v = event_target_value(&ev);
                            if let Some(c) = PeriodChoice::ALL.into_iter().find(|c| c.key() == v) { choice.set(c); }
                        }
                        prop:value=move || choice.get().key()>
                        {PeriodChoice::ALL.into_iter().map(|c| view! { <option value=c.key()>{label(c)}</option> }).collect_view()}
                    </select>
                </div>
            </header>
            <goals::GoalProgressChart targets=targets/>
            <tiles::Tiles period=period targets=targets/>
            <engagement::EngagementChart period=period/>
            <journey::Journey/>
            <roi::Roi period=period/>
        </section>
    }
}
