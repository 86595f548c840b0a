//! The demo plan: a realistic ABM programme of a Japanese B2B seller, for first runs,
//! demos and screenshots. It is generated (deterministically for a given day), so
//! its dates are always "the last year" relative to today; `docs/examples/` holds
//! the same plan for a fixed day.

mod data;
pub mod large;

use crate::domain::*;
use data::*;
use fastrand::Rng;
use std::collections::BTreeMap;

/// The demo's id generator seed: the same demo always has the same record ids,
/// so two copies of it merge cleanly.
const SEED: u64 = 2026;

pub fn demo_plan(id: PlanId, today: Date, now: Timestamp) -> Plan {
    let mut g = Gen { ids: IdGenerator::seeded(SEED), rng: Rng::with_seed(SEED), today };
    let mut plan = Plan::new(id, "FY2026 ABM計画（デモ）", now);
    plan.currency = Currency::default();
    plan.fiscal_year_start_month = 4;
    plan.team = TEAM
        .iter()
        .map(|(name, team, email)| TeamMember {
            id: MemberId::generate(&mut g.ids),
            name: name.to_string(),
            team: if *team == "sales" { Team::Sales } else { Team::Marketing },
            email: email.to_string(),
        })
        .collect();
    let erp = FieldId("fld_erp".into());
    let plants = FieldId("fld_plants".into());
    plan.custom_fields.push_back(CustomFieldDef {
        id: erp.clone(),
        name: "ERPベンダー".into(),
        kind: FieldKind::Choice,
        options: ["SAP", "Oracle", "OBIC", "内製", "その他"].map(String::from).to_vec(),
    });
    plan.custom_fields.push_back(CustomFieldDef { id: plants.clone(), name: "工場数".into(), kind: FieldKind::Number, options: vec![] });
    plan.custom_channels.push_back(CustomChannel { id: ChannelId("ch_tradeshow".into()), name: "展示会".into() });
    plan.icp = icp(&mut g, &erp);
    plan.prioritisation.factors.iter_mut().for_each(|f| {
        f.weight = match f.id.as_str() {
            "fit" => 40.0,
            "opportunity" => 25.0,
            "purchase" => 15.0,
            _ => 20.0,
        }
    });
    plan.prioritisation.opportunity_bands =
        [1, 2, 3, 5, 8, 12, 18, 25, 35, 50].iter().map(|m| Money::from_major(m * 1_000_000)).collect();

    let marketing: Vec<MemberId> = plan.team.iter().filter(|m| m.team == Team::Marketing).map(|m| m.id.clone()).collect();
    let sales: Vec<MemberId> = plan.team.iter().filter(|m| m.team == Team::Sales).map(|m| m.id.clone()).collect();
    for (i, row) in COMPANIES.iter().enumerate() {
        let account = g.account(i, row, &marketing, &sales, &erp, &plants, now);
        plan.accounts.push_back(account);
    }
    let accounts: Vec<Account> = plan.accounts.iter().cloned().collect();
    for (i, a) in accounts.iter().enumerate() {
        let contacts = g.contacts(i, a);
        plan.contacts.extend(contacts);
    }
    plan.content = g.content(&accounts);
    plan.campaigns = g.campaigns(&accounts, &plan.content, &marketing);
    plan.deals = g.deals(&accounts, &sales, &plan.campaigns);
    plan.activities = g.activities(&plan);
    plan.goals = goals(&mut g);
    plan.account_plans = g.account_plans(&plan, &marketing, &sales);
    plan.nps_responses = g.nps(&plan);
    plan.notes = g.notes(&plan);
    plan.handoffs = g.handoffs(&plan, &marketing, &sales);
    plan
}

struct Gen {
    ids: IdGenerator,
    rng: Rng,
    today: Date,
}

