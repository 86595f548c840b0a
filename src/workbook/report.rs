//! The workbook's report sheets, as the dashboard shows them: the plan's goals
//! (KGIs) with their progress, the period's headline KPIs beside the period
//! before, and campaign and channel ROI under the plan's attribution model.

use crate::csv_io::{Cell, Table};
use crate::domain::{Date, Goal, Money, Plan, Unit};
use crate::kpi::{goal_progress, period_kpis, roi_report, ActivityIndex, Figure, GoalStatus, Period, HEADLINES};
use crate::prioritisation::Basis;

/// What the report sheets cover: the dashboard's period, and the day the
/// goals' progress is measured on.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ReportScope {
    pub period: Period,
    pub today: Date,
}

/// The report sheets' words in the user's language (the UI fills them).
#[derive(Clone, Debug, Default)]
pub struct ReportWords {
    pub goals_sheet: String,
    pub kpis_sheet: String,
    pub campaign_roi_sheet: String,
    pub channel_roi_sheet: String,
    pub goal: String,
    pub target: String,
    pub actual: String,
    pub progress: String,
    pub status: String,
    pub start: String,
    pub due: String,
    /// The statuses' words, in the order of [`STATUSES`].
    pub statuses: Vec<String>,
    pub kpi: String,
    /// The period's dates, and the period before's, as column headings.
    pub this_period: String,
    pub previous_period: String,
    /// The headline KPIs' names, in the order of [`HEADLINES`].
    pub headlines: Vec<String>,
    pub campaign: String,
    pub channel: String,
    pub campaigns: String,
    pub cost: String,
    pub revenue: String,
    pub deals: String,
    pub roi: String,
    /// Channels' names by their key (custom channels are named by the plan).
    pub channel_names: Vec<(String, String)>,
    /// The last row of the campaign sheet: won value no campaign touched.
    pub unattributed: String,
}

/// The order of [`ReportWords::statuses`].
pub const STATUSES: [GoalStatus; 5] = [GoalStatus::Achieved, GoalStatus::OnTrack, GoalStatus::Behind, GoalStatus::Missed, GoalStatus::NoData];

/// The goals, KPI and ROI sheets, each as (name, table).
pub fn report_sheets(plan: &Plan, basis: &Basis, scope: &ReportScope, w: &ReportWords) -> Vec<(String, Table)> {
    let targets = basis.target_ids(plan);
    let index = ActivityIndex::new(plan);
    let (campaigns, channels) = roi(plan, &index, &scope.period, w);
    vec![
        (w.goals_sheet.clone(), goals(plan, scope.today, &targets, w)),
        (w.kpis_sheet.clone(), kpis(plan, &index, &scope.period, &targets, w)),
        (w.campaign_roi_sheet.clone(), campaigns),
        (w.channel_roi_sheet.clone(), channels),
    ]
}

/// A computed amount (shares of a deal under linear attribution have many
/// decimals) to the cent, as an amount cell.
pub(super) fn money(v: Option<f64>) -> Cell {
    v.and_then(|v| Money::from_f64((v * 100.0).round() / 100.0).ok()).map_or(Cell::Empty, Cell::Money)
}

/// A value in a goal's unit, as its cell.
pub(super) fn in_unit(unit: Unit, v: Option<f64>) -> Cell {
    match unit {
        Unit::Money => money(v),
        Unit::Percent => Cell::percent(v),
        Unit::Count | Unit::Days => Cell::number(v, 0),
        Unit::Score => Cell::number(v, 1),
    }
}

pub(super) fn figure(f: Figure) -> Cell {
    match f {
        Figure::Percent(v) => Cell::percent(v),
        Figure::Count(n) => Cell::Integer(i64::try_from(n).unwrap_or(i64::MAX)),
        Figure::Money(v) => money(v),
        Figure::Days(v) => Cell::number(v, 0),
        Figure::Score(v) => Cell::number(v, 0),
    }
}

fn word(words: &[String], i: usize) -> Cell {
    words.get(i).map_or(Cell::Empty, |w| Cell::Text(w.clone()))
}

/// The plan's goals with their target, what was reached and the progress, as
/// the dashboard's goal chart measures them.
fn goals(plan: &Plan, today: Date, targets: &[crate::domain::AccountId], w: &ReportWords) -> Table {
    let headings = [&w.goal, &w.target, &w.actual, &w.progress, &w.status, &w.start, &w.due].map(String::clone).to_vec();
    let progress = goal_progress(plan, today, targets);
    let rows = plan
        .goals
        .iter()
        .zip(&progress)
        .map(|(g, p): (&Goal, _)| {
            let status = STATUSES.iter().position(|s| *s == p.status).map_or(Cell::Empty, |i| word(&w.statuses, i));
            vec![
                Cell::Text(g.name.clone()),
                in_unit(g.unit, Some(g.target)),
                in_unit(g.unit, p.actual),
                Cell::percent(p.progress.map(|x| x * 100.0)),
                status,
                Cell::Date(p.period.start),
                g.due.map_or(Cell::Empty, Cell::Date),
            ]
        })
        .collect();
    Table { headings, rows }
}

/// Each headline KPI in the period beside the period before.
fn kpis(plan: &Plan, index: &ActivityIndex, period: &Period, targets: &[crate::domain::AccountId], w: &ReportWords) -> Table {
    let now = period_kpis(plan, index, period, targets);
    let before = period_kpis(plan, index, &period.previous(), targets);
    let headings = vec![w.kpi.clone(), w.this_period.clone(), w.previous_period.clone()];
    let rows = HEADLINES.iter().enumerate().map(|(i, h)| vec![word(&w.headlines, i), figure(h.of(&now)), figure(h.of(&before))]).collect();
    Table { headings, rows }
}

/// Campaign ROI (best first, then the won value no campaign touched) and
/// channel ROI, in the period.
fn roi(plan: &Plan, index: &ActivityIndex, period: &Period, w: &ReportWords) -> (Table, Table) {
    let report = roi_report(plan, index, period, plan.settings.attribution);
    let channel_name = |key: &str| w.channel_names.iter().find(|(k, _)| k == key).map_or_else(|| key.to_string(), |(_, n)| n.clone());
    let mut rows: Vec<Vec<Cell>> = report
        .campaigns
        .iter()
        .map(|c| {
            let name = plan.campaigns.iter().find(|x| x.id == c.campaign).map_or_else(|| c.campaign.0.clone(), |x| x.name.clone());
            vec![
                Cell::Text(name),
                Cell::Text(channel_name(c.channel.key())),
                money(Some(c.cost)),
                money(Some(c.revenue)),
                Cell::number(Some(c.deals), 1),
                Cell::percent(c.roi),
            ]
        })
        .collect();
    if report.unattributed > 0.0 {
        rows.push(vec![Cell::Text(w.unattributed.clone()), Cell::Empty, Cell::Empty, money(Some(report.unattributed)), Cell::Empty, Cell::Empty]);
    }
    let campaigns = Table { headings: [&w.campaign, &w.channel, &w.cost, &w.revenue, &w.deals, &w.roi].map(String::clone).to_vec(), rows };
    let rows = report
        .channels
        .iter()
        .map(|c| {
            vec![
                Cell::Text(channel_name(c.channel.key())),
                Cell::Integer(c.campaigns as i64),
                money(Some(c.cost)),
                money(Some(c.revenue)),
                Cell::percent(c.roi),
            ]
        })
        .collect();
    let channels = Table { headings: [&w.channel, &w.campaigns, &w.cost, &w.revenue, &w.roi].map(String::clone).to_vec(), rows };
    (campaigns, channels)
}
