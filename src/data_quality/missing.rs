//! Missing values: which fields are empty, on which accounts, and what that does
//! to scoring — a criterion an account lacks the data for makes its fit % partly
//! unknown (`UnknownPolicy` decides how it counts), a factor without data counts
//! as zero in the priority score.

use crate::domain::sorting;
use crate::domain::*;
use crate::prioritisation::{Basis, ValueSource};
use std::collections::HashSet;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum AccountField {
    Domain,
    Industry,
    Employees,
    Revenue,
    Country,
    Region,
    Technologies,
    ExpectedDealSize,
    SalesOwner,
    MarketingOwner,
}

impl AccountField {
    pub const ALL: [AccountField; 10] = [
        AccountField::Domain,
        AccountField::Industry,
        AccountField::Employees,
        AccountField::Revenue,
        AccountField::Country,
        AccountField::Region,
        AccountField::Technologies,
        AccountField::ExpectedDealSize,
        AccountField::SalesOwner,
        AccountField::MarketingOwner,
    ];

    pub fn is_missing(self, a: &Account) -> bool {
        let blank = |s: &str| s.trim().is_empty();
        match self {
            AccountField::Domain => blank(&a.domain),
            AccountField::Industry => blank(&a.industry),
            AccountField::Employees => a.employees.is_none(),
            AccountField::Revenue => a.annual_revenue.is_none(),
            AccountField::Country => blank(&a.country),
            AccountField::Region => blank(&a.region),
            AccountField::Technologies => a.technologies.is_empty(),
            AccountField::ExpectedDealSize => a.expected_deal_size.is_none(),
            AccountField::SalesOwner => a.sales_owner.is_none(),
            AccountField::MarketingOwner => a.marketing_owner.is_none(),
        }
    }

