//! Headline KPI tiles: each figure of the period beside the period before, in
//! words as well as numbers (colour is never the only signal).

use super::money;
use crate::browser::clock;
use crate::domain::{AccountId, Currency};
use crate::kpi::{long_term, period_kpis, ActivityIndex, Figure, Headline, Period, HEADLINES};
use crate::ui::format;
use crate::ui::i18n::{t, t_string, td_string, use_i18n, Locale};
use crate::ui::insights::Shared;
use crate::ui::state::use_app;
use crate::ui::widgets::HelpTip;
use leptos::prelude::*;

struct Tile {
    id: &'static str,
    label: String,
    help: String,
    now: String,
    before: String,
}

fn opt(v: Option<f64>, f: impl Fn(f64) -> String) -> String {
    v.map(f).unwrap_or_else(|| "—".into())
}

#[component]
pub fn Tiles(period: Memo<Option<Period>>, targets: Memo<Vec<AccountId>>, index: Memo<Shared<ActivityIndex>>) -> impl IntoView {
    let state = use_app();
    let i18n = use_i18n();
    let figures = Memo::new(move |_| {
        let period = period.get()?;
        let index = index.get();
        targets.with(|targets| {
            state.plan.with(|p| {
                let p = p.as_ref()?;
                Some((period, period_kpis(p, &index, &period, targets), period_kpis(p, &index, &period.previous(), targets), p.currency.clone()))
            })
        })
    });
    // Long-term ROI counts every won deal to date: it does not follow the period.
    let long_term = Memo::new(move |_| state.plan.with(|p| p.as_ref().map(|p| (long_term(p, clock::today()), p.currency.clone()))));
    let tiles = move || {
        let l = i18n.get_locale();
        figures.with(|f| {
            let Some((_, now, before, currency)) = f else { return Vec::new() };
            HEADLINES
                .iter()
                .map(|&h| {
                    let (label, help) = headline_words(l, h);
                    Tile { id: h.slug(), label, help, now: figure_text(h.of(now), currency, l), before: figure_text(h.of(before), currency, l) }
                })
                .collect::<Vec<_>>()
        })
    };
    let period_text = move || {
        let l = i18n.get_locale();
        figures.with(|f| f.as_ref().map(|(p, ..)| period_text(*p, l)))
    };
    let long = move || {
        let l = i18n.get_locale();
        long_term.with(|f| {
            let Some((lt, currency)) = f else { return Vec::new() };
            vec![
                (
                    "repeat-rate",
                    td_string!(l, dash.repeat_rate).to_string(),
                    td_string!(l, kpi_help.repeat_rate).to_string(),
                    opt(lt.repeat_rate, |x| format::percent(x, l)),
                ),
                (
                    "lifetime-value",
                    td_string!(l, dash.lifetime_value).to_string(),
                    td_string!(l, kpi_help.lifetime_value).to_string(),
                    opt(lt.lifetime_value, |x| money(x, currency, l)),
                ),
                (
                    "customers",
                    td_string!(l, dash.customers).to_string(),
                    td_string!(l, kpi_help.customers).to_string(),
                    format::integer(lt.customers as i64, l),
                ),
            ]
        })
    };
    view! {
        <p class="muted" data-testid="dash-range">{period_text}</p>
        <h2>{t!(i18n, dash.headline)}</h2>
        <ul class="kpi-tiles" data-testid="kpi-tiles">
            {move || {
                let prev = t_string!(i18n, dash.previous).to_string();
                tiles().into_iter().map(|tile| view! {
                    <li class="kpi-tile" data-kpi=tile.id>
                        <span class="kpi-label">{tile.label.clone()} <HelpTip name=tile.label text=tile.help/></span>
                        <span class="kpi-value">{tile.now}</span>
                        <span class="kpi-before">{prev.clone()} " " {tile.before}</span>
                    </li>
                }).collect_view()
            }}
        </ul>
        <h2>{t!(i18n, dash.long_term)}</h2>
        <dl class="facts" data-testid="long-term">
            {move || long().into_iter().map(|(id, k, help, v)| view! { <div data-kpi=id><dt>{k.clone()} <HelpTip name=k text=help/></dt><dd>{v}</dd></div> }).collect_view()}
        </dl>
        <p class="muted small">{t!(i18n, dash.long_term_note)}</p>
    }
}

/// A headline KPI's name and its short definition, in the user's language.
pub(crate) fn headline_words(l: Locale, h: Headline) -> (String, String) {
    let (label, help) = match h {
        Headline::EngagementRate => (td_string!(l, dash.engagement_rate), td_string!(l, kpi_help.engagement_rate)),
        Headline::Engaged => (td_string!(l, dash.engaged), td_string!(l, kpi_help.engaged)),
        Headline::OpenRate => (td_string!(l, dash.open_rate), td_string!(l, kpi_help.open_rate)),
        Headline::ClickRate => (td_string!(l, dash.click_rate), td_string!(l, kpi_help.click_rate)),
        Headline::WebVisits => (td_string!(l, dash.web_visits), td_string!(l, kpi_help.web_visits)),
        Headline::Meetings => (td_string!(l, dash.meetings), td_string!(l, kpi_help.meetings)),
        Headline::Revenue => (td_string!(l, dash.revenue), td_string!(l, kpi_help.revenue)),
        Headline::NewContracts => (td_string!(l, dash.new_contracts), td_string!(l, kpi_help.new_contracts)),
        Headline::CrossUpsell => (td_string!(l, dash.cross_upsell), td_string!(l, kpi_help.cross_upsell)),
        Headline::AverageRevenue => (td_string!(l, dash.average_revenue), td_string!(l, kpi_help.average_revenue)),
        Headline::Concentration => (td_string!(l, dash.concentration), td_string!(l, kpi_help.concentration)),
        Headline::Cycle => (td_string!(l, dash.cycle), td_string!(l, kpi_help.cycle)),
        Headline::Nps => (td_string!(l, dash.nps), td_string!(l, kpi_help.nps)),
    };
    (label.to_string(), help.to_string())
}

/// A KPI's value as a tile shows it ("—" where the period gives none).
fn figure_text(f: Figure, currency: &Currency, l: Locale) -> String {
    match f {
        Figure::Percent(v) => opt(v, |x| format::percent(x, l)),
        Figure::Count(n) => format::integer(n as i64, l),
        Figure::Money(v) => opt(v, |x| money(x, currency, l)),
        Figure::Days(v) => opt(v, |x| td_string!(l, dash.days, count = x.round().max(0.0) as usize).to_string()),
        Figure::Score(v) => opt(v, |x| format::number(x, l, 0)),
    }
}

/// "Sep 8, 2026 – Dec 6, 2026, compared with Jun 10, 2026 – Sep 7, 2026".
pub(super) fn period_text(p: Period, l: Locale) -> String {
    let prev = p.previous();
    td_string!(
        l,
        dash.period_range,
        start = format::date(p.start, l),
        end = format::date(p.end, l),
        prev_start = format::date(prev.start, l),
        prev_end = format::date(prev.end, l)
    )
    .to_string()
}
