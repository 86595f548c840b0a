//! Edits of the measured records: campaigns, activities, deals and NPS responses.
//! Each keeps the plan valid the way `plan_file::validate` would: a record that
//! names a missing account is refused, links to missing records are dropped, and
//! removing a record unlinks it everywhere. Each returns false when nothing applies,
//! so `apply` can hand back the plan unchanged (no empty undo step).

use crate::domain::lists::{edit_where, put};
use crate::domain::*;
use std::collections::HashSet;

fn has_account(p: &Plan, id: &AccountId) -> bool {
    p.accounts.iter().any(|a| &a.id == id)
}

/// Adds the campaign or replaces the one with the same id. Refused without a
/// name, with a negative cost, an end before the start or a channel that does
/// not exist; targets and content that no longer exist are dropped.
pub fn put_campaign(p: &mut Plan, mut c: Campaign, now: Timestamp) -> bool {
    c.name = c.name.trim().to_string();
    if c.name.is_empty() || c.cost.minor() < 0 || c.end.is_some_and(|e| e < c.start) {
        return false;
    }
    if let Channel::Custom(id) = &c.channel {
        if !p.custom_channels.iter().any(|x| &x.id == id) {
            return false;
        }
    }
    let accounts: HashSet<&AccountId> = p.accounts.iter().map(|a| &a.id).collect();
    let mut seen = HashSet::new();
    c.targets.retain(|t| accounts.contains(t) && seen.insert(t.clone()));
    c.content.retain(|x| p.content.iter().any(|k| &k.id == x));
    if c.owner.as_ref().is_some_and(|o| !p.team.iter().any(|m| &m.id == o)) {
        c.owner = None;
    }
    c.updated_at = Some(now);
    let id = c.id.clone();
    put(&mut p.campaigns, c, |x| x.id == id);
    true
}

/// Deletes a campaign; activities and deals it sourced stay, unlinked.
pub fn remove_campaign(p: &mut Plan, id: &CampaignId) -> bool {
    if !p.campaigns.iter().any(|c| &c.id == id) {
        return false;
    }
    p.campaigns.retain(|c| &c.id != id);
    let mine = |c: &Option<CampaignId>| c.as_ref() == Some(id);
    edit_where(&mut p.activities, |a| mine(&a.campaign), |a| a.campaign = None);
    edit_where(&mut p.deals, |d| mine(&d.campaign), |d| d.campaign = None);
    true
}

/// Adds the activity or replaces the one with the same id. Refused for a missing
/// account; a contact of another account, a missing campaign or content asset is
/// unlinked; a count of 0 means once and video progress is capped at 100 %.
pub fn put_activity(p: &mut Plan, mut a: Activity) -> bool {
    if !has_account(p, &a.account) {
        return false;
    }
    if a.contact.as_ref().is_some_and(|c| !p.contacts.iter().any(|x| &x.id == c && x.account == a.account)) {
        a.contact = None;
    }
    if a.campaign.as_ref().is_some_and(|c| !p.campaigns.iter().any(|x| &x.id == c)) {
        a.campaign = None;
    }
    if a.content.as_ref().is_some_and(|c| !p.content.iter().any(|x| &x.id == c)) {
        a.content = None;
    }
    a.count = a.count.filter(|n| *n > 1);
    a.progress = a.progress.map(|v| v.min(100));
    a.note = a.note.trim().to_string();
    let id = a.id.clone();
    put(&mut p.activities, a, |x| x.id == id);
    true
}

pub fn remove_activities(p: &mut Plan, ids: &[ActivityId]) -> bool {
    let gone: HashSet<&ActivityId> = ids.iter().collect();
    let before = p.activities.len();
    p.activities.retain(|a| !gone.contains(&a.id));
    p.activities.len() != before
}

/// Adds the deal or replaces the one with the same id. Refused for a missing
/// account, no name, a negative amount, a close before the creation, or a won or
/// lost deal without a close date (the sales cycle needs it).
pub fn put_deal(p: &mut Plan, mut d: Deal, now: Timestamp) -> bool {
    d.name = d.name.trim().to_string();
    let closed_ok = match (d.outcome, d.closed) {
        (Outcome::Open, _) => true,
        (_, Some(c)) => c >= d.created,
        (_, None) => false,
    };
    if !has_account(p, &d.account) || d.name.is_empty() || d.amount.minor() < 0 || !closed_ok || d.closed.is_some_and(|c| c < d.created) {
        return false;
    }
    if d.campaign.as_ref().is_some_and(|c| !p.campaigns.iter().any(|x| &x.id == c)) {
        d.campaign = None;
    }
    if d.owner.as_ref().is_some_and(|o| !p.team.iter().any(|m| &m.id == o)) {
        d.owner = None;
    }
    // A decided deal is at the closed stage; an open one is not.
    if d.outcome != Outcome::Open {
        d.stage = DealStage::Closed;
    } else if d.stage == DealStage::Closed {
        d.stage = DealStage::Negotiation;
    }
    d.product = d.product.trim().to_string();
    d.updated_at = Some(now);
    let id = d.id.clone();
    put(&mut p.deals, d, |x| x.id == id);
    true
}

