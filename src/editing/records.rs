//! Edits of the measured records: campaigns, activities, deals and NPS responses.
//! A record is held to its own rules (`domain::Rules`, which `plan_file::validate`
//! uses too); here, its links: a record that names a missing account is refused,
//! links to other missing records are dropped, and removing a record unlinks it
//! everywhere. Each refuses with `NothingToChange` when nothing applies, so no
//! empty step enters the undo history.

use crate::domain::lists::{edit_where, put};
use crate::domain::*;
use std::collections::HashSet;

fn has_account(p: &Plan, id: &AccountId) -> Result<(), Refusal> {
    if p.accounts.iter().any(|a| &a.id == id) {
        Ok(())
    } else {
        Err(Refusal::Missing("account", Collection::Accounts))
    }
}

fn changed(did: bool) -> Result<(), Refusal> {
    if did {
        Ok(())
    } else {
        Err(Refusal::NothingToChange)
    }
}

/// Adds the campaign or replaces the one with the same id. Refused by its own
/// rules or for a channel that does not exist; targets and content that no
/// longer exist are dropped.
pub fn put_campaign(p: &mut Plan, c: Campaign, now: Timestamp) -> Result<(), Refusal> {
    let mut c = c.checked()?;
    if let Channel::Custom(id) = &c.channel {
        if !p.custom_channels.iter().any(|x| &x.id == id) {
            return Err(Refusal::Missing("channel", Collection::CustomChannels));
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
    Ok(())
}

/// Deletes a campaign; activities and deals it sourced stay, unlinked.
pub fn remove_campaign(p: &mut Plan, id: &CampaignId) -> Result<(), Refusal> {
    changed(p.campaigns.iter().any(|c| &c.id == id))?;
    p.campaigns.retain(|c| &c.id != id);
    let mine = |c: &Option<CampaignId>| c.as_ref() == Some(id);
    edit_where(&mut p.activities, |a| mine(&a.campaign), |a| a.campaign = None);
    edit_where(&mut p.deals, |d| mine(&d.campaign), |d| d.campaign = None);
    Ok(())
}

/// Adds the activity or replaces the one with the same id. Refused by its own
/// rules or for a missing account; a contact of another account, a missing
/// campaign or content asset is unlinked.
pub fn put_activity(p: &mut Plan, a: Activity) -> Result<(), Refusal> {
    let mut a = a.checked()?;
    has_account(p, &a.account)?;
    if a.contact.as_ref().is_some_and(|c| !p.contacts.iter().any(|x| &x.id == c && x.account == a.account)) {
        a.contact = None;
    }
    if a.campaign.as_ref().is_some_and(|c| !p.campaigns.iter().any(|x| &x.id == c)) {
        a.campaign = None;
    }
    if a.content.as_ref().is_some_and(|c| !p.content.iter().any(|x| &x.id == c)) {
        a.content = None;
    }
    let id = a.id.clone();
    put(&mut p.activities, a, |x| x.id == id);
    Ok(())
}

pub fn remove_activities(p: &mut Plan, ids: &[ActivityId]) -> Result<(), Refusal> {
    let gone: HashSet<&ActivityId> = ids.iter().collect();
    let before = p.activities.len();
    p.activities.retain(|a| !gone.contains(&a.id));
    changed(p.activities.len() != before)
}

/// Adds the deal or replaces the one with the same id. Refused by its own rules
/// (`Rules for Deal`: a name, no negative amount, a decided deal's close date,
/// not before its creation) or for a missing account.
pub fn put_deal(p: &mut Plan, d: Deal, now: Timestamp) -> Result<(), Refusal> {
    let mut d = d.checked()?;
    has_account(p, &d.account)?;
    if d.campaign.as_ref().is_some_and(|c| !p.campaigns.iter().any(|x| &x.id == c)) {
        d.campaign = None;
    }
    if d.owner.as_ref().is_some_and(|o| !p.team.iter().any(|m| &m.id == o)) {
        d.owner = None;
    }
    d.updated_at = Some(now);
    let id = d.id.clone();
    put(&mut p.deals, d, |x| x.id == id);
    Ok(())
}

pub fn remove_deal(p: &mut Plan, id: &DealId) -> Result<(), Refusal> {
    let before = p.deals.len();
    p.deals.retain(|d| &d.id != id);
    changed(p.deals.len() != before)
}

/// Adds the response or replaces the one with the same id. Refused by its own
/// rules (a score of 0–10) or for a missing account; a contact of another
/// account is unlinked.
pub fn put_nps(p: &mut Plan, r: NpsResponse) -> Result<(), Refusal> {
    let mut r = r.checked()?;
    has_account(p, &r.account)?;
    if r.contact.as_ref().is_some_and(|c| !p.contacts.iter().any(|x| &x.id == c && x.account == r.account)) {
        r.contact = None;
    }
    let id = r.id.clone();
    put(&mut p.nps_responses, r, |x| x.id == id);
    Ok(())
}

pub fn remove_nps(p: &mut Plan, id: &NpsId) -> Result<(), Refusal> {
    let before = p.nps_responses.len();
    p.nps_responses.retain(|r| &r.id != id);
    changed(p.nps_responses.len() != before)
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
        let after = apply(&p, Change::PutCampaign(Box::new(c.clone())), now()).unwrap();
        let put = after.campaigns.iter().find(|x| x.id.as_str() == "cmp_new").unwrap();
        assert_eq!(put.name, "Autumn webinar");
        assert_eq!(put.targets, vec![first], "missing and repeated targets are dropped");
        assert!(put.content.is_empty() && put.owner.is_none());
        still_valid(&after);

        let mut bad = c.clone();
        bad.end = Some(day("2026-09-01"));
        assert_eq!(apply(&p, Change::PutCampaign(Box::new(bad)), now()), Err(Refusal::BeforeStart("end", "start")), "an end before the start is refused");
        let mut bad = c.clone();
        bad.name = "  ".into();
        assert_eq!(apply(&p, Change::PutCampaign(Box::new(bad)), now()), Err(Refusal::Empty("name")));
        let mut bad = c;
        bad.channel = Channel::Custom(ChannelId("nope".into()));
        assert_eq!(apply(&p, Change::PutCampaign(Box::new(bad)), now()), Err(Refusal::Missing("channel", Collection::CustomChannels)), "unknown own channel");

        // Removing a demo campaign unlinks its activities and deals.
        let used = p.activities.iter().find_map(|a| a.campaign.clone()).expect("the demo links activities to campaigns");
        let after = apply(&p, Change::RemoveCampaign(used.clone()), now()).unwrap();
        assert!(!after.campaigns.iter().any(|c| c.id == used));
        assert!(after.activities.iter().all(|a| a.campaign.as_ref() != Some(&used)));
        assert!(after.deals.iter().all(|d| d.campaign.as_ref() != Some(&used)));
        assert_eq!(after.activities.len(), p.activities.len(), "the activities themselves stay");
        still_valid(&after);
        assert_eq!(apply(&after, Change::RemoveCampaign(used), now()), Err(Refusal::NothingToChange));
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
        assert_eq!(
            apply(&p, Change::PutActivity(Box::new(act.clone())), now()),
            Err(Refusal::TooLarge("progress", 100)),
            "a video is watched to 100 % at most"
        );
        let act = Activity { progress: Some(100), ..act };
        let after = apply(&p, Change::PutActivity(Box::new(act.clone())), now()).unwrap();
        let put = after.activities.iter().find(|x| x.id.as_str() == "act_new").unwrap();
        assert_eq!((put.contact.clone(), put.campaign.clone(), put.content.clone()), (None, None, None));
        assert_eq!((put.count, put.progress, put.note.as_str()), (None, Some(100), "watched"));
        still_valid(&after);
        let mut orphan = act;
        orphan.account = AccountId("gone".into());
        assert_eq!(apply(&p, Change::PutActivity(Box::new(orphan)), now()), Err(Refusal::Missing("account", Collection::Accounts)));

        let two: Vec<ActivityId> = p.activities.iter().take(2).map(|a| a.id.clone()).collect();
        let after = apply(&p, Change::RemoveActivities(two), now()).unwrap();
        assert_eq!(after.activities.len(), p.activities.len() - 2);
        assert_eq!(apply(&after, Change::RemoveActivities(vec![ActivityId("gone".into())]), now()), Err(Refusal::NothingToChange));
    }

    #[test]
    fn deals_are_consistent_about_closing() {
        let p = demo();
        let a0 = p.accounts[0].id.clone();
        let open =
            Deal { stage: DealStage::Closed, ..Deal::new(DealId("deal_new".into()), a0, "  Renewal 2027 ", Money::from_major(1_000_000), day("2026-11-01")) };
        let after = apply(&p, Change::PutDeal(Box::new(open.clone())), now()).unwrap();
        let put = after.deals.iter().find(|d| d.id.as_str() == "deal_new").unwrap();
        assert_eq!(put.name, "Renewal 2027");
        assert_eq!(put.stage, DealStage::Negotiation, "an open deal is not at the closed stage");
        still_valid(&after);

        let won_without_date = Deal { outcome: Outcome::Won, ..open.clone() };
        assert_eq!(apply(&p, Change::PutDeal(Box::new(won_without_date)), now()), Err(Refusal::NoCloseDate), "a won deal needs its close date");
        let closed_early = Deal { outcome: Outcome::Won, closed: Some(day("2026-10-01")), ..open.clone() };
        assert_eq!(apply(&p, Change::PutDeal(Box::new(closed_early)), now()), Err(Refusal::BeforeStart("closed", "created")));
        let negative = Deal { amount: Money::from_major(-1), ..open.clone() };
        assert_eq!(apply(&p, Change::PutDeal(Box::new(negative)), now()), Err(Refusal::Negative("amount")));

        let won = Deal { outcome: Outcome::Won, closed: Some(day("2026-11-20")), ..open };
        let after = apply(&after, Change::PutDeal(Box::new(won)), now()).unwrap();
        let put = after.deals.iter().find(|d| d.id.as_str() == "deal_new").unwrap();
        assert_eq!((put.outcome, put.stage), (Outcome::Won, DealStage::Closed));
        assert_eq!(after.deals.len(), p.deals.len() + 1, "replaced by id, not added twice");
        let after = apply(&after, Change::RemoveDeal(DealId("deal_new".into())), now()).unwrap();
        assert_eq!(after.deals.len(), p.deals.len());
    }

    #[test]
    fn nps_scores_stay_within_zero_to_ten() {
        let p = demo();
        let a0 = p.accounts[0].id.clone();
        let r = NpsResponse { id: NpsId("nps_new".into()), account: a0, contact: None, score: 9, at: day("2026-11-20"), comment: " good ".into() };
        let after = apply(&p, Change::PutNps(r.clone()), now()).unwrap();
        assert_eq!(after.nps_responses.last().unwrap().comment, "good");
        still_valid(&after);
        assert_eq!(apply(&p, Change::PutNps(NpsResponse { score: 11, ..r }), now()), Err(Refusal::TooLarge("score", 10)));
        let after = apply(&after, Change::RemoveNps(NpsId("nps_new".into())), now()).unwrap();
        assert_eq!(after.nps_responses.len(), p.nps_responses.len());
    }
}
