//! The workbook's sheets, built from the plan and its ranking as typed tables.

use crate::account_plans::{contacts_of, plan_of};
use crate::csv_io::{accounts_table, AccountColumns, Cell, Table};
use crate::domain::{Goal, GoalId, Plan, Tier};
use crate::prioritisation::{Basis, Ranking};
use crate::workbook::report::{report_sheets, ReportScope, ReportWords};

/// One sheet: its tab name and its rows.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Sheet {
    pub name: String,
    pub table: Table,
}

/// The words of the workbook in the user's language (the UI fills them).
#[derive(Clone, Debug, Default)]
pub struct WorkbookWords {
    pub target_list: String,
    pub accounts: String,
    pub tier1_plans: String,
    pub account: String,
    /// "Points: {factor}" for each factor, in the plan's factor order.
    pub points: Vec<String>,
    pub business: String,
    pub challenges: String,
    pub needs: String,
    pub goals: String,
    pub key_people: String,
    pub resisters: String,
    pub open_actions: String,
    pub next_action: String,
    pub next_action_due: String,
    /// The accounts sheet's headings (the CSV export's); the other sheets take
    /// rank, tier, score, fit and the factors' names from them too.
    pub columns: AccountColumns,
    /// Between items of a list in one cell ("; ", "、").
    pub list_separator: String,
    /// Account plan goals with their target as the UI writes them ("Pilot
    /// contract (¥5,000,000)"), by goal id; a goal not listed shows its name.
    pub goal_texts: Vec<(GoalId, String)>,
    pub report: ReportWords,
}

/// The sheets of the workbook: the ranked target list, the accounts, the
/// tier-1 account plans, then the report sheets (goals, the period's KPIs,
/// campaign and channel ROI) for `scope`.
pub fn sheets(plan: &Plan, basis: &Basis, ranking: &Ranking, scope: &ReportScope, words: &WorkbookWords) -> Vec<Sheet> {
    let mut sheets = vec![
        Sheet { name: words.target_list.clone(), table: target_list(plan, basis, ranking, words) },
        Sheet { name: words.accounts.clone(), table: without_ids(accounts_table(plan, basis, ranking, &words.columns)) },
        Sheet { name: words.tier1_plans.clone(), table: tier1_plans(plan, ranking, words) },
    ];
    sheets.extend(report_sheets(plan, basis, scope, &words.report).into_iter().map(|(name, table)| Sheet { name, table }));
    sheets
}

/// The CSV's first column is the account's id, which lets a re-import update
/// the same records; a report's reader has no use for it.
fn without_ids(mut table: Table) -> Table {
    if !table.headings.is_empty() {
        table.headings.remove(0);
    }
    for row in table.rows.iter_mut().filter(|r| !r.is_empty()) {
        row.remove(0);
    }
    table
}

/// The target accounts in rank order with each factor's value and the points it
/// gives (they add up to the score).
fn target_list(plan: &Plan, basis: &Basis, ranking: &Ranking, w: &WorkbookWords) -> Table {
    let c = &w.columns;
    let mut headings = vec![c.rank.clone(), w.account.clone(), c.tier.clone(), c.score.clone(), c.fit.clone()];
    headings.extend(c.factors.iter().cloned());
    headings.extend(w.points.iter().cloned());
    let rows = ranking
        .order
        .iter()
        .filter_map(|&i| {
            let a = plan.accounts.get(i)?;
            let r = ranking.account(i);
            let mut row = vec![
                Cell::integer(r.rank),
                Cell::Text(a.name.clone()),
                Cell::integer(r.tier.map(|(t, _)| t.number())),
                Cell::number(Some(r.score), 1),
                Cell::percent(basis.fit(i).percent),
            ];
            row.extend(basis.values(i).into_iter().map(|v| Cell::number(v.value, 2)));
            row.extend(ranking.contributions(basis, i).into_iter().map(|p| Cell::number(Some(p), 1)));
            Some(row)
        })
        .collect();
    Table { headings, rows }
}

/// Tier-1 accounts in rank order with their plan in brief: the overview, the
/// goals, the people (resisters by name) and the next open step.
fn tier1_plans<'a>(plan: &'a Plan, ranking: &Ranking, w: &'a WorkbookWords) -> Table {
    let headings = [
        &w.columns.rank,
        &w.account,
        &w.columns.score,
        &w.business,
        &w.challenges,
        &w.needs,
        &w.goals,
        &w.key_people,
        &w.resisters,
        &w.open_actions,
        &w.next_action,
        &w.next_action_due,
    ]
    .map(String::clone)
    .to_vec();
    let rows = ranking
        .order
        .iter()
        .filter(|&&i| matches!(ranking.tiers[i], Some((Tier::One, _))))
        .filter_map(|&i| {
            let a = plan.accounts.get(i)?;
            let ap = plan_of(plan, &a.id);
            let people = contacts_of(plan, &a.id);
            let resisters: Vec<&str> = people.iter().filter(|c| c.resists()).map(|c| c.name.as_str()).collect();
            let open: Vec<_> = ap.map(|ap| ap.actions.iter().filter(|x| x.status.is_open()).collect()).unwrap_or_default();
            // The next step: the earliest due, then those without a date.
            let next = open.iter().min_by_key(|x| (x.due.is_none(), x.due));
            let text = |s: Option<&String>| s.filter(|s| !s.trim().is_empty()).map_or(Cell::Empty, |s| Cell::Text(s.clone()));
            let goal_text = |g: &'a Goal| -> &'a str { w.goal_texts.iter().find(|(id, _)| *id == g.id).map_or(g.name.as_str(), |(_, text)| text.as_str()) };
            let goals = ap.map(|ap| ap.goals.iter().map(goal_text).collect::<Vec<_>>().join(&w.list_separator)).unwrap_or_default();
            Some(vec![
                Cell::integer(ranking.ranks[i]),
                Cell::Text(a.name.clone()),
                Cell::number(Some(ranking.scores[i]), 1),
                text(ap.map(|ap| &ap.overview.business)),
                text(ap.map(|ap| &ap.overview.challenges)),
                text(ap.map(|ap| &ap.overview.needs)),
                text(Some(&goals)),
                Cell::Integer(people.len() as i64),
                text(Some(&resisters.join(&w.list_separator))),
                Cell::Integer(open.len() as i64),
                text(next.map(|x| &x.title)),
                next.and_then(|x| x.due).map_or(Cell::Empty, Cell::Date),
            ])
        })
        .collect();
    Table { headings, rows }
}
