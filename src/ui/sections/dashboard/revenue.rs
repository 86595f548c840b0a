//! Revenue concentration (Pareto) and the sales-cycle distribution for the
//! period, each as a chart with its table.

use crate::domain::{AccountId, Tier};
use crate::kpi::{cycle_distribution, revenue_by_account, Period, CYCLE_BUCKETS};
use crate::ui::charts::{pareto, signed_bars, ChartFrame};
use crate::ui::format;
use crate::ui::i18n::{t, t_string, td_string, use_i18n, Locale};
use crate::ui::insights::use_insights;
use crate::ui::state::use_app;
use leptos::prelude::*;
use std::collections::HashMap;

/// Customers drawn in the Pareto chart (the rest are in its table).
const DRAWN: usize = 30;

/// A bucket's name: "0–30 days", "366+ days".
fn bucket(l: Locale, i: usize) -> String {
    let lo = if i == 0 { 0 } else { CYCLE_BUCKETS[i - 1] + 1 };
    match CYCLE_BUCKETS.get(i) {
        Some(hi) => td_string!(l, dash.bucket, from = format::integer(lo, l), to = format::integer(*hi, l)).to_string(),
        None => td_string!(l, dash.bucket_over, from = format::integer(lo, l)).to_string(),
    }
}

#[component]
pub fn RevenueCharts(period: Memo<Option<Period>>) -> impl IntoView {
    let state = use_app();
    let insights = use_insights();
    let i18n = use_i18n();
    // (name, share %, cumulative %) per customer, largest first.
    let customers = Memo::new(move |_| {
        let Some(period) = period.get() else { return Vec::new() };
        state.plan.with(|p| {
            let Some(p) = p else { return Vec::new() };
            let names: HashMap<&AccountId, &str> = p.accounts.iter().map(|a| (&a.id, a.name.as_str())).collect();
            let mut running = 0.0;
            revenue_by_account(p, &period)
                .into_iter()
                .map(|r| {
                    running += r.share;
                    (names.get(&r.account).map(|n| n.to_string()).unwrap_or_else(|| r.account.to_string()), r.value, r.share, running.min(100.0))
                })
                .collect::<Vec<_>>()
        })
    });
    let pareto_svg = Signal::derive(move || {
        let l = i18n.get_locale();
        customers.with(|c| {
            let c = &c[..c.len().min(DRAWN)];
            // Short names: the legal form is dropped, the rest cut to fit under a bar.
            let labels: Vec<String> = c.iter().map(|x| x.0.replace("株式会社", "").trim().chars().take(6).collect()).collect();
            let shares: Vec<f64> = c.iter().map(|x| x.2).collect();
            let cumulative: Vec<f64> = c.iter().map(|x| x.3).collect();
            pareto(&labels, &shares, &cumulative, &|v| format!("{}%", format::number(v, l, 0)))
        })
    });
    let pareto_table = Signal::derive(move || {
        let l = i18n.get_locale();
        let currency = state.plan.with(|p| p.as_ref().map(|p| p.currency.clone()).unwrap_or_default());
        let head = vec![
            t_string!(i18n, dash.customer).to_string(),
            t_string!(i18n, dash.revenue).to_string(),
            t_string!(i18n, dash.share).to_string(),
            t_string!(i18n, dash.cumulative).to_string(),
        ];
        let rows = customers.with(|c| {
            c.iter()
                .map(|(name, value, share, cum)| vec![name.clone(), super::money(*value, &currency, l), format::percent(*share, l), format::percent(*cum, l)])
                .collect()
        });
        (head, rows)
    });
    // Won deals per cycle bucket: [all, tier 1, tier 2, tier 3].
    let cycles = Memo::new(move |_| {
        let Some(period) = period.get() else { return [[0usize; 4]; 6] };
        let ranking = insights.ranking.get();
        state.plan.with(|p| {
            let Some(p) = p else { return [[0usize; 4]; 6] };
            let index: HashMap<&AccountId, usize> = p.accounts.iter().enumerate().map(|(i, a)| (&a.id, i)).collect();
            let tier_of = |a: &AccountId| -> Option<Tier> { index.get(a).and_then(|i| ranking.tiers.get(*i).copied().flatten()).map(|(t, _)| t) };
            cycle_distribution(p, &period, false, tier_of)
        })
    });
    let cycle_svg = Signal::derive(move || {
        let l = i18n.get_locale();
        let rows = cycles.get();
        if rows.iter().all(|r| r[0] == 0) {
            return None;
        }
        let names: Vec<String> = (0..rows.len()).map(|i| bucket(l, i)).collect();
        signed_bars(&names, &rows.map(|r| r[0] as f64), &|v| format::integer(v.round() as i64, l), None)
    });
    let cycle_table = Signal::derive(move || {
        let l = i18n.get_locale();
        let mut head = vec![t_string!(i18n, dash.cycle_days).to_string(), t_string!(i18n, dash.deals_won).to_string()];
        head.extend([1, 2, 3].map(|n| td_string!(l, dash.tier_n, n = n).to_string()));
        let rows = cycles
            .get()
            .iter()
            .enumerate()
            .map(|(i, r)| std::iter::once(bucket(l, i)).chain(r.iter().map(|n| format::integer(*n as i64, l))).collect())
            .collect();
        (head, rows)
    });
    view! {
        <h2>{t!(i18n, dash.revenue_and_cycle)}</h2>
        <div class="chart-pair">
            <ChartFrame id="chart-pareto" title=Signal::derive(move || t_string!(i18n, dash.chart_pareto).to_string())
                svg=pareto_svg empty=Signal::derive(move || t_string!(i18n, dash.no_revenue).to_string()) table=pareto_table/>
            <ChartFrame id="chart-cycle" title=Signal::derive(move || t_string!(i18n, dash.chart_cycle).to_string())
                svg=cycle_svg empty=Signal::derive(move || t_string!(i18n, dash.no_revenue).to_string()) table=cycle_table/>
        </div>
    }
}
