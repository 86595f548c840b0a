//! The execution plan on a timeline: one bar per action from its start to its due
//! date, over the months the plan spans, with today marked. Drawn with HTML, so it
//! prints and reads out like the list (each bar has its dates in words).

use crate::browser::clock;
use crate::domain::{Action, ActionStatus, Date};
use crate::ui::format;
use crate::ui::i18n::{t, t_string, td_string, use_i18n};
use crate::ui::labels;
use leptos::prelude::*;

/// An action's span: start to due; an action with one date is a day long.
fn span(a: &Action) -> Option<(Date, Date)> {
    match (a.start, a.due) {
        (Some(s), Some(d)) => Some((s.min(d), d.max(s))),
        (Some(x), None) | (None, Some(x)) => Some((x, x)),
        (None, None) => None,
    }
}

fn month_start(d: Date) -> Date {
    Date::from_ymd(d.year(), d.month(), 1).unwrap_or(d)
}

fn next_month(d: Date) -> Date {
    let (y, m) = if d.month() == 12 { (d.year() + 1, 1) } else { (d.year(), d.month() + 1) };
    Date::from_ymd(y, m, 1).unwrap_or(d.add_days(31))
}

#[component]
pub fn Timeline(actions: Memo<Vec<Action>>) -> impl IntoView {
    let i18n = use_i18n();
    let body = move || {
        let l = i18n.get_locale();
        let today = clock::today();
        let list = actions.get();
        let spans: Vec<(Action, (Date, Date))> = list.into_iter().filter_map(|a| span(&a).map(|s| (a, s))).collect();
        if spans.is_empty() {
            return view! { <p class="muted">{t!(i18n, ap.timeline_empty)}</p> }.into_any();
        }
        let first = spans.iter().map(|(_, s)| s.0).min().unwrap_or(today).min(today);
        let last = spans.iter().map(|(_, s)| s.1).max().unwrap_or(today).max(today);
        let start = month_start(first);
        let end = next_month(last);
        let days = start.days_until(end).max(1) as f64;
        let pos = |d: Date| format!("{:.2}%", start.days_until(d) as f64 / days * 100.0);
        let mut months = Vec::new();
        let mut m = start;
        while m < end && months.len() < 60 {
            months.push(m);
            m = next_month(m);
        }
        // Short names, the year with the first month and each January; each
        // label no wider than its month, so labels never run into each other
        // (a long plan names every second or third month).
        let every = months.len().div_ceil(8).max(1);
        let month_labels = months
            .iter()
            .enumerate()
            .map(|(k, m)| {
                let short = labels::month_short(l, m.month() as u8);
                let text = if k == 0 || m.month() == 1 { td_string!(l, ap.timeline_month_year, month = short, year = m.year()).to_string() } else { short };
                let width = format!("{:.2}%", m.days_until(next_month(*m)) as f64 * every as f64 / days * 100.0);
                (k % every == 0).then(|| view! { <span class="timeline-month" style:left=pos(*m) style:max-width=width>{text}</span> })
            })
            .collect_view();
        let rows = spans
            .into_iter()
            .map(|(a, (s, d))| {
                let width = format!("{:.2}%", ((s.days_until(d) + 1) as f64 / days * 100.0).max(0.8));
                let status = labels::action_status(l, a.status);
                let words = format!("{}: {} – {} · {}", a.title, format::date(s, l), format::date(d, l), status);
                let tooltip = words.clone();
                let class = format!("timeline-bar status-{}", labels::css_key(&a.status));
                view! {
                    <li class="timeline-row">
                        <span class="timeline-title">{a.title.clone()}</span>
                        <span class="timeline-track">
                            <span class=class class:done=a.status == ActionStatus::Done style:left=pos(s) style:width=width title=tooltip>
                                <span class="visually-hidden">{words}</span>
                            </span>
                        </span>
                    </li>
                }
            })
            .collect_view();
        view! {
            <div class="timeline" role="group" aria-label=move || t_string!(i18n, ap.timeline_label) data-testid="plan-timeline">
                <div class="timeline-months" aria-hidden="true">
                    <span class="timeline-title"></span>
                    <span class="timeline-track">{month_labels}<span class="timeline-today" style:left=pos(today) title=move || t_string!(i18n, ap.today)></span></span>
                </div>
                <ul class="timeline-rows">{rows}</ul>
            </div>
        }
        .into_any()
    };
    view! { <div>{body}</div> }
}
