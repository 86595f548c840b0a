//! Engagement: email open and click rates, web visits, the engagement score with
//! time decay, engaged accounts and the engagement rate. Definitions in
//! docs/kpis.md.

use super::{times, ActivityIndex, Period};
use super::{Map, Set};
use crate::domain::*;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct EmailRates {
    pub sent: u64,
    pub opened: u64,
    pub clicked: u64,
}

impl EmailRates {
    /// Opened ÷ sent, in %; `None` when nothing was sent.
    pub fn open_rate(&self) -> Option<f64> {
        (self.sent > 0).then(|| self.opened as f64 * 100.0 / self.sent as f64)
    }

    /// Clicked ÷ sent, in %; `None` when nothing was sent.
    pub fn click_rate(&self) -> Option<f64> {
        (self.sent > 0).then(|| self.clicked as f64 * 100.0 / self.sent as f64)
    }
}

/// Email counts of the activities in the period (filter them first for one
/// account or one campaign).
pub fn email_rates<'a>(activities: impl IntoIterator<Item = &'a Activity>, period: &Period) -> EmailRates {
    let mut r = EmailRates::default();
    let within = period.instants();
    for a in activities.into_iter().filter(|a| within.holds(a.at)) {
        match a.kind {
            ActivityKind::EmailSent => r.sent += times(a),
            ActivityKind::EmailOpened => r.opened += times(a),
            ActivityKind::EmailClicked => r.clicked += times(a),
            _ => {}
        }
    }
    r
}

pub fn web_visits<'a>(activities: impl IntoIterator<Item = &'a Activity>, period: &Period) -> u64 {
    activity_count(activities, period, ActivityKind::WebVisit)
}

/// Activities of one kind in the period, times their count (meetings, visits,
/// downloads…).
pub fn activity_count<'a>(activities: impl IntoIterator<Item = &'a Activity>, period: &Period, kind: ActivityKind) -> u64 {
    let within = period.instants();
    activities.into_iter().filter(|a| a.kind == kind && within.holds(a.at)).map(times).sum()
}

/// Each account's engagement score at `at`: every activity of the last
/// `journey.windowDays` days earns its kind's points (times its count), halved
/// every `engagement.halfLifeDays` days of age. Accounts without activity have no
/// entry (their score is 0).
pub fn engagement_scores(plan: &Plan, at: Timestamp) -> Map<&AccountId, f64> {
    let model = &plan.settings.engagement;
    let half_life = f64::from(model.half_life_days.max(1));
    let window = f64::from(plan.settings.journey.window_days);
    let mut scores: Map<&AccountId, f64> = Map::default();
    for a in plan.activities.iter() {
        let age = (at.millis() - a.at.millis()) as f64 / 86_400_000.0;
        if !(0.0..=window).contains(&age) {
            continue;
        }
        let points = model.points.get(&a.kind).copied().filter(|p| p.is_finite() && *p > 0.0).unwrap_or(0.0);
        if points == 0.0 {
            continue;
        }
        *scores.entry(&a.account).or_default() += points * times(a) as f64 * 0.5f64.powf(age / half_life);
    }
    scores
}

/// How many of `among` have a score of at least `min` (the journey's engaged threshold).
pub fn engaged_accounts(scores: &Map<&AccountId, f64>, among: &[AccountId], min: f64) -> usize {
    among.iter().filter(|id| scores.get(*id).is_some_and(|s| *s >= min)).count()
}

/// Share (%) of `among` that responded at least once in the period (an activity
/// earning engagement points: an open, a click, a visit, a meeting…; not an email
/// sent or an ad shown). `None` when `among` is empty.
pub fn engagement_rate(plan: &Plan, among: &[AccountId], period: &Period) -> Option<f64> {
    if among.is_empty() {
        return None;
    }
    let wanted: Set<&AccountId> = among.iter().collect();
    let points = &plan.settings.engagement.points;
    let within = period.instants();
    let responded: Set<&AccountId> = plan
        .activities
        .iter()
        .filter(|a| within.holds(a.at) && wanted.contains(&a.account))
        .filter(|a| points.get(&a.kind).is_some_and(|p| *p > 0.0))
        .map(|a| &a.account)
        .collect();
    Some(responded.len() as f64 / wanted.len() as f64 * 100.0)
}

