//! ICP criteria suggested from the plan's best customers: the industries most
//! of them are in, the range of their size and revenue, the regions they are
//! in. A plan fresh from a CRM export often knows its customers (won deals, a
//! lifecycle stage, an account type) before anyone has written an ICP; this is
//! the first draft of one, each criterion with how many customers it covers.
//!
//! Ranges run from the 10th to the 90th percentile of the customers' values,
//! widened to round numbers (1, 2, 3 or 5 × 10ⁿ). Lists take the most common
//! values until they cover 70 % of the customers that have one, at most five
//! and each held by two customers or more.

use super::{normalise, PreparedIcp};
use crate::domain::sorting;
use crate::domain::*;
use std::collections::{HashMap, HashSet};

/// Fewer customers than this say too little to suggest from.
pub const MIN_CUSTOMERS: usize = 3;

/// Share of the customers (with a value) a list of values aims to cover.
const LIST_COVER: f64 = 0.7;
const MAX_VALUES: usize = 5;

#[derive(Clone, Debug, PartialEq)]
pub struct Suggestion {
    pub rule: IcpRule,
    /// The weight it would get, as the method's usual split.
    pub weight: f64,
    /// Customers the criterion holds for, of those with a value for it.
    pub covers: usize,
    pub of: usize,
    /// Accounts of the whole plan it holds for.
    pub accounts: usize,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Suggestions {
    /// Too few customers: how many there are.
    TooFewCustomers(usize),
    /// Drawn from `customers` customers (none may be left when the ICP has a
    /// criterion of every kind already).
    From { customers: usize, suggestions: Vec<Suggestion> },
}

/// Whether an account is one of our customers: a deal won, or a customer
/// status from the CRM.
pub fn customers(plan: &Plan) -> Vec<usize> {
    let won: HashSet<&str> = plan.deals.iter().filter(|d| d.outcome == Outcome::Won).map(|d| d.account.as_str()).collect();
    plan.accounts.iter().enumerate().filter(|(_, a)| a.status == Some(AccountStatus::Customer) || won.contains(a.id.as_str())).map(|(i, _)| i).collect()
}

/// Criteria suggested for `plan`'s ICP, of the kinds it does not have yet.
pub fn suggest(plan: &Plan) -> Suggestions {
    let customers = customers(plan);
    if customers.len() < MIN_CUSTOMERS {
        return Suggestions::TooFewCustomers(customers.len());
    }
    let of: Vec<&Account> = customers.iter().filter_map(|&i| plan.accounts.get(i)).collect();
    let has = |kind: fn(&IcpRule) -> bool| plan.icp.criteria.iter().any(|c| kind(&c.rule));
    let mut out = Vec::new();
    if !has(|r| matches!(r, IcpRule::Industry { .. })) {
        out.extend(list(&of, |a| vec![a.industry.as_str()]).map(|values| (IcpRule::Industry { values }, 30.0)));
    }
    if !has(|r| matches!(r, IcpRule::Employees { .. })) {
        let values: Vec<f64> = of.iter().filter_map(|a| a.employees).map(f64::from).collect();
        out.extend(range(values).map(|(min, max)| (IcpRule::Employees { min: Some(min as u32), max: Some(max as u32) }, 20.0)));
    }
    if !has(|r| matches!(r, IcpRule::AnnualRevenue { .. })) {
        let values: Vec<f64> = of.iter().filter_map(|a| a.annual_revenue).map(Money::to_f64).collect();
        out.extend(
            range(values)
                .map(|(min, max)| (IcpRule::AnnualRevenue { min: Some(Money::from_major(min as i64)), max: Some(Money::from_major(max as i64)) }, 20.0)),
        );
    }
    if !has(|r| matches!(r, IcpRule::Region { .. } | IcpRule::Country { .. })) {
        // Regions when most customers have one; a plan that only knows
        // countries gets countries.
        let with_region = of.iter().filter(|a| !a.region.trim().is_empty()).count();
        if with_region * 2 >= of.len() {
            out.extend(list(&of, |a| vec![a.region.as_str()]).map(|values| (IcpRule::Region { values }, 10.0)));
        } else {
            out.extend(list(&of, |a| vec![a.country.as_str()]).map(|values| (IcpRule::Country { values }, 10.0)));
        }
    }
    if !has(|r| matches!(r, IcpRule::Technologies { .. })) {
        out.extend(
            list(&of, |a| a.technologies.iter().map(String::as_str).collect()).map(|values| (IcpRule::Technologies { values, mode: SetMatch::AnyOf }, 10.0)),
        );
    }
    let suggestions = out
        .into_iter()
        .map(|(rule, weight)| {
            let criterion = IcpCriterion { id: CriterionId("suggested".into()), weight: 1.0, rule };
            let profile = IcpProfile { criteria: vec![criterion], ..IcpProfile::default() };
            let prepared = PreparedIcp::new(&profile);
            // Met in full: a near miss is not covered.
            let met = |a: &Account| prepared.fit(a).percent.is_some_and(|p| p >= 100.0);
            let known = |a: &Account| prepared.fit(a).percent.is_some();
            let covers = of.iter().filter(|a| met(a)).count();
            let with_value = of.iter().filter(|a| known(a)).count();
            let accounts = plan.accounts.iter().filter(|a| met(a)).count();
            let rule = profile.criteria.into_iter().next().map(|c| c.rule).unwrap_or(IcpRule::Industry { values: Vec::new() });
            Suggestion { rule, weight, covers, of: with_value, accounts }
        })
        .collect();
    Suggestions::From { customers: customers.len(), suggestions }
}

/// The most common values (as most customers spell them) until they cover
/// `LIST_COVER` of the customers that have any; `None` when no value is
/// shared by two customers.
fn list<'a>(customers: &[&'a Account], values_of: impl Fn(&'a Account) -> Vec<&'a str>) -> Option<Vec<String>> {
    // Per folded value: the customers holding it, and its spellings.
    let mut holders: HashMap<String, (HashSet<usize>, HashMap<&'a str, usize>)> = HashMap::new();
    let mut with_any = 0;
    for (i, a) in customers.iter().enumerate() {
        let values: Vec<&str> = values_of(a).into_iter().map(str::trim).filter(|v| !v.is_empty()).collect();
        with_any += usize::from(!values.is_empty());
        for v in values {
            let entry = holders.entry(normalise(v)).or_default();
            entry.0.insert(i);
            *entry.1.entry(v).or_default() += 1;
        }
    }
    let mut ranked: Vec<(String, HashSet<usize>, &str)> = holders
        .into_iter()
        .filter(|(_, (who, _))| who.len() >= 2)
        .map(|(key, (who, spellings))| {
            let shown = spellings.into_iter().max_by(|a, b| a.1.cmp(&b.1).then_with(|| b.0.cmp(a.0))).map_or("", |(s, _)| s);
            (key, who, shown)
        })
        .collect();
    sorting::sort_by(&mut ranked, |a, b| b.1.len().cmp(&a.1.len()).then_with(|| a.0.cmp(&b.0)));
    let mut covered: HashSet<usize> = HashSet::new();
    let mut chosen = Vec::new();
    for (_, who, shown) in ranked.into_iter().take(MAX_VALUES) {
        if covered.len() as f64 >= LIST_COVER * with_any as f64 {
            break;
        }
        covered.extend(who);
        chosen.push(shown.to_string());
    }
    (!chosen.is_empty()).then_some(chosen)
}

/// The 10th–90th percentile range of `values` (nearest rank), widened to
/// round numbers; `None` with fewer than `MIN_CUSTOMERS` values.
fn range(mut values: Vec<f64>) -> Option<(f64, f64)> {
    values.retain(|v| v.is_finite() && *v >= 0.0);
    if values.len() < MIN_CUSTOMERS {
        return None;
    }
    sorting::sort_by(&mut values, f64::total_cmp);
    let at = |q: f64| values[((q * values.len() as f64).ceil() as usize).clamp(1, values.len()) - 1];
    Some((round_down(at(0.1)), round_up(at(0.9))))
}

/// The round numbers ranges end on: 1, 2, 3 and 5 × 10ⁿ.
const STEPS: [f64; 4] = [1.0, 2.0, 3.0, 5.0];

fn round_down(v: f64) -> f64 {
    if v < 1.0 {
        return 0.0;
    }
    let p = 10f64.powi(v.log10().floor() as i32);
    STEPS.iter().rev().map(|s| s * p).find(|x| *x <= v).unwrap_or(p)
}

fn round_up(v: f64) -> f64 {
    if v <= 1.0 {
        return 1.0;
    }
    let p = 10f64.powi(v.log10().floor() as i32);
    STEPS.iter().map(|s| s * p).chain([10.0 * p]).find(|x| *x >= v).unwrap_or(10.0 * p)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn account(i: usize, industry: &str, employees: u32, region: &str) -> Account {
        let mut a = Account::new(AccountId(format!("a{i}")), format!("Company {i}"));
        a.industry = industry.into();
        a.employees = Some(employees);
        a.region = region.into();
        a.annual_revenue = Some(Money::from_major(i64::from(employees) * 1_000_000));
        a
    }

    fn plan() -> Plan {
        let mut p = Plan::new(PlanId("p".into()), "t", Timestamp::parse("2026-05-01T00:00:00Z").unwrap());
        let rows = [
            ("製造業", 800, "愛知県"),
            ("製造業", 1200, "愛知県"),
            ("Manufacturing", 450, "大阪府"),
            ("製造業", 3000, "愛知県"),
            ("卸売業", 900, "東京都"),
            ("製造業", 2000, "大阪府"),
            ("小売業", 60, "北海道"),
            ("製造業", 150, "愛知県"),
        ];
        for (i, (industry, employees, region)) in rows.into_iter().enumerate() {
            let mut a = account(i, industry, employees, region);
            // The first six are customers: three by their status, three by a won deal.
            if i < 3 {
                a.status = Some(AccountStatus::Customer);
            }
            p.accounts.push_back(a);
        }
        for i in 3..6 {
            let mut d = Deal::new(DealId(format!("d{i}")), AccountId(format!("a{i}")), "won", Money::from_major(10), Date::from_ymd(2026, 1, 1).unwrap());
            d.outcome = Outcome::Won;
            d.stage = DealStage::Closed;
            d.closed = Date::from_ymd(2026, 2, 1);
            p.deals.push_back(d);
        }
        p
    }

    #[test]
    fn customers_are_won_deals_or_a_customer_status() {
        assert_eq!(customers(&plan()), vec![0, 1, 2, 3, 4, 5]);
    }

    #[test]
    fn suggestions_come_from_the_customers_with_their_coverage() {
        let Suggestions::From { customers, suggestions } = suggest(&plan()) else { panic!("enough customers") };
        assert_eq!(customers, 6);
        let industry = &suggestions[0];
        // 製造業 four times; "Manufacturing" once and 卸売業 once are not shared.
        assert_eq!(industry.rule, IcpRule::Industry { values: vec!["製造業".into()] });
        assert_eq!((industry.covers, industry.of, industry.accounts), (4, 6, 5));
        let employees = &suggestions[1];
        // Customers have 450–3,000 employees: 10th–90th percentile, widened.
        assert_eq!(employees.rule, IcpRule::Employees { min: Some(300), max: Some(3000) });
        assert_eq!((employees.covers, employees.of), (6, 6));
        let IcpRule::AnnualRevenue { min, max } = &suggestions[2].rule else { panic!("revenue second") };
        assert_eq!((*min, *max), (Some(Money::from_major(300_000_000)), Some(Money::from_major(3_000_000_000))));
        let region = &suggestions[3];
        assert_eq!(region.rule, IcpRule::Region { values: vec!["愛知県".into(), "大阪府".into()] });
        assert_eq!(region.covers, 5);
        assert_eq!(suggestions.len(), 4, "no technology is shared");
    }

    #[test]
    fn kinds_the_icp_has_are_not_suggested_again_and_few_customers_say_so() {
        let mut p = plan();
        p.icp.criteria.push(IcpCriterion { id: CriterionId("c".into()), weight: 1.0, rule: IcpRule::Industry { values: vec!["製造業".into()] } });
        let Suggestions::From { suggestions, .. } = suggest(&p) else { panic!("enough customers") };
        assert!(!suggestions.iter().any(|s| matches!(s.rule, IcpRule::Industry { .. })));
        let mut few = plan();
        few.deals.clear();
        for a in few.accounts.iter_mut().skip(1) {
            a.status = None;
        }
        assert_eq!(suggest(&few), Suggestions::TooFewCustomers(1));
    }

    #[test]
    fn ranges_end_on_round_numbers() {
        assert_eq!(round_down(1234.0), 1000.0);
        assert_eq!(round_down(2600.0), 2000.0);
        assert_eq!(round_down(470.0), 300.0);
        assert_eq!(round_up(2600.0), 3000.0);
        assert_eq!(round_up(3100.0), 5000.0);
        assert_eq!(round_up(5100.0), 10000.0);
        assert_eq!(range(vec![1.0, 2.0]), None);
    }

    #[test]
    fn the_demo_suggests_what_its_customers_share() {
        let today = Date::from_ymd(2026, 11, 23).unwrap();
        let mut p = crate::demo::demo_plan(PlanId("d".into()), today, today.at(0, 0));
        p.icp.criteria.clear();
        let Suggestions::From { suggestions, customers: n } = suggest(&p) else { panic!("the demo has customers") };
        assert!(n >= 10);
        assert_eq!(suggestions[0].rule, IcpRule::Industry { values: vec!["製造業".into()] });
        assert!(suggestions.iter().all(|s| s.covers <= s.of && s.covers > 0));
    }
}
