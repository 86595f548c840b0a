//! Campaign and channel ROI under the attribution model the user picks (a plan
//! setting, so it is undoable and travels with the file), and the suggestion of
//! where to move budget.

use super::money;
use crate::domain::{Attribution, Plan};
use crate::editing::{Change, EditKind};
use crate::kpi::{budget_move, roi_report, ActivityIndex, Period, RoiReport};
use crate::ui::charts::{signed_bars, ChartFrame};
use crate::ui::format;
use crate::ui::i18n::{t, t_string, td_string, use_i18n, Locale};
use crate::ui::insights::Shared;
use crate::ui::labels;
use crate::ui::state::use_app;
use crate::ui::widgets::HelpTip;
use leptos::prelude::*;

const MODELS: [(Attribution, &str); 3] = [(Attribution::FirstTouch, "first"), (Attribution::LastTouch, "last"), (Attribution::Linear, "linear")];

/// A table row: the first cell names the row; `numeric[i]` right-aligns cell i.
fn row(cells: Vec<String>, numeric: &[bool]) -> impl IntoView {
    let mut cells = cells.into_iter().zip(numeric.iter().copied());
    let head = cells.next().map(|(c, _)| c).unwrap_or_default();
    view! {
        <tr>
            <th scope="row">{head}</th>
            {cells.map(|(c, num)| view! { <td class:num=num>{c}</td> }).collect_view()}
        </tr>
    }
}

/// Reads the plan and its ROI report together; the default (nothing) until both
/// exist.
fn with_report<T: Default>(plan: RwSignal<Option<Plan>>, report: Memo<Option<RoiReport>>, l: Locale, f: impl FnOnce(&Plan, &RoiReport, Locale) -> T) -> T {
    plan.with(|p| {
        report.with(|r| match (p, r) {
            (Some(p), Some(r)) => f(p, r, l),
            _ => T::default(),
        })
    })
}

fn roi_text(v: Option<f64>, l: Locale) -> String {
    v.map(|x| format::percent(x, l)).unwrap_or_else(|| "—".into())
}

