//! The accounts table's engine: which accounts a search and filters keep, and in
//! what order a column sorts them. Plain Rust over the plan and its ranking, so the
//! table with 10,000 accounts is tested natively and the UI only renders rows.

mod filter;
pub mod lookup;
mod sort;

pub use filter::{OwnerFilter, Query, TargetFilter, TierFilter};
pub use sort::{Column, Sort};

use crate::domain::{Account, Plan};
use crate::prioritisation::{Basis, Ranking};

/// Positions (in the plan's account order) of the accounts the query keeps, sorted.
/// Ties keep the plan's order, so the list never jumps between equal rows.
pub fn select(plan: &Plan, basis: &Basis, ranking: &Ranking, query: &Query, sort: Sort) -> Vec<usize> {
    let matcher = query.matcher();
    let mut rows: Vec<usize> = plan.accounts.iter().enumerate().filter(|(i, a)| matcher.keeps(a, basis, ranking, *i)).map(|(i, _)| i).collect();
    sort::sort(plan, basis, ranking, sort, &mut rows);
    rows
}

/// The distinct non-blank values an attribute takes across the plan's accounts,
/// sorted: suggestions wherever such a value is typed.
pub fn values_in_use<'a, I>(plan: &'a Plan, of: impl Fn(&'a Account) -> I) -> Vec<String>
where
    I: IntoIterator<Item = &'a String>,
{
    let set: std::collections::BTreeSet<&str> = plan.accounts.iter().flat_map(&of).map(String::as_str).filter(|s| !s.trim().is_empty()).collect();
    set.into_iter().map(String::from).collect()
}

#[cfg(test)]
mod tests;
