//! Campaign and channel ROI with the attribution model the user picks, and where
//! to move budget. Definitions in docs/kpis.md.
//!
//! A won deal's value is shared among the campaigns that touched its account
//! before it was won. A touch is a response (an activity whose kind earns
//! engagement points, so an email sent or an ad shown is not one) linked to a
//! campaign, on or before the deal's close date; a deal that names its campaign
//! also counts as a touch of that campaign on the day the deal was created.

use super::Period;
use super::{ActivityIndex, Map, Set};
use crate::domain::sorting;
use crate::domain::*;

#[derive(Clone, Debug, PartialEq)]
pub struct CampaignRoi {
    pub campaign: CampaignId,
    pub channel: Channel,
    pub cost: f64,
    /// Won value attributed to the campaign.
    pub revenue: f64,
    /// Won deals attributed (fractions under linear attribution).
    pub deals: f64,
    /// (revenue − cost) ÷ cost × 100; `None` without a cost.
    pub roi: Option<f64>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct ChannelRoi {
    pub channel: Channel,
    pub campaigns: usize,
    pub cost: f64,
    pub revenue: f64,
    pub roi: Option<f64>,
}

/// ROI of every campaign that ran in the period or earned value in it, and the
/// won value no campaign touched.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct RoiReport {
    /// Best ROI first; campaigns without a cost last (by revenue).
    pub campaigns: Vec<CampaignRoi>,
    pub channels: Vec<ChannelRoi>,
    /// Won value in the period with no campaign touch.
    pub unattributed: f64,
}

/// A suggestion to move budget from the channel with the lowest ROI to the one
/// with the highest, as the KPI seed describes (events beating digital ads).
#[derive(Clone, Debug, PartialEq)]
pub struct BudgetMove {
    pub from: Channel,
    pub to: Channel,
    pub from_roi: f64,
    pub to_roi: f64,
}

/// ROI points between the best and the worst channel before a move is suggested.
pub const BUDGET_MOVE_GAP: f64 = 50.0;

fn roi(revenue: f64, cost: f64) -> Option<f64> {
    (cost > 0.0).then(|| (revenue - cost) / cost * 100.0)
}

/// Campaign touches of the `wanted` accounts, oldest first: (day, campaign).
/// Only accounts with a deal won in the period need them, so only theirs are
/// gathered (from the activity index, without hashing every activity's ids).
fn touches_by_account<'a>(plan: &'a Plan, index: &'a ActivityIndex, wanted: &Set<&'a AccountId>) -> Map<&'a AccountId, Vec<(Date, &'a CampaignId)>> {
    let points = &plan.settings.engagement.points;
    let mut by_position: Vec<Option<&AccountId>> = vec![None; index.accounts()];
    for id in wanted {
        if let Some(i) = index.position(id) {
            by_position[i as usize] = Some(*id);
        }
    }
    let mut by: Map<&AccountId, Vec<(Date, &CampaignId)>> = Map::default();
    for r in index.rows() {
        if r.campaign == super::index::NO_CAMPAIGN {
            continue;
        }
        let (Some(account), Some(c)) = (by_position[r.account as usize], index.campaign(r.campaign)) else { continue };
        let Some(at) = Timestamp::from_millis(r.millis) else { continue };
        if points.get(&r.kind).copied().unwrap_or(0.0) > 0.0 {
            by.entry(account).or_default().push((at.date(), c));
        }
    }
    for d in plan.deals.iter().filter(|d| wanted.contains(&d.account)) {
        if let Some(c) = &d.campaign {
            by.entry(&d.account).or_default().push((d.created, c));
        }
    }
    for v in by.values_mut() {
        sorting::sort(v);
    }
    by
}

