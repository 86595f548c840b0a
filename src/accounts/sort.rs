//! Sorting the accounts table by any of its columns.

use crate::domain::Plan;
use crate::icp::normalise;
use crate::prioritisation::{Basis, Ranking};
use std::cmp::Ordering;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Column {
    Name,
    Industry,
    Employees,
    Revenue,
    Region,
    Owner,
    Fit,
    Score,
    Rank,
    Tier,
    Target,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Sort {
    pub column: Column,
    pub descending: bool,
}

impl Default for Sort {
    /// Best priority first.
    fn default() -> Self {
        Sort { column: Column::Rank, descending: false }
    }
}

impl Column {
    /// The direction a first click sorts in: numbers that mean "more is better"
    /// start with the largest.
    pub fn natural_descending(self) -> bool {
        matches!(self, Column::Employees | Column::Revenue | Column::Fit | Column::Score)
    }
}

/// Missing values (no revenue, unknown fit, no rank) always sort last, whatever the
/// direction: people look for the values, not the gaps.
pub(super) fn sort(plan: &Plan, basis: &Basis, ranking: &Ranking, sort: Sort, rows: &mut [usize]) {
    let accounts = &plan.accounts;
    let owner_name = |i: usize| {
        let a = &accounts[i];
        let name = |id: &Option<crate::domain::MemberId>| id.as_ref().and_then(|id| plan.member(id)).map(|m| normalise(&m.name));
        name(&a.marketing_owner).or_else(|| name(&a.sales_owner))
    };
    let text = |f: &dyn Fn(usize) -> Option<String>| -> Vec<Option<String>> { (0..accounts.len()).map(f).collect() };
    let non_empty = |s: &str| (!s.trim().is_empty()).then(|| normalise(s));
    // Keys are computed once per account, not once per comparison.
    match sort.column {
        Column::Name => by(rows, sort.descending, &text(&|i| non_empty(&accounts[i].name))),
        Column::Industry => by(rows, sort.descending, &text(&|i| non_empty(&accounts[i].industry))),
        Column::Region => by(rows, sort.descending, &text(&|i| non_empty(&accounts[i].region))),
        Column::Owner => by(rows, sort.descending, &text(&owner_name)),
        Column::Employees => by(rows, sort.descending, &accounts.iter().map(|a| a.employees).collect::<Vec<_>>()),
        Column::Revenue => by(rows, sort.descending, &accounts.iter().map(|a| a.annual_revenue).collect::<Vec<_>>()),
        Column::Fit => by_f64(rows, sort.descending, &(0..accounts.len()).map(|i| basis.fit(i).percent).collect::<Vec<_>>()),
        Column::Score => by_f64(rows, sort.descending, &(0..accounts.len()).map(|i| Some(ranking.scores[i])).collect::<Vec<_>>()),
        Column::Rank => by(rows, sort.descending, &ranking.ranks),
        Column::Tier => by(rows, sort.descending, &ranking.tiers.iter().map(|t| t.map(|t| t.0)).collect::<Vec<_>>()),
        Column::Target => by(rows, sort.descending, &basis.targets.iter().map(|t| Some(!t.is_target())).collect::<Vec<_>>()),
    }
}

fn by<K: Ord>(rows: &mut [usize], descending: bool, keys: &[Option<K>]) {
    rows.sort_by(|&x, &y| missing_last(&keys[x], &keys[y], descending, Ord::cmp).then(x.cmp(&y)));
}

fn by_f64(rows: &mut [usize], descending: bool, keys: &[Option<f64>]) {
    rows.sort_by(|&x, &y| missing_last(&keys[x], &keys[y], descending, |a, b| a.total_cmp(b)).then(x.cmp(&y)));
}

fn missing_last<K>(a: &Option<K>, b: &Option<K>, descending: bool, cmp: impl Fn(&K, &K) -> Ordering) -> Ordering {
    match (a, b) {
        (Some(a), Some(b)) => {
            let o = cmp(a, b);
            if descending {
                o.reverse()
            } else {
                o
            }
        }
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    }
}
