use super::*;
use crate::domain::*;

fn today() -> Date {
    Date::from_ymd(2026, 11, 23).unwrap()
}

fn demo() -> Plan {
    crate::demo::demo_plan(PlanId("d".into()), today(), today().at(9, 0))
}

#[test]
fn the_demo_plan_is_predicted_and_validated() {
    let p = demo();
    let basis = Basis::new(&p);
    let pred = predict(&p, &basis, today());
    assert!(pred.bought >= MIN_PER_CLASS && pred.did_not_buy >= MIN_PER_CLASS, "{} / {}", pred.bought, pred.did_not_buy);
    let Verdict::Validated { auc, folds } = pred.verdict else { panic!("{:?}", pred.verdict) };
    assert!((0.0..=1.0).contains(&auc));
    assert!(folds >= 2);
    assert_eq!(pred.probabilities.len(), p.accounts.len());
    assert!(pred.probabilities.iter().flatten().all(|v| (0.0..=1.0).contains(v)));
    let open = pred.labels.iter().position(|l| *l == Label::Open).expect("the demo has open accounts");
    assert!(!pred.drivers(open, 3).is_empty());
    assert!(pred.drivers(open, 3).len() <= 3);
    eprintln!("demo: {} bought, {} did not, {:?}, {:?}", pred.bought, pred.did_not_buy, pred.verdict, pred.trust());
    assert_eq!(pred.trust(), if auc < 0.6 { Trust::NoBetterThanChance } else { Trust::Tentative }, "the demo has few decided accounts");
}

/// A plan where buyers are the accounts with meetings before their decision.
fn synthetic(buyers: usize, others: usize, open: usize) -> Plan {
    let mut p = Plan::new(PlanId("p".into()), "t", today().at(0, 0));
    let mut rng = fastrand::Rng::with_seed(9);
    for i in 0..buyers + others + open {
        let id = AccountId(format!("a{i:03}"));
        p.accounts.push_back(Account::new(id.clone(), format!("Account {i}")));
        let engaged = if i < buyers {
            rng.f64() < 0.9
        } else if i < buyers + others {
            rng.f64() < 0.1
        } else {
            i % 2 == 0
        };
        let decided = today().add_days(-30);
        if i < buyers + others {
            let mut d = Deal::new(DealId(format!("d{i}")), id.clone(), "Deal", Money::from_major(100), decided.add_days(-60));
            d.outcome = if i < buyers { Outcome::Won } else { Outcome::Lost };
            d.stage = DealStage::Closed;
            d.closed = Some(decided);
            p.deals.push_back(d);
        }
        let before = if i < buyers + others { decided } else { today() };
        if engaged {
            for k in 0..3 {
                p.activities.push_back(Activity {
                    id: ActivityId(format!("m{i}_{k}")),
                    account: id.clone(),
                    contact: None,
                    kind: ActivityKind::Meeting,
                    at: before.add_days(-5 - k).at(1, 0),
                    campaign: None,
                    content: None,
                    count: None,
                    progress: None,
                    note: String::new(),
                });
            }
        }
        // Everyone, buyer or not, gets lots of activity after the decision: it must not count.
        for k in 0..5 {
            p.activities.push_back(Activity {
                id: ActivityId(format!("late{i}_{k}")),
                account: id.clone(),
                contact: None,
                kind: ActivityKind::WebVisit,
                at: today().add_days(-k).at(1, 0),
                campaign: None,
                content: None,
                count: if i < buyers { Some(20) } else { None },
                progress: None,
                note: String::new(),
            });
        }
    }
    p
}

