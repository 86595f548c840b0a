//! The dashboard (step 8 of the method): the period's headline KPIs against the
//! period before, long-term ROI, and campaign and channel ROI under the plan's
//! attribution model. Figures come from `crate::kpi`; this module only chooses
//! the period and lays them out.

mod content;
mod engagement;
mod goals;
mod journey;
mod revenue;
mod roi;
pub(crate) mod tiles;

use crate::browser::clock;
use crate::domain::{AccountId, Currency, Date, Money, Plan};
use crate::kpi::Period;
use crate::ui::charts::ChartCaption;
use crate::ui::format;
use crate::ui::i18n::{t, td_string, use_i18n, Locale};
use crate::ui::insights::use_insights;
use crate::ui::state::use_app;
use leptos::prelude::*;

/// A money figure computed as a float (attributed shares, averages), rounded to
/// the currency's unit; "—" when it cannot be shown.
fn money(v: f64, currency: &Currency, l: Locale) -> String {
    Money::from_f64(v.round()).map(|m| format::money(m, currency, l)).unwrap_or_else(|_| "—".into())
}

/// The periods offered: this fiscal quarter, the last 30/90/365 days, or a
/// custom range.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PeriodChoice {
    ThisQuarter,
    Last30,
    Last90,
    Last365,
    Custom(Period),
}

impl PeriodChoice {
    const PRESETS: [PeriodChoice; 4] = [PeriodChoice::ThisQuarter, PeriodChoice::Last30, PeriodChoice::Last90, PeriodChoice::Last365];
    const CUSTOM: &'static str = "custom";

    /// The select's value (every custom range is "custom").
    fn key(self) -> &'static str {
        match self {
            PeriodChoice::ThisQuarter => "quarter",
            PeriodChoice::Last30 => "30",
            PeriodChoice::Last90 => "90",
            PeriodChoice::Last365 => "365",
            PeriodChoice::Custom(_) => Self::CUSTOM,
        }
    }

    /// As remembered in the browser's settings: the key, or `start/end`.
    fn to_setting(self) -> String {
        match self {
            PeriodChoice::Custom(p) => format!("{}/{}", p.start, p.end),
            other => other.key().to_string(),
        }
    }

    fn from_setting(s: &str) -> Option<PeriodChoice> {
        if let Some(c) = Self::PRESETS.into_iter().find(|c| c.key() == s) {
            return Some(c);
        }
        let (a, b) = s.split_once('/')?;
        Period::new(Date::parse(a)?, Date::parse(b)?).map(PeriodChoice::Custom)
    }

    fn period(self, today: Date, plan: &Plan) -> Period {
        match self {
            PeriodChoice::ThisQuarter => Period::fiscal_quarter(today, plan.fiscal_year_start_month),
            PeriodChoice::Last30 => Period::last_days(today, 30),
            PeriodChoice::Last90 => Period::last_days(today, 90),
            PeriodChoice::Last365 => Period::last_days(today, 365),
            PeriodChoice::Custom(p) => p,
        }
    }
}

/// The period the dashboard shows (the one last chosen in this browser, else
/// the last 90 days): the workbook's KPI and ROI sheets cover it too.
pub(crate) fn chosen_period(state: crate::ui::state::AppState, today: Date, plan: &Plan) -> Period {
    state.dashboard_period().as_deref().and_then(PeriodChoice::from_setting).unwrap_or(DEFAULT_PERIOD).period(today, plan)
}

const DEFAULT_PERIOD: PeriodChoice = PeriodChoice::Last90;