pub fn remove_deal(p: &mut Plan, id: &DealId) -> bool {
    let before = p.deals.len();
    p.deals.retain(|d| &d.id != id);
    p.deals.len() != before
}

/// Adds the response or replaces the one with the same id. Refused for a missing
/// account or a score above 10; a contact of another account is unlinked.
pub fn put_nps(p: &mut Plan, mut r: NpsResponse) -> bool {
    if !has_account(p, &r.account) || r.score > 10 {
        return false;
    }
    if r.contact.as_ref().is_some_and(|c| !p.contacts.iter().any(|x| &x.id == c && x.account == r.account)) {
        r.contact = None;
    }
    r.comment = r.comment.trim().to_string();
    let id = r.id.clone();
    put(&mut p.nps_responses, r, |x| x.id == id);
    true
}

pub fn remove_nps(p: &mut Plan, id: &NpsId) -> bool {
    let before = p.nps_responses.len();
    p.nps_responses.retain(|r| &r.id != id);
    p.nps_responses.len() != before
}

#[cfg(test)]
mod tests {
    use super::super::{apply, Change};
    use crate::domain::*;

    fn now() -> Timestamp {
        Timestamp::parse("2026-11-23T09:00:00Z").unwrap()
    }

    fn demo() -> Plan {
        crate::demo::demo_plan(PlanId("d".into()), Date::from_ymd(2026, 11, 23).unwrap(), now())
    }

    fn still_valid(p: &Plan) {
        let text = crate::plan_file::to_file_text(p, now());
        assert!(crate::plan_file::read_plan_text(&text, crate::plan_file::Mode::Strict).is_ok(), "the edited plan must stay valid");
    }

    fn day(s: &str) -> Date {
        Date::parse(s).unwrap()
    }

    fn campaign(id: &str, targets: Vec<AccountId>) -> Campaign {
        Campaign {
            id: CampaignId(id.into()),
            name: " Autumn webinar ".into(),
            channel: Channel::Builtin(BuiltinChannel::Events),
            start: day("2026-10-01"),
            end: Some(day("2026-10-31")),
            cost: Money::from_major(300_000),
            targets,
            content: vec![ContentId("missing".into())],
            owner: Some(MemberId("nobody".into())),
            notes: String::new(),
            updated_at: None,
        }
    }

    #[test]
    fn campaigns_are_put_cleaned_and_removed_with_their_links() {
        let p = demo();
        let first = p.accounts[0].id.clone();
        let c = campaign("cmp_new", vec![first.clone(), first.clone(), AccountId("gone".into())]);
        let after = apply(&p, Change::PutCampaign(Box::new(c.clone())), now());
        let put = after.campaigns.iter().find(|x| x.id.as_str() == "cmp_new").unwrap();
        assert_eq!(put.name, "Autumn webinar");
        assert_eq!(put.targets, vec![first], "missing and repeated targets are dropped");
        assert!(put.content.is_empty() && put.owner.is_none());
        still_valid(&after);

        let mut bad = c.clone();
        bad.end = Some(day("2026-09-01"));
        assert_eq!(apply(&p, Change::PutCampaign(Box::new(bad)), now()), p, "an end before the start is refused");
        let mut bad = c.clone();
        bad.name = "  ".into();
        assert_eq!(apply(&p, Change::PutCampaign(Box::new(bad)), now()), p);
        let mut bad = c;
        bad.channel = Channel::Custom(ChannelId("nope".into()));
        assert_eq!(apply(&p, Change::PutCampaign(Box::new(bad)), now()), p, "unknown own channel");

        // Removing a demo campaign unlinks its activities and deals.
        let used = p.activities.iter().find_map(|a| a.campaign.clone()).expect("the demo links activities to campaigns");
        let after = apply(&p, Change::RemoveCampaign(used.clone()), now());
        assert!(!after.campaigns.iter().any(|c| c.id == used));
        assert!(after.activities.iter().all(|a| a.campaign.as_ref() != Some(&used)));
        assert!(after.deals.iter().all(|d| d.campaign.as_ref() != Some(&used)));
        assert_eq!(after.activities.len(), p.activities.len(), "the activities themselves stay");
        still_valid(&after);
        assert_eq!(apply(&after, Change::RemoveCampaign(used), now()), after);
    }

