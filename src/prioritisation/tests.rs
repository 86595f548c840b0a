use super::*;
use crate::domain::*;
use proptest::prelude::*;

fn ts() -> Timestamp {
    Timestamp::parse("2026-11-23T00:00:00Z").unwrap()
}

fn plan_with(accounts: Vec<Account>) -> Plan {
    let mut p = Plan::new(PlanId("p".into()), "P", ts());
    p.accounts = accounts.into_iter().collect();
    p
}

fn manual(name: &str, values: [f64; 4]) -> Account {
    let mut a = Account::new(AccountId(format!("acc_{name}")), name);
    a.target = TargetChoice::Include;
    for (id, v) in ["fit", "opportunity", "purchase", "relationship"].iter().zip(values) {
        a.factors.insert(FactorId((*id).into()), v);
    }
    a
}

/// The method's worked example, reconstructed (the article shows its table as an
/// image): five customers scored on ICP fit %, expected opportunity, purchase
/// history and relationship, weighted 40/30/10/20. Customer C comes first.
pub fn seed_example() -> Plan {
    let mut p = plan_with(vec![
        manual("A", [80.0, 6.0, 3.0, 4.0]),
        manual("B", [60.0, 8.0, 5.0, 3.0]),
        manual("C", [90.0, 9.0, 7.0, 8.0]),
        manual("D", [40.0, 5.0, 9.0, 6.0]),
        manual("E", [70.0, 4.0, 2.0, 9.0]),
    ]);
    for (f, w) in p.prioritisation.factors.iter_mut().zip([40.0, 30.0, 10.0, 20.0]) {
        f.weight = w;
    }
    p
}

#[test]
fn the_seed_example_ranks_customer_c_first() {
    let p = seed_example();
    let (basis, ranking) = evaluate(&p);
    let names: Vec<&str> = ranking.order.iter().map(|&i| p.accounts[i].name.as_str()).collect();
    assert_eq!(names, ["C", "A", "E", "B", "D"]);
    let scores: Vec<f64> = ranking.order.iter().map(|&i| (ranking.scores[i] * 100.0).round() / 100.0).collect();
    assert_eq!(scores, [86.0, 61.0, 60.0, 59.0, 52.0]);
    // C: 90 % fit × 40 % = 36 points, 9/10 × 30 % = 27, 7/10 × 10 % = 7, 8/10 × 20 % = 16.
    let parts: Vec<f64> = ranking.contributions(&basis, 2).iter().map(|x| (x * 1000.0).round() / 1000.0).collect();
    assert_eq!(parts, [36.0, 27.0, 7.0, 16.0]);
    assert!(basis.values(2).iter().all(|v| v.source == ValueSource::Manual));
    assert_eq!(ranking.shares, vec![0.4, 0.3, 0.1, 0.2]);
}

