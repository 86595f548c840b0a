//! Random valid plans for property tests. Raw random data is drawn first, then
//! references are wired by index, so every generated plan passes validation: any
//! failure of a property is a real bug, not a bad sample.

use abm_planner::domain::*;
use proptest::prelude::*;

/// Text as people type it: Japanese, emoji, right-to-left, escapes, control
/// characters; never blank (names must not be).
pub fn name() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-zA-Z0-9ぁ-んァ-ン一-龥]{1,20}",
        "\\PC{1,30}".prop_filter("not blank", |s| !s.trim().is_empty()),
        Just("株式会社ミナト精機 🏭".to_string()),
        Just("שלום عربى mixed RTL".to_string()),
        Just("quote \" backslash \\ tab \t newline \n nul \u{0}".to_string()),
    ]
}

pub fn text() -> impl Strategy<Value = String> {
    prop_oneof![Just(String::new()), name()]
}

pub fn money() -> impl Strategy<Value = Money> {
    prop_oneof![(0i64..1_000_000_000).prop_map(Money::from_major), (0i64..1_000_000_000_000_000).prop_map(Money::from_minor),]
}

pub fn weight() -> impl Strategy<Value = f64> {
    prop_oneof![0.0..1000.0f64, Just(0.0), Just(33.333333333333336), Just(1e-300)]
}

pub fn date() -> impl Strategy<Value = Date> {
    (1900i32..2200, 1u32..=12, 1u32..=28).prop_map(|(y, m, d)| Date::from_ymd(y, m, d).unwrap())
}

pub fn timestamp() -> impl Strategy<Value = Timestamp> {
    // 1900-01-01 .. 2199-12-31, to the millisecond.
    (-2_208_988_800_000i64..7_258_118_400_000).prop_map(|ms| Timestamp::from_millis(ms).unwrap())
}

fn id(prefix: &str, i: usize) -> String {
    format!("{prefix}_{i}")
}

fn pick<T: Clone>(items: &[T], i: usize) -> Option<T> {
    (!items.is_empty()).then(|| items[i % items.len()].clone())
}

fn activity_kind() -> impl Strategy<Value = ActivityKind> {
    (0..ActivityKind::ALL.len()).prop_map(|i| ActivityKind::ALL[i])
}

#[derive(Debug, Clone)]
struct RawAccount {
    name: String,
    domain: String,
    industry: String,
    employees: Option<u32>,
    revenue: Option<Money>,
    region: String,
    tags: Vec<String>,
    factor: Option<(usize, f64)>,
    custom: Option<(usize, String)>,
    tier: Option<u8>,
    target: u8,
    owner: usize,
    updated: Option<Timestamp>,
}

fn raw_account() -> impl Strategy<Value = RawAccount> {
    (
        (name(), text(), text(), proptest::option::of(any::<u32>()), proptest::option::of(money())),
        (text(), proptest::collection::vec(name(), 0..3), proptest::option::of((0usize..4, 0.0..=1.0f64))),
        (proptest::option::of((0usize..3, name())), proptest::option::of(1u8..=3), 0u8..3, any::<usize>()),
        proptest::option::of(timestamp()),
    )
        .prop_map(|((name, domain, industry, employees, revenue), (region, tags, factor), (custom, tier, target, owner), updated)| RawAccount {
            name,
            domain,
            industry,
            employees,
            revenue,
            region,
            tags,
            factor,
            custom,
            tier,
            target,
            owner,
            updated,
        })
}

#[derive(Debug, Clone)]
struct RawLink {
    a: usize,
    b: usize,
    c: usize,
    n: u8,
    text: String,
    when: Timestamp,
    day: Date,
    amount: Money,
    kind: usize,
}

fn raw_link() -> impl Strategy<Value = RawLink> {
    (any::<usize>(), any::<usize>(), any::<usize>(), 0u8..=10, text(), timestamp(), date(), money(), 0usize..16)
        .prop_map(|(a, b, c, n, text, when, day, amount, kind)| RawLink { a, b, c, n, text, when, day, amount, kind })
}

pub fn plan() -> impl Strategy<Value = Plan> {
    (
        (name(), timestamp(), 1u8..=12, proptest::collection::vec(name(), 0..4), proptest::collection::vec((name(), weight(), date()), 0..4)),
        proptest::collection::vec(raw_account(), 0..12),
        proptest::collection::vec(raw_link(), 0..25),
        proptest::collection::vec((raw_link(), activity_kind()), 0..40),
        (weight(), weight(), 0.0..=100.0f64, proptest::collection::vec(name(), 0..3)),
    )
        .prop_map(|((plan_name, created, fy, team, goals), raw_accounts, links, raw_activities, (w1, w2, threshold, channels))| {
            build(plan_name, created, fy, team, goals, raw_accounts, links, raw_activities, (w1, w2, threshold, channels))
        })
}

