use super::*;
use crate::domain::*;
use crate::prioritisation::evaluate;

fn ts() -> Timestamp {
    Timestamp::parse("2026-11-23T00:00:00Z").unwrap()
}

fn account(name: &str, industry: &str, employees: Option<u32>) -> Account {
    let mut a = Account::new(AccountId(format!("acc_{name}")), name);
    a.industry = industry.into();
    a.employees = employees;
    a
}

fn plan() -> Plan {
    let mut p = Plan::new(PlanId("p".into()), "P", ts());
    let mut toyo = account("Toyo Robotics", "Manufacturing", Some(1200));
    toyo.tags = vec!["robots".into()];
    toyo.marketing_owner = Some(MemberId("m1".into()));
    let mut sakura = account("さくら物流", "Logistics", Some(300));
    sakura.sales_owner = Some(MemberId("m2".into()));
    let blank = account("Blank KK", "", None);
    let mut alpha = account("Alpha Foods", "manufacturing", Some(90));
    alpha.target = TargetChoice::Exclude;
    p.accounts = vec![toyo, sakura, blank, alpha].into_iter().collect();
    p.team = vec![
        TeamMember { id: MemberId("m1".into()), name: "Aoki".into(), team: Team::Marketing, email: String::new() },
        TeamMember { id: MemberId("m2".into()), name: "Baba".into(), team: Team::Sales, email: String::new() },
    ]
    .into_iter()
    .collect();
    p.icp.criteria.push(IcpCriterion { id: CriterionId("c1".into()), weight: 1.0, rule: IcpRule::Employees { min: Some(250), max: None } });
    p
}

fn names(p: &Plan, rows: &[usize]) -> Vec<String> {
    rows.iter().map(|&i| p.accounts[i].name.clone()).collect()
}

fn run(p: &Plan, q: &Query, s: Sort) -> Vec<String> {
    let (b, r) = evaluate(p);
    names(p, &select(p, &b, &r, q, s))
}

fn by(column: Column, descending: bool) -> Sort {
    Sort { column, descending }
}

#[test]
fn search_is_case_and_width_insensitive_and_needs_every_word() {
    let p = plan();
    let q = |t: &str| Query { text: t.into(), ..Query::default() };
    assert_eq!(run(&p, &q("ｔｏｙｏ"), by(Column::Name, false)), ["Toyo Robotics"]);
    assert_eq!(run(&p, &q("ROBOTS"), by(Column::Name, false)), ["Toyo Robotics"], "tags are searched");
    assert_eq!(run(&p, &q("物流"), by(Column::Name, false)), ["さくら物流"]);
    assert_eq!(run(&p, &q("manufacturing foods"), by(Column::Name, false)), ["Alpha Foods"]);
    assert!(run(&p, &q("nothing-like-this"), by(Column::Name, false)).is_empty());
}

#[test]
fn filters_combine() {
    let p = plan();
    let industry = Query { industry: Some("Manufacturing".into()), ..Query::default() };
    assert_eq!(run(&p, &industry, by(Column::Name, false)), ["Alpha Foods", "Toyo Robotics"]);
    let owner = Query { owner: OwnerFilter::Member(MemberId("m2".into())), ..Query::default() };
    assert_eq!(run(&p, &owner, by(Column::Name, false)), ["さくら物流"]);
    let unassigned = Query { owner: OwnerFilter::Unassigned, ..Query::default() };
    assert_eq!(run(&p, &unassigned, by(Column::Name, false)), ["Alpha Foods", "Blank KK"]);
    let out = Query { target: TargetFilter::Out, ..Query::default() };
    // Alpha is excluded by hand; Blank's fit is unknown; Toyo and Sakura fit.
    assert_eq!(run(&p, &out, by(Column::Name, false)), ["Alpha Foods", "Blank KK"]);
    let fit = Query { fit_min: Some(50.0), fit_max: Some(100.0), ..Query::default() };
    assert_eq!(run(&p, &fit, by(Column::Name, false)), ["Toyo Robotics", "さくら物流"]);
    let both = Query { fit_min: Some(50.0), industry: Some("logistics".into()), ..Query::default() };
    assert_eq!(run(&p, &both, by(Column::Name, false)), ["さくら物流"]);
}

