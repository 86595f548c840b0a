//! The dashboard's headline figures for one period, computed in one pass over the
//! engine's KPIs, so the UI compares a period with the one before by calling this
//! twice. Definitions in docs/kpis.md.

use super::*;
use crate::domain::*;

#[derive(Clone, Debug, Default, PartialEq)]
pub struct PeriodKpis {
    pub email: EmailRates,
    pub web_visits: u64,
    /// Meetings held (activities of kind meeting).
    pub meetings: u64,
    /// Share of the target accounts that responded in the period.
    pub engagement_rate: Option<f64>,
    /// Target accounts whose engagement score at the period's end reaches the
    /// plan's "engaged" threshold.
    pub engaged_accounts: usize,
    pub revenue: RevenueSummary,
    pub cycle: CycleStats,
    /// Net promoter score of the responses in the period: % promoters (9–10) − %
    /// detractors (0–6); `None` without responses.
    pub nps: Option<f64>,
}

/// Every headline KPI of the period; `targets` are the target list's accounts.
/// The activity KPIs come from one pass over the period's rows of `index` (built
/// from this plan) and one over the engagement window before the period's end.
pub fn period_kpis(plan: &Plan, index: &ActivityIndex, period: &Period, targets: &[AccountId]) -> PeriodKpis {
    let points = &plan.settings.engagement.points;
    let earns = |k: ActivityKind| points.get(&k).copied().filter(|p| p.is_finite() && *p > 0.0);
    let n = index.accounts();
    let mut target = vec![false; n];
    let wanted: Set<&AccountId> = targets.iter().collect();
    for id in &wanted {
        if let Some(i) = index.position(id) {
            target[i as usize] = true;
        }
    }
    let mut k = PeriodKpis::default();
    let mut responded = vec![false; n];
    for r in index.within(period.instants()) {
        let t = u64::from(r.times);
        match r.kind {
            ActivityKind::EmailSent => k.email.sent += t,
            ActivityKind::EmailOpened => k.email.opened += t,
            ActivityKind::EmailClicked => k.email.clicked += t,
            ActivityKind::WebVisit => k.web_visits += t,
            ActivityKind::Meeting => k.meetings += t,
            _ => {}
        }
        if points.get(&r.kind).is_some_and(|p| *p > 0.0) {
            responded[r.account as usize] = true;
        }
    }
    k.engagement_rate = (!wanted.is_empty()).then(|| {
        let n = responded.iter().zip(&target).filter(|(r, t)| **r && **t).count();
        n as f64 / wanted.len() as f64 * 100.0
    });
    // Engagement scores at the period's end, as `engagement_scores` computes them.
    let at = period.end.at(23, 59).millis();
    let model = &plan.settings.engagement;
    let half_life = f64::from(model.half_life_days.max(1));
    let window = i64::from(plan.settings.journey.window_days) * 86_400_000;
    let mut score: Vec<Option<f64>> = vec![None; n];
    for r in index.between(at - window, at + 1) {
        let Some(p) = earns(r.kind) else { continue };
        let age = (at - r.millis) as f64 / 86_400_000.0;
        *score[r.account as usize].get_or_insert(0.0) += p * f64::from(r.times) * 0.5f64.powf(age / half_life);
    }
    let min = plan.settings.journey.engaged_min_score;
    k.engaged_accounts = score.iter().zip(&target).filter(|(s, t)| **t && s.is_some_and(|s| s >= min)).count();
    k.revenue = revenue_summary(plan, period);
    k.cycle = sales_cycle(plan, period, false, |_| None).0;
    k.nps = nps(plan, period);
    k
}

pub fn nps(plan: &Plan, period: &Period) -> Option<f64> {
    NpsBreakdown::of(plan.nps_responses.iter().filter(|r| period.contains(r.at))).score()
}

/// Responses split the NPS way: promoters score 9–10, detractors 0–6.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct NpsBreakdown {
    pub promoters: u32,
    pub detractors: u32,
    pub total: u32,
}

impl NpsBreakdown {
    pub fn of<'a>(responses: impl IntoIterator<Item = &'a NpsResponse>) -> NpsBreakdown {
        let mut b = NpsBreakdown::default();
        for r in responses {
            b.total += 1;
            match r.score {
                9.. => b.promoters += 1,
                0..=6 => b.detractors += 1,
                _ => {}
            }
        }
        b
    }

    /// % promoters − % detractors (−100 to 100); `None` without responses.
    pub fn score(&self) -> Option<f64> {
        (self.total > 0).then(|| (f64::from(self.promoters) - f64::from(self.detractors)) * 100.0 / f64::from(self.total))
    }
}