#[component]
pub fn Dashboard() -> impl IntoView {
    let state = use_app();
    let insights = use_insights();
    let i18n = use_i18n();
    // The period last chosen in this browser, else the last 90 days.
    let choice = RwSignal::new(state.dashboard_period().as_deref().and_then(PeriodChoice::from_setting).unwrap_or(DEFAULT_PERIOD));
    let choose = move |c: PeriodChoice| {
        choice.set(c);
        state.set_dashboard_period(c.to_setting());
    };
    // The custom range's fields, and what is wrong with them.
    let (from, to) = (RwSignal::new(String::new()), RwSignal::new(String::new()));
    if let PeriodChoice::Custom(p) = choice.get_untracked() {
        from.set(p.start.to_string());
        to.set(p.end.to_string());
    }
    let range_error: RwSignal<Option<String>> = RwSignal::new(None);
    let set_range = move || {
        let l = state.locale();
        match (Date::parse(from.get_untracked().trim()), Date::parse(to.get_untracked().trim())) {
            (Some(a), Some(b)) => match Period::new(a, b) {
                Some(p) => {
                    range_error.set(None);
                    choose(PeriodChoice::Custom(p));
                }
                None => range_error.set(Some(td_string!(l, dash.range_backwards).to_string())),
            },
            _ => range_error.set(Some(td_string!(l, dash.range_invalid).to_string())),
        }
    };
    // Derived once for every panel; memos, so a plan edit that changes neither
    // leaves the panels that read only these alone.
    let period: Memo<Option<Period>> = Memo::new(move |_| state.plan.with(|p| p.as_ref().map(|p| choice.get().period(clock::today(), p))));
    // The target list's accounts: engagement KPIs and goals are measured among them.
    let targets: Memo<Vec<AccountId>> = Memo::new(move |_| {
        let basis = insights.basis.get();
        state.plan.with(|p| p.as_ref().map(|p| basis.target_ids(p)).unwrap_or_default())
    });
    // The activities as a table sorted by time, kept for the app (not on
    // other edits, not when the period changes, not per visit).
    let index = insights.activity_index;
    let label = move |c: PeriodChoice| match c {
        PeriodChoice::ThisQuarter => t!(i18n, dash.this_quarter).into_any(),
        PeriodChoice::Last30 => t!(i18n, dash.last_30).into_any(),
        PeriodChoice::Last90 => t!(i18n, dash.last_90).into_any(),
        PeriodChoice::Last365 => t!(i18n, dash.last_365).into_any(),
        PeriodChoice::Custom(_) => t!(i18n, dash.custom).into_any(),
    };
    let plan_name = move || state.plan.with(|p| p.as_ref().map(|p| p.name.clone()).unwrap_or_default());
    // A downloaded chart says what it shows: the plan and the period.
    provide_context(ChartCaption(Signal::derive(move || {
        let l = i18n.get_locale();
        let name = plan_name();
        period.get().map(|p| format!("{name} · {}", tiles::period_text(p, l))).unwrap_or(name)
    })));
    let print = move |_| {
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
    };
    view! {
        <section class="section dashboard" aria-labelledby="section-title">
            <header class="section-head">
                <div class="head-title">
                    <h1 id="section-title">{t!(i18n, nav.dashboard)}</h1>
                    // On paper the report says whose it is; the period follows in the tiles.
                    <p class="print-only print-plan" data-testid="dash-print-plan">{plan_name}</p>
                </div>
                <div class="head-actions no-print">
                <button type="button" class="button" data-testid="dash-print" on:click=print>{t!(i18n, dash.print)}</button>
                <div class="field field-inline">
                    <label for="dash-period">{t!(i18n, dash.period)}</label>
                    <select id="dash-period" data-testid="dash-period"
                        on:change=move |ev| {
                            let v = event_target_value(&ev);
                            if let Some(c) = PeriodChoice::PRESETS.into_iter().find(|c| c.key() == v) {
                                range_error.set(None);
                                choose(c);
                            } else if v == PeriodChoice::CUSTOM {
                                // Start from the range shown so far.
                                if let Some(p) = period.get_untracked() {
                                    from.set(p.start.to_string());
                                    to.set(p.end.to_string());
                                    choose(PeriodChoice::Custom(p));
                                }
                            }
                        }
                        prop:value=move || choice.get().key()>
                        {PeriodChoice::PRESETS.into_iter().map(|c| view! { <option value=c.key()>{label(c)}</option> }).collect_view()}
                        <option value=PeriodChoice::CUSTOM>{t!(i18n, dash.custom)}</option>
                    </select>
                </div>
                </div>
            </header>
            <Show when=move || matches!(choice.get(), PeriodChoice::Custom(_))>
                <form class="range-form no-print" data-testid="dash-range-form" on:submit=move |ev| { ev.prevent_default(); set_range(); }>
                    <div class="field field-inline">
                        <label for="dash-from">{t!(i18n, dash.from)}</label>
                        <input id="dash-from" type="date" bind:value=from/>
                    </div>
                    <div class="field field-inline">
                        <label for="dash-to">{t!(i18n, dash.to)}</label>
                        <input id="dash-to" type="date" bind:value=to/>
                    </div>
                    <button type="submit" class="button button-small">{t!(i18n, dash.apply)}</button>
                    {move || range_error.get().map(|e| view! { <p class="form-error" role="alert">{e}</p> })}
                </form>
            </Show>
            <goals::GoalProgressChart targets=targets/>
            <tiles::Tiles period=period targets=targets index=index/>
            <engagement::EngagementChart period=period index=index/>
            <journey::Journey/>
            <revenue::RevenueCharts period=period/>
            <roi::Roi period=period index=index/>
            <content::ContentPerformancePanel period=period targets=targets/>
        </section>
    }
}
