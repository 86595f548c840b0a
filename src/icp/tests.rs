use super::*;

fn crit(id: &str, weight: f64, rule: IcpRule) -> IcpCriterion {
    IcpCriterion { id: CriterionId(id.into()), weight, rule }
}

fn profile(criteria: Vec<IcpCriterion>) -> IcpProfile {
    IcpProfile { criteria, ..IcpProfile::default() }
}

fn account() -> Account {
    let mut a = Account::new(AccountId("a".into()), "株式会社テスト");
    a.industry = "製造業".into();
    a.employees = Some(270);
    a.region = "愛知県".into();
    a.technologies = vec!["SAP S/4HANA".into(), "Excel管理".into()];
    a
}

fn credit(o: Outcome) -> f64 {
    match o {
        Outcome::Credit(c) => c,
        Outcome::Unknown => f64::NAN,
    }
}

#[test]
fn sets_match_ignoring_case_width_and_spaces() {
    let a = account();
    let p = profile(vec![crit("i", 1.0, IcpRule::Industry { values: vec![" 製造業 ".into(), "ＩＴ".into()] })]);
    assert_eq!(fit(&p, &a).percent, Some(100.0));
    let mut it = a.clone();
    it.industry = "it".into();
    assert_eq!(fit(&p, &it).percent, Some(100.0));
    it.industry = "小売業".into();
    assert_eq!(fit(&p, &it).percent, Some(0.0));
}

#[test]
fn near_misses_on_ranges_earn_partial_credit() {
    // 270 is 10 % short of 300; with a 25 % margin that earns 60 %.
    assert!((credit(range_credit(270.0, Some(300.0), Some(5000.0), 0.25)) - 0.6).abs() < 1e-12);
    assert_eq!(credit(range_credit(300.0, Some(300.0), Some(5000.0), 0.25)), 1.0);
    assert_eq!(credit(range_credit(200.0, Some(300.0), Some(5000.0), 0.25)), 0.0);
    assert!((credit(range_credit(5500.0, Some(300.0), Some(5000.0), 0.25)) - 0.6).abs() < 1e-12);
    assert_eq!(credit(range_credit(299.0, Some(300.0), None, 0.0)), 0.0, "no margin, no partial credit");
    assert_eq!(credit(range_credit(1e9, Some(300.0), None, 0.25)), 1.0, "open-ended range");
}

#[test]
fn all_of_sets_earn_their_share() {
    let a = account();
    let all = crit("t", 1.0, IcpRule::Technologies { values: vec!["SAP S/4HANA".into(), "Salesforce".into()], mode: SetMatch::AllOf });
    assert_eq!(credit(evaluate_criterion(&all, &a, 0.25)), 0.5);
    let any = crit("t", 1.0, IcpRule::Technologies { values: vec!["Salesforce".into(), "excel管理".into()], mode: SetMatch::AnyOf });
    assert_eq!(credit(evaluate_criterion(&any, &a, 0.25)), 1.0);
}

#[test]
fn missing_data_follows_the_unknown_policy() {
    let mut a = account();
    a.annual_revenue = None;
    let criteria = vec![
        crit("i", 30.0, IcpRule::Industry { values: vec!["製造業".into()] }),
        crit("r", 20.0, IcpRule::AnnualRevenue { min: Some(Money::from_major(1_000_000_000)), max: None }),
        crit("g", 10.0, IcpRule::Region { values: vec!["東京都".into()] }),
    ];
    let mut p = profile(criteria);
    // Left out: 30 earned of 40 counted.
    let f = fit(&p, &a);
    assert_eq!(f.percent, Some(75.0));
    assert!((f.known_share - 40.0 / 60.0).abs() < 1e-12);
    assert_eq!(f.breakdown[1].outcome, Outcome::Unknown);
    p.unknown_values = UnknownPolicy::NoCredit;
    assert_eq!(fit(&p, &a).percent, Some(50.0));
    p.unknown_values = UnknownPolicy::HalfCredit;
    // 30 + 10 (half of 20) earned of 60.
    assert!((fit(&p, &a).percent.unwrap() - 200.0 / 3.0).abs() < 1e-9);
}

#[test]
fn custom_fields_match_text_and_numbers() {
    let mut a = account();
    let erp = FieldId("erp".into());
    let plants = FieldId("plants".into());
    a.custom.insert(erp.clone(), CustomValue::Text("SAP".into()));
    a.custom.insert(plants.clone(), CustomValue::Number(2.0));
    let p = profile(vec![
        crit("e", 1.0, IcpRule::CustomField { field: erp, values: vec!["sap".into()], min: None, max: None }),
        crit("p", 1.0, IcpRule::CustomField { field: plants, values: vec![], min: Some(3.0), max: None }),
        crit("x", 1.0, IcpRule::CustomField { field: FieldId("none".into()), values: vec!["a".into()], min: None, max: None }),
    ]);
    let f = fit(&p, &a);
    assert_eq!(f.breakdown[0].outcome, Outcome::Credit(1.0));
    assert_eq!(f.breakdown[2].outcome, Outcome::Unknown);
    // 2 plants is 33 % short of 3: beyond the 25 % margin.
    assert_eq!(f.breakdown[1].outcome, Outcome::Credit(0.0));
    assert_eq!(f.percent, Some(50.0));
}

#[test]
fn no_criteria_means_unknown_fit() {
    let f = fit(&IcpProfile::default(), &account());
    assert_eq!(f.percent, None);
    assert_eq!(f.known_share, 0.0);
    let zero = profile(vec![crit("i", 0.0, IcpRule::Industry { values: vec!["製造業".into()] })]);
    assert_eq!(fit(&zero, &account()).percent, None, "zero weight counts for nothing");
}

#[test]
fn target_list_follows_the_threshold_and_manual_choices() {
    let p = IcpProfile { fit_threshold: 60.0, ..profile(vec![crit("i", 1.0, IcpRule::Industry { values: vec!["製造業".into()] })]) };
    let mut a = account();
    let f = fit(&p, &a);
    assert_eq!(target_status(a.target, f.percent, &p), TargetStatus::FitAtLeast { fit: 100.0, threshold: 60.0 });
    a.industry = "小売業".into();
    let f = fit(&p, &a);
    assert!(!target_status(a.target, f.percent, &p).is_target());
    a.target = TargetChoice::Include;
    assert_eq!(target_status(a.target, f.percent, &p), TargetStatus::IncludedByHand);
    a.target = TargetChoice::Exclude;
    a.industry = "製造業".into();
    assert_eq!(target_status(a.target, fit(&p, &a).percent, &p), TargetStatus::ExcludedByHand);
    a.target = TargetChoice::Auto;
    a.industry.clear();
    assert_eq!(target_status(a.target, fit(&p, &a).percent, &p), TargetStatus::FitUnknown);
}