/// Attributed (value, deals) per campaign for the deals won in the period, and the
/// value nothing touched.
pub fn attribute<'a>(plan: &'a Plan, index: &'a ActivityIndex, period: &Period, model: Attribution) -> (Map<&'a CampaignId, (f64, f64)>, f64) {
    let won_accounts: Set<&AccountId> =
        plan.deals.iter().filter(|d| d.outcome == Outcome::Won && d.closed.is_some_and(|c| period.contains(c))).map(|d| &d.account).collect();
    let touches = touches_by_account(plan, index, &won_accounts);
    let mut out: Map<&CampaignId, (f64, f64)> = Map::default();
    let mut unattributed = 0.0;
    let won = plan.deals.iter().filter(|d| d.outcome == Outcome::Won && d.closed.is_some_and(|c| period.contains(c)));
    for d in won {
        let value = d.amount.to_f64();
        let close = d.closed.unwrap_or(d.created);
        let before: &[(Date, &CampaignId)] = touches.get(&d.account).map(|t| &t[..t.partition_point(|(day, _)| *day <= close)]).unwrap_or(&[]);
        let (Some(first), Some(last)) = (before.first(), before.last()) else {
            unattributed += value;
            continue;
        };
        let mut credit = |c, share: f64| {
            let e = out.entry(c).or_default();
            e.0 += value * share;
            e.1 += share;
        };
        match model {
            Attribution::FirstTouch => credit(first.1, 1.0),
            Attribution::LastTouch => credit(last.1, 1.0),
            Attribution::Linear => {
                let share = 1.0 / before.len() as f64;
                for (_, c) in before {
                    credit(c, share);
                }
            }
        }
    }
    (out, unattributed)
}

fn ran_in(c: &Campaign, period: &Period) -> bool {
    c.start <= period.end && c.end.is_none_or(|e| e >= period.start)
}

/// Campaign and channel ROI for the deals won in the period, under `model`.
/// Each campaign's cost counts in full.
pub fn roi_report(plan: &Plan, index: &ActivityIndex, period: &Period, model: Attribution) -> RoiReport {
    let (attributed, unattributed) = attribute(plan, index, period, model);
    let mut campaigns: Vec<CampaignRoi> = plan
        .campaigns
        .iter()
        .filter_map(|c| {
            let (revenue, deals) = attributed.get(&c.id).copied().unwrap_or_default();
            (ran_in(c, period) || deals > 0.0).then(|| {
                let cost = c.cost.to_f64();
                CampaignRoi { campaign: c.id.clone(), channel: c.channel.clone(), cost, revenue, deals, roi: roi(revenue, cost) }
            })
        })
        .collect();
    sorting::sort_by(&mut campaigns, |a, b| {
        match (a.roi, b.roi) {
            (Some(x), Some(y)) => y.total_cmp(&x),
            (Some(_), None) => std::cmp::Ordering::Less,
            (None, Some(_)) => std::cmp::Ordering::Greater,
            (None, None) => b.revenue.total_cmp(&a.revenue),
        }
        .then_with(|| a.campaign.cmp(&b.campaign))
    });
    let mut channels: Vec<ChannelRoi> = Vec::new();
    for c in &campaigns {
        match channels.iter_mut().find(|ch| ch.channel == c.channel) {
            Some(ch) => {
                ch.campaigns += 1;
                ch.cost += c.cost;
                ch.revenue += c.revenue;
            }
            None => channels.push(ChannelRoi { channel: c.channel.clone(), campaigns: 1, cost: c.cost, revenue: c.revenue, roi: None }),
        }
    }
    for ch in &mut channels {
        ch.roi = roi(ch.revenue, ch.cost);
    }
    sorting::sort_by(&mut channels, |a, b| {
        b.roi.unwrap_or(f64::NEG_INFINITY).total_cmp(&a.roi.unwrap_or(f64::NEG_INFINITY)).then_with(|| a.channel.cmp(&b.channel))
    });
    RoiReport { campaigns, channels, unattributed }
}

/// Move budget from the worst channel to the best when their ROI differs by at
/// least [`BUDGET_MOVE_GAP`] points; `None` with fewer than two costed channels.
pub fn budget_move(channels: &[ChannelRoi]) -> Option<BudgetMove> {
    let costed: Vec<(&ChannelRoi, f64)> = channels.iter().filter_map(|c| c.roi.map(|r| (c, r))).collect();
    let best = costed.iter().max_by(|a, b| a.1.total_cmp(&b.1).then_with(|| b.0.channel.cmp(&a.0.channel)))?;
    let worst = costed.iter().min_by(|a, b| a.1.total_cmp(&b.1).then_with(|| b.0.channel.cmp(&a.0.channel)))?;
    (best.0.channel != worst.0.channel && best.1 - worst.1 >= BUDGET_MOVE_GAP).then(|| BudgetMove {
        from: worst.0.channel.clone(),
        to: best.0.channel.clone(),
        from_roi: worst.1,
        to_roi: best.1,
    })
}