fn icp(g: &mut Gen, erp: &FieldId) -> IcpProfile {
    let mut c = |weight: f64, rule: IcpRule| IcpCriterion { id: CriterionId::generate(&mut g.ids), weight, rule };
    let criteria = vec![
        c(30.0, IcpRule::Industry { values: vec!["製造業".into()] }),
        c(20.0, IcpRule::Employees { min: Some(300), max: Some(5000) }),
        c(20.0, IcpRule::AnnualRevenue { min: Some(Money::from_major(10_000_000_000)), max: Some(Money::from_major(200_000_000_000)) }),
        c(10.0, IcpRule::Region { values: ["東京都", "神奈川県", "愛知県", "静岡県", "大阪府"].map(String::from).to_vec() }),
        c(10.0, IcpRule::Technologies { values: vec!["Excel管理".into(), "自社開発システム".into()], mode: SetMatch::AnyOf }),
        c(10.0, IcpRule::CustomField { field: erp.clone(), values: vec!["SAP".into(), "Oracle".into()], min: None, max: None }),
    ];
    let persona = |g: &mut Gen, name: &str, role: &str, dept: &str, seniority: &str, pains: &[&str]| Persona {
        id: PersonaId::generate(&mut g.ids),
        name: name.into(),
        role: role.into(),
        department: dept.into(),
        seniority: seniority.into(),
        pains: pains.iter().map(|s| s.to_string()).collect(),
        notes: String::new(),
    };
    IcpProfile {
        criteria,
        personas: vec![
            persona(g, "現場改革を託された生産技術部長", "生産技術部長", "生産技術部", "部長", &["段取り替えに時間がかかる", "設備停止の原因が追えない", "改善効果を数字で示せない"]),
            persona(g, "全社DXを進める情報システム部長", "情報システム部長", "情報システム部", "部長", &["工場ごとにシステムがばらばら", "基幹システムとの連携が重い", "人手不足で保守が回らない"]),
            persona(g, "投資判断をする製造担当役員", "取締役 製造本部長", "製造本部", "役員", &["投資対効果が見えない", "品質問題のリスク", "熟練者の引退"]),
        ],
        fit_threshold: 60.0,
        near_miss_percent: 25.0,
        unknown_values: UnknownPolicy::Excluded,
    }
}

fn goals(g: &mut Gen) -> imbl::Vector<Goal> {
    let fy_end = fiscal_year_end(g.today, 4);
    let fy_start = Date::from_ymd(fy_end.year() - 1, 4, 1);
    let mut goal = |name: &str, metric: Metric, target: f64| Goal {
        id: GoalId::generate(&mut g.ids),
        name: name.into(),
        metric,
        target,
        unit: metric.natural_unit(),
        start: fy_start,
        due: Some(fy_end),
        actual: None,
        notes: String::new(),
    };
    [
        goal("ターゲットアカウントの新規接触数", Metric::NewContacts, 120.0),
        goal("ターゲットアカウントの新規契約締結数", Metric::NewContracts, 8.0),
        goal("ターゲットアカウントへの新規商材提供数", Metric::NewProductsOffered, 6.0),
        goal("クロスセル/アップセル金額", Metric::CrossSellUpsellValue, 40_000_000.0),
        goal("ターゲットアカウントのエンゲージメント率", Metric::EngagementRate, 45.0),
        goal("契約締結までの日数（セールスサイクル）", Metric::SalesCycleDays, 120.0),
        goal("ターゲットアカウントとの商談数", Metric::Meetings, 60.0),
        goal("NPS", Metric::Nps, 30.0),
    ]
    .into_iter()
    .collect()
}

/// The last day of the fiscal year that contains `day`.
pub fn fiscal_year_end(day: Date, start_month: u32) -> Date {
    let year = if day.month() >= start_month { day.year() + 1 } else { day.year() };
    let start_next = Date::from_ymd(year, start_month, 1).unwrap_or(day);
    start_next.add_days(-1)
}

