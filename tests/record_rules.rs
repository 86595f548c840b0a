//! One home for each record's rules: the same invalid record, through every
//! entry point that can bring it into a plan, gets the same refusal.
//!
//! - an edit (`editing::apply`) is refused with it;
//! - a confirmed CSV import's batch carrying it is refused with it;
//! - a CSV row saying it is listed with its line and it;
//! - a plan file holding it gets a problem at the field's path with it: an
//!   error read strictly, and read with repairs a warning and the record's
//!   repair, after which the record passes its rules.

use abm_planner::csv_io::import::{preview, read, EncodingChoice, Options, ProblemKind as RowKind};
use abm_planner::domain::*;
use abm_planner::editing::{apply, Batch, Change};
use abm_planner::plan_file::problems::{Location, ProblemKind, Severity};
use abm_planner::plan_file::{read_plan_text, to_file_text, Mode};

fn now() -> Timestamp {
    Timestamp::parse("2026-12-07T09:00:00Z").expect("a time")
}

fn day(s: &str) -> Date {
    Date::parse(s).expect("a date")
}

fn plan() -> Plan {
    let mut p = Plan::new(PlanId("p".into()), "Rules", now());
    p.accounts.push_back(Account::new(AccountId("acc_1".into()), "Tokyo Seiki KK"));
    p
}

fn deal(name: &str) -> Deal {
    Deal::new(DealId("deal_1".into()), AccountId("acc_1".into()), name, Money::from_major(1_000_000), day("2026-03-01"))
}

/// Problems by path, kind and severity.
type Told = Vec<(String, ProblemKind, Severity)>;

/// The problems a plan file holding `p` gets, read strictly and with repairs;
/// and the plan read with repairs.
fn through_the_file(p: &Plan) -> (Told, Told, Plan) {
    // The file is written from the plan as it is: export writes what it holds.
    let text = to_file_text(p, now());
    let told = |problems: Vec<abm_planner::plan_file::problems::Problem>| {
        problems
            .into_iter()
            .filter_map(|x| match x.location {
                Location::Path(path) => Some((path, x.kind, x.severity)),
                _ => None,
            })
            .collect::<Told>()
    };
    let strict = read_plan_text(&text, Mode::Strict).expect_err("the strict reader refuses the file");
    let repaired = read_plan_text(&text, Mode::Repair).expect("the file reads with repairs");
    (told(strict), told(repaired.warnings), repaired.plan)
}

fn refused_row(csv: &str) -> Vec<(u64, RowKind)> {
    let file = read(csv.as_bytes(), EncodingChoice::Detect).expect("a readable CSV");
    let options = Options::new(file.kind, file.mapping.clone(), 9 * 60, now());
    let p = preview(&plan(), &file.table, &options, &mut IdGenerator::seeded(1));
    assert!(p.batch.deals.is_empty(), "the row is not imported");
    assert_eq!(p.accounted(), p.rows, "every row is accounted for");
    p.problems.iter().map(|x| (x.line, x.kind)).collect()
}

#[test]
fn a_won_deal_without_its_close_date_is_refused_everywhere_alike() {
    let bad = Deal { outcome: Outcome::Won, ..deal("Renewal 2026") };
    let refusal = Refusal::NoCloseDate;
    assert_eq!(bad.clone().checked(), Err(refusal), "the rule itself");

    assert_eq!(apply(&plan(), Change::PutDeal(Box::new(bad.clone())), now()), Err(refusal), "an edit");
    let batch = Batch { deals: vec![bad.clone()], ..Batch::default() };
    assert_eq!(apply(&plan(), Change::ImportRecords(Box::new(batch)), now()), Err(refusal), "a confirmed import's batch");

    let csv = "Deal Name,Account Name,Amount,Created Date,Close Date,Stage\n\
               Renewal 2026,Tokyo Seiki KK,1000000,2026-03-01,,Closed Won\n";
    assert_eq!(refused_row(csv), vec![(2, RowKind::Refused(refusal))], "a CSV row, listed by its line");

    let mut p = plan();
    p.deals.push_back(bad);
    let (strict, repair, repaired) = through_the_file(&p);
    assert_eq!(strict, vec![("plan.deals[0].closed".to_string(), ProblemKind::Refused(refusal), Severity::Error)], "a plan file, read strictly");
    assert_eq!(repair, vec![("plan.deals[0].closed".to_string(), ProblemKind::Refused(refusal), Severity::Warning)], "read with repairs");
    let d = &repaired.deals[0];
    assert_eq!(d.closed, Some(day("2026-03-01")), "repaired: taken as closed the day it was created");
    assert!(d.refusals().is_empty(), "a repaired record passes its rules");
}