#[cfg(test)]
mod tests {
    use super::super::fixtures::*;
    use super::*;

    fn campaign(id: &str, channel: BuiltinChannel, cost: i64, start: u32) -> Campaign {
        Campaign {
            id: CampaignId(id.into()),
            name: id.into(),
            channel: Channel::Builtin(channel),
            start: day(start),
            end: None,
            cost: Money::from_major(cost),
            targets: vec![],
            content: vec![],
            owner: None,
            notes: String::new(),
            updated_at: None,
        }
    }

    fn touch(account: &str, kind: ActivityKind, on: u32, campaign: &str) -> Activity {
        Activity { campaign: Some(CampaignId(campaign.into())), ..activity(account, kind, on, None) }
    }

    /// Account a: webinar (events) on the 2nd, ad click on the 5th, download from
    /// the webinar campaign on the 8th, an ad impression (no response) on the 9th;
    /// won 1,200,000 on the 10th. Account b: no touches, won 300,000.
    fn plan() -> Plan {
        let mut p = plan_with(vec![
            touch("a", ActivityKind::WebinarAttended, 2, "cmp_events"),
            touch("a", ActivityKind::AdClick, 5, "cmp_ads"),
            touch("a", ActivityKind::ContentDownload, 8, "cmp_events"),
            touch("a", ActivityKind::AdImpression, 9, "cmp_ads"),
            touch("a", ActivityKind::Meeting, 20, "cmp_ads"),
        ]);
        p.campaigns.push_back(campaign("cmp_events", BuiltinChannel::Events, 200_000, 1));
        p.campaigns.push_back(campaign("cmp_ads", BuiltinChannel::Ads, 600_000, 1));
        p.deals.push_back(deal("d1", "a", DealKind::New, 1_200_000, day(1), Some(day(10)), Outcome::Won));
        p.deals.push_back(deal("d2", "b", DealKind::New, 300_000, day(3), Some(day(12)), Outcome::Won));
        p
    }

    fn revenue_of(r: &RoiReport, id: &str) -> f64 {
        r.campaigns.iter().find(|c| c.campaign.as_str() == id).map(|c| c.revenue).unwrap_or(f64::NAN)
    }

    #[test]
    fn first_touch_gives_everything_to_the_earliest_response() {
        let r = roi_report(&plan(), &ActivityIndex::new(&plan()), &november(), Attribution::FirstTouch);
        assert_eq!(revenue_of(&r, "cmp_events"), 1_200_000.0);
        assert_eq!(revenue_of(&r, "cmp_ads"), 0.0);
        assert_eq!(r.unattributed, 300_000.0);
        // (1,200,000 − 200,000) ÷ 200,000 = 500 %; ads: −100 %.
        assert_eq!(r.campaigns[0].roi, Some(500.0));
        assert_eq!(r.campaigns[1].roi, Some(-100.0));
    }

    #[test]
    fn last_touch_ignores_touches_after_the_win_and_non_responses() {
        // The last response before the 10th is the download (events); the ad
        // impression on the 9th is not a response and the meeting came after.
        let r = roi_report(&plan(), &ActivityIndex::new(&plan()), &november(), Attribution::LastTouch);
        assert_eq!(revenue_of(&r, "cmp_events"), 1_200_000.0);
        assert_eq!(revenue_of(&r, "cmp_ads"), 0.0);
    }

