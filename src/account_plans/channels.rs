//! Which channels an account responds to, from its own history.
//!
//! A response is an activity that earns engagement points (an open, a click, a
//! webinar attended, a meeting; not an email sent or an ad shown). It belongs to
//! its campaign's channel when it has one, otherwise to the channel its kind
//! implies (a meeting is field sales, a webinar an event). Web visits and
//! downloads outside a campaign belong to no channel. Each response is weighted
//! by its points and halved every half-life of age, as the engagement score is.

use crate::domain::sorting;
use crate::domain::*;
use std::collections::HashMap;

#[derive(Clone, Debug, PartialEq)]
pub struct ChannelResponse {
    pub channel: Channel,
    pub responses: u32,
    /// Decayed engagement points.
    pub strength: f64,
    /// Strength relative to the strongest channel (0–1).
    pub share: f64,
    pub last: Timestamp,
}

/// The channel an activity of this kind implies, without a campaign.
pub fn activity_channel(kind: ActivityKind) -> Option<BuiltinChannel> {
    use ActivityKind::*;
    match kind {
        EmailSent | EmailOpened | EmailClicked => Some(BuiltinChannel::Email),
        WebinarRegistered | WebinarAttended | EventAttended => Some(BuiltinChannel::Events),
        Meeting | Call => Some(BuiltinChannel::FieldSales),
        SocialEngagement => Some(BuiltinChannel::Social),
        AdImpression | AdClick => Some(BuiltinChannel::Ads),
        WebVisit | ContentDownload | VideoView | FormSubmitted => None,
    }
}

/// The account's responses per channel, strongest first.
pub fn channel_responses(plan: &Plan, account: &AccountId, now: Timestamp) -> Vec<ChannelResponse> {
    let campaigns: HashMap<&CampaignId, &Channel> = plan.campaigns.iter().map(|c| (&c.id, &c.channel)).collect();
    let model = &plan.settings.engagement;
    let half_life = f64::from(model.half_life_days.max(1));
    let mut by_channel: Vec<ChannelResponse> = Vec::new();
    for a in plan.activities.iter().filter(|a| &a.account == account) {
        let points = model.points.get(&a.kind).copied().unwrap_or(0.0);
        if !(points.is_finite() && points > 0.0) {
            continue;
        }
        let channel = match a.campaign.as_ref().and_then(|c| campaigns.get(c)) {
            Some(c) => (*c).clone(),
            None => match activity_channel(a.kind) {
                Some(b) => Channel::Builtin(b),
                None => continue,
            },
        };
        let age_days = ((now.millis() - a.at.millis()) as f64 / 86_400_000.0).max(0.0);
        let weight = points * f64::from(a.count.unwrap_or(1).max(1)) * 0.5f64.powf(age_days / half_life);
        match by_channel.iter_mut().find(|r| r.channel == channel) {
            Some(r) => {
                r.responses += 1;
                r.strength += weight;
                r.last = r.last.max(a.at);
            }
            None => by_channel.push(ChannelResponse { channel, responses: 1, strength: weight, share: 0.0, last: a.at }),
        }
    }
    let best = by_channel.iter().map(|r| r.strength).fold(0.0, f64::max);
    for r in &mut by_channel {
        r.share = if best > 0.0 { r.strength / best } else { 0.0 };
    }
    sorting::sort_by(&mut by_channel, |a, b| b.strength.total_cmp(&a.strength).then_with(|| a.channel.cmp(&b.channel)));
    by_channel
}

/// Channels worth adding to the mix: at least a quarter as strong as the best
/// channel, and not in the mix yet.
pub fn suggested_channels<'a>(responses: &'a [ChannelResponse], mix: &[Channel]) -> Vec<&'a ChannelResponse> {
    responses.iter().filter(|r| r.share >= 0.25 && !mix.contains(&r.channel)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(day: u32) -> Timestamp {
        Date::from_ymd(2026, 11, day).unwrap().at(10, 0)
    }

    fn activity(id: &str, kind: ActivityKind, day: u32, campaign: Option<&str>) -> Activity {
        Activity {
            id: ActivityId(id.into()),
            account: AccountId("a".into()),
            contact: None,
            kind,
            at: at(day),
            campaign: campaign.map(|c| CampaignId(c.into())),
            content: None,
            count: None,
            progress: None,
            note: String::new(),
        }
    }

    fn plan() -> Plan {
        let mut p = Plan::new(PlanId("p".into()), "P", at(1));
        p.campaigns.push_back(Campaign {
            id: CampaignId("expo".into()),
            name: "Expo".into(),
            channel: Channel::Builtin(BuiltinChannel::Events),
            start: Date::from_ymd(2026, 10, 1).unwrap(),
            end: None,
            cost: Money::default(),
            targets: vec![],
            content: vec![],
            owner: None,
            notes: String::new(),
            updated_at: None,
        });
        p
    }

    #[test]
    fn responses_are_weighted_decayed_and_ranked() {
        let mut p = plan();
        p.settings.engagement.half_life_days = 10;
        p.activities.extend([
            activity("1", ActivityKind::EmailOpened, 20, None),             // 1 point, 10 days old: 0.5
            activity("2", ActivityKind::EmailSent, 20, None),               // no points: not a response
            activity("3", ActivityKind::Meeting, 30, None),                 // 10 points, today: 10
            activity("4", ActivityKind::ContentDownload, 30, Some("expo")), // 5 points via the campaign
            activity("5", ActivityKind::WebVisit, 30, None),                // no channel
        ]);
        let r = channel_responses(&p, &AccountId("a".into()), at(30));
        let got: Vec<(&str, u32, f64)> = r.iter().map(|r| (r.channel.key(), r.responses, (r.strength * 100.0).round() / 100.0)).collect();
        assert_eq!(got, [("fieldSales", 1, 10.0), ("events", 1, 5.0), ("email", 1, 0.5)]);
        assert_eq!(r[1].share, 0.5);
        let suggested: Vec<&str> = suggested_channels(&r, &[Channel::Builtin(BuiltinChannel::FieldSales)]).iter().map(|r| r.channel.key()).collect();
        assert_eq!(suggested, ["events"], "email is too weak, field sales already in the mix");
    }

    #[test]
    fn an_account_without_history_has_no_suggestions() {
        let p = plan();
        assert!(channel_responses(&p, &AccountId("a".into()), at(30)).is_empty());
    }
}