#[test]
fn a_deal_closed_before_it_was_created_is_refused_everywhere_alike() {
    let bad = Deal { outcome: Outcome::Lost, closed: Some(day("2026-02-01")), ..deal("Pilot") };
    let refusal = Refusal::BeforeStart("closed", "created");
    assert_eq!(apply(&plan(), Change::PutDeal(Box::new(bad.clone())), now()), Err(refusal));
    let batch = Batch { deals: vec![bad.clone()], ..Batch::default() };
    assert_eq!(apply(&plan(), Change::ImportRecords(Box::new(batch)), now()), Err(refusal));
    let csv = "Deal Name,Account Name,Amount,Created Date,Close Date,Stage\n\
               Pilot,Tokyo Seiki KK,1000000,2026-03-01,2026-02-01,Closed Lost\n";
    assert_eq!(refused_row(csv), vec![(2, RowKind::Refused(refusal))]);
    let mut p = plan();
    p.deals.push_back(bad);
    let (strict, repair, repaired) = through_the_file(&p);
    assert_eq!(strict, vec![("plan.deals[0].closed".to_string(), ProblemKind::Refused(refusal), Severity::Error)]);
    assert_eq!(repair.len(), 1);
    assert_eq!(repaired.deals[0].closed, Some(day("2026-03-01")), "repaired: closed the day it was created");
}

#[test]
fn campaigns_goals_and_scores_keep_their_rules_in_edits_and_files() {
    // A campaign that ends before it starts.
    let campaign = Campaign {
        id: CampaignId("cmp_1".into()),
        name: "Autumn webinar".into(),
        channel: Channel::Builtin(BuiltinChannel::Events),
        start: day("2026-10-01"),
        end: Some(day("2026-09-01")),
        cost: Money::from_major(300_000),
        targets: vec![],
        content: vec![],
        owner: None,
        notes: String::new(),
        updated_at: None,
    };
    let refusal = Refusal::BeforeStart("end", "start");
    assert_eq!(apply(&plan(), Change::PutCampaign(Box::new(campaign.clone())), now()), Err(refusal));
    let mut p = plan();
    p.campaigns.push_back(campaign);
    let (strict, _, repaired) = through_the_file(&p);
    assert_eq!(strict, vec![("plan.campaigns[0].end".to_string(), ProblemKind::Refused(refusal), Severity::Error)]);
    assert_eq!(repaired.campaigns[0].end, Some(day("2026-10-01")));

    // A goal with a negative target.
    let goal = Goal {
        id: GoalId("goal_1".into()),
        name: "Pipeline".into(),
        metric: Metric::PipelineValue,
        target: -5.0,
        unit: Metric::PipelineValue.natural_unit(),
        start: None,
        due: None,
        actual: None,
        notes: String::new(),
    };
    let refusal = Refusal::Negative("target");
    assert_eq!(apply(&plan(), Change::PutGoal(goal.clone()), now()), Err(refusal));
    let mut p = plan();
    p.goals.push_back(goal.clone());
    let (strict, _, repaired) = through_the_file(&p);
    assert_eq!(strict, vec![("plan.goals[0].target".to_string(), ProblemKind::Refused(refusal), Severity::Error)]);
    assert_eq!(repaired.goals[0].target, 0.0);

    // The same goal in an account plan's KPIs.
    let mut p = plan();
    let ap = AccountPlan {
        id: AccountPlanId("ap_1".into()),
        account: AccountId("acc_1".into()),
        overview: Overview::default(),
        goals: vec![],
        marketing_plan: String::new(),
        sales_strategy: String::new(),
        kpis: vec![goal.clone()],
        actions: vec![],
        channels: vec![],
        updated_at: None,
    };
    assert_eq!(apply(&p, Change::PutAccountPlan(Box::new(ap.clone())), now()), Err(refusal), "an account plan's KPI");
    p.account_plans.push_back(ap.clone());
    let (strict, _, _) = through_the_file(&p);
    assert_eq!(strict, vec![("plan.accountPlans[0].kpis[0].target".to_string(), ProblemKind::Refused(refusal), Severity::Error)]);

    // An action of the execution plan due before it starts.
    let action = Action {
        id: ActionId("act_1".into()),
        title: "Executive briefing".into(),
        channel: None,
        owner: None,
        start: Some(day("2026-05-10")),
        due: Some(day("2026-05-01")),
        status: ActionStatus::Planned,
        content: vec![],
        rule: None,
        trigger: None,
        notes: String::new(),
    };
    let refusal = Refusal::BeforeStart("due", "start");
    let with_action = AccountPlan { kpis: vec![], actions: vec![action], ..ap.clone() };
    let mut p = plan();
    assert_eq!(apply(&p, Change::PutAccountPlan(Box::new(with_action.clone())), now()), Err(refusal), "an action");
    p.account_plans.push_back(with_action);
    let (strict, _, repaired) = through_the_file(&p);
    assert_eq!(strict, vec![("plan.accountPlans[0].actions[0].due".to_string(), ProblemKind::Refused(refusal), Severity::Error)]);
    assert_eq!(repaired.account_plans[0].actions[0].due, Some(day("2026-05-10")));

    // An NPS score above 10.
    let response =
        NpsResponse { id: NpsId("nps_1".into()), account: AccountId("acc_1".into()), contact: None, score: 11, at: day("2026-11-01"), comment: String::new() };
    let refusal = Refusal::TooLarge("score", 10);
    assert_eq!(apply(&plan(), Change::PutNps(response.clone()), now()), Err(refusal));
    let mut p = plan();
    p.nps_responses.push_back(response);
    let (strict, _, repaired) = through_the_file(&p);
    assert_eq!(strict, vec![("plan.npsResponses[0].score".to_string(), ProblemKind::Refused(refusal), Severity::Error)]);
    assert_eq!(repaired.nps_responses[0].score, 10);

    // A relationship with a decision maker above prioritisation's 10.
    let mut person = Contact::new(ContactId("con_1".into()), AccountId("acc_1".into()), "佐藤 健一");
    person.relationship = Some(14);
    let refusal = Refusal::TooLarge("relationship", 10);
    assert_eq!(apply(&plan(), Change::PutContact(Box::new(person.clone())), now()), Err(refusal));
    let mut p = plan();
    p.contacts.push_back(person);
    let (strict, _, repaired) = through_the_file(&p);
    assert_eq!(strict, vec![("plan.contacts[0].relationship".to_string(), ProblemKind::Refused(refusal), Severity::Error)]);
    assert_eq!(repaired.contacts[0].relationship, Some(10));
}

