//! Journey stages: target accounts by stage (a chart), tiers × stages (a table),
//! and the rules that decide the stage, editable here (an undoable plan setting).

use crate::browser::clock;
use crate::domain::{JourneyRules, Tier};
use crate::editing::{Change, EditKind};
use crate::kpi::{stage_counts, stages, Stage};
use crate::ui::charts::{grouped_bars, signed_bars, ChartFrame};
use crate::ui::format;
use crate::ui::i18n::{t, t_string, td_string, use_i18n};
use crate::ui::insights::use_insights;
use crate::ui::labels;
use crate::ui::state::use_app;
use leptos::prelude::*;

#[component]
pub fn Journey() -> impl IntoView {
    let state = use_app();
    let insights = use_insights();
    let i18n = use_i18n();
    let all = Memo::new(move |_| state.plan.with(|p| p.as_ref().map(|p| stages(p, clock::now())).unwrap_or_default()));
    // Target accounts per stage, and per tier (1, 2, 3) × stage.
    let counts = Memo::new(move |_| {
        let basis = insights.basis.get();
        let ranking = insights.ranking.get();
        all.with(|s| {
            let is_target = |i: usize| basis.targets.get(i).is_some_and(|t| t.is_target());
            let tier = |i: usize, t: Tier| ranking.tiers.get(i).copied().flatten().is_some_and(|(x, _)| x == t);
            let by_tier = [Tier::One, Tier::Two, Tier::Three].map(|t| stage_counts(s, |i| is_target(i) && tier(i, t)));
            (stage_counts(s, is_target), by_tier)
        })
    });
    let svg = Signal::derive(move || {
        let l = i18n.get_locale();
        let (targets, _) = counts.get();
        if targets.iter().all(|n| *n == 0) {
            return None;
        }
        let names: Vec<String> = Stage::ALL.iter().map(|s| labels::journey_stage(l, *s)).collect();
        signed_bars(&names, &targets.map(|n| n as f64), &|v| format::integer(v.round() as i64, l), None)
    });
    let table = Signal::derive(move || {
        let l = i18n.get_locale();
        let head = vec![t_string!(i18n, dash.stage).to_string(), t_string!(i18n, dash.target_accounts).to_string()];
        let (targets, _) = counts.get();
        (head, Stage::ALL.iter().zip(targets).map(|(s, n)| vec![labels::journey_stage(l, *s), format::integer(n as i64, l)]).collect())
    });
    let tier_rows = move || {
        let l = i18n.get_locale();
        let (_, by_tier) = counts.get();
        [Tier::One, Tier::Two, Tier::Three]
            .into_iter()
            .zip(by_tier)
            .map(|(t, row)| (td_string!(l, dash.tier_n, n = t.number()).to_string(), row.map(|n| format::integer(n as i64, l))))
            .collect::<Vec<_>>()
    };
    let tier_svg = Signal::derive(move || {
        let l = i18n.get_locale();
        let (_, by_tier) = counts.get();
        let stages: Vec<String> = Stage::ALL.iter().map(|s| labels::journey_stage(l, *s)).collect();
        let tiers: Vec<String> = [1, 2, 3].map(|n| td_string!(l, dash.tier_n, n = n).to_string()).to_vec();
        let values: Vec<Vec<f64>> = by_tier.iter().map(|row| row.iter().map(|n| *n as f64).collect()).collect();
        grouped_bars(&stages, &tiers, &values, &|v| format::integer(v.round() as i64, l))
    });
    let tier_table = Signal::derive(move || {
        let l = i18n.get_locale();
        let mut head = vec![t_string!(i18n, dash.tier).to_string()];
        head.extend(Stage::ALL.iter().map(|s| labels::journey_stage(l, *s)));
        (head, tier_rows().into_iter().map(|(t, cells)| std::iter::once(t).chain(cells).collect()).collect())
    });
    view! {
        <h2>{t!(i18n, dash.journey)}</h2>
        <ChartFrame id="chart-journey" title=Signal::derive(move || t_string!(i18n, dash.chart_journey).to_string())
            svg=svg empty=Signal::derive(move || t_string!(i18n, dash.no_targets).to_string()) table=table/>
        <ChartFrame id="chart-tier-stage" title=Signal::derive(move || t_string!(i18n, dash.tier_by_stage).to_string())
            svg=tier_svg empty=Signal::derive(move || t_string!(i18n, dash.no_tiers).to_string()) table=tier_table/>
        <table class="data-table" data-testid="tier-stage">
            <caption class="visually-hidden">{t!(i18n, dash.tier_by_stage)}</caption>
            <thead><tr>
                <th scope="col">{t!(i18n, dash.tier)}</th>
                {move || { let l = i18n.get_locale(); Stage::ALL.map(|s| view! { <th scope="col" class="num">{labels::journey_stage(l, s)}</th> }).collect_view() }}
            </tr></thead>
            <tbody>
                {move || tier_rows().into_iter().map(|(tier, cells)| view! {
                    <tr><th scope="row">{tier}</th>{cells.map(|c| view! { <td class="num">{c}</td> }).collect_view()}</tr>
                }).collect_view()}
            </tbody>
        </table>
        <JourneyRulesForm/>
    }
}