    #[test]
    fn activities_need_an_account_and_keep_only_links_that_fit() {
        let p = demo();
        let a0 = p.accounts[0].id.clone();
        let other_contact = p.contacts.iter().find(|c| c.account != a0).unwrap().id.clone();
        let act = Activity {
            id: ActivityId("act_new".into()),
            account: a0.clone(),
            contact: Some(other_contact),
            kind: ActivityKind::VideoView,
            at: now(),
            campaign: Some(CampaignId("gone".into())),
            content: Some(ContentId("gone".into())),
            count: Some(1),
            progress: Some(250),
            note: " watched ".into(),
        };
        let after = apply(&p, Change::PutActivity(Box::new(act.clone())), now());
        let put = after.activities.iter().find(|x| x.id.as_str() == "act_new").unwrap();
        assert_eq!((put.contact.clone(), put.campaign.clone(), put.content.clone()), (None, None, None));
        assert_eq!((put.count, put.progress, put.note.as_str()), (None, Some(100), "watched"));
        still_valid(&after);
        let mut orphan = act;
        orphan.account = AccountId("gone".into());
        assert_eq!(apply(&p, Change::PutActivity(Box::new(orphan)), now()), p);

        let two: Vec<ActivityId> = p.activities.iter().take(2).map(|a| a.id.clone()).collect();
        let after = apply(&p, Change::RemoveActivities(two), now());
        assert_eq!(after.activities.len(), p.activities.len() - 2);
        assert_eq!(apply(&after, Change::RemoveActivities(vec![ActivityId("gone".into())]), now()), after);
    }

    #[test]
    fn deals_are_consistent_about_closing() {
        let p = demo();
        let a0 = p.accounts[0].id.clone();
        let open =
            Deal { stage: DealStage::Closed, ..Deal::new(DealId("deal_new".into()), a0, "  Renewal 2027 ", Money::from_major(1_000_000), day("2026-11-01")) };
        let after = apply(&p, Change::PutDeal(Box::new(open.clone())), now());
        let put = after.deals.iter().find(|d| d.id.as_str() == "deal_new").unwrap();
        assert_eq!(put.name, "Renewal 2027");
        assert_eq!(put.stage, DealStage::Negotiation, "an open deal is not at the closed stage");
        still_valid(&after);

        let won_without_date = Deal { outcome: Outcome::Won, ..open.clone() };
        assert_eq!(apply(&p, Change::PutDeal(Box::new(won_without_date)), now()), p, "a won deal needs its close date");
        let closed_early = Deal { outcome: Outcome::Won, closed: Some(day("2026-10-01")), ..open.clone() };
        assert_eq!(apply(&p, Change::PutDeal(Box::new(closed_early)), now()), p);
        let negative = Deal { amount: Money::from_major(-1), ..open.clone() };
        assert_eq!(apply(&p, Change::PutDeal(Box::new(negative)), now()), p);

        let won = Deal { outcome: Outcome::Won, closed: Some(day("2026-11-20")), ..open };
        let after = apply(&after, Change::PutDeal(Box::new(won)), now());
        let put = after.deals.iter().find(|d| d.id.as_str() == "deal_new").unwrap();
        assert_eq!((put.outcome, put.stage), (Outcome::Won, DealStage::Closed));
        assert_eq!(after.deals.len(), p.deals.len() + 1, "replaced by id, not added twice");
        let after = apply(&after, Change::RemoveDeal(DealId("deal_new".into())), now());
        assert_eq!(after.deals.len(), p.deals.len());
    }

    #[test]
    fn nps_scores_stay_within_zero_to_ten() {
        let p = demo();
        let a0 = p.accounts[0].id.clone();
        let r = NpsResponse { id: NpsId("nps_new".into()), account: a0, contact: None, score: 9, at: day("2026-11-20"), comment: " good ".into() };
        let after = apply(&p, Change::PutNps(r.clone()), now());
        assert_eq!(after.nps_responses.last().unwrap().comment, "good");
        still_valid(&after);
        assert_eq!(apply(&p, Change::PutNps(NpsResponse { score: 11, ..r }), now()), p);
        let after = apply(&after, Change::RemoveNps(NpsId("nps_new".into())), now());
        assert_eq!(after.nps_responses.len(), p.nps_responses.len());
    }
}
