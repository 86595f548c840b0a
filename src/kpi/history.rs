//! An account's behaviour history: everything that happened with it — its
//! activities, deals opened and decided, NPS responses, hand-offs and notes — as
//! one timeline, newest first.

use crate::domain::sorting;
use crate::domain::*;

#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Happened<'a> {
    Activity(&'a Activity),
    DealOpened(&'a Deal),
    /// Won or lost (the deal says which), on its close date.
    DealClosed(&'a Deal),
    Nps(&'a NpsResponse),
    Handoff(&'a HandoffEvent),
    Note(&'a AccountNote),
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct HistoryEntry<'a> {
    /// When; records kept by day count from the start of their day (UTC).
    pub at: Timestamp,
    pub what: Happened<'a>,
}

/// The account's timeline, newest first. Entries at the same moment keep a fixed
/// order (deals, then NPS, hand-offs, notes, activities; each in plan order), so
/// the list does not shuffle between renders.
pub fn account_history<'a>(plan: &'a Plan, account: &AccountId) -> Vec<HistoryEntry<'a>> {
    let mut out = Vec::new();
    for d in plan.deals.iter().filter(|d| &d.account == account) {
        out.push(HistoryEntry { at: d.created.at(0, 0), what: Happened::DealOpened(d) });
        if let (Some(c), true) = (d.closed, d.outcome != Outcome::Open) {
            out.push(HistoryEntry { at: c.at(0, 0), what: Happened::DealClosed(d) });
        }
    }
    out.extend(plan.nps_responses.iter().filter(|r| &r.account == account).map(|r| HistoryEntry { at: r.at.at(0, 0), what: Happened::Nps(r) }));
    out.extend(plan.handoffs.iter().filter(|h| &h.account == account).map(|h| HistoryEntry { at: h.at, what: Happened::Handoff(h) }));
    out.extend(plan.notes.iter().filter(|n| &n.account == account).map(|n| HistoryEntry { at: n.at, what: Happened::Note(n) }));
    out.extend(plan.activities.iter().filter(|a| &a.account == account).map(|a| HistoryEntry { at: a.at, what: Happened::Activity(a) }));
    // Stable sort: the order above breaks ties.
    sorting::sort_by_key(&mut out, |e| std::cmp::Reverse(e.at));
    out
}

#[cfg(test)]
mod tests {
    use super::super::fixtures::*;
    use super::*;

    #[test]
    fn one_timeline_newest_first_with_deals_opened_and_closed() {
        let mut p = plan_with(vec![
            activity("a", ActivityKind::WebVisit, 2, None),
            activity("b", ActivityKind::Meeting, 3, None),
            activity("a", ActivityKind::Meeting, 10, None),
        ]);
        p.deals.push_back(deal("won", "a", DealKind::New, 100, day(5), Some(day(20)), Outcome::Won));
        p.deals.push_back(deal("open", "a", DealKind::Upsell, 50, day(21), None, Outcome::Open));
        p.nps_responses.push_back(NpsResponse {
            id: NpsId("n".into()),
            account: AccountId("a".into()),
            contact: None,
            score: 9,
            at: day(25),
            comment: String::new(),
        });
        let h = account_history(&p, &AccountId("a".into()));
        let kinds: Vec<String> = h
            .iter()
            .map(|e| match e.what {
                Happened::Activity(a) => format!("{:?}@{}", a.kind, a.at.date()),
                Happened::DealOpened(d) => format!("opened {}", d.id),
                Happened::DealClosed(d) => format!("closed {}", d.id),
                Happened::Nps(r) => format!("nps {}", r.score),
                Happened::Handoff(_) | Happened::Note(_) => "other".into(),
            })
            .collect();
        assert_eq!(
            kinds,
            ["nps 9", "opened open", "closed won", "Meeting@2026-11-10", "opened won", "WebVisit@2026-11-02"],
            "account b's meeting is not in a's history"
        );
        assert!(account_history(&p, &AccountId("nobody".into())).is_empty());
    }
}