#[component]
pub fn Roi(period: Memo<Option<Period>>, index: Memo<Shared<ActivityIndex>>) -> impl IntoView {
    let state = use_app();
    let i18n = use_i18n();
    let model = move || state.plan.with(|p| p.as_ref().map(|p| p.settings.attribution).unwrap_or_default());
    let report = Memo::new(move |_| {
        let period = period.get()?;
        let index = index.get();
        state.plan.with(|p| p.as_ref().map(|p| roi_report(p, &index, &period, p.settings.attribution)))
    });
    let channels = move || -> Vec<Vec<String>> {
        with_report(state.plan, report, i18n.get_locale(), |p, r, l| {
            r.channels
                .iter()
                .map(|c| {
                    vec![
                        labels::channel(l, p, &c.channel),
                        format::integer(c.campaigns as i64, l),
                        money(c.cost, &p.currency, l),
                        money(c.revenue, &p.currency, l),
                        roi_text(c.roi, l),
                    ]
                })
                .collect()
        })
    };
    let campaigns = move || -> Vec<Vec<String>> {
        with_report(state.plan, report, i18n.get_locale(), |p, r, l| {
            r.campaigns
                .iter()
                .map(|c| {
                    let name = p.campaigns.iter().find(|x| x.id == c.campaign).map(|x| x.name.clone()).unwrap_or_else(|| c.campaign.to_string());
                    vec![
                        name,
                        labels::channel(l, p, &c.channel),
                        money(c.cost, &p.currency, l),
                        money(c.revenue, &p.currency, l),
                        format::number(c.deals, l, 1),
                        roi_text(c.roi, l),
                    ]
                })
                .collect()
        })
    };
    let chart_svg = Signal::derive(move || {
        with_report(state.plan, report, i18n.get_locale(), |p, r, l| {
            let (names, values): (Vec<String>, Vec<f64>) = r.channels.iter().filter_map(|c| c.roi.map(|roi| (labels::channel(l, p, &c.channel), roi))).unzip();
            signed_bars(&names, &values, &|v| format!("{}%", format::number(v, l, 0)), Some([td_string!(l, dash.roi_gain), td_string!(l, dash.roi_loss)]))
        })
    });
    let campaign_svg = Signal::derive(move || {
        with_report(state.plan, report, i18n.get_locale(), |p, r, l| {
            let (names, values): (Vec<String>, Vec<f64>) = r
                .campaigns
                .iter()
                .filter_map(|c| {
                    let name = p.campaigns.iter().find(|x| x.id == c.campaign).map(|x| x.name.chars().take(10).collect()).unwrap_or_default();
                    c.roi.map(|roi| (name, roi))
                })
                .unzip();
            signed_bars(&names, &values, &|v| format!("{}%", format::number(v, l, 0)), Some([td_string!(l, dash.roi_gain), td_string!(l, dash.roi_loss)]))
        })
    });
    let campaign_table = Signal::derive(move || {
        let head = vec![t_string!(i18n, dash.campaign).to_string(), t_string!(i18n, dash.roi_col).to_string()];
        let rows = campaigns().into_iter().map(|c| vec![c.first().cloned().unwrap_or_default(), c.last().cloned().unwrap_or_default()]).collect();
        (head, rows)
    });
    let chart_table = Signal::derive(move || {
        let head = vec![t_string!(i18n, dash.channel).to_string(), t_string!(i18n, dash.roi_col).to_string()];
        let rows = channels().into_iter().map(|c| vec![c.first().cloned().unwrap_or_default(), c.last().cloned().unwrap_or_default()]).collect();
        (head, rows)
    });
    let suggestion = move || {
        with_report(state.plan, report, i18n.get_locale(), |p, r, l| {
            let m = budget_move(&r.channels)?;
            Some(
                td_string!(
                    l,
                    dash.budget_move,
                    from = labels::channel(l, p, &m.from),
                    to = labels::channel(l, p, &m.to),
                    from_roi = format::percent(m.from_roi, l),
                    to_roi = format::percent(m.to_roi, l)
                )
                .to_string(),
            )
        })
    };
    let unattributed = move || {
        with_report(state.plan, report, i18n.get_locale(), |p, r, l| {
            (r.unattributed > 0.0).then(|| td_string!(l, dash.unattributed, amount = money(r.unattributed, &p.currency, l)).to_string())
        })
    };
    let set_model = move |ev| {
        let v = event_target_value(&ev);
        if let Some((m, _)) = MODELS.into_iter().find(|(_, k)| *k == v) {
            if m != model() {
                state.dispatch(Change::SetAttribution(m), EditKind::PlanSettings);
            }
        }
    };
    let model_label = move |m: Attribution| match m {
        Attribution::FirstTouch => t!(i18n, dash.first_touch).into_any(),
        Attribution::LastTouch => t!(i18n, dash.last_touch).into_any(),
        Attribution::Linear => t!(i18n, dash.linear).into_any(),
    };
    let help_attributed = move || {
        view! { <HelpTip name=Signal::derive(move || t_string!(i18n, dash.attributed).to_string()) text=Signal::derive(move || t_string!(i18n, kpi_help.attributed).to_string())/> }
    };
    let help_roi = move || {
        view! { <HelpTip name=Signal::derive(move || t_string!(i18n, dash.roi_col).to_string()) text=Signal::derive(move || t_string!(i18n, kpi_help.roi).to_string())/> }
    };
    view! {
        <div class="section-head">
            <h2>{t!(i18n, dash.roi)}</h2>
            <div class="field field-inline">
                <label for="dash-attribution">{t!(i18n, dash.attribution)}</label>
                <select id="dash-attribution" class="no-print" data-testid="dash-attribution" on:change=set_model
                    prop:value=move || MODELS.into_iter().find(|(m, _)| *m == model()).map(|(_, k)| k).unwrap_or("linear")>
                    {MODELS.into_iter().map(|(m, k)| view! { <option value=k>{model_label(m)}</option> }).collect_view()}
                </select>
                // On paper the model is said, not offered.
                <span class="print-only" data-testid="dash-attribution-print">{move || model_label(model())}</span>
            </div>
        </div>
        {move || suggestion().map(|s| view! { <p class="notice" role="status" data-testid="budget-move">{s}</p> })}
        <Show when=move || !channels().is_empty() fallback=move || view! { <p class="empty-state">{t!(i18n, dash.no_campaigns)}</p> }>
            <ChartFrame id="chart-roi" title=Signal::derive(move || t_string!(i18n, dash.chart_roi).to_string())
                svg=chart_svg empty=Signal::derive(move || t_string!(i18n, dash.no_campaigns).to_string()) table=chart_table/>
            <h3>{t!(i18n, dash.by_channel)}</h3>
            <table class="data-table" data-testid="roi-channels">
                <thead><tr>
                    <th scope="col">{t!(i18n, dash.channel)}</th><th scope="col" class="num">{t!(i18n, dash.campaigns)}</th>
                    <th scope="col" class="num">{t!(i18n, dash.cost)}</th><th scope="col" class="num">{t!(i18n, dash.attributed)} {help_attributed()}</th>
                    <th scope="col" class="num">{t!(i18n, dash.roi_col)} {help_roi()}</th>
                </tr></thead>
                <tbody>
                    {move || channels().into_iter().map(|cells| row(cells, &[false, true, true, true, true])).collect_view()}
                </tbody>
            </table>
            <h3>{t!(i18n, dash.by_campaign)}</h3>
            <ChartFrame id="chart-roi-campaigns" title=Signal::derive(move || t_string!(i18n, dash.chart_roi_campaigns).to_string())
                svg=campaign_svg empty=Signal::derive(move || t_string!(i18n, dash.no_campaigns).to_string()) table=campaign_table/>
            <table class="data-table" data-testid="roi-campaigns">
                <thead><tr>
                    <th scope="col">{t!(i18n, dash.campaign)}</th><th scope="col">{t!(i18n, dash.channel)}</th>
                    <th scope="col" class="num">{t!(i18n, dash.cost)}</th><th scope="col" class="num">{t!(i18n, dash.attributed)} {help_attributed()}</th>
                    <th scope="col" class="num">{t!(i18n, dash.deals)}</th><th scope="col" class="num">{t!(i18n, dash.roi_col)} {help_roi()}</th>
                </tr></thead>
                <tbody>
                    {move || campaigns().into_iter().map(|cells| row(cells, &[false, false, true, true, true, true])).collect_view()}
                </tbody>
            </table>
            {move || unattributed().map(|s| view! { <p class="muted" data-testid="unattributed">{s}</p> })}
        </Show>
    }
}