#[test]
fn an_account_without_a_name_is_refused_by_an_edit_a_batch_and_a_file() {
    let nameless = Account::new(AccountId("acc_2".into()), "  ");
    let refusal = Refusal::Empty("name");
    assert_eq!(apply(&plan(), Change::PutAccounts(vec![nameless.clone()]), now()), Err(refusal));
    let batch = Batch { accounts: vec![nameless.clone()], ..Batch::default() };
    assert_eq!(apply(&plan(), Change::ImportRecords(Box::new(batch)), now()), Err(refusal));
    let mut p = plan();
    p.accounts.push_back(nameless);
    let (strict, repair, _) = through_the_file(&p);
    assert_eq!(strict, vec![("plan.accounts[1].name".to_string(), ProblemKind::Refused(refusal), Severity::Error)]);
    assert_eq!(repair, vec![("plan.accounts[1].name".to_string(), ProblemKind::Refused(refusal), Severity::Warning)], "no name is guessed: it is only told");
}

#[test]
fn a_weight_the_app_accepts_is_one_the_file_reads_back() {
    use abm_planner::domain::prioritisation::{is_weight, MAX_WEIGHT};
    assert!(is_weight(0.0) && is_weight(MAX_WEIGHT), "the app takes 0 and the greatest weight");
    assert!(!is_weight(MAX_WEIGHT + 1.0) && !is_weight(-1.0) && !is_weight(f64::NAN), "and refuses beyond them");
    let mut p = plan();
    p.prioritisation.factors[0].weight = MAX_WEIGHT;
    p.icp.criteria.push(IcpCriterion { id: CriterionId("cr_1".into()), weight: MAX_WEIGHT, rule: IcpRule::Industry { values: vec!["製造業".into()] } });
    read_plan_text(&to_file_text(&p, now()), Mode::Strict).expect("the greatest weights read back strictly");
    p.prioritisation.factors[0].weight = MAX_WEIGHT + 1.0;
    let strict = read_plan_text(&to_file_text(&p, now()), Mode::Strict).expect_err("a greater weight is refused");
    assert!(strict.iter().any(|x| matches!(&x.location, Location::Path(path) if path == "plan.prioritisation.factors[0].weight")), "{strict:?}");
}

#[test]
fn a_persona_without_a_name_and_a_weight_beyond_the_limit_are_refused_by_an_edit_and_a_file() {
    let persona = Persona {
        id: PersonaId("per_1".into()),
        name: "  ".into(),
        role: "情報システム部長".into(),
        department: String::new(),
        seniority: String::new(),
        pains: vec![],
        notes: String::new(),
    };
    let mut icp = plan().icp;
    icp.personas.push(persona);
    assert_eq!(apply(&plan(), Change::SetIcp(Box::new(icp.clone())), now()), Err(Refusal::Empty("name")));
    let mut p = plan();
    p.icp = icp;
    let (strict, _, _) = through_the_file(&p);
    assert_eq!(strict, vec![("plan.icp.personas[0].name".to_string(), ProblemKind::Refused(Refusal::Empty("name")), Severity::Error)]);

    let mut prioritisation = plan().prioritisation;
    prioritisation.factors[0].weight = 5000.0;
    assert_eq!(apply(&plan(), Change::SetPrioritisation(Box::new(prioritisation)), now()), Err(Refusal::OutOfRange("weight")));
}