#[test]
fn a_real_signal_is_found_validated_and_named_as_the_driver() {
    let p = synthetic(30, 30, 10);
    let pred = predict(&p, &Basis::new(&p), today());
    let Verdict::Validated { auc, folds } = pred.verdict else { panic!() };
    assert_eq!(folds, FOLDS);
    assert!(auc > 0.8, "auc {auc}");
    assert!(matches!(pred.weights()[0].0, Feature::Meetings | Feature::Responses), "{:?}", pred.weights());
    // Open accounts with meetings (even positions) rank above those without.
    let engaged = pred.probabilities[60].unwrap();
    let quiet = pred.probabilities[61].unwrap();
    assert!(engaged > quiet, "{engaged} vs {quiet}");
    assert!(matches!(pred.drivers(60, 1)[0].0, Feature::Meetings | Feature::Responses));
    assert!(pred.drivers(60, 1)[0].1 > 0.0);
}

#[test]
fn activity_after_the_decision_does_not_leak_into_training() {
    // Buyers get 20× more late visits; were those counted, responses would dominate.
    let p = synthetic(30, 30, 0);
    let pred = predict(&p, &Basis::new(&p), today());
    let w = |feature: Feature| pred.weights().into_iter().find(|(f, _)| *f == feature).map(|(_, w)| w).unwrap();
    // Before the decision, responses are exactly the meetings: equal weights.
    // Counting the late visits would make responses far stronger.
    assert!((w(Feature::Responses) - w(Feature::Meetings)).abs() < 1e-6, "{:?}", pred.weights());
}

#[test]
fn too_little_labelled_data_says_so_and_predicts_nothing() {
    let p = synthetic(2, 30, 5);
    let pred = predict(&p, &Basis::new(&p), today());
    assert_eq!(pred.verdict, Verdict::TooLittle);
    assert_eq!((pred.bought, pred.did_not_buy, pred.open), (2, 30, 5));
    assert!(pred.probabilities.iter().all(Option::is_none));
    assert!(pred.drivers(0, 3).is_empty());
    let empty = Plan::new(PlanId("e".into()), "e", today().at(0, 0));
    assert_eq!(predict(&empty, &Basis::new(&empty), today()).verdict, Verdict::TooLittle);
}

#[test]
fn noise_is_validated_as_noise() {
    let mut p = synthetic(30, 30, 0);
    p.activities.clear();
    let pred = predict(&p, &Basis::new(&p), today());
    let Verdict::Validated { auc, .. } = pred.verdict else { panic!() };
    assert!(auc <= 0.65, "nothing to learn, auc {auc}");
}

#[test]
fn the_probability_feeds_its_prioritisation_factor_unless_typed() {
    let mut p = synthetic(30, 30, 4);
    p.prioritisation.factors.push(Factor {
        id: FactorId("fac_prob".into()),
        name: "Probability".into(),
        weight: 50.0,
        scale: FactorScale::Percent,
        source: FactorSource::PurchaseProbability,
    });
    let f = p.prioritisation.factors.len() - 1;
    let (plain, none) = basis_with_prediction(&synthetic(30, 30, 4), today(), &mut BasisCache::default());
    assert!(none.is_none(), "no factor asks for a prediction");
    assert_eq!(plain.values(60).len(), f, "the plain basis has the four built-in factors");
    let mut typed = p.accounts[61].clone();
    typed.factors.insert(FactorId("fac_prob".into()), 12.0);
    p.accounts.set(61, typed);
    let (basis, probabilities) = basis_with_prediction(&p, today(), &mut BasisCache::default());
    let probabilities = probabilities.expect("predicted");
    let full = predict(&p, &Basis::new(&p), today());
    assert_eq!(probabilities, full.probabilities, "the same final model as the validated prediction");
    let v = basis.values(60)[f];
    assert_eq!(v.source, crate::prioritisation::ValueSource::Derived);
    let expected = probabilities[60].unwrap() * 100.0;
    assert!((v.value.unwrap() - expected).abs() < 1e-3, "{v:?} vs {expected}");
    let typed = basis.values(61)[f];
    assert_eq!((typed.source, typed.value), (crate::prioritisation::ValueSource::Manual, Some(12.0)));
    assert!(typed.derived.is_some(), "the prediction is shown beside the typed value");
}