#[cfg(test)]
mod tests {
    use super::super::fixtures::*;
    use super::*;

    fn response(account: &str, score: u8, at: Date) -> NpsResponse {
        NpsResponse { id: NpsId(format!("nps_{account}_{at}")), account: AccountId(account.into()), contact: None, score, at, comment: String::new() }
    }

    #[test]
    fn nps_is_promoters_minus_detractors() {
        let mut p = plan_with(vec![]);
        // 9, 10 promoters; 7, 8 passive; 3 detractor → (2 − 1) ÷ 5 = 20.
        for (i, s) in [9, 10, 7, 8, 3].into_iter().enumerate() {
            p.nps_responses.push_back(response("a", s, day(i as u32 + 1)));
        }
        p.nps_responses.push_back(response("a", 0, day(30).add_days(1))); // December: outside
        assert_eq!(nps(&p, &november()), Some(20.0));
        assert_eq!(nps(&plan_with(vec![]), &november()), None);
    }

    #[test]
    fn a_period_summary_counts_what_happened_in_it() {
        let mut p = plan_with(vec![
            activity("a", ActivityKind::EmailSent, 2, Some(4)),
            activity("a", ActivityKind::EmailOpened, 3, None),
            activity("a", ActivityKind::Meeting, 5, None),
            activity("b", ActivityKind::Meeting, 6, Some(2)),
            activity("b", ActivityKind::WebVisit, 40, None), // December
        ]);
        p.deals.push_back(deal("d1", "a", DealKind::New, 500_000, day(1), Some(day(21)), Outcome::Won));
        // a's score on the 30th: meeting 10 × 0.5^(25/30) ≈ 5.6, open ≈ 0.5: ≈ 6.1.
        p.settings.journey.engaged_min_score = 6.0;
        let targets = [AccountId("a".into()), AccountId("c".into())];
        let k = period_kpis(&p, &ActivityIndex::new(&p), &november(), &targets);
        assert_eq!((k.email.sent, k.email.opened), (4, 1));
        assert_eq!(k.meetings, 3);
        assert_eq!(k.web_visits, 0);
        assert_eq!(k.engagement_rate, Some(50.0), "a responded, c did not");
        assert_eq!(k.engaged_accounts, 1);
        p.settings.journey.engaged_min_score = 6.5;
        assert_eq!(period_kpis(&p, &ActivityIndex::new(&p), &november(), &targets).engaged_accounts, 0);
        assert_eq!(k.revenue.total, 500_000.0);
        assert_eq!(k.cycle.median_days, Some(20.0));
    }

    /// The one-pass summary agrees with the KPI functions it stands for, on the
    /// demo plan over several periods and target lists.
    #[test]
    fn the_one_pass_summary_agrees_with_each_kpi_function() {
        let today = Date::from_ymd(2026, 11, 23).unwrap();
        let p = crate::demo::demo_plan(PlanId("d".into()), today, today.at(9, 0));
        let index = ActivityIndex::new(&p);
        let all: Vec<AccountId> = p.accounts.iter().map(|a| a.id.clone()).collect();
        let some: Vec<AccountId> = all.iter().step_by(3).cloned().chain([AccountId("not-in-plan".into())]).collect();
        for period in [Period::last_days(today, 30), Period::last_days(today, 90), Period::last_days(today, 365), Period::fiscal_quarter(today, 4)] {
            for targets in [&all[..], &some[..], &[]] {
                let k = period_kpis(&p, &index, &period, targets);
                let scores = engagement_scores(&p, period.end.at(23, 59));
                assert_eq!(k.email, email_rates(p.activities.iter(), &period));
                assert_eq!(k.web_visits, web_visits(p.activities.iter(), &period));
                assert_eq!(k.meetings, activity_count(p.activities.iter(), &period, ActivityKind::Meeting));
                assert_eq!(k.engagement_rate, engagement_rate(&p, targets, &period));
                assert_eq!(k.engaged_accounts, engaged_accounts(&scores, targets, p.settings.journey.engaged_min_score));
            }
        }
        assert!(period_kpis(&p, &index, &Period::last_days(today, 365), &all).meetings > 0, "the demo has meetings to count");
    }
}