impl Gen {
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.rng.usize(..items.len())]
    }

    fn chance(&mut self, p: f64) -> bool {
        self.rng.f64() < p
    }

    fn days_ago(&mut self, min: i64, max: i64) -> Date {
        self.today.add_days(-self.rng.i64(min..=max))
    }

    fn business_time(&mut self, day: Date) -> Timestamp {
        // 09:00–18:00 JST is 00:00–09:00 UTC.
        day.at(self.rng.u32(0..9), self.rng.u32(0..60))
    }

    #[allow(clippy::too_many_arguments)]
    fn account(
        &mut self,
        i: usize,
        row: &CompanyRow,
        marketing: &[MemberId],
        sales: &[MemberId],
        erp: &FieldId,
        plants: &FieldId,
        now: Timestamp,
    ) -> Account {
        let (name, domain, industry, segment, employees, revenue, region, tech, erp_vendor) = *row;
        let mut a = Account::new(AccountId::generate(&mut self.ids), name);
        a.domain = domain.into();
        a.industry = industry.into();
        a.tags = vec![segment.to_string()];
        a.employees = employees;
        a.annual_revenue = revenue.map(|r| Money::from_major(r * 100_000_000));
        a.country = if region.is_empty() { String::new() } else { "日本".into() };
        a.region = region.into();
        a.technologies = tech.iter().map(|t| t.to_string()).collect();
        if !erp_vendor.is_empty() {
            a.custom.insert(erp.clone(), CustomValue::Text(erp_vendor.into()));
        }
        if let Some(e) = employees {
            a.custom.insert(plants.clone(), CustomValue::Number(f64::from((e / 700).clamp(1, 9))));
        }
        if i < 38 {
            a.marketing_owner = Some(marketing[i % marketing.len()].clone());
            a.sales_owner = Some(sales[i % sales.len()].clone());
        }
        if let Some(r) = revenue {
            // Expected next deal: larger companies buy larger.
            let size = (r as f64).sqrt() * 900_000.0 * (0.6 + self.rng.f64());
            a.expected_deal_size = Some(Money::from_major((size / 100_000.0).round() as i64 * 100_000));
        }
        match i {
            13 => {
                a.target = TargetChoice::Include;
                a.target_note = "社長同士の紹介があり、業界外でも優先".into();
            }
            16 => {
                a.target = TargetChoice::Exclude;
                a.target_note = "競合製品を全社導入済み（2028年まで契約）".into();
            }
            _ => {}
        }
        if i == 7 {
            // A relationship typed by hand: the president is an old acquaintance.
            a.factors.insert(FactorId("relationship".into()), 8.0);
        }
        a.notes = match i {
            0 => "2024年に生産管理を導入。設備IoTの追加提案中。".into(),
            1 => "品質トレーサビリティに強い関心。品質保証部長が慎重派。".into(),
            2 => "全工場の生産管理刷新を検討中（3工場）。".into(),
            _ => String::new(),
        };
        a.updated_at = Some(now);
        a
    }

    fn contacts(&mut self, i: usize, a: &Account) -> Vec<Contact> {
        if i >= 39 {
            return Vec::new();
        }
        let size = a.employees.unwrap_or(200);
        let n = match size {
            0..=300 => 2,
            301..=1000 => 3,
            1001..=3000 => 4 + self.rng.usize(0..2),
            _ => 5 + self.rng.usize(0..2),
        };
        // Always someone who decides; then a varied buying group.
        let mut roles: Vec<usize> = vec![if size > 1000 { 1 } else { 0 }];
        let mut pool: Vec<usize> = (0..ROLES.len()).filter(|r| !roles.contains(r)).collect();
        self.rng.shuffle(&mut pool);
        roles.extend(pool.into_iter().take(n - 1));
        roles.sort_unstable();
        let mut made: Vec<(usize, Contact)> = Vec::new();
        let domain = normalise_domain(&a.domain);
        for (k, role) in roles.into_iter().enumerate() {
            let (title, dept, buying, relationship, stance) = ROLES[role];
            let surname = *self.pick(SURNAMES);
            let given = *self.pick(GIVEN_NAMES);
            let reports_to = parent_roles(role)
                .iter()
                .find_map(|p| made.iter().find(|(r, _)| r == p).map(|(_, c)| c.id.clone()));
            let rel = (i64::from(relationship) + self.rng.i64(-2..=2)).clamp(0, 10) as u8;
            let c = Contact {
                id: ContactId::generate(&mut self.ids),
                account: a.id.clone(),
                name: format!("{surname} {given}"),
                title: title.into(),
                department: dept.into(),
                email: if domain.is_empty() { String::new() } else { format!("c{}.{k}@{domain}", i + 1) },
                phone: String::new(),
                reports_to,
                role: serde_json::from_value(serde_json::Value::String(buying.into())).ok(),
                stance: serde_json::from_value(serde_json::Value::String(stance.into())).ok(),
                relationship: Some(rel),
                last_contact: Some(self.days_ago(3, 200)),
                persona: None,
                notes: if buying == "resister" { "現行の品質手順を変えることに慎重".into() } else { String::new() },
                updated_at: None,
            };
            made.push((role, c));
        }
        made.into_iter().map(|(_, c)| c).collect()
    }

    fn content(&mut self, accounts: &[Account]) -> imbl::Vector<ContentAsset> {
        let mut out: imbl::Vector<ContentAsset> = CONTENT
            .iter()
            .map(|(title, kind, path)| ContentAsset {
                id: ContentId::generate(&mut self.ids),
                title: title.to_string(),
                kind: serde_json::from_value(serde_json::Value::String(kind.to_string())).unwrap_or_default(),
                url: format!("https://factorylink.example/resources/{path}"),
                account: None,
                status: Some(ContentStatus::Published),
                created: Some(self.days_ago(200, 400)),
                notes: String::new(),
                updated_at: None,
            })
            .collect();
        let personal = [
            (1, "北斗電子工業様向け 品質トレーサビリティ提案書", ContentKind::Material, ContentStatus::Ready, "proposal"),
            (1, "北斗電子工業様 専用ページ「設備データ活用の第一歩」", ContentKind::LandingPage, ContentStatus::Published, "lp"),
            (2, "三河オートパーツ様向け 個別ニュースレター", ContentKind::Newsletter, ContentStatus::InProgress, "news"),
            (11, "日進エレクトロニクス様 役員向けROI試算", ContentKind::Material, ContentStatus::Planned, "roi"),
        ];
        for (i, title, kind, status, path) in personal {
            out.push_back(ContentAsset {
                id: ContentId::generate(&mut self.ids),
                title: title.into(),
                kind,
                url: format!("https://factorylink.example/for/{}/{path}", accounts[i].domain.trim_end_matches(".example")),
                account: Some(accounts[i].id.clone()),
                status: Some(status),
                created: Some(self.days_ago(10, 60)),
                notes: String::new(),
                updated_at: None,
            });
        }
        out
    }

    fn campaigns(&mut self, accounts: &[Account], content: &imbl::Vector<ContentAsset>, owners: &[MemberId]) -> imbl::Vector<Campaign> {
        let targets: Vec<AccountId> = accounts.iter().take(38).filter(|a| a.industry == "製造業").map(|a| a.id.clone()).collect();
        CAMPAIGNS
            .iter()
            .enumerate()
            .map(|(k, (name, channel, ago, length, cost, content_idx))| {
                let start = self.today.add_days(-ago);
                let mut t = targets.clone();
                self.rng.shuffle(&mut t);
                t.truncate(if *channel == "fieldSales" { 8 } else { 12 + self.rng.usize(0..10) });
                t.sort();
                Campaign {
                    id: CampaignId::generate(&mut self.ids),
                    name: name.to_string(),
                    channel: Channel::from_key(channel),
                    start,
                    end: Some(start.add_days(length - 1).min(self.today)),
                    cost: Money::from_major(cost * 1000),
                    targets: t,
                    content: content_idx.iter().map(|i| content[*i].id.clone()).collect(),
                    owner: Some(owners[k % owners.len()].clone()),
                    notes: String::new(),
                    updated_at: None,
                }
            })
            .collect()
    }

    fn deals(&mut self, accounts: &[Account], sales: &[MemberId], campaigns: &imbl::Vector<Campaign>) -> imbl::Vector<Deal> {
        let mut out = imbl::Vector::new();
        // Customers: index, years as customer (0 = prospect with history).
        let customers = [0usize, 1, 2, 4, 11, 18, 19, 21, 23, 30, 33, 26];
        for (n, &i) in customers.iter().enumerate() {
            let a = &accounts[i];
            let scale = a.annual_revenue.map_or(1.0, |r| (r.to_f64() / 1e10).sqrt().max(0.5));
            let base = (scale * 6_000_000.0 / 100_000.0).round() as i64 * 100_000;
            let first = self.days_ago(400, 700);
            let cycle = self.rng.i64(60..200);
            out.push_back(self.deal(a, "FactoryLink 生産管理 導入", DealKind::New, base, first.add_days(-cycle), Some(first), Outcome::Won, 0, sales, None));
            if n % 2 == 0 {
                let d = first.add_days(self.rng.i64(120..300));
                let created = d.add_days(-self.rng.i64(40..120));
                out.push_back(self.deal(a, "設備IoTモニタリング 追加", DealKind::CrossSell, base / 3, created, Some(d.min(self.today)), Outcome::Won, 1, sales, campaigns.get(4).map(|c| c.id.clone())));
            }
            if n % 3 == 0 {
                let d = first.add_days(365);
                if d < self.today {
                    out.push_back(self.deal(a, "年間保守 更新", DealKind::Renewal, base / 5, d.add_days(-30), Some(d), Outcome::Won, 3, sales, None));
                }
            }
            if n % 4 == 1 {
                let created = self.days_ago(20, 90);
                out.push_back(self.deal(a, "利用拠点の拡大", DealKind::Upsell, base / 2, created, None, Outcome::Open, 0, sales, campaigns.get(8).map(|c| c.id.clone())));
            }
        }
        // Prospects in the pipeline, and a few lost.
        for &i in &[3usize, 8, 19, 22, 26, 30, 32] {
            let a = &accounts[i];
            let created = self.days_ago(15, 150);
            let amount = a.expected_deal_size.map_or(5_000_000, |m| m.minor() / 100);
            out.push_back(self.deal(a, "生産管理 全社導入", DealKind::New, amount, created, None, Outcome::Open, 0, sales, campaigns.get(0).map(|c| c.id.clone())));
        }
        for &i in &[10usize, 17, 24] {
            let a = &accounts[i];
            let closed = self.days_ago(60, 300);
            out.push_back(self.deal(a, "生産管理 導入", DealKind::New, 4_000_000, closed.add_days(-90), Some(closed), Outcome::Lost, 0, sales, None));
        }
        out
    }

    #[allow(clippy::too_many_arguments)]
    fn deal(
        &mut self,
        a: &Account,
        name: &str,
        kind: DealKind,
        amount: i64,
        created: Date,
        closed: Option<Date>,
        outcome: Outcome,
        product: usize,
        sales: &[MemberId],
        campaign: Option<CampaignId>,
    ) -> Deal {
        let stage = match outcome {
            Outcome::Open => *self.pick(&[DealStage::Qualification, DealStage::Proposal, DealStage::Negotiation]),
            _ => DealStage::Closed,
        };
        Deal {
            id: DealId::generate(&mut self.ids),
            account: a.id.clone(),
            name: name.into(),
            kind,
            amount: Money::from_major(amount.max(500_000)),
            created,
            closed,
            stage,
            outcome,
            product: PRODUCTS[product].into(),
            owner: a.sales_owner.clone().or_else(|| sales.first().cloned()),
            campaign,
            notes: String::new(),
            updated_at: None,
        }
    }

    fn activities(&mut self, plan: &Plan) -> imbl::Vector<Activity> {
        let contacts_of = |id: &AccountId| -> Vec<ContactId> {
            plan.contacts.iter().filter(|c| &c.account == id).map(|c| c.id.clone()).collect()
        };
        let mut out: Vec<Activity> = Vec::new();
        let mut push = |g: &mut Gen, account: &AccountId, contact: Option<ContactId>, kind: ActivityKind, day: Date, campaign: Option<&Campaign>, content: Option<ContentId>, count: Option<u32>| {
            let day = day.min(g.today.add_days(-1));
            let at = g.business_time(day);
            out.push(Activity {
                id: ActivityId::generate(&mut g.ids),
                account: account.clone(),
                contact,
                kind,
                at,
                campaign: campaign.map(|c| c.id.clone()),
                content,
                count,
                progress: (kind == ActivityKind::VideoView).then(|| g.rng.u8(20..=100)),
                note: String::new(),
            });
        };
        for campaign in plan.campaigns.iter() {
            let span = campaign.end.map_or(1, |e| campaign.start.days_until(e).max(1));
            for account in &campaign.targets {
                let people = contacts_of(account);
                let person = |g: &mut Gen| (!people.is_empty()).then(|| people[g.rng.usize(..people.len())].clone());
                let day = |g: &mut Gen| campaign.start.add_days(g.rng.i64(0..=span));
                let content = campaign.content.first().cloned();
                match campaign.channel.key() {
                    "email" => {
                        for _ in 0..self.rng.usize(1..4) {
                            let d = day(self);
                            let who = person(self);
                            push(self, account, who.clone(), ActivityKind::EmailSent, d, Some(campaign), content.clone(), None);
                            if self.chance(0.55) {
                                let opened = d.add_days(self.rng.i64(0..3));
                                push(self, account, who.clone(), ActivityKind::EmailOpened, opened, Some(campaign), content.clone(), None);
                                if self.chance(0.35) {
                                    let clicked = opened.add_days(self.rng.i64(0..2));
                                    push(self, account, who.clone(), ActivityKind::EmailClicked, clicked, Some(campaign), content.clone(), None);
                                }
                            }
                        }
                    }
                    "ads" => {
                        let d = day(self);
                        let impressions = self.rng.u32(80..900);
                        push(self, account, None, ActivityKind::AdImpression, d, Some(campaign), None, Some(impressions));
                        if self.chance(0.3) {
                            let clicked = d.add_days(self.rng.i64(0..10));
                            push(self, account, None, ActivityKind::AdClick, clicked, Some(campaign), None, None);
                        }
                    }
                    "events" => {
                        if self.chance(0.75) {
                            let d = campaign.start.add_days(-self.rng.i64(3..20));
                            let who = person(self);
                            push(self, account, who.clone(), ActivityKind::WebinarRegistered, d, Some(campaign), None, None);
                            if self.chance(0.7) {
                                push(self, account, who, ActivityKind::WebinarAttended, campaign.start, Some(campaign), content.clone(), None);
                            }
                        }
                    }
                    "fieldSales" => {
                        for _ in 0..self.rng.usize(2..5) {
                            let d = day(self);
                            let kind = if self.chance(0.6) { ActivityKind::Meeting } else { ActivityKind::Call };
                            let who = person(self);
                            push(self, account, who, kind, d, Some(campaign), content.clone(), None);
                        }
                    }
                    "social" => {
                        if self.chance(0.5) {
                            let d = day(self);
                            let who = person(self);
                            push(self, account, who, ActivityKind::SocialEngagement, d, Some(campaign), content.clone(), None);
                        }
                    }
                    _ => {
                        if self.chance(0.5) {
                            let who = person(self);
                            push(self, account, who, ActivityKind::EventAttended, campaign.start, Some(campaign), content.clone(), None);
                        }
                    }
                }
            }
        }
        // Organic interest: web visits, downloads and video views, rising lately at
        // a few accounts that are warming up.
        let warming = [1usize, 2, 11, 19, 22];
        for (i, a) in plan.accounts.iter().enumerate().take(38) {
            let people = contacts_of(&a.id);
            let visits = if warming.contains(&i) { 8 } else { self.rng.usize(0..4) };
            for _ in 0..visits {
                let recent = warming.contains(&i) && self.chance(0.7);
                let d = if recent { self.days_ago(1, 45) } else { self.days_ago(1, 360) };
                push(self, &a.id, None, ActivityKind::WebVisit, d, None, None, None);
                if self.chance(0.35) && !people.is_empty() {
                    let who = people[self.rng.usize(..people.len())].clone();
                    let asset = plan.content[self.rng.usize(..7)].id.clone();
                    let kind = if self.chance(0.3) { ActivityKind::VideoView } else { ActivityKind::ContentDownload };
                    push(self, &a.id, Some(who), kind, d, None, Some(asset), None);
                }
            }
        }
        // Sales meetings and calls around each open deal.
        for deal in plan.deals.iter().filter(|d| d.outcome == Outcome::Open) {
            let people = contacts_of(&deal.account);
            let since = deal.created.days_until(self.today).max(1);
            for _ in 0..self.rng.usize(2..5) {
                let d = deal.created.add_days(self.rng.i64(0..since));
                let who = (!people.is_empty()).then(|| people[self.rng.usize(..people.len())].clone());
                let kind = if self.chance(0.7) { ActivityKind::Meeting } else { ActivityKind::Call };
                push(self, &deal.account, who, kind, d, None, None, None);
            }
        }
        out.sort_by_key(|a| a.at);
        out.into_iter().collect()
    }

    fn account_plans(&mut self, plan: &Plan, marketing: &[MemberId], sales: &[MemberId]) -> imbl::Vector<AccountPlan> {
        let mut out = imbl::Vector::new();
        let specs: [(usize, &str, &str, &str, &str, &str); 3] = [
            (
                1,
                "電子部品の大手。車載向けが売上の6割。国内4工場、海外2工場。",
                "品質問題の原因追跡に時間がかかる。工場ごとに記録方法が異なる。",
                "ロット単位のトレーサビリティと、設備データの一元化。",
                "品質保証部長の懸念（手順変更）に事例と段階導入で応える。技術セミナーと個別勉強会で現場の支持を広げる。",
                "製造本部長をスポンサーに、第1工場でのPoCから全社展開を提案。購買部とは早期に条件調整。",
            ),
            (
                2,
                "自動車部品（プレス・樹脂）。主要顧客の電動化で生産品目が急増。",
                "段取り替えの増加で稼働率が低下。Excelでの生産計画が限界。",
                "生産計画の自動化と、設備稼働の見える化。",
                "ものづくりワールドでの接点を起点に、個別ニュースレターとROI試算で検討を後押し。",
                "3工場同時導入は負担が大きいため、本社工場→2工場の順で段階提案。",
            ),
            (
                11,
                "電子部品の最大手の一角。海外売上比率が高い。",
                "グローバルで設備保全の水準がばらつく。",
                "予知保全による停止時間の削減。",
                "役員向けROI試算と導入事例で経営層の関心を作る。",
                "情報システム部長と基幹連携の技術検証を先行。",
            ),
        ];
        for (i, business, challenges, needs, marketing_plan, sales_strategy) in specs {
            let a = &plan.accounts[i];
            let due = self.today.add_days(120);
            let mut g = |name: &str, metric: Metric, target: f64| Goal {
                id: GoalId::generate(&mut self.ids),
                name: name.into(),
                metric,
                target,
                unit: metric.natural_unit(),
                start: None,
                due: Some(due),
                actual: None,
                notes: String::new(),
            };
            let goals = vec![g("新規契約（第1工場）", Metric::NewContracts, 1.0), g("受注金額", Metric::Revenue, 18_000_000.0)];
            let kpis = vec![g("商談数", Metric::Meetings, 6.0), g("エンゲージメント率", Metric::EngagementRate, 60.0), g("新規接触数", Metric::NewContacts, 4.0)];
            let personal: Vec<ContentId> = plan.content.iter().filter(|c| c.account.as_ref() == Some(&a.id)).map(|c| c.id.clone()).collect();
            let mut action = |title: &str, channel: BuiltinChannel, owner: &MemberId, in_days: i64, status: ActionStatus, content: Vec<ContentId>| Action {
                id: ActionId::generate(&mut self.ids),
                title: title.into(),
                channel: Some(Channel::Builtin(channel)),
                owner: Some(owner.clone()),
                start: Some(self.today.add_days(in_days - 14)),
                due: Some(self.today.add_days(in_days)),
                status,
                content,
                rule: None,
                trigger: None,
                notes: String::new(),
            };
            let actions = vec![
                action("キーパーソン向け個別勉強会", BuiltinChannel::FieldSales, &sales[i % sales.len()], -10, ActionStatus::Done, vec![]),
                action("専用資料・専用ページの送付", BuiltinChannel::Email, &marketing[i % marketing.len()], 7, ActionStatus::InProgress, personal.clone()),
                action("工場見学とPoC範囲のすり合わせ", BuiltinChannel::FieldSales, &sales[i % sales.len()], 30, ActionStatus::Planned, vec![]),
                action("ユーザー会への招待", BuiltinChannel::UserGroups, &marketing[i % marketing.len()], 55, ActionStatus::Planned, vec![]),
            ];
            out.push_back(AccountPlan {
                id: AccountPlanId::generate(&mut self.ids),
                account: a.id.clone(),
                overview: Overview { business: business.into(), challenges: challenges.into(), needs: needs.into() },
                goals,
                marketing_plan: marketing_plan.into(),
                sales_strategy: sales_strategy.into(),
                kpis,
                actions,
                channels: vec![
                    Channel::Builtin(BuiltinChannel::FieldSales),
                    Channel::Builtin(BuiltinChannel::Email),
                    Channel::Builtin(BuiltinChannel::Events),
                ],
                updated_at: None,
            });
        }
        out
    }

    fn nps(&mut self, plan: &Plan) -> imbl::Vector<NpsResponse> {
        let customers: Vec<AccountId> =
            plan.deals.iter().filter(|d| d.outcome == Outcome::Won).map(|d| d.account.clone()).collect::<std::collections::BTreeSet<_>>().into_iter().collect();
        let comments = ["導入支援が丁寧だった", "画面が分かりやすい", "レポート機能をもっと柔軟にしてほしい", "現場の定着に時間がかかった", ""];
        let mut out = imbl::Vector::new();
        for a in customers {
            let contact = plan.contacts.iter().find(|c| c.account == a).map(|c| c.id.clone());
            let score = *self.pick(&[10u8, 9, 9, 8, 8, 7, 6, 9, 10, 5]);
            let comment = (*self.pick(&comments)).to_string();
            let at = self.days_ago(10, 200);
            out.push_back(NpsResponse { id: NpsId::generate(&mut self.ids), account: a, contact, score, at, comment });
        }
        out
    }

    fn notes(&mut self, plan: &Plan) -> imbl::Vector<AccountNote> {
        let texts = [
            (1, "品質保証部長と面談。トレーサビリティの監査対応に関心あり。事例を送付予定。"),
            (1, "製造本部長からPoC予算の目処が立ったと連絡。"),
            (2, "展示会で生産技術部 課長と名刺交換。段取り替えの課題を詳しく聞けた。"),
            (11, "情報システム部長はSAP連携の実績を重視。技術資料を準備する。"),
            (0, "設備IoTの追加提案。ユーザー会での事例発表を打診。"),
            (19, "Webでの資料閲覧が増えている。来月フォロー訪問。"),
        ];
        let authors: Vec<MemberId> = plan.team.iter().map(|m| m.id.clone()).collect();
        texts
            .iter()
            .map(|(i, text)| AccountNote {
                id: NoteId::generate(&mut self.ids),
                account: plan.accounts[*i].id.clone(),
                author: Some(authors[self.rng.usize(..authors.len())].clone()),
                at: {
                    let d = self.days_ago(2, 90);
                    self.business_time(d)
                },
                text: text.to_string(),
            })
            .collect()
    }

    fn handoffs(&mut self, plan: &Plan, marketing: &[MemberId], sales: &[MemberId]) -> imbl::Vector<HandoffEvent> {
        let mut out = Vec::new();
        for (i, stages) in [(1usize, 3usize), (2, 2), (11, 1), (19, 2), (22, 1), (3, 3)] {
            let mut d = self.days_ago(40, 120);
            for (k, stage) in [HandoffStage::MarketingQualified, HandoffStage::SalesAccepted, HandoffStage::Opportunity]
                .into_iter()
                .take(stages)
                .enumerate()
            {
                let by = if k == 0 { &marketing[i % marketing.len()] } else { &sales[i % sales.len()] };
                out.push(HandoffEvent {
                    id: HandoffId::generate(&mut self.ids),
                    account: plan.accounts[i].id.clone(),
                    stage,
                    by: Some(by.clone()),
                    at: self.business_time(d),
                    note: String::new(),
                });
                d = d.add_days(self.rng.i64(5..20)).min(self.today.add_days(-1));
            }
        }
        out.sort_by_key(|a| a.at);
        out.into_iter().collect()
    }
}

