//! The plan's activities as a compact table sorted by time, built once per
//! version of the activities (the dashboard keeps it while other data changes).
//! A period's KPIs then read only the rows of its days, with accounts as small
//! integers instead of hashed id strings: the dashboard recomputes every headline
//! KPI for 200,000 activities within its frame budget (docs/benchmarks.md).

use super::{times, Instants, Map};
use crate::domain::*;

/// One activity: when, whose (the account's position: plan order first, then any
/// id only activities name), what and how many times.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Row {
    pub millis: i64,
    pub account: u32,
    pub kind: ActivityKind,
    pub times: u32,
    /// The campaign (`ActivityIndex::campaign`), `NO_CAMPAIGN` when none.
    pub campaign: u32,
}

pub const NO_CAMPAIGN: u32 = u32::MAX;

#[derive(Clone, Debug, Default, PartialEq)]
pub struct ActivityIndex {
    /// Oldest first.
    rows: Vec<Row>,
    positions: Map<AccountId, u32>,
    /// The campaigns activities name, by their number in `Row::campaign`.
    campaigns: Vec<CampaignId>,
}

impl ActivityIndex {
    pub fn new(plan: &Plan) -> ActivityIndex {
        let mut positions: Map<AccountId, u32> = plan.accounts.iter().enumerate().map(|(i, a)| (a.id.clone(), i as u32)).collect();
        let mut rows: Vec<Row> = Vec::with_capacity(plan.activities.len());
        let mut campaign_numbers: Map<&CampaignId, u32> = Map::default();
        let mut campaigns: Vec<CampaignId> = Vec::new();
        for a in plan.activities.iter() {
            let campaign = match &a.campaign {
                None => NO_CAMPAIGN,
                Some(c) => *campaign_numbers.entry(c).or_insert_with(|| {
                    campaigns.push(c.clone());
                    campaigns.len() as u32 - 1
                }),
            };
            let next = positions.len() as u32;
            let account = match positions.get(&a.account) {
                Some(&i) => i,
                None => *positions.entry(a.account.clone()).or_insert(next),
            };
            rows.push(Row { millis: a.at.millis(), account, kind: a.kind, times: u32::try_from(times(a)).unwrap_or(u32::MAX), campaign });
        }
        rows.sort_by_key(|r| r.millis);
        ActivityIndex { rows, positions, campaigns }
    }

    /// The account's position in the plan.
    pub fn position(&self, id: &AccountId) -> Option<u32> {
        self.positions.get(id).copied()
    }

    /// Accounts known (positions run below this).
    pub fn accounts(&self) -> usize {
        self.positions.len()
    }

    /// Every row, oldest first.
    pub fn rows(&self) -> &[Row] {
        &self.rows
    }

    /// The campaign a row names.
    pub fn campaign(&self, number: u32) -> Option<&CampaignId> {
        self.campaigns.get(number as usize)
    }

    /// The rows from `from` (inclusive) to `until` (exclusive), in milliseconds.
    pub fn between(&self, from: i64, until: i64) -> &[Row] {
        let lo = self.rows.partition_point(|r| r.millis < from);
        let hi = self.rows.partition_point(|r| r.millis < until);
        &self.rows[lo..hi.max(lo)]
    }

    /// The rows of a period's days.
    pub fn within(&self, period: Instants) -> &[Row] {
        self.between(period.from, period.until)
    }
}

#[cfg(test)]
mod tests {
    use super::super::fixtures::*;
    use super::super::Period;
    use super::*;

    #[test]
    fn rows_are_sorted_by_time_and_a_period_reads_only_its_days() {
        let mut p = plan_with(vec![
            activity("b", ActivityKind::Meeting, 20, None),
            activity("a", ActivityKind::WebVisit, 2, Some(3)),
            activity("zz", ActivityKind::EmailSent, 10, None),
            activity("a", ActivityKind::EmailOpened, 40, None),
        ]);
        for id in ["a", "b"] {
            p.accounts.push_back(Account::new(AccountId(id.into()), id));
        }
        let index = ActivityIndex::new(&p);
        let first_half = Period::new(day(1), day(15)).unwrap().instants();
        let rows = index.within(first_half);
        assert_eq!(rows.iter().map(|r| (r.account, r.kind, r.times)).collect::<Vec<_>>(), [(0, ActivityKind::WebVisit, 3), (2, ActivityKind::EmailSent, 1)]);
        assert_eq!(index.within(november().instants()).len(), 3, "December is outside");
        assert_eq!(index.position(&AccountId("b".into())), Some(1));
        assert_eq!(index.accounts(), 3, "zz has activities but is not in the plan");
        assert!(index.within(Period::new(day(21), day(30)).unwrap().instants()).is_empty());
    }
}