/// The three numbers that decide stages; each is saved when the field is left,
/// and a value the rules refuse is named instead of saved.
#[component]
fn JourneyRulesForm() -> impl IntoView {
    let state = use_app();
    let i18n = use_i18n();
    let rules = move || state.plan.with(|p| p.as_ref().map(|p| p.settings.journey.clone()).unwrap_or_default());
    let error = RwSignal::new(None::<String>);
    let commit = move |edit: &dyn Fn(&mut JourneyRules, f64), text: String| {
        let mut r = rules();
        let Some(v) = crate::domain::quantity::parse_number(&text).filter(|v| v.is_finite() && *v >= 0.0) else {
            error.set(Some(t_string!(i18n, dash.rules_invalid).to_string()));
            return;
        };
        edit(&mut r, v);
        let before = rules();
        if r == before {
            error.set(None);
            return;
        }
        state.dispatch(Change::SetJourneyRules(r.clone()), EditKind::PlanSettings);
        let saved = rules() == r;
        error.set((!saved).then(|| t_string!(i18n, dash.rules_invalid).to_string()));
    };
    view! {
        <details class="journey-rules no-print" data-testid="journey-rules">
            <summary>{t!(i18n, dash.rules)}</summary>
            <div class="form-grid">
                <div class="field">
                    <label for="rule-window">{t!(i18n, dash.rule_window)}</label>
                    <input id="rule-window" type="number" min="1" max="3650" prop:value=move || rules().window_days.to_string()
                        on:change=move |ev| commit(&|r, v| r.window_days = v.round().min(f64::from(u32::MAX)) as u32, event_target_value(&ev))/>
                </div>
                <div class="field">
                    <label for="rule-engaged">{t!(i18n, dash.rule_engaged)}</label>
                    <input id="rule-engaged" type="number" min="0" step="any" prop:value=move || rules().engaged_min_score.to_string()
                        on:change=move |ev| commit(&|r, v| r.engaged_min_score = v, event_target_value(&ev))/>
                </div>
                <div class="field">
                    <label for="rule-qualified">{t!(i18n, dash.rule_qualified)}</label>
                    <input id="rule-qualified" type="number" min="0" step="any" prop:value=move || rules().qualified_min_score.to_string()
                        on:change=move |ev| commit(&|r, v| r.qualified_min_score = v, event_target_value(&ev))/>
                </div>
            </div>
            {move || error.get().map(|e| view! { <p class="form-error" role="alert">{e}</p> })}
            <p class="muted small">{t!(i18n, dash.rules_help)}</p>
        </details>
    }
}