/// Roles a role reports to, nearest first (indices into `ROLES`).
fn parent_roles(role: usize) -> &'static [usize] {
    match role {
        0 => &[],
        1 | 2 | 4 => &[0],
        5 | 6 => &[1, 0],
        3 => &[5, 1, 0],
        7 => &[2, 0],
        8 => &[5, 3, 1, 0],
        _ => &[0],
    }
}

/// The demo's record counts, for tests and the first-run screen.
pub fn summary(plan: &Plan) -> BTreeMap<&'static str, usize> {
    BTreeMap::from([
        ("accounts", plan.accounts.len()),
        ("contacts", plan.contacts.len()),
        ("deals", plan.deals.len()),
        ("campaigns", plan.campaigns.len()),
        ("activities", plan.activities.len()),
    ])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan_file::{read_plan_text, to_file_text, Mode};

    fn today() -> Date {
        Date::from_ymd(2026, 11, 23).unwrap()
    }

    fn demo() -> Plan {
        demo_plan(PlanId("plan_demo".into()), today(), today().at(0, 0))
    }

    #[test]
    fn demo_is_realistic_in_size() {
        let p = demo();
        let s = summary(&p);
        assert!((38..=45).contains(&s["accounts"]), "{s:?}");
        assert!(s["contacts"] >= 100, "{s:?}");
        assert!(s["deals"] >= 25, "{s:?}");
        assert!(s["campaigns"] >= 8, "{s:?}");
        assert!((250..=900).contains(&s["activities"]), "{s:?}");
        let roles: std::collections::HashSet<_> = p.contacts.iter().filter_map(|c| c.role).collect();
        assert_eq!(roles.len(), BuyingRole::ALL.len(), "every buying role appears");
        let channels: std::collections::HashSet<_> = p.campaigns.iter().map(|c| c.channel.key().to_string()).collect();
        assert!(channels.len() >= 7, "{channels:?}");
    }

    #[test]
    fn demo_activities_cover_the_last_year_only() {
        let p = demo();
        let first = p.activities.iter().map(|a| a.at.date()).min().unwrap();
        let last = p.activities.iter().map(|a| a.at.date()).max().unwrap();
        assert!(first >= today().add_days(-366), "{first}");
        assert!(last < today(), "{last}");
    }

    #[test]
    fn demo_is_a_valid_plan_file_and_deterministic() {
        let p = demo();
        let text = to_file_text(&p, today().at(0, 0));
        let read = read_plan_text(&text, Mode::Strict).unwrap_or_else(|e| panic!("{:#?}", &e[..e.len().min(5)]));
        assert!(read.warnings.is_empty(), "{:?}", read.warnings);
        assert_eq!(read.plan, p);
        assert_eq!(demo(), p, "same day, same demo");
    }

    #[test]
    fn fiscal_year_end_follows_the_start_month() {
        assert_eq!(fiscal_year_end(today(), 4), Date::from_ymd(2027, 3, 31).unwrap());
        assert_eq!(fiscal_year_end(Date::from_ymd(2027, 2, 1).unwrap(), 4), Date::from_ymd(2027, 3, 31).unwrap());
        assert_eq!(fiscal_year_end(today(), 1), Date::from_ymd(2026, 12, 31).unwrap());
    }
}