/// Responses (activities earning engagement points, times their count) per week
/// of the period: one bucket per 7 days from its first day, the last one possibly
/// shorter. Each bucket is (first day, responses).
pub fn weekly_responses(plan: &Plan, index: &ActivityIndex, period: &Period) -> Vec<(Date, u64)> {
    let weeks = ((period.days() + 6) / 7).max(0) as usize;
    let mut out: Vec<(Date, u64)> = (0..weeks).map(|w| (period.start.add_days(w as i64 * 7), 0)).collect();
    let points = &plan.settings.engagement.points;
    let within = period.instants();
    const WEEK: i64 = 7 * 86_400_000;
    for r in index.within(within) {
        if !points.get(&r.kind).is_some_and(|p| *p > 0.0) {
            continue;
        }
        if let Some(bucket) = out.get_mut(((r.millis - within.from) / WEEK) as usize) {
            bucket.1 += u64::from(r.times);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::fixtures::*;
    use super::*;

    #[test]
    fn email_rates_count_bulk_records_and_stay_in_the_period() {
        let acts = [
            activity("a", ActivityKind::EmailSent, 10, Some(40)),
            activity("a", ActivityKind::EmailOpened, 11, Some(10)),
            activity("b", ActivityKind::EmailOpened, 12, None),
            activity("a", ActivityKind::EmailClicked, 12, Some(3)),
            activity("a", ActivityKind::EmailSent, 40, Some(100)), // outside
            activity("a", ActivityKind::WebVisit, 12, Some(7)),
            activity("b", ActivityKind::WebVisit, 13, None),
        ];
        let period = november();
        let r = email_rates(&acts, &period);
        assert_eq!(r, EmailRates { sent: 40, opened: 11, clicked: 3 });
        assert_eq!(r.open_rate(), Some(27.5));
        assert_eq!(r.click_rate(), Some(7.5));
        assert_eq!(EmailRates::default().open_rate(), None, "nothing sent: no rate, not 0 %");
        assert_eq!(web_visits(&acts, &period), 8);
    }

    #[test]
    fn scores_decay_by_half_life_and_ignore_the_future_and_the_old() {
        let mut p = plan_with(vec![
            activity("a", ActivityKind::Meeting, 20, None),         // 10 points, 10 days old
            activity("a", ActivityKind::ContentDownload, 30, None), // 5 points, today
            activity("a", ActivityKind::EmailSent, 30, Some(9)),    // no points
            activity("b", ActivityKind::WebVisit, 30, Some(2)),     // 2 × 2 points
            activity("c", ActivityKind::Meeting, 1, None),          // too old for a 20-day window
        ]);
        p.settings.engagement.half_life_days = 10;
        p.settings.journey.window_days = 20;
        let now = day(30).at(10, 0);
        let s = engagement_scores(&p, now);
        assert!((s[&AccountId("a".into())] - 10.0).abs() < 1e-9, "10 × ½ + 5 = 10: {s:?}");
        assert!((s[&AccountId("b".into())] - 4.0).abs() < 1e-9);
        assert!(!s.contains_key(&AccountId("c".into())));
        let among = [AccountId("a".into()), AccountId("b".into()), AccountId("c".into())];
        assert_eq!(engaged_accounts(&s, &among, 5.0), 1);
        assert_eq!(engaged_accounts(&s, &among, 4.0), 2);
    }

    #[test]
    fn the_engagement_rate_is_the_share_that_responded() {
        let p = plan_with(vec![
            activity("a", ActivityKind::EmailOpened, 5, None),
            activity("b", ActivityKind::EmailSent, 5, None), // not a response
            activity("c", ActivityKind::Meeting, 5, None),   // not among
        ]);
        let among = [AccountId("a".into()), AccountId("b".into())];
        assert_eq!(engagement_rate(&p, &among, &november()), Some(50.0));
        assert_eq!(engagement_rate(&p, &[], &november()), None);
    }

    #[test]
    fn responses_are_counted_per_week_of_the_period() {
        let p = plan_with(vec![
            activity("a", ActivityKind::EmailOpened, 1, None),
            activity("a", ActivityKind::EmailSent, 2, Some(50)), // not a response
            activity("b", ActivityKind::WebVisit, 7, Some(3)),
            activity("b", ActivityKind::Meeting, 8, None),
            activity("c", ActivityKind::Meeting, 30, None),
            activity("c", ActivityKind::Meeting, 31, None), // December
        ]);
        let w = weekly_responses(&p, &ActivityIndex::new(&p), &november());
        // 30 days: weeks from the 1st, 8th, 15th, 22nd and the 29th (two days).
        assert_eq!(w.iter().map(|(d, _)| d.to_string()).collect::<Vec<_>>(), ["2026-11-01", "2026-11-08", "2026-11-15", "2026-11-22", "2026-11-29"]);
        assert_eq!(w.iter().map(|(_, n)| *n).collect::<Vec<_>>(), [4, 1, 0, 0, 1]);
    }
}
