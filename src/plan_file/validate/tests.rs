use super::*;
use crate::demo::demo_plan;
use serde_json::{json, Value};

fn now() -> Timestamp {
    Timestamp::parse("2026-11-23T09:00:00Z").unwrap()
}

/// The demo plan with one or more problems of every kind the checks look for,
/// in every collection: later duplicates and malformed ids, references to
/// records that are not there, values out of range, reporting loops.
fn hostile_plan() -> Plan {
    let plan = demo_plan(PlanId("plan_hostile".into()), now().date(), now());
    let mut v = serde_json::to_value(&plan).unwrap();
    let p = v.as_object_mut().unwrap();
    let push_copy = |p: &mut serde_json::Map<String, Value>, key: &str, i: usize| {
        let list = p[key].as_array_mut().unwrap();
        let copy = list[i].clone();
        list.push(copy);
    };
    let set = |p: &mut serde_json::Map<String, Value>, key: &str, i: usize, field: &str, value: Value| {
        p[key][i][field] = value;
    };
    p["fiscalYearStartMonth"] = json!(13);
    push_copy(p, "team", 1);
    p["goals"][2]["target"] = json!(-5.0);
    push_copy(p, "goals", 0);
    push_copy(p, "customFields", 0);
    p["customChannels"].as_array_mut().unwrap().push(json!({"id": "email", "name": ""}));
    p["settings"]["distinctAccounts"] = json!([["acc_gone", p["accounts"][0]["id"].clone()], [p["accounts"][3]["id"].clone(), p["accounts"][2]["id"].clone()]]);
    p["settings"]["engagement"]["halfLifeDays"] = json!(0);

    push_copy(p, "accounts", 4);
    set(p, "accounts", 1, "marketingOwner", json!("mem_gone"));
    set(p, "accounts", 2, "annualRevenue", json!(-100));
    set(p, "accounts", 3, "custom", json!({"fld_gone": "x"}));
    set(p, "accounts", 5, "factors", json!({"opportunity": 99.0, "factor_gone": 1.0}));
    set(p, "accounts", 6, "id", json!("bad id with spaces"));
    set(p, "accounts", 7, "name", json!("  "));

    push_copy(p, "contacts", 10);
    let c0 = p["contacts"][0]["id"].clone();
    let c1 = p["contacts"][1]["id"].clone();
    set(p, "contacts", 0, "reportsTo", c1);
    set(p, "contacts", 1, "reportsTo", c0);
    let c2 = p["contacts"][2]["id"].clone();
    set(p, "contacts", 2, "reportsTo", c2);
    set(p, "contacts", 3, "account", json!("acc_gone"));
    set(p, "contacts", 4, "relationship", json!(14));
    set(p, "contacts", 5, "persona", json!("per_gone"));
    set(p, "contacts", 6, "reportsTo", json!("con_gone"));

    push_copy(p, "campaigns", 1);
    set(p, "campaigns", 0, "channel", json!("ch_gone"));
    set(p, "campaigns", 2, "channel", json!("ch_gone"));
    set(p, "campaigns", 3, "cost", json!(-1));
    p["campaigns"][4]["targets"].as_array_mut().unwrap().push(json!("acc_gone"));
    set(p, "campaigns", 5, "content", json!(["cnt_gone"]));
    set(p, "campaigns", 6, "end", json!("2000-01-01"));
    set(p, "campaigns", 7, "owner", json!("mem_gone"));

    push_copy(p, "content", 0);
    set(p, "content", 1, "account", json!("acc_gone"));
    set(p, "content", 2, "title", json!(""));

    push_copy(p, "deals", 3);
    set(p, "deals", 0, "account", json!("acc_gone"));
    set(p, "deals", 1, "amount", json!(-10));
    set(p, "deals", 2, "campaign", json!("cmp_gone"));
    set(p, "deals", 4, "owner", json!("mem_gone"));

    push_copy(p, "activities", 20);
    set(p, "activities", 0, "account", json!("acc_gone"));
    let elsewhere = p["contacts"][9]["id"].clone();
    set(p, "activities", 1, "contact", elsewhere);
    set(p, "activities", 2, "campaign", json!("cmp_gone"));
    set(p, "activities", 3, "content", json!("cnt_gone"));
    set(p, "activities", 4, "count", json!(0));
    set(p, "activities", 5, "progress", json!(150));
    set(p, "activities", 6, "contact", json!("con_gone"));
    set(p, "activities", 7, "id", json!(""));

    push_copy(p, "accountPlans", 0);
    let actions = p["accountPlans"][1]["actions"].as_array_mut().unwrap();
    let first = actions[0].clone();
    actions.push(first);
    actions[1]["rule"] = json!("rule_gone");
    actions[2]["channel"] = json!("ch_gone");
    set(p, "accountPlans", 2, "account", json!("acc_gone"));

    push_copy(p, "npsResponses", 0);
    set(p, "npsResponses", 1, "score", json!(12));
    set(p, "npsResponses", 2, "account", json!("acc_gone"));
    set(p, "npsResponses", 3, "contact", json!("con_gone"));
    push_copy(p, "notes", 0);
    set(p, "notes", 1, "author", json!("mem_gone"));
    set(p, "notes", 2, "account", json!("acc_gone"));
    push_copy(p, "handoffs", 0);
    set(p, "handoffs", 1, "by", json!("mem_gone"));
    set(p, "handoffs", 2, "account", json!("acc_gone"));
    serde_json::from_value(v).expect("the hostile plan is a plan")
}

