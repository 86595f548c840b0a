//! Search and filters of the accounts table.

use crate::domain::{Account, MemberId, Tier};
use crate::icp::normalise;
use crate::prioritisation::{Basis, Ranking};

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum TargetFilter {
    #[default]
    All,
    In,
    Out,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum TierFilter {
    #[default]
    All,
    Tier(Tier),
    /// Accounts outside the target list have no tier.
    None,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum OwnerFilter {
    #[default]
    All,
    /// Owner on either side (marketing or sales).
    Member(MemberId),
    /// No owner on either side.
    Unassigned,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Query {
    /// Words that must all appear in the name, domain, industry, region or tags
    /// (case- and width-insensitive: "ｔｏｙｏ" finds "Toyo").
    pub text: String,
    /// Exact industry (normalised), or all.
    pub industry: Option<String>,
    pub tier: TierFilter,
    pub owner: OwnerFilter,
    /// Fit % range, inclusive; an account with unknown fit is kept only without a range.
    pub fit_min: Option<f64>,
    pub fit_max: Option<f64>,
    pub target: TargetFilter,
}

impl Query {
    pub fn is_empty(&self) -> bool {
        *self == Query::default()
    }

    pub(super) fn matcher(&self) -> Matcher<'_> {
        Matcher {
            query: self,
            words: normalise(&self.text).split_whitespace().map(str::to_string).collect(),
            industry: self.industry.as_deref().map(normalise),
        }
    }
}

pub(super) struct Matcher<'a> {
    query: &'a Query,
    words: Vec<String>,
    industry: Option<String>,
}

impl Matcher<'_> {
    pub(super) fn keeps(&self, a: &Account, basis: &Basis, ranking: &Ranking, i: usize) -> bool {
        let q = self.query;
        let target = basis.targets[i].is_target();
        match q.target {
            TargetFilter::In if !target => return false,
            TargetFilter::Out if target => return false,
            _ => {}
        }
        match q.tier {
            TierFilter::All => {}
            TierFilter::Tier(t) if ranking.tiers[i].map(|x| x.0) != Some(t) => return false,
            TierFilter::None if ranking.tiers[i].is_some() => return false,
            _ => {}
        }
        match &q.owner {
            OwnerFilter::All => {}
            OwnerFilter::Member(m) if a.marketing_owner.as_ref() != Some(m) && a.sales_owner.as_ref() != Some(m) => return false,
            OwnerFilter::Unassigned if a.marketing_owner.is_some() || a.sales_owner.is_some() => return false,
            _ => {}
        }
        if let Some(industry) = &self.industry {
            if normalise(&a.industry) != *industry {
                return false;
            }
        }
        if q.fit_min.is_some() || q.fit_max.is_some() {
            let Some(fit) = basis.fit(i).percent else { return false };
            if q.fit_min.is_some_and(|m| fit < m) || q.fit_max.is_some_and(|m| fit > m) {
                return false;
            }
        }
        if !self.words.is_empty() {
            let mut hay = normalise(&a.name);
            for part in [&a.domain, &a.industry, &a.region, &a.country] {
                hay.push('\n');
                hay.push_str(&normalise(part));
            }
            for tag in &a.tags {
                hay.push('\n');
                hay.push_str(&normalise(tag));
            }
            if !self.words.iter().all(|w| hay.contains(w.as_str())) {
                return false;
            }
        }
        true
    }
}
