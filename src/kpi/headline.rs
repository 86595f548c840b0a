//! The dashboard's headline KPIs as a list: which figures, in which order, and
//! each one's value in a period. The dashboard's tiles and the workbook's KPI
//! sheet both read it, so a report never lists other figures than the screen.

use super::PeriodKpis;

/// One headline KPI (definitions in docs/kpis.md).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Headline {
    EngagementRate,
    Engaged,
    OpenRate,
    ClickRate,
    WebVisits,
    Meetings,
    Revenue,
    NewContracts,
    CrossUpsell,
    AverageRevenue,
    Concentration,
    Cycle,
    Nps,
}

/// The headline KPIs in the order they are shown.
pub const HEADLINES: [Headline; 13] = [
    Headline::EngagementRate,
    Headline::Engaged,
    Headline::OpenRate,
    Headline::ClickRate,
    Headline::WebVisits,
    Headline::Meetings,
    Headline::Revenue,
    Headline::NewContracts,
    Headline::CrossUpsell,
    Headline::AverageRevenue,
    Headline::Concentration,
    Headline::Cycle,
    Headline::Nps,
];

/// A KPI's value in a period, with what kind of number it is; `None` when the
/// period gives no value (no target accounts, no email sent, no deal won).
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Figure {
    /// 0–100.
    Percent(Option<f64>),
    Count(u64),
    /// In the plan's currency, major units.
    Money(Option<f64>),
    Days(Option<f64>),
    /// A score without a unit (NPS, −100 to 100).
    Score(Option<f64>),
}

impl Headline {
    /// A stable name for the KPI (the tiles' test ids, the help's keys).
    pub fn slug(self) -> &'static str {
        match self {
            Headline::EngagementRate => "engagement-rate",
            Headline::Engaged => "engaged",
            Headline::OpenRate => "open-rate",
            Headline::ClickRate => "click-rate",
            Headline::WebVisits => "web-visits",
            Headline::Meetings => "meetings",
            Headline::Revenue => "revenue",
            Headline::NewContracts => "new-contracts",
            Headline::CrossUpsell => "cross-upsell",
            Headline::AverageRevenue => "average-revenue",
            Headline::Concentration => "concentration",
            Headline::Cycle => "cycle",
            Headline::Nps => "nps",
        }
    }

    /// The KPI's value among a period's figures.
    pub fn of(self, k: &PeriodKpis) -> Figure {
        match self {
            Headline::EngagementRate => Figure::Percent(k.engagement_rate),
            Headline::Engaged => Figure::Count(k.engaged_accounts as u64),
            Headline::OpenRate => Figure::Percent(k.email.open_rate()),
            Headline::ClickRate => Figure::Percent(k.email.click_rate()),
            Headline::WebVisits => Figure::Count(k.web_visits),
            Headline::Meetings => Figure::Count(k.meetings),
            Headline::Revenue => Figure::Money(Some(k.revenue.total)),
            Headline::NewContracts => Figure::Count(u64::from(k.revenue.new_contracts)),
            Headline::CrossUpsell => Figure::Money(Some(k.revenue.cross_upsell)),
            Headline::AverageRevenue => Figure::Money(k.revenue.average_per_account),
            Headline::Concentration => Figure::Percent(k.revenue.top_fifth_share),
            Headline::Cycle => Figure::Days(k.cycle.median_days),
            Headline::Nps => Figure::Score(k.nps),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_headline_is_listed_once_under_its_own_slug() {
        let mut slugs: Vec<&str> = HEADLINES.iter().map(|h| h.slug()).collect();
        slugs.sort_unstable();
        slugs.dedup();
        assert_eq!(slugs.len(), HEADLINES.len());
    }

    #[test]
    fn figures_come_from_their_own_field() {
        let mut k = PeriodKpis { engaged_accounts: 8, engagement_rate: Some(92.6), meetings: 3, ..PeriodKpis::default() };
        k.revenue.total = 1_000.0;
        k.revenue.average_per_account = None;
        assert_eq!(Headline::Engaged.of(&k), Figure::Count(8));
        assert_eq!(Headline::EngagementRate.of(&k), Figure::Percent(Some(92.6)));
        assert_eq!(Headline::Meetings.of(&k), Figure::Count(3));
        assert_eq!(Headline::Revenue.of(&k), Figure::Money(Some(1_000.0)));
        assert_eq!(Headline::AverageRevenue.of(&k), Figure::Money(None));
        assert_eq!(Headline::OpenRate.of(&k), Figure::Percent(None), "no email sent: no rate");
    }
}
