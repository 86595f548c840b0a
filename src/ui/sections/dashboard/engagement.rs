//! Engagement over time: responses per week of the chosen period.

use crate::kpi::{weekly_responses, ActivityIndex, Period};
use crate::ui::charts::{weekly_line, ChartFrame};
use crate::ui::format;
use crate::ui::i18n::{t_string, use_i18n};
use crate::ui::insights::Shared;
use crate::ui::state::use_app;
use leptos::prelude::*;

#[component]
pub fn EngagementChart(period: Memo<Option<Period>>, index: Memo<Shared<ActivityIndex>>) -> impl IntoView {
    let state = use_app();
    let i18n = use_i18n();
    let weeks = Memo::new(move |_| {
        let Some(period) = period.get() else { return Vec::new() };
        state.plan.with(|p| p.as_ref().map(|p| weekly_responses(p, &index.get(), &period)).unwrap_or_default())
    });
    let labels = move || {
        let l = i18n.get_locale();
        weeks.with(|w| w.iter().map(|(d, _)| format::date(*d, l)).collect::<Vec<_>>())
    };
    let svg = Signal::derive(move || {
        let values: Vec<u64> = weeks.with(|w| w.iter().map(|(_, n)| *n).collect());
        if values.iter().all(|v| *v == 0) {
            return None;
        }
        weekly_line(&labels(), &values)
    });
    let table = Signal::derive(move || {
        let l = i18n.get_locale();
        let head = vec![t_string!(i18n, dash.week_of).to_string(), t_string!(i18n, dash.responses).to_string()];
        let rows = weeks.with(|w| w.iter().map(|(d, n)| vec![format::date(*d, l), format::integer(*n as i64, l)]).collect());
        (head, rows)
    });
    view! {
        <ChartFrame id="chart-engagement" title=Signal::derive(move || t_string!(i18n, dash.chart_engagement).to_string())
            svg=svg empty=Signal::derive(move || t_string!(i18n, dash.no_activity).to_string()) table=table/>
    }
}