    /// The field an ICP criterion reads (custom fields are not account fields).
    pub fn of_rule(rule: &IcpRule) -> Option<AccountField> {
        Some(match rule {
            IcpRule::Industry { .. } => AccountField::Industry,
            IcpRule::Employees { .. } => AccountField::Employees,
            IcpRule::AnnualRevenue { .. } => AccountField::Revenue,
            IcpRule::Country { .. } => AccountField::Country,
            IcpRule::Region { .. } => AccountField::Region,
            IcpRule::Technologies { .. } => AccountField::Technologies,
            IcpRule::Tags { .. } | IcpRule::CustomField { .. } => return None,
        })
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct MissingReport {
    pub accounts: usize,
    /// Per field (in `AccountField::ALL` order): how many accounts lack it.
    pub fields: Vec<(AccountField, usize)>,
    /// Accounts lacking at least one field (positions), most gaps first.
    pub by_account: Vec<(usize, Vec<AccountField>)>,
    pub without_contacts: usize,
    /// Accounts with contacts but none marked decision maker.
    pub without_decision_maker: usize,
    pub contacts: usize,
    pub contacts_without_email: usize,
    pub contacts_without_role: usize,
}

pub fn missing_report(plan: &Plan) -> MissingReport {
    let mut fields: Vec<(AccountField, usize)> = AccountField::ALL.iter().map(|f| (*f, 0)).collect();
    let mut by_account = Vec::new();
    for (i, a) in plan.accounts.iter().enumerate() {
        let gaps: Vec<AccountField> = AccountField::ALL.iter().copied().filter(|f| f.is_missing(a)).collect();
        for (f, n) in fields.iter_mut() {
            if gaps.contains(f) {
                *n += 1;
            }
        }
        if !gaps.is_empty() {
            by_account.push((i, gaps));
        }
    }
    sorting::sort_by(&mut by_account, |x, y| y.1.len().cmp(&x.1.len()).then(x.0.cmp(&y.0)));
    let with_contacts: HashSet<&str> = plan.contacts.iter().map(|c| c.account.as_str()).collect();
    let with_dm: HashSet<&str> = plan.contacts.iter().filter(|c| c.role == Some(BuyingRole::DecisionMaker)).map(|c| c.account.as_str()).collect();
    MissingReport {
        accounts: plan.accounts.len(),
        fields,
        by_account,
        without_contacts: plan.accounts.iter().filter(|a| !with_contacts.contains(a.id.as_str())).count(),
        without_decision_maker: plan.accounts.iter().filter(|a| with_contacts.contains(a.id.as_str()) && !with_dm.contains(a.id.as_str())).count(),
        contacts: plan.contacts.len(),
        contacts_without_email: plan.contacts.iter().filter(|c| c.email.trim().is_empty()).count(),
        contacts_without_role: plan.contacts.iter().filter(|c| c.role.is_none()).count(),
    }
}

/// What missing data does to scoring.
#[derive(Clone, Debug, PartialEq)]
pub enum ScoringGap {
    /// `accounts` have a partly unknown fit % because they lack the data ICP
    /// criterion number `criterion` reads (`field`, when it is an account field).
    Criterion { criterion: usize, field: Option<AccountField>, accounts: usize },
    /// `accounts` in the target list have no value for factor number `factor`,
    /// which then counts as zero in their score.
    Factor { factor: usize, accounts: usize },
}

/// The gaps that change fit or score, largest first. `basis` is the plan's.
pub fn scoring_gaps(plan: &Plan, basis: &Basis) -> Vec<ScoringGap> {
    let mut gaps = Vec::new();
    for (c, criterion) in plan.icp.criteria.iter().enumerate() {
        let unknown = basis.outcome_counts(c).unknown;
        if unknown > 0 && criterion.weight > 0.0 {
            gaps.push((unknown, ScoringGap::Criterion { criterion: c, field: AccountField::of_rule(&criterion.rule), accounts: unknown }));
        }
    }
    let mut missing = vec![0usize; basis.factor_count()];
    for i in 0..basis.len() {
        if !basis.targets[i].is_target() {
            continue;
        }
        for (f, v) in basis.values(i).iter().enumerate() {
            if v.source == ValueSource::Missing {
                missing[f] += 1;
            }
        }
    }
    for (f, n) in missing.into_iter().enumerate() {
        let weighted = plan.prioritisation.factors.get(f).is_some_and(|x| x.weight > 0.0);
        if n > 0 && weighted {
            gaps.push((n, ScoringGap::Factor { factor: f, accounts: n }));
        }
    }
    sorting::sort_by_key(&mut gaps, |g| std::cmp::Reverse(g.0));
    gaps.into_iter().map(|(_, g)| g).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plan() -> Plan {
        let mut p = Plan::new(PlanId("p".into()), "t", Timestamp::parse("2026-01-01T00:00:00Z").unwrap());
        let mut full = Account::new(AccountId("full".into()), "Full");
        full.domain = "full.example".into();
        full.industry = "製造業".into();
        full.employees = Some(500);
        full.annual_revenue = Some(Money::from_major(1));
        full.country = "日本".into();
        full.region = "東京都".into();
        full.technologies = vec!["SAP".into()];
        full.expected_deal_size = Some(Money::from_major(1));
        full.sales_owner = Some(MemberId("m".into()));
        full.marketing_owner = Some(MemberId("m".into()));
        p.accounts.push_back(full);
        let mut half = Account::new(AccountId("half".into()), "Half");
        half.industry = "製造業".into();
        p.accounts.push_back(half);
        p.icp.criteria = vec![
            IcpCriterion { id: CriterionId("c1".into()), weight: 1.0, rule: IcpRule::Industry { values: vec!["製造業".into()] } },
            IcpCriterion { id: CriterionId("c2".into()), weight: 1.0, rule: IcpRule::Employees { min: Some(100), max: None } },
        ];
        p.icp.fit_threshold = 0.0;
        p.contacts.push_back(Contact::new(ContactId("c".into()), AccountId("full".into()), "No Email"));
        p
    }

    #[test]
    fn fields_and_accounts_with_gaps() {
        let r = missing_report(&plan());
        assert_eq!(r.accounts, 2);
        assert_eq!(r.fields.iter().find(|(f, _)| *f == AccountField::Employees), Some(&(AccountField::Employees, 1)));
        assert_eq!(r.fields.iter().find(|(f, _)| *f == AccountField::Industry), Some(&(AccountField::Industry, 0)));
        assert_eq!(r.by_account.len(), 1);
        assert_eq!(r.by_account[0].0, 1);
        assert_eq!(r.by_account[0].1.len(), 9, "everything but the industry");
        assert_eq!((r.without_contacts, r.without_decision_maker), (1, 1));
        assert_eq!((r.contacts_without_email, r.contacts_without_role), (1, 1));
    }

    #[test]
    fn gaps_that_change_fit_and_score() {
        let p = plan();
        let basis = Basis::new(&p);
        let gaps = scoring_gaps(&p, &basis);
        assert!(gaps.contains(&ScoringGap::Criterion { criterion: 1, field: Some(AccountField::Employees), accounts: 1 }), "{gaps:?}");
        assert!(!gaps.iter().any(|g| matches!(g, ScoringGap::Criterion { criterion: 0, .. })), "every account has an industry");
        // Bands come from the one deal size the plan has: the other target
        // lacks an opportunity value.
        let opportunity = p.prioritisation.factors.iter().position(|f| f.id.as_str() == crate::domain::prioritisation::builtin::OPPORTUNITY).unwrap();
        assert!(gaps.contains(&ScoringGap::Factor { factor: opportunity, accounts: 1 }), "{gaps:?}");
    }
}
