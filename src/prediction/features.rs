//! What the model sees of an account, measured before the outcome it predicts:
//! for an account with a decided deal, activity is counted in the 90 days before
//! its first decision (activity after a purchase would "predict" the purchase
//! from its consequences); for an open account, in the 90 days before today.
//! Past deals, purchase history and tiers are left out for the same reason.

use crate::domain::sorting;
use crate::domain::*;
use crate::prioritisation::Basis;
use std::collections::HashMap;

pub const WINDOW_DAYS: i64 = 90;

/// One input of the model, as the UI names it.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Feature {
    Fit,
    Employees,
    Revenue,
    Relationship,
    ExpectedDealSize,
    Responses,
    Meetings,
    Contacts,
    DecisionMakers,
    Supporters,
    Industry(String),
    /// A factor of the plan's own (typed by hand), by position.
    Factor(usize),
}

/// Who bought, who did not, who is still open.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Label {
    Bought,
    DidNotBuy,
    Open,
}

pub struct Table {
    pub features: Vec<Feature>,
    /// Per account, per feature; `None` when unknown (imputed by the mean).
    pub rows: Vec<Vec<Option<f64>>>,
    pub labels: Vec<Label>,
}

/// An industry becomes a feature when this many labelled accounts share it.
const MIN_INDUSTRY: usize = 3;
const MAX_INDUSTRIES: usize = 6;

fn log(v: f64) -> f64 {
    v.max(0.0).ln_1p()
}

pub fn table(plan: &Plan, basis: &Basis, today: Date) -> Table {
    let index: HashMap<&str, usize> = plan.accounts.iter().enumerate().map(|(i, a)| (a.id.as_str(), i)).collect();
    let n = plan.accounts.len();
    let mut won = vec![false; n];
    let mut lost = vec![false; n];
    let mut decided: Vec<Option<Date>> = vec![None; n];
    for d in plan.deals.iter() {
        let Some(&i) = index.get(d.account.as_str()) else { continue };
        match d.outcome {
            Outcome::Won => won[i] = true,
            Outcome::Lost => lost[i] = true,
            Outcome::Open => continue,
        }
        let at = d.closed.unwrap_or(d.created);
        decided[i] = Some(decided[i].map_or(at, |x: Date| x.min(at)));
    }
    let labels: Vec<Label> = (0..n)
        .map(|i| {
            if won[i] {
                Label::Bought
            } else if lost[i] {
                Label::DidNotBuy
            } else {
                Label::Open
            }
        })
        .collect();
    let reference: Vec<Date> = (0..n).map(|i| decided[i].unwrap_or(today)).collect();

    let mut responses = vec![0.0; n];
    let mut meetings = vec![0.0; n];
    for a in plan.activities.iter() {
        let Some(&i) = index.get(a.account.as_str()) else { continue };
        let day = a.at.date();
        if day > reference[i] || day <= reference[i].add_days(-WINDOW_DAYS) {
            continue;
        }
        let times = f64::from(a.count.unwrap_or(1).max(1));
        match a.kind {
            ActivityKind::EmailSent | ActivityKind::AdImpression => {}
            ActivityKind::Meeting => {
                meetings[i] += times;
                responses[i] += times;
            }
            _ => responses[i] += times,
        }
    }
    let mut contacts = vec![0.0; n];
    let mut dms = vec![0.0; n];
    let mut supporters = vec![0.0; n];
    for c in plan.contacts.iter() {
        let Some(&i) = index.get(c.account.as_str()) else { continue };
        contacts[i] += 1.0;
        if matches!(c.role, Some(BuyingRole::DecisionMaker | BuyingRole::BudgetHolder)) {
            dms[i] += 1.0;
        }
        if c.stance == Some(Stance::Supporter) || c.role == Some(BuyingRole::Champion) {
            supporters[i] += 1.0;
        }
    }

    // Industries common among labelled accounts.
    let mut industry_counts: HashMap<String, usize> = HashMap::new();
    for (a, l) in plan.accounts.iter().zip(&labels) {
        if *l != Label::Open && !a.industry.trim().is_empty() {
            *industry_counts.entry(crate::icp::normalise(&a.industry)).or_default() += 1;
        }
    }
    let mut industries: Vec<(String, usize)> = industry_counts.into_iter().filter(|(_, c)| *c >= MIN_INDUSTRY).collect();
    sorting::sort_by(&mut industries, |a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    industries.truncate(MAX_INDUSTRIES);

    let relationship = plan.prioritisation.factors.iter().position(|f| f.source == FactorSource::Relationship);
    let own: Vec<usize> = plan
        .prioritisation
        .factors
        .iter()
        .enumerate()
        .filter(|(_, f)| matches!(f.source, FactorSource::Manual | FactorSource::Engagement))
        .map(|(i, _)| i)
        .collect();

    let mut features = vec![
        Feature::Fit,
        Feature::Employees,
        Feature::Revenue,
        Feature::Relationship,
        Feature::ExpectedDealSize,
        Feature::Responses,
        Feature::Meetings,
        Feature::Contacts,
        Feature::DecisionMakers,
        Feature::Supporters,
    ];
    features.extend(industries.iter().map(|(name, _)| Feature::Industry(name.clone())));
    features.extend(own.iter().map(|f| Feature::Factor(*f)));

    let rows = plan
        .accounts
        .iter()
        .enumerate()
        .map(|(i, a)| {
            let values = basis.values(i);
            let industry = crate::icp::normalise(&a.industry);
            let mut row = vec![
                basis.fit(i).percent.map(|v| v / 100.0),
                a.employees.map(|v| log(f64::from(v))),
                a.annual_revenue.map(|m| log(m.to_f64() / 1e6)),
                relationship.and_then(|f| values.get(f)).and_then(|v| v.value),
                a.expected_deal_size.map(|m| log(m.to_f64() / 1e6)),
                Some(log(responses[i])),
                Some(log(meetings[i])),
                Some(log(contacts[i])),
                Some(dms[i]),
                Some(supporters[i]),
            ];
            row.extend(industries.iter().map(|(name, _)| Some(if *name == industry { 1.0 } else { 0.0 })));
            row.extend(own.iter().map(|f| values.get(*f).and_then(|v| v.value)));
            row
        })
        .collect();
    Table { features, rows, labels }
}
