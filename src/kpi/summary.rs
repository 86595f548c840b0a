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
pub fn period_kpis(plan: &Plan, period: &Period, targets: &[AccountId]) -> PeriodKpis {
    let scores = engagement_scores(plan, period.end.at(23, 59));
    PeriodKpis {
        email: email_rates(plan.activities.iter(), period),
        web_visits: web_visits(plan.activities.iter(), period),
        meetings: activity_count(plan.activities.iter(), period, ActivityKind::Meeting),
        engagement_rate: engagement_rate(plan, targets, period),
        engaged_accounts: engaged_accounts(&scores, targets, plan.settings.journey.engaged_min_score),
        revenue: revenue_summary(plan, period),
        cycle: sales_cycle(plan, period, false, |_| None).0,
        nps: nps(plan, period),
    }
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
        let k = period_kpis(&p, &november(), &targets);
        assert_eq!((k.email.sent, k.email.opened), (4, 1));
        assert_eq!(k.meetings, 3);
        assert_eq!(k.web_visits, 0);
        assert_eq!(k.engagement_rate, Some(50.0), "a responded, c did not");
        assert_eq!(k.engaged_accounts, 1);
        p.settings.journey.engaged_min_score = 6.5;
        assert_eq!(period_kpis(&p, &november(), &targets).engaged_accounts, 0);
        assert_eq!(k.revenue.total, 500_000.0);
        assert_eq!(k.cycle.median_days, Some(20.0));
    }
}