#[test]
fn factors_are_derived_from_the_data() {
    let mut p = plan_with(vec![Account::new(AccountId("a".into()), "A"), Account::new(AccountId("b".into()), "B")]);
    p.icp.criteria.push(IcpCriterion { id: CriterionId("c".into()), weight: 1.0, rule: IcpRule::Industry { values: vec!["製造業".into()] } });
    p.accounts[0].industry = "製造業".into();
    p.accounts[0].expected_deal_size = Some(Money::from_major(6_000_000));
    p.prioritisation.opportunity_bands = [1, 2, 3, 5, 8, 12, 18, 25, 35, 50].iter().map(|m| Money::from_major(m * 1_000_000)).collect();
    let deal = |id: &str, account: &str, amount: i64, outcome| Deal {
        stage: DealStage::Closed,
        outcome,
        ..Deal::new(DealId(id.into()), AccountId(account.into()), id, Money::from_major(amount), Date::from_ymd(2025, 1, 1).unwrap())
    };
    p.deals = vec![
        deal("d1", "a", 10_000_000, Outcome::Won),
        deal("d2", "a", 10_000_000, Outcome::Won),
        deal("d3", "b", 5_000_000, Outcome::Won),
        deal("d4", "b", 9_000_000, Outcome::Open),
        deal("d5", "b", 99_000_000, Outcome::Lost),
    ]
    .into_iter()
    .collect();
    let contact = |id: &str, role, rel| Contact { role: Some(role), relationship: Some(rel), ..Contact::new(ContactId(id.into()), AccountId("a".into()), id) };
    p.contacts = vec![contact("c1", BuyingRole::DecisionMaker, 8), contact("c2", BuyingRole::DecisionMaker, 4), contact("c3", BuyingRole::Champion, 10)]
        .into_iter()
        .collect();
    let basis = Basis::new(&p);
    let a = basis.values(0);
    assert_eq!(a[0].value, Some(100.0), "fit from the ICP");
    assert_eq!(a[1].value, Some(4.0), "¥6M reaches 4 of 10 bands");
    assert_eq!(a[2].value, Some(10.0), "most deals and largest total");
    assert_eq!(a[3].value, Some(6.0), "average of the decision makers");
    let b = basis.values(1);
    assert_eq!(b[0].source, ValueSource::Missing, "B has no industry: its fit is unknown");
    assert_eq!(b[1].value, Some(5.0), "no expected size: open deals (¥9M) reach 5 bands");
    assert_eq!(b[2].value, Some(2.5 + 1.25), "1 of 2 deals, ¥5M of ¥20M");
    assert_eq!(b[3].source, ValueSource::Missing, "no decision makers known");
    // One value at a time reads the same, and nothing outside the basis.
    for i in 0..basis.len() {
        for (k, v) in basis.values(i).into_iter().enumerate() {
            assert_eq!(basis.value(i, k), Some(v));
        }
        assert_eq!(basis.value(i, basis.factor_count()), None);
    }
    assert_eq!(basis.value(basis.len(), 0), None);
}

#[test]
fn outcome_counts_per_criterion() {
    let mut p = seed_example();
    p.icp.criteria.push(IcpCriterion { id: CriterionId("c".into()), weight: 1.0, rule: IcpRule::Industry { values: vec!["製造業".into()] } });
    p.icp.criteria.push(IcpCriterion { id: CriterionId("e".into()), weight: 1.0, rule: IcpRule::Employees { min: Some(100), max: None } });
    p.accounts[0].industry = "製造業".into();
    p.accounts[1].industry = "小売業".into();
    p.accounts[0].employees = Some(90);
    let b = Basis::new(&p);
    assert_eq!(b.outcome_counts(0), OutcomeCounts { met: 1, partial: 0, missed: 1, unknown: 3 });
    assert_eq!(b.outcome_counts(1), OutcomeCounts { met: 0, partial: 1, missed: 0, unknown: 4 });
    assert_eq!(b.outcome_counts(9), OutcomeCounts::default());
}

#[test]
fn a_value_typed_by_hand_overrides_and_keeps_the_derived_one_visible() {
    let mut p = seed_example();
    p.accounts[0].factors.remove(&FactorId("purchase".into()));
    let basis = Basis::new(&p);
    assert_eq!(basis.values(0)[2], FactorValue { value: None, source: ValueSource::Missing, derived: None }, "nobody has bought: no history to score");
    let won = Deal {
        outcome: Outcome::Won,
        stage: DealStage::Closed,
        closed: Date::from_ymd(2026, 3, 1),
        ..Deal::new(DealId("d".into()), p.accounts[1].id.clone(), "won", Money::from_major(100), Date::from_ymd(2026, 1, 1).unwrap())
    };
    p.deals.push_back(won);
    let basis = Basis::new(&p);
    assert_eq!(basis.values(0)[2], FactorValue { value: Some(0.0), source: ValueSource::Derived, derived: Some(0.0) }, "someone has: this account has none");
    assert_eq!(basis.values(0)[0].source, ValueSource::Manual);
    // Out-of-scale values typed by hand are held to the scale.
    p.accounts[0].factors.insert(FactorId("opportunity".into()), 14.0);
    assert_eq!(Basis::new(&p).values(0)[1].value, Some(10.0));
}