#[allow(clippy::too_many_arguments)]
fn build(
    plan_name: String,
    created: Timestamp,
    fy: u8,
    team: Vec<String>,
    goals: Vec<(String, f64, Date)>,
    raw_accounts: Vec<RawAccount>,
    links: Vec<RawLink>,
    raw_activities: Vec<(RawLink, ActivityKind)>,
    (w1, w2, threshold, channel_names): (f64, f64, f64, Vec<String>),
) -> Plan {
    let mut p = Plan::new(PlanId("plan_random".into()), plan_name, created);
    p.fiscal_year_start_month = fy;
    p.team = team
        .into_iter()
        .enumerate()
        .map(|(i, n)| TeamMember { id: MemberId(id("mem", i)), name: n, team: [Team::Marketing, Team::Sales, Team::Other][i % 3], email: String::new() })
        .collect();
    let members: Vec<MemberId> = p.team.iter().map(|m| m.id.clone()).collect();
    p.goals = goals
        .into_iter()
        .enumerate()
        .map(|(i, (n, target, due))| Goal {
            id: GoalId(id("goal", i)),
            name: n,
            metric: Metric::ALL[i % Metric::ALL.len()],
            target,
            unit: Metric::ALL[i % Metric::ALL.len()].natural_unit(),
            start: None,
            due: Some(due),
            actual: (i % 2 == 0).then_some(target / 3.0),
            notes: String::new(),
        })
        .collect();
    p.custom_fields = (0..3).map(|i| CustomFieldDef { id: FieldId(id("fld", i)), name: format!("項目{i}"), kind: FieldKind::Text, options: vec![] }).collect();
    p.custom_channels = channel_names.into_iter().enumerate().map(|(i, name)| CustomChannel { id: ChannelId(id("ch", i)), name }).collect();
    p.prioritisation.factors[0].weight = w1;
    p.prioritisation.factors[1].weight = w2;
    p.prioritisation.factors.push(Factor {
        id: FactorId("fac_custom".into()),
        name: "独自指標".into(),
        weight: w2,
        scale: FactorScale::TenPoint,
        source: FactorSource::Manual,
    });
    p.icp.fit_threshold = threshold;
    let factor_ids: Vec<(FactorId, f64)> = p.prioritisation.factors.iter().map(|f| (f.id.clone(), f.scale.max())).collect();

    for (i, r) in raw_accounts.into_iter().enumerate() {
        let mut a = Account::new(AccountId(id("acc", i)), r.name);
        a.domain = r.domain;
        a.industry = r.industry;
        a.employees = r.employees;
        a.annual_revenue = r.revenue;
        a.region = r.region;
        a.tags = r.tags;
        if let Some((f, share)) = r.factor {
            let (fid, max) = &factor_ids[f % factor_ids.len()];
            a.factors.insert(fid.clone(), (share * max * 100.0).round() / 100.0);
        }
        if let Some((f, v)) = r.custom {
            a.custom.insert(FieldId(id("fld", f)), CustomValue::Text(v));
        }
        a.tier = r.tier.and_then(|t| Tier::try_from(t).ok());
        a.target = [TargetChoice::Auto, TargetChoice::Include, TargetChoice::Exclude][r.target as usize];
        a.marketing_owner = pick(&members, r.owner);
        a.updated_at = r.updated;
        p.accounts.push_back(a);
    }
    let accounts: Vec<AccountId> = p.accounts.iter().map(|a| a.id.clone()).collect();
    if accounts.is_empty() {
        return p;
    }
    let channels: Vec<Channel> =
        BuiltinChannel::ALL.iter().map(|b| Channel::Builtin(*b)).chain(p.custom_channels.iter().map(|c| Channel::Custom(c.id.clone()))).collect();

    let mut contacts: Vec<Contact> = Vec::new();
    for (i, l) in links.iter().enumerate() {
        let account = accounts[l.a % accounts.len()].clone();
        // Report only to an earlier contact at the same account: no loops.
        let reports_to = contacts.iter().filter(|c| c.account == account).nth(l.b % 3).map(|c| c.id.clone());
        contacts.push(Contact {
            id: ContactId(id("con", i)),
            account,
            name: format!("{} {i}", l.text),
            title: l.text.clone(),
            department: String::new(),
            email: String::new(),
            phone: String::new(),
            reports_to,
            role: pick(&BuyingRole::ALL, l.c),
            stance: [None, Some(Stance::Supporter), Some(Stance::Neutral), Some(Stance::Opponent)][l.c % 4],
            relationship: (l.c % 2 == 0).then_some(l.n),
            last_contact: Some(l.day),
            persona: None,
            notes: String::new(),
            updated_at: Some(l.when),
        });
    }
    p.contacts = contacts.iter().cloned().collect();
    let contact_ids: Vec<ContactId> = contacts.iter().map(|c| c.id.clone()).collect();

    p.content = links
        .iter()
        .take(5)
        .enumerate()
        .map(|(i, l)| ContentAsset {
            id: ContentId(id("cnt", i)),
            title: format!("資料 {i}"),
            kind: ContentKind::Whitepaper,
            url: l.text.clone(),
            account: (l.b % 2 == 0).then(|| accounts[l.a % accounts.len()].clone()),
            status: Some(ContentStatus::Ready),
            created: Some(l.day),
            notes: String::new(),
            updated_at: None,
        })
        .collect();
    let content: Vec<ContentId> = p.content.iter().map(|c| c.id.clone()).collect();

    p.campaigns = links
        .iter()
        .take(6)
        .enumerate()
        .map(|(i, l)| Campaign {
            id: CampaignId(id("cmp", i)),
            name: format!("キャンペーン {i}"),
            channel: channels[l.c % channels.len()].clone(),
            start: l.day,
            end: Some(l.day.add_days((l.n as i64) * 3)),
            cost: l.amount,
            targets: accounts.iter().skip(l.a % accounts.len()).take(3).cloned().collect(),
            content: pick(&content, l.b).into_iter().collect(),
            owner: pick(&members, l.c),
            notes: l.text.clone(),
            updated_at: Some(l.when),
        })
        .collect();
    let campaigns: Vec<CampaignId> = p.campaigns.iter().map(|c| c.id.clone()).collect();

    p.deals = links
        .iter()
        .enumerate()
        .map(|(i, l)| Deal {
            id: DealId(id("deal", i)),
            account: accounts[l.b % accounts.len()].clone(),
            name: format!("商談 {i}"),
            kind: [DealKind::New, DealKind::CrossSell, DealKind::Upsell, DealKind::Renewal][l.c % 4],
            amount: l.amount,
            created: l.day,
            // A won or lost deal has its close date; an open one may have one.
            closed: (l.n % 2 == 0 || l.a % 3 != 0).then(|| l.day.add_days(l.n as i64 * 10)),
            stage: [DealStage::Qualification, DealStage::Proposal, DealStage::Negotiation, DealStage::Closed][l.c % 4],
            outcome: [Outcome::Open, Outcome::Won, Outcome::Lost][l.a % 3],
            product: l.text.clone(),
            owner: pick(&members, l.a),
            campaign: pick(&campaigns, l.c),
            notes: String::new(),
            updated_at: None,
        })
        .collect();

    p.activities = raw_activities
        .into_iter()
        .enumerate()
        .map(|(i, (l, kind))| {
            let account = accounts[l.a % accounts.len()].clone();
            Activity {
                id: ActivityId(id("act", i)),
                contact: contacts.iter().find(|c| c.account == account).map(|c| c.id.clone()),
                account,
                kind,
                at: l.when,
                campaign: pick(&campaigns, l.b),
                content: pick(&content, l.c),
                count: (l.kind % 3 == 0).then_some(1 + l.n as u32),
                progress: (kind == ActivityKind::VideoView).then_some(l.n * 10),
                note: l.text,
            }
        })
        .collect();

    p.account_plans = accounts
        .iter()
        .take(2)
        .enumerate()
        .map(|(i, a)| AccountPlan {
            id: AccountPlanId(id("ap", i)),
            account: a.clone(),
            overview: Overview { business: "事業".into(), challenges: String::new(), needs: "ニーズ".into() },
            goals: p.goals.iter().take(1).cloned().collect(),
            marketing_plan: "plan".into(),
            sales_strategy: String::new(),
            kpis: p.goals.iter().skip(1).take(2).cloned().collect(),
            actions: vec![Action {
                id: ActionId(id("task", i)),
                title: "訪問".into(),
                channel: channels.first().cloned(),
                owner: members.first().cloned(),
                start: None,
                due: Some(created.date()),
                status: ActionStatus::InProgress,
                content: content.iter().take(1).cloned().collect(),
                rule: Some(RuleId("rule_webinar_call".into())),
                trigger: p.activities.get(i).map(|a| a.id.clone()),
                notes: String::new(),
            }],
            channels: channels.iter().take(2).cloned().collect(),
            updated_at: None,
        })
        .collect();
    p.nps_responses = links
        .iter()
        .take(4)
        .enumerate()
        .map(|(i, l)| NpsResponse {
            id: NpsId(id("nps", i)),
            account: accounts[l.a % accounts.len()].clone(),
            contact: pick(&contact_ids, l.b),
            score: l.n,
            at: l.day,
            comment: l.text.clone(),
        })
        .collect();
    p.notes = links
        .iter()
        .take(3)
        .enumerate()
        .map(|(i, l)| AccountNote {
            id: NoteId(id("note", i)),
            account: accounts[l.c % accounts.len()].clone(),
            author: pick(&members, l.a),
            at: l.when,
            text: format!("メモ {}", l.text),
        })
        .collect();
    p.handoffs = links
        .iter()
        .take(3)
        .enumerate()
        .map(|(i, l)| HandoffEvent {
            id: HandoffId(id("hof", i)),
            account: accounts[l.b % accounts.len()].clone(),
            stage: [HandoffStage::MarketingQualified, HandoffStage::SalesAccepted, HandoffStage::Opportunity, HandoffStage::Recycled][l.c % 4],
            by: pick(&members, l.c),
            at: l.when,
            note: String::new(),
        })
        .collect();
    p
}