fn in_steps(plan: &Plan, mode: Mode, budget: usize) -> (Plan, Vec<Problem>, Vec<f64>) {
    let mut plan = plan.clone();
    let before = vec![Problem::file(ProblemKind::PlanUnreadable)];
    let mut checks = Validation::new(&plan, mode, before);
    let mut shares = Vec::new();
    while let Some(share) = checks.step_by(&mut plan, &Origins::identity(), budget) {
        shares.push(share);
        assert!(shares.len() < 100_000, "the checks end");
    }
    (plan, checks.into_problems(), shares)
}

#[test]
fn the_hostile_plan_has_problems_in_every_collection() {
    let plan = hostile_plan();
    let (_, problems, _) = in_steps(&plan, Mode::Strict, usize::MAX);
    let texts: Vec<String> = problems.iter().map(ToString::to_string).collect();
    for key in [
        "team",
        "goals",
        "customFields",
        "customChannels",
        "accounts",
        "contacts",
        "campaigns",
        "content",
        "deals",
        "activities",
        "accountPlans",
        "npsResponses",
        "notes",
        "handoffs",
        "settings",
        "fiscalYearStartMonth",
    ] {
        assert!(texts.iter().any(|t| t.starts_with(&format!("plan.{key}"))), "no problem in {key}: {texts:#?}");
    }
    assert!(texts.iter().any(|t| t.contains("loops back")), "{texts:#?}");
    // A number with no upper limit is told as negative (the record's own rule),
    // not as out of a range up to f64::MAX.
    for (place, told) in [("plan.goals[2].target", "must not be negative"), ("plan.deals[1].amount", "must not be negative")] {
        assert!(texts.iter().any(|t| t.starts_with(place) && t.ends_with(told)), "{place}: {texts:#?}");
    }
    assert!(!texts.iter().any(|t| t.contains("17976931348623157")), "{texts:#?}");
}

#[test]
fn checks_in_steps_find_and_repair_what_one_go_does() {
    let plan = hostile_plan();
    for mode in [Mode::Strict, Mode::Repair] {
        let mut whole = plan.clone();
        let mut problems = vec![Problem::file(ProblemKind::PlanUnreadable)];
        validate(&mut whole, &Origins::identity(), mode, &mut problems);
        assert!(problems.len() > 40, "{mode:?}: {}", problems.len());
        if mode == Mode::Repair {
            assert!(whole.accounts.len() < plan.accounts.len() && whole.activities.len() < plan.activities.len());
        }
        // One record per step crosses every boundary between stages and
        // between stretches of one collection.
        for budget in [1, 2, 3, 7, 64, STEP_RECORDS] {
            let (stepped, stepped_problems, shares) = in_steps(&plan, mode, budget);
            assert_eq!(stepped_problems, problems, "{mode:?}, {budget} records a step");
            assert_eq!(stepped, whole, "{mode:?}, {budget} records a step");
            assert!(shares.windows(2).all(|w| w[0] <= w[1]), "the share done only grows");
            assert!(shares.iter().all(|s| (0.0..=1.0).contains(s)));
            assert_eq!(shares.last(), Some(&1.0), "all done at the end");
            if budget == 1 {
                // Halfway through the records, about halfway done.
                let mid = shares[shares.len() / 2];
                assert!((0.3..0.7).contains(&mid), "{mode:?}: {mid}");
            }
            assert!(shares.len() >= STAGES.len());
        }
        let (_, _, one_at_a_time) = in_steps(&plan, mode, 1);
        assert!(one_at_a_time.len() > 2 * plan.activities.len(), "{mode:?}: activities are visited one by one");
    }
}

#[test]
fn an_empty_plan_is_checked_in_one_step_per_stage() {
    let plan = Plan::new(PlanId("plan_1".into()), "計画", now());
    let (checked, problems, shares) = in_steps(&plan, Mode::Strict, 1);
    assert_eq!(checked, plan);
    assert_eq!(problems, vec![Problem::file(ProblemKind::PlanUnreadable)], "only the problems given");
    assert_eq!(shares.len(), STAGES.len());
    assert_eq!(shares.last(), Some(&1.0));
}