    #[test]
    fn linear_shares_the_value_per_touch() {
        // Three responses before the win: events twice, ads once.
        let r = roi_report(&plan(), &ActivityIndex::new(&plan()), &november(), Attribution::Linear);
        assert!((revenue_of(&r, "cmp_events") - 800_000.0).abs() < 1e-6);
        assert!((revenue_of(&r, "cmp_ads") - 400_000.0).abs() < 1e-6);
        let events = r.channels.iter().find(|c| c.channel == Channel::Builtin(BuiltinChannel::Events)).map(|c| c.roi);
        assert_eq!(events, Some(Some(300.0)));
        // Ads: (400,000 − 600,000) ÷ 600,000 = −33.3 %.
        let ads = r.channels.iter().find(|c| c.channel == Channel::Builtin(BuiltinChannel::Ads)).and_then(|c| c.roi).unwrap_or(f64::NAN);
        assert!((ads + 100.0 / 3.0).abs() < 1e-9);
        let shares: f64 = r.campaigns.iter().map(|c| c.deals).sum();
        assert!((shares - 1.0).abs() < 1e-9, "one deal shared out in full");
    }

    #[test]
    fn a_deal_naming_its_campaign_counts_as_a_touch_on_its_creation_day() {
        let mut p = plan();
        p.deals[1].campaign = Some(CampaignId("cmp_ads".into()));
        let r = roi_report(&p, &ActivityIndex::new(&p), &november(), Attribution::FirstTouch);
        assert_eq!(r.unattributed, 0.0);
        assert_eq!(revenue_of(&r, "cmp_ads"), 300_000.0);
    }

    #[test]
    fn budget_moves_from_ads_to_events_as_in_the_seed() {
        let r = roi_report(&plan(), &ActivityIndex::new(&plan()), &november(), Attribution::Linear);
        let m = budget_move(&r.channels);
        assert_eq!(m.map(|m| (m.from, m.to)), Some((Channel::Builtin(BuiltinChannel::Ads), Channel::Builtin(BuiltinChannel::Events))));
    }

    #[test]
    fn no_budget_move_when_channels_are_close_or_alone() {
        let close = [
            ChannelRoi { channel: Channel::Builtin(BuiltinChannel::Ads), campaigns: 1, cost: 1.0, revenue: 2.0, roi: Some(100.0) },
            ChannelRoi { channel: Channel::Builtin(BuiltinChannel::Events), campaigns: 1, cost: 1.0, revenue: 2.2, roi: Some(120.0) },
        ];
        assert_eq!(budget_move(&close), None);
        assert_eq!(budget_move(&close[..1]), None);
        assert_eq!(budget_move(&[]), None);
    }

    #[test]
    fn campaigns_without_cost_have_no_roi_and_outside_the_period_are_left_out() {
        let mut p = plan();
        p.campaigns[1].cost = Money::default();
        p.campaigns.push_back(Campaign { end: Some(day(1).add_days(-40)), ..campaign("cmp_old", BuiltinChannel::Email, 100, 1) });
        p.campaigns[2].start = day(1).add_days(-60);
        let r = roi_report(&p, &ActivityIndex::new(&p), &november(), Attribution::Linear);
        assert!(r.campaigns.iter().all(|c| c.campaign.as_str() != "cmp_old"));
        let ads = r.campaigns.iter().find(|c| c.campaign.as_str() == "cmp_ads").map(|c| c.roi);
        assert_eq!(ads, Some(None));
        assert_eq!(r.campaigns.last().map(|c| c.campaign.as_str()), Some("cmp_ads"), "no-cost campaigns come last");
    }

    /// On the demo plan, every won yen is either attributed or unattributed, under
    /// every model and period.
    #[test]
    fn attributed_and_unattributed_add_up_to_the_won_revenue() {
        let today = Date::from_ymd(2026, 11, 23).unwrap();
        let p = crate::demo::demo_plan(PlanId("d".into()), today, today.at(9, 0));
        let index = ActivityIndex::new(&p);
        for period in [Period::last_days(today, 90), Period::last_days(today, 365), Period::last_days(today, 730)] {
            let won = super::super::revenue_summary(&p, &period).total;
            for model in [Attribution::FirstTouch, Attribution::LastTouch, Attribution::Linear] {
                let (by, unattributed) = attribute(&p, &index, &period, model);
                let total: f64 = by.values().map(|v| v.0).sum::<f64>() + unattributed;
                assert!((total - won).abs() < 0.01, "{model:?} {period:?}: {total} vs {won}");
            }
        }
        let (by, _) = attribute(&p, &index, &Period::last_days(today, 730), Attribution::Linear);
        assert!(!by.is_empty(), "the demo's campaigns earn something");
    }
}