#[test]
fn tier_filter_follows_the_ranking() {
    let p = plan();
    let (b, r) = evaluate(&p);
    let tiered: Vec<usize> = (0..p.accounts.len()).filter(|&i| r.tiers[i].is_some()).collect();
    let q = Query { tier: TierFilter::None, ..Query::default() };
    let untiered = select(&p, &b, &r, &q, Sort::default());
    assert_eq!(tiered.len() + untiered.len(), p.accounts.len());
    assert!(untiered.iter().all(|i| !tiered.contains(i)));
    for t in Tier::ALL {
        let q = Query { tier: TierFilter::Tier(t), ..Query::default() };
        assert!(select(&p, &b, &r, &q, Sort::default()).iter().all(|&i| r.tiers[i].map(|x| x.0) == Some(t)));
    }
}

#[test]
fn missing_values_sort_last_in_both_directions() {
    let p = plan();
    assert_eq!(run(&p, &Query::default(), by(Column::Employees, true)), ["Toyo Robotics", "さくら物流", "Alpha Foods", "Blank KK"]);
    assert_eq!(run(&p, &Query::default(), by(Column::Employees, false)), ["Alpha Foods", "さくら物流", "Toyo Robotics", "Blank KK"]);
    assert_eq!(run(&p, &Query::default(), by(Column::Industry, false)), ["さくら物流", "Toyo Robotics", "Alpha Foods", "Blank KK"]);
    assert_eq!(run(&p, &Query::default(), by(Column::Owner, false)), ["Toyo Robotics", "さくら物流", "Blank KK", "Alpha Foods"]);
}

#[test]
fn rank_sort_matches_the_ranking_and_ties_keep_plan_order() {
    let p = plan();
    let (b, r) = evaluate(&p);
    let rows = select(&p, &b, &r, &Query::default(), Sort::default());
    let ranked: Vec<usize> = r.order.clone();
    assert_eq!(&rows[..ranked.len()], &ranked[..]);
    // Industry ties (two manufacturers, normalised) keep the plan's order.
    let rows = select(&p, &b, &r, &Query::default(), by(Column::Industry, true));
    let m: Vec<usize> = rows.into_iter().filter(|&i| normalise_eq(&p.accounts[i].industry, "manufacturing")).collect();
    assert_eq!(m, [0, 3]);
}

fn normalise_eq(a: &str, b: &str) -> bool {
    crate::icp::normalise(a) == crate::icp::normalise(b)
}

#[test]
fn ten_thousand_accounts_filter_and_sort() {
    let p = crate::demo::large::large_plan(
        crate::demo::large::Size { accounts: 10_000, contacts_per_account: 1, deals: 100, activities: 0 },
        Date::parse("2026-11-23").unwrap(),
        7,
    );
    let (b, r) = evaluate(&p);
    let all = select(&p, &b, &r, &Query::default(), by(Column::Score, true));
    assert_eq!(all.len(), 10_000);
    assert!(all.windows(2).all(|w| r.scores[w[0]] >= r.scores[w[1]]));
    let q = Query { fit_min: Some(60.0), target: TargetFilter::In, ..Query::default() };
    let some = select(&p, &b, &r, &q, by(Column::Fit, false));
    assert!(some.iter().all(|&i| b.fit(i).percent.is_some_and(|f| f >= 60.0) && b.targets[i].is_target()));
    assert!(some.windows(2).all(|w| b.fit(w[0]).percent <= b.fit(w[1]).percent));
}

#[test]
fn values_in_use_are_distinct_sorted_and_never_blank() {
    let mut p = plan();
    p.accounts[1].tags = vec!["robots".into(), " ".into(), "logistics".into()];
    assert_eq!(values_in_use(&p, |a| &a.tags), ["logistics", "robots"]);
    assert_eq!(values_in_use(&p, |a| std::iter::once(&a.industry)), ["Logistics", "Manufacturing", "manufacturing"]);
}