#[test]
fn tiers_by_score_by_capacity_and_pinned() {
    let mut p = seed_example();
    p.prioritisation.tiers = TierRule::Score { tier1_min: 80.0, tier2_min: 59.5 };
    let (_, r) = evaluate(&p);
    let tier = |r: &Ranking, i: usize| r.tiers[i].map(|t| t.0.number());
    assert_eq!((0..5).map(|i| tier(&r, i)).collect::<Vec<_>>(), [Some(2), Some(3), Some(1), Some(3), Some(2)]);
    assert_eq!(r.tier_counts, [1, 2, 2]);

    p.prioritisation.tiers = TierRule::Capacity { tier1: 2, tier2: 2 };
    p.accounts[3].tier = Some(Tier::One); // D pinned to tier 1 takes a tier-1 place.
    let (_, r) = evaluate(&p);
    assert_eq!(r.tiers[3], Some((Tier::One, TierSource::Pinned)));
    assert_eq!(tier(&r, 2), Some(1), "C is best: the other tier-1 place");
    assert_eq!(tier(&r, 0), Some(2));
    assert_eq!(tier(&r, 4), Some(2));
    assert_eq!(tier(&r, 1), Some(3));
    assert_eq!(r.tier_counts, [2, 2, 1]);
}

#[test]
fn accounts_outside_the_target_list_are_scored_but_not_ranked() {
    let mut p = seed_example();
    p.accounts[2].target = TargetChoice::Exclude;
    let (_, r) = evaluate(&p);
    assert_eq!(r.account(2), AccountRank { score: r.scores[2], rank: None, tier: None });
    assert!(r.scores[2] > 80.0);
    assert_eq!(r.order.len(), 4);
}

#[test]
fn zero_weights_and_empty_plans_give_zero_not_nan() {
    let mut p = seed_example();
    p.prioritisation.factors.iter_mut().for_each(|f| f.weight = 0.0);
    let (_, r) = evaluate(&p);
    assert!(r.scores.iter().all(|s| *s == 0.0));
    let (basis, r) = evaluate(&plan_with(vec![]));
    assert!(basis.is_empty() && r.order.is_empty());
}

fn random_plan() -> impl Strategy<Value = (Plan, Vec<f64>)> {
    let account = (proptest::collection::vec(proptest::option::of(0.0..=10.0f64), 4), "[a-c]{1,2}", any::<bool>());
    (proptest::collection::vec(account, 1..40), proptest::collection::vec(0.0..100.0f64, 4)).prop_map(|(accounts, weights)| {
        let accounts = accounts
            .into_iter()
            .enumerate()
            .map(|(i, (values, name, include))| {
                let mut a = Account::new(AccountId(format!("acc_{i:03}")), name);
                a.target = if include { TargetChoice::Include } else { TargetChoice::Auto };
                for ((id, v), scale) in ["fit", "opportunity", "purchase", "relationship"].iter().zip(values).zip([10.0, 1.0, 1.0, 1.0]) {
                    if let Some(v) = v {
                        a.factors.insert(FactorId((*id).into()), v * scale);
                    }
                }
                a
            })
            .collect();
        (plan_with(accounts), weights)
    })
}

