//! KGI progress: each goal's actual against its target by its date, as bars and
//! as a table with the status in words.

use crate::browser::clock;
use crate::domain::AccountId;
use crate::kpi::goal_progress;
use crate::ui::charts::{progress_bars, ChartFrame};
use crate::ui::format;
use crate::ui::i18n::{t_string, use_i18n};
use crate::ui::labels;
use crate::ui::sections::goals::{target_text, value_text};
use crate::ui::state::use_app;
use leptos::prelude::*;

#[component]
pub fn GoalProgressChart(targets: Memo<Vec<AccountId>>) -> impl IntoView {
    let state = use_app();
    let i18n = use_i18n();
    // Goal names and progress; recomputed when the plan or the target list changes.
    let progress = Memo::new(move |_| {
        targets.with(|targets| {
            state
                .plan
                .with(|p| p.as_ref().map(|p| p.goals.iter().cloned().zip(goal_progress(p, clock::today(), targets)).collect::<Vec<_>>()).unwrap_or_default())
        })
    });
    let svg = Signal::derive(move || {
        let l = i18n.get_locale();
        progress.with(|rows| {
            let labels: Vec<String> = rows.iter().map(|(g, _)| g.name.clone()).collect();
            let percent: Vec<Option<f64>> = rows.iter().map(|(_, r)| r.progress.map(|p| p * 100.0)).collect();
            progress_bars(&labels, &percent, &|v| format!("{}%", format::number(v, l, 0)))
        })
    });
    let table = Signal::derive(move || {
        let l = i18n.get_locale();
        let currency = state.plan.with(|p| p.as_ref().map(|p| p.currency.clone()).unwrap_or_default());
        let head = [
            t_string!(i18n, dash.goal),
            t_string!(i18n, dash.target),
            t_string!(i18n, dash.actual),
            t_string!(i18n, dash.progress),
            t_string!(i18n, dash.status),
            t_string!(i18n, dash.period),
        ]
        .map(String::from)
        .to_vec();
        let rows = progress.with(|rows| {
            rows.iter()
                .map(|(g, r)| {
                    vec![
                        g.name.clone(),
                        target_text(g, &currency, l),
                        r.actual.map(|a| value_text(a, g.unit, &currency, l)).unwrap_or_else(|| "—".into()),
                        r.progress.map(|p| format::percent(p * 100.0, l)).unwrap_or_else(|| "—".into()),
                        labels::goal_status(l, r.status),
                        format!("{} – {}", format::date(r.period.start, l), format::date(r.period.end, l)),
                    ]
                })
                .collect()
        });
        (head, rows)
    });
    view! {
        <ChartFrame id="chart-goals" title=Signal::derive(move || t_string!(i18n, dash.chart_goals).to_string())
            svg=svg empty=Signal::derive(move || t_string!(i18n, dash.no_goals).to_string()) table=table/>
    }
}