#[test]
fn set_aside_factors_without_any_value_and_share_the_score_among_the_rest() {
    // A plan fresh from a CRM: fits, nothing else.
    let mut p = seed_example();
    for a in p.accounts.iter_mut() {
        a.factors.retain(|f, _| f.as_str() == "fit");
    }
    let basis = Basis::new(&p);
    assert_eq!(basis.factors_with_values(), vec![true, false, false, false]);
    assert_eq!(basis.coverage(0, true), basis.targets.iter().filter(|t| t.is_target()).count());
    assert_eq!(basis.coverage(3, false), 0);
    let r = rank(&basis, &[40.0, 25.0, 15.0, 20.0], &p.prioritisation.tiers);
    assert_eq!(r.shares, vec![1.0, 0.0, 0.0, 0.0], "fit carries the whole score");
    let best = r.order[0];
    let fit = basis.fit(best).percent.or(basis.value(best, 0).and_then(|v| v.value)).unwrap();
    assert!((r.scores[best] - fit).abs() < 1e-6, "the score is the fit: {} vs {fit}", r.scores[best]);
    // One relationship typed: the factor counts again, for everyone.
    let first = p.accounts[0].id.clone();
    if let Some(a) = p.accounts.iter_mut().find(|a| a.id == first) {
        a.factors.insert(FactorId("relationship".into()), 5.0);
    }
    let r = rank(&Basis::new(&p), &[40.0, 25.0, 15.0, 20.0], &p.prioritisation.tiers);
    assert_eq!(r.shares, vec![40.0 / 60.0, 0.0, 0.0, 20.0 / 60.0]);
}

fn ranks(p: &Plan, weights: &[f64]) -> Vec<Option<u32>> {
    let basis = Basis::new(p);
    rank(&basis, weights, &p.prioritisation.tiers).ranks
}

proptest! {
    #[test]
    fn raising_a_factor_never_lowers_a_score((p, weights) in random_plan(), which in 0usize..40, factor in 0usize..4, up in 0.0..50.0f64) {
        let i = which % p.accounts.len();
        let basis = Basis::new(&p);
        let before = rank(&basis, &weights, &p.prioritisation.tiers).scores[i];
        let mut raised = p.clone();
        let id = FactorId(["fit", "opportunity", "purchase", "relationship"][factor].into());
        let a = raised.accounts.get_mut(i).unwrap();
        let now = a.factors.get(&id).copied().unwrap_or(0.0);
        a.factors.insert(id, now + up);
        let raised_basis = Basis::new(&raised);
        let after = rank(&raised_basis, &weights, &raised.prioritisation.tiers).scores[i];
        // While the same factors are counted: the first value of a factor that
        // was set aside brings its weight back (`set_aside_factors_…` below).
        if basis.factors_with_values() == raised_basis.factors_with_values() {
            prop_assert!(after >= before - 1e-9, "{before} -> {after}");
        }
    }

    #[test]
    fn scaling_all_weights_changes_no_rank((p, weights) in random_plan(), scale in 0.001..1000.0f64) {
        let scaled: Vec<f64> = weights.iter().map(|w| w * scale).collect();
        prop_assert_eq!(ranks(&p, &weights), ranks(&p, &scaled));
    }

    #[test]
    fn ties_break_the_same_way_whatever_the_input_order((p, weights) in random_plan(), seed in any::<u64>()) {
        let mut shuffled = p.clone();
        let mut v: Vec<Account> = shuffled.accounts.iter().cloned().collect();
        fastrand::Rng::with_seed(seed).shuffle(&mut v);
        shuffled.accounts = v.into_iter().collect();
        let by_id = |p: &Plan| {
            let r = ranks(p, &weights);
            let mut out: Vec<(String, Option<u32>)> = p.accounts.iter().map(|a| a.id.to_string()).zip(r).collect();
            out.sort();
            out
        };
        prop_assert_eq!(by_id(&p), by_id(&shuffled));
    }

    #[test]
    fn scores_are_never_nan((p, mut weights) in random_plan(), wild in prop::sample::select(vec![0.0, -1.0, f64::NAN, f64::INFINITY, 1e308])) {
        weights[0] = wild;
        let (basis, _) = evaluate(&p);
        let r = rank(&basis, &weights, &p.prioritisation.tiers);
        for (i, s) in r.scores.iter().enumerate() {
            prop_assert!(s.is_finite() && (0.0..=100.0).contains(s), "{}", s);
            prop_assert!(r.contributions(&basis, i).iter().all(|c| c.is_finite()));
        }
    }
}
