//! The demo plans: a realistic ABM programme of a B2B seller, for first runs,
//! demos and screenshots, in Japanese (a Japanese manufacturing-software
//! vendor, in yen) and in English (a US one, in dollars). The story is the
//! same; the words are the script's (`japanese`, `english`).
//!
//! It is generated, deterministically for a given day, and every date is
//! relative to that day, so the demo is alive whenever it is opened: deals are
//! won today, last week and every month of the past year, campaigns run now,
//! and every period the dashboard offers shows won revenue, channels that
//! paid back and channels that did not (tested over a year of days).
//! `docs/examples/` holds the Japanese plan for a fixed day.

mod english;
mod japanese;
pub mod large;
pub mod script;

use crate::domain::sorting;
use crate::domain::*;
use fastrand::Rng;
use script::{Company, Script};
use std::collections::BTreeMap;

/// The demo's id generator seed: the same demo always has the same record ids,
/// so two copies of it merge cleanly.
const SEED: u64 = 2026;

/// Which demo: the UI offers the one in its language first.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DemoLanguage {
    Japanese,
    English,
}

/// The Japanese demo (the one the engine's tests and benchmarks use).
pub fn demo_plan(id: PlanId, today: Date, now: Timestamp) -> Plan {
    demo_plan_in(DemoLanguage::Japanese, id, today, now)
}

/// Deals won in the last year: account, kind, days ago, share of the account's
/// usual deal, product. Spread so that every period the dashboard offers (this
/// quarter from its first day, the last 30, 90 and 365 days) holds some.
const RECENT_WINS: [(usize, DealKind, i64, f64, usize); 14] = [
    (19, DealKind::New, 0, 1.0, 0),
    (0, DealKind::CrossSell, 5, 0.35, 1),
    (30, DealKind::New, 15, 1.0, 0),
    (2, DealKind::Upsell, 20, 0.5, 0),
    (11, DealKind::Renewal, 33, 0.2, 3),
    (33, DealKind::New, 45, 1.0, 0),
    (1, DealKind::CrossSell, 62, 0.35, 2),
    (4, DealKind::Renewal, 88, 0.2, 3),
    (26, DealKind::New, 100, 1.0, 0),
    (18, DealKind::CrossSell, 130, 0.35, 1),
    (3, DealKind::New, 170, 1.0, 0),
    (21, DealKind::Upsell, 210, 0.5, 0),
    (20, DealKind::New, 250, 1.0, 0),
    (23, DealKind::Renewal, 300, 0.2, 3),
];

/// Customers since before the last year (their first deal was won 400–700 days ago).
const LONG_STANDING: [usize; 8] = [0, 1, 2, 4, 11, 18, 21, 23];

/// Open deals: account, kind.
const PIPELINE: [(usize, DealKind); 6] =
    [(8, DealKind::New), (22, DealKind::New), (32, DealKind::New), (29, DealKind::New), (1, DealKind::Upsell), (11, DealKind::Upsell)];

/// Deals lost: account, days ago.
const LOST: [(usize, i64); 3] = [(10, 20), (17, 95), (24, 200)];

/// Accounts that show growing interest on the web lately.
const WARMING: [usize; 5] = [1, 2, 11, 19, 22];

/// Monthly webinars: this many, the newest this many days ago.
const WEBINARS: i64 = 12;
const NEWEST_WEBINAR_AGO: i64 = 4;

pub fn demo_plan_in(language: DemoLanguage, id: PlanId, today: Date, now: Timestamp) -> Plan {
    let script = match language {
        DemoLanguage::Japanese => &japanese::SCRIPT,
        DemoLanguage::English => &english::SCRIPT,
    };
    let mut g = Gen { ids: IdGenerator::seeded(SEED), rng: Rng::with_seed(SEED), today, now, s: script };
    let fy = fiscal_year_end(today, u32::from(script.fiscal_year_start_month));
    // Named after the fiscal year it starts in, as plans are.
    let fy_name = if script.fiscal_year_start_month == 1 { fy.year() } else { fy.year() - 1 };
    let mut plan = Plan::new(id, script.plan_name.replace("{fy}", &fy_name.to_string()), now);
    plan.currency = Currency::try_from(script.currency.to_string()).unwrap_or_default();
    plan.fiscal_year_start_month = script.fiscal_year_start_month;
    plan.team = script
        .team
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
        name: script.erp_field.into(),
        kind: FieldKind::Choice,
        options: script.erp_options.iter().map(|o| o.to_string()).collect(),
    });
    plan.custom_fields.push_back(CustomFieldDef { id: plants.clone(), name: script.sites_field.into(), kind: FieldKind::Number, options: vec![] });
    plan.custom_channels.push_back(CustomChannel { id: ChannelId("ch_tradeshow".into()), name: script.custom_channel.into() });
    plan.icp = icp(&mut g, &erp);
    plan.prioritisation.factors.iter_mut().for_each(|f| {
        f.weight = match f.id.as_str() {
            "fit" => 40.0,
            "opportunity" => 25.0,
            "purchase" => 15.0,
            _ => 20.0,
        }
    });
    plan.prioritisation.opportunity_bands = [1, 2, 3, 5, 8, 12, 18, 25, 35, 50].iter().map(|m| g.amount(f64::from(*m) * 1e6)).collect();

    let marketing: Vec<MemberId> = plan.team.iter().filter(|m| m.team == Team::Marketing).map(|m| m.id.clone()).collect();
    let sales: Vec<MemberId> = plan.team.iter().filter(|m| m.team == Team::Sales).map(|m| m.id.clone()).collect();
    for (i, row) in script.companies.iter().enumerate() {
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
    /// Nothing happens later than this, whatever the zones of the demo and
    /// of the viewer.
    now: Timestamp,
    s: &'static Script,
}

fn icp(g: &mut Gen, erp: &FieldId) -> IcpProfile {
    let s = g.s;
    let unit = s.revenue_unit;
    let mut c = |weight: f64, rule: IcpRule| IcpCriterion { id: CriterionId::generate(&mut g.ids), weight, rule };
    let criteria = vec![
        c(30.0, IcpRule::Industry { values: vec![s.core_industry.into()] }),
        c(20.0, IcpRule::Employees { min: Some(300), max: Some(5000) }),
        c(20.0, IcpRule::AnnualRevenue { min: Some(Money::from_major(100 * unit)), max: Some(Money::from_major(2000 * unit)) }),
        c(10.0, IcpRule::Region { values: s.icp_regions.iter().map(|r| r.to_string()).collect() }),
        c(10.0, IcpRule::Technologies { values: s.icp_technologies.iter().map(|t| t.to_string()).collect(), mode: SetMatch::AnyOf }),
        c(10.0, IcpRule::CustomField { field: erp.clone(), values: s.erp_preferred.iter().map(|v| v.to_string()).collect(), min: None, max: None }),
    ];
    let personas = s
        .personas
        .iter()
        .map(|p| Persona {
            id: PersonaId::generate(&mut g.ids),
            name: p.name.into(),
            role: p.role.into(),
            department: p.department.into(),
            seniority: p.seniority.into(),
            pains: p.pains.iter().map(|s| s.to_string()).collect(),
            notes: String::new(),
        })
        .collect();
    IcpProfile { criteria, personas, fit_threshold: 60.0, near_miss_percent: 25.0, unknown_values: UnknownPolicy::Excluded }
}

fn goals(g: &mut Gen) -> imbl::Vector<Goal> {
    let start_month = u32::from(g.s.fiscal_year_start_month);
    let fy_end = fiscal_year_end(g.today, start_month);
    let next_start = fy_end.add_days(1);
    let fy_start = Date::from_ymd(next_start.year() - 1, start_month, 1);
    let names = g.s.goal_names;
    let cross_sell = g.amount(40_000_000.0).to_f64();
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
        goal(names[0], Metric::NewContacts, 120.0),
        goal(names[1], Metric::NewContracts, 8.0),
        goal(names[2], Metric::NewProductsOffered, 6.0),
        goal(names[3], Metric::CrossSellUpsellValue, cross_sell),
        goal(names[4], Metric::EngagementRate, 45.0),
        goal(names[5], Metric::SalesCycleDays, 120.0),
        goal(names[6], Metric::Meetings, 60.0),
        goal(names[7], Metric::Nps, 30.0),
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

/// A customer's usual deal, in yen: larger companies buy larger.
fn base_deal_yen(a: &Account, revenue_unit: i64) -> f64 {
    let revenue_yen = a.annual_revenue.map_or(0.0, |r| r.to_f64() * 1e8 / revenue_unit as f64);
    ((revenue_yen / 1e10).sqrt().max(0.5)) * 6_000_000.0
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

    /// A time in the demo country's business hours (09:00–18:00 there) on
    /// `day`, never after now.
    fn business_time(&mut self, day: Date) -> Timestamp {
        let after_nine = self.rng.u32(0..9) as i32;
        let minute = self.rng.u32(0..60);
        let utc_hour = (9 + after_nine - self.s.utc_offset_hours).rem_euclid(24) as u32;
        // West of UTC, the afternoon there can be past midnight UTC: the day
        // stays the demo country's.
        let day = if 9 + after_nine - self.s.utc_offset_hours >= 24 { day.add_days(1) } else { day };
        let at = day.at(utc_hour, minute);
        if at < self.now {
            at
        } else {
            // Yesterday afternoon in the demo's country may be this very hour
            // for a viewer far to the east: such a record is an hour old.
            self.now.add_minutes(-60)
        }
    }

    /// An amount worked out in yen, in the script's currency, to three
    /// significant digits.
    fn amount(&self, yen: f64) -> Money {
        let v = yen / self.s.per_yen;
        if v <= 0.0 || !v.is_finite() {
            return Money::ZERO;
        }
        let step = 10f64.powi(v.log10().floor() as i32 - 2).max(1.0);
        Money::from_major(((v / step).round() * step) as i64)
    }

    #[allow(clippy::too_many_arguments)]
    fn account(&mut self, i: usize, row: &Company, marketing: &[MemberId], sales: &[MemberId], erp: &FieldId, plants: &FieldId, now: Timestamp) -> Account {
        let s = self.s;
        let mut a = Account::new(AccountId::generate(&mut self.ids), row.name);
        a.domain = row.domain.into();
        a.industry = row.industry.into();
        a.tags = vec![row.segment.to_string()];
        a.employees = row.employees;
        a.annual_revenue = row.revenue.map(|r| Money::from_major(r * s.revenue_unit));
        a.country = if row.region.is_empty() { String::new() } else { s.country.into() };
        a.region = row.region.into();
        a.city = row.city.into();
        a.technologies = row.technologies.iter().map(|t| t.to_string()).collect();
        if !row.erp.is_empty() {
            a.custom.insert(erp.clone(), CustomValue::Text(row.erp.into()));
        }
        if let Some(e) = row.employees {
            a.custom.insert(plants.clone(), CustomValue::Number(f64::from((e / 700).clamp(1, 9))));
        }
        if i < 38 {
            a.marketing_owner = Some(marketing[i % marketing.len()].clone());
            a.sales_owner = Some(sales[i % sales.len()].clone());
        }
        if row.revenue.is_some() {
            // Expected next deal: larger companies buy larger.
            let size = base_deal_yen(&a, s.revenue_unit) * 1.5 * (0.6 + self.rng.f64());
            a.expected_deal_size = Some(self.amount(size));
        }
        let customer = LONG_STANDING.contains(&i) || RECENT_WINS.iter().any(|w| w.0 == i && w.1 == DealKind::New);
        a.status = Some(if customer { AccountStatus::Customer } else { AccountStatus::Prospect });
        match i {
            13 => {
                a.target = TargetChoice::Include;
                a.target_note = s.include_note.into();
            }
            16 => {
                a.target = TargetChoice::Exclude;
                a.target_note = s.exclude_note.into();
                a.status = Some(AccountStatus::Competitor);
            }
            _ => {}
        }
        if i == 7 {
            // A relationship typed by hand: the president is an old acquaintance.
            a.factors.insert(FactorId("relationship".into()), 8.0);
        }
        a.notes = s.account_notes.get(i).map(|n| n.to_string()).unwrap_or_default();
        a.updated_at = Some(now);
        a
    }

    fn contacts(&mut self, i: usize, a: &Account) -> Vec<Contact> {
        if i >= 39 {
            return Vec::new();
        }
        let s = self.s;
        let size = a.employees.unwrap_or(200);
        let n = match size {
            0..=300 => 2,
            301..=1000 => 3,
            1001..=3000 => 4 + self.rng.usize(0..2),
            _ => 5 + self.rng.usize(0..2),
        };
        // Always someone who decides; then a varied buying group.
        let mut roles: Vec<usize> = vec![if size > 1000 { 1 } else { 0 }];
        let mut pool: Vec<usize> = (0..s.roles.len()).filter(|r| !roles.contains(r)).collect();
        self.rng.shuffle(&mut pool);
        roles.extend(pool.into_iter().take(n - 1));
        sorting::sort(&mut roles);
        let mut made: Vec<(usize, Contact)> = Vec::new();
        let domain = normalise_domain(&a.domain);
        for (k, role) in roles.into_iter().enumerate() {
            let (title, dept, buying, relationship, stance) = s.roles[role];
            let surname = *self.pick(s.surnames);
            let given = *self.pick(s.given_names);
            let reports_to = parent_roles(role).iter().find_map(|p| made.iter().find(|(r, _)| r == p).map(|(_, c)| c.id.clone()));
            let rel = (i64::from(relationship) + self.rng.i64(-2..=2)).clamp(0, 10) as u8;
            let (name, local) = if s.family_name_first {
                (format!("{surname} {given}"), format!("c{}.{k}", i + 1))
            } else {
                (format!("{given} {surname}"), format!("{}.{}", given.to_lowercase(), surname.to_lowercase()))
            };
            let c = Contact {
                id: ContactId::generate(&mut self.ids),
                account: a.id.clone(),
                name,
                title: title.into(),
                department: dept.into(),
                email: if domain.is_empty() { String::new() } else { format!("{local}@{domain}") },
                phone: String::new(),
                reports_to,
                role: serde_json::from_value(serde_json::Value::String(buying.into())).ok(),
                stance: serde_json::from_value(serde_json::Value::String(stance.into())).ok(),
                relationship: Some(rel),
                last_contact: Some(self.days_ago(3, 200)),
                persona: None,
                notes: if buying == "resister" { s.resister_note.into() } else { String::new() },
                updated_at: None,
            };
            made.push((role, c));
        }
        made.into_iter().map(|(_, c)| c).collect()
    }

    fn content(&mut self, accounts: &[Account]) -> imbl::Vector<ContentAsset> {
        let s = self.s;
        let kind = |k: &str| serde_json::from_value(serde_json::Value::String(k.to_string())).unwrap_or_default();
        let mut out: imbl::Vector<ContentAsset> = s
            .content
            .iter()
            .map(|(title, k, path)| ContentAsset {
                id: ContentId::generate(&mut self.ids),
                title: title.to_string(),
                kind: kind(k),
                url: format!("{}/resources/{path}", s.site),
                account: None,
                status: Some(ContentStatus::Published),
                // Before every campaign of the past year that uses it.
                created: Some(self.days_ago(380, 500)),
                notes: String::new(),
                updated_at: None,
            })
            .collect();
        for (i, title, k, status, path) in s.personal_content {
            out.push_back(ContentAsset {
                id: ContentId::generate(&mut self.ids),
                title: title.into(),
                kind: kind(k),
                url: format!("{}/for/{}/{path}", s.site, accounts[i].domain.trim_end_matches(".example")),
                account: Some(accounts[i].id.clone()),
                status: serde_json::from_value(serde_json::Value::String(status.to_string())).ok(),
                created: Some(self.days_ago(10, 60)),
                notes: String::new(),
                updated_at: None,
            });
        }
        out
    }

    /// The script's campaigns and the monthly webinars. Each targets a share of
    /// the core industry's accounts; every account won in the last year was
    /// reached by the webinar before its win and, once it ran, the field
    /// sales campaign (their touches are made in `activities`).
    fn campaigns(&mut self, accounts: &[Account], content: &imbl::Vector<ContentAsset>, owners: &[MemberId]) -> imbl::Vector<Campaign> {
        let s = self.s;
        let targets: Vec<AccountId> = accounts.iter().take(38).filter(|a| a.industry == s.core_industry).map(|a| a.id.clone()).collect();
        let webinars = (0..WEBINARS).map(|k| script::CampaignRow {
            name: s.webinar_topics[k as usize % s.webinar_topics.len()],
            channel: "events",
            started_ago: NEWEST_WEBINAR_AGO + 30 * k,
            days: Some(1),
            cost: s.webinar_cost,
            content: &[3],
        });
        let rows: Vec<script::CampaignRow> = s.campaigns.iter().map(|c| script::CampaignRow { ..*c }).chain(webinars).collect();
        let mut out: imbl::Vector<Campaign> = rows
            .iter()
            .enumerate()
            .map(|(k, row)| {
                let start = self.today.add_days(-row.started_ago);
                let mut t = targets.clone();
                self.rng.shuffle(&mut t);
                t.truncate(if row.channel == "fieldSales" { 8 } else { 12 + self.rng.usize(0..10) });
                Campaign {
                    id: CampaignId::generate(&mut self.ids),
                    name: row.name.to_string(),
                    channel: Channel::from_key(row.channel),
                    start,
                    end: row.days.map(|d| start.add_days(d - 1).min(self.today)),
                    cost: Money::from_major(row.cost),
                    targets: t,
                    content: row.content.iter().filter_map(|i| content.get(*i)).map(|c| c.id.clone()).collect(),
                    owner: Some(owners[k % owners.len()].clone()),
                    notes: String::new(),
                    updated_at: None,
                }
            })
            .collect();
        for (account, on) in recent_wins(self.today) {
            let id = &accounts[account].id;
            for c in winning_touches(&out, on) {
                if let Some(c) = out.get_mut(c) {
                    if !c.targets.contains(id) {
                        c.targets.push(id.clone());
                    }
                }
            }
        }
        for c in out.iter_mut() {
            sorting::sort(&mut c.targets);
        }
        out
    }

    fn deals(&mut self, accounts: &[Account], sales: &[MemberId], campaigns: &imbl::Vector<Campaign>) -> imbl::Vector<Deal> {
        let s = self.s;
        let names = s.deal_names;
        let mut out = imbl::Vector::new();
        let base = |a: &Account| base_deal_yen(a, s.revenue_unit);
        let field_sales = campaigns.iter().find(|c| c.channel.key() == "fieldSales").map(|c| c.id.clone());
        for (n, &i) in LONG_STANDING.iter().enumerate() {
            let a = &accounts[i];
            let first = self.today.add_days(-(400 + 37 * n as i64));
            let cycle = self.rng.i64(60..200);
            let amount = self.amount(base(a));
            out.push_back(self.deal(a, names[0], DealKind::New, amount, first.add_days(-cycle), Some(first), Outcome::Won, 0, sales, None));
        }
        for (i, kind, ago, share, product) in RECENT_WINS {
            let a = &accounts[i];
            let closed = self.today.add_days(-ago);
            let cycle = if kind == DealKind::New { self.rng.i64(50..120) } else { self.rng.i64(25..60) };
            let name = match kind {
                DealKind::New => names[0],
                DealKind::CrossSell => names[1],
                DealKind::Renewal => names[2],
                _ => names[3],
            };
            let amount = self.amount(base(a) * share);
            let campaign = (kind != DealKind::Renewal).then(|| field_sales.clone()).flatten().filter(|_| ago < 140);
            out.push_back(self.deal(a, name, kind, amount, closed.add_days(-cycle), Some(closed), Outcome::Won, product, sales, campaign));
        }
        for (i, kind) in PIPELINE {
            let a = &accounts[i];
            let created = self.days_ago(15, 150);
            let (name, share) = if kind == DealKind::New { (names[4], 1.2) } else { (names[3], 0.5) };
            let amount = a.expected_deal_size.filter(|_| kind == DealKind::New).unwrap_or_else(|| self.amount(base(a) * share));
            out.push_back(self.deal(a, name, kind, amount, created, None, Outcome::Open, 0, sales, field_sales.clone()));
        }
        for (i, ago) in LOST {
            let a = &accounts[i];
            let closed = self.today.add_days(-ago);
            let amount = self.amount(4_000_000.0);
            out.push_back(self.deal(a, names[5], DealKind::New, amount, closed.add_days(-90), Some(closed), Outcome::Lost, 0, sales, None));
        }
        out
    }

    #[allow(clippy::too_many_arguments)]
    fn deal(
        &mut self,
        a: &Account,
        name: &str,
        kind: DealKind,
        amount: Money,
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
            amount: amount.max(self.amount(500_000.0)),
            created,
            closed,
            stage,
            outcome,
            product: self.s.products[product].into(),
            owner: a.sales_owner.clone().or_else(|| sales.first().cloned()),
            campaign,
            notes: String::new(),
            updated_at: None,
        }
    }

    fn activities(&mut self, plan: &Plan) -> imbl::Vector<Activity> {
        let contacts_of = |id: &AccountId| -> Vec<ContactId> { plan.contacts.iter().filter(|c| &c.account == id).map(|c| c.id.clone()).collect() };
        let winners: Vec<&AccountId> = recent_wins(self.today).into_iter().map(|(i, _)| &plan.accounts[i].id).collect();
        let mut out: Vec<Activity> = Vec::new();
        let mut push = |g: &mut Gen,
                        account: &AccountId,
                        contact: Option<ContactId>,
                        kind: ActivityKind,
                        day: Date,
                        campaign: Option<&Campaign>,
                        content: Option<ContentId>,
                        count: Option<u32>| {
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
            let end = campaign.end.unwrap_or(self.today);
            let span = campaign.start.days_until(end).max(1);
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
                        // The ads reach the buyers too, but clicks come mostly from
                        // accounts still looking: the channel has yet to pay back.
                        let click = if winners.contains(&account) { 0.1 } else { 0.3 };
                        if self.chance(click) {
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
        // What won each of the last year's deals: the webinar before it and,
        // once it ran, a meeting of the field sales campaign.
        for (i, on) in recent_wins(self.today) {
            let account = &plan.accounts[i].id;
            let people = contacts_of(account);
            let who = (!people.is_empty()).then(|| people[i % people.len()].clone());
            for c in winning_touches(&plan.campaigns, on) {
                let Some(campaign) = plan.campaigns.get(c) else { continue };
                if campaign.channel.key() == "events" {
                    push(self, account, who.clone(), ActivityKind::WebinarRegistered, campaign.start.add_days(-7), Some(campaign), None, None);
                    push(self, account, who.clone(), ActivityKind::WebinarAttended, campaign.start, Some(campaign), campaign.content.first().cloned(), None);
                } else {
                    push(self, account, who.clone(), ActivityKind::Meeting, on.add_days(-10), Some(campaign), campaign.content.first().cloned(), None);
                }
            }
        }
        // Organic interest: web visits, downloads and video views, rising lately at
        // a few accounts that are warming up.
        for (i, a) in plan.accounts.iter().enumerate().take(38) {
            let people = contacts_of(&a.id);
            let visits = if WARMING.contains(&i) { 8 } else { self.rng.usize(0..4) };
            for _ in 0..visits {
                let recent = WARMING.contains(&i) && self.chance(0.7);
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
        // Yesterday's signal at each account with a plan: a key person took the
        // material made for them, so the plan opens on a next best action that is
        // due, not overdue, on whatever day the demo is shown.
        for spec in &self.s.plans {
            let Some(a) = plan.accounts.get(spec.account) else { continue };
            let Some(who) = contacts_of(&a.id).first().cloned() else { continue };
            let asset = plan.content.iter().find(|c| c.account.as_ref() == Some(&a.id)).or(plan.content.front()).map(|c| c.id.clone());
            push(self, &a.id, Some(who), ActivityKind::ContentDownload, self.today.add_days(-1), None, asset, None);
        }
        sorting::sort_by_key(&mut out, |a| a.at);
        out.into_iter().collect()
    }

    fn account_plans(&mut self, plan: &Plan, marketing: &[MemberId], sales: &[MemberId]) -> imbl::Vector<AccountPlan> {
        let s = self.s;
        let mut out = imbl::Vector::new();
        let revenue_goal = self.amount(18_000_000.0).to_f64();
        for spec in &s.plans {
            let i = spec.account;
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
            let n = s.plan_goal_names;
            let goals = vec![g(n[0], Metric::NewContracts, 1.0), g(n[1], Metric::Revenue, revenue_goal)];
            let kpis = vec![g(n[2], Metric::Meetings, 6.0), g(n[3], Metric::EngagementRate, 60.0), g(n[4], Metric::NewContacts, 4.0)];
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
            let t = s.action_titles;
            let actions = vec![
                action(t[0], BuiltinChannel::FieldSales, &sales[i % sales.len()], -10, ActionStatus::Done, vec![]),
                action(t[1], BuiltinChannel::Email, &marketing[i % marketing.len()], 7, ActionStatus::InProgress, personal.clone()),
                action(t[2], BuiltinChannel::FieldSales, &sales[i % sales.len()], 30, ActionStatus::Planned, vec![]),
                action(t[3], BuiltinChannel::UserGroups, &marketing[i % marketing.len()], 55, ActionStatus::Planned, vec![]),
            ];
            out.push_back(AccountPlan {
                id: AccountPlanId::generate(&mut self.ids),
                account: a.id.clone(),
                overview: Overview { business: spec.business.into(), challenges: spec.challenges.into(), needs: spec.needs.into() },
                goals,
                marketing_plan: spec.marketing.into(),
                sales_strategy: spec.sales.into(),
                kpis,
                actions,
                channels: vec![Channel::Builtin(BuiltinChannel::FieldSales), Channel::Builtin(BuiltinChannel::Email), Channel::Builtin(BuiltinChannel::Events)],
                updated_at: None,
            });
        }
        out
    }

    fn nps(&mut self, plan: &Plan) -> imbl::Vector<NpsResponse> {
        let customers: Vec<AccountId> =
            plan.deals.iter().filter(|d| d.outcome == Outcome::Won).map(|d| d.account.clone()).collect::<std::collections::BTreeSet<_>>().into_iter().collect();
        let comments = self.s.nps_comments;
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
        let authors: Vec<MemberId> = plan.team.iter().map(|m| m.id.clone()).collect();
        self.s
            .notes
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
            for (k, stage) in [HandoffStage::MarketingQualified, HandoffStage::SalesAccepted, HandoffStage::Opportunity].into_iter().take(stages).enumerate() {
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
        sorting::sort_by_key(&mut out, |a| a.at);
        out.into_iter().collect()
    }
}

/// The last year's wins: account index and close day.
fn recent_wins(today: Date) -> Vec<(usize, Date)> {
    RECENT_WINS.iter().map(|&(i, _, ago, _, _)| (i, today.add_days(-ago))).collect()
}

/// The campaigns (positions) that reached an account before its win on `on`:
/// the last monthly webinar in the 60 days before it, and the field sales
/// campaign when it had run for ten days by then.
fn winning_touches(campaigns: &imbl::Vector<Campaign>, on: Date) -> Vec<usize> {
    let webinar = campaigns
        .iter()
        .enumerate()
        .filter(|(_, c)| c.channel.key() == "events" && c.start < on && c.start >= on.add_days(-60) && c.end == Some(c.start))
        .max_by_key(|(_, c)| c.start)
        .map(|(k, _)| k);
    let field = campaigns.iter().position(|c| c.channel.key() == "fieldSales" && c.start <= on.add_days(-10));
    webinar.into_iter().chain(field).collect()
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

    /// The dashboard's default periods over a year of days, in both demos:
    /// each shows won revenue and a channel that paid back, and the last 90
    /// days also a channel that did not (the story of moving budget).
    #[test]
    fn every_default_period_is_alive_on_any_day() {
        use crate::kpi::{revenue_summary, roi_report, ActivityIndex, Period};
        for language in [DemoLanguage::Japanese, DemoLanguage::English] {
            for k in 0..53 {
                let today = Date::from_ymd(2026, 1, 1).unwrap().add_days(k * 7 + k % 3);
                let p = demo_plan_in(language, PlanId("d".into()), today, today.at(9, 0));
                let index = ActivityIndex::new(&p);
                let periods = [
                    ("quarter", Period::fiscal_quarter(today, p.fiscal_year_start_month)),
                    ("30", Period::last_days(today, 30)),
                    ("90", Period::last_days(today, 90)),
                    ("365", Period::last_days(today, 365)),
                ];
                for (name, period) in periods {
                    let won = revenue_summary(&p, &period).total;
                    assert!(won > 0.0, "{language:?} {today} {name}: no won revenue");
                    let report = roi_report(&p, &index, &period, p.settings.attribution);
                    let rois: Vec<f64> = report.channels.iter().filter_map(|c| c.roi).collect();
                    assert!(rois.iter().any(|r| *r > 0.0), "{language:?} {today} {name}: no channel paid back {rois:?}");
                    if name == "90" {
                        assert!(rois.iter().any(|r| *r < 0.0), "{language:?} {today} {name}: every channel paid back {rois:?}");
                    }
                }
            }
        }
    }

    #[test]
    fn every_account_plan_opens_on_a_next_best_action_that_is_not_overdue() {
        use crate::account_plans::suggestions;
        for language in [DemoLanguage::Japanese, DemoLanguage::English] {
            for k in 0..12 {
                let today = Date::from_ymd(2026, 1, 1).unwrap().add_days(k * 31 + 7);
                let p = demo_plan_in(language, PlanId("d".into()), today, today.at(9, 0));
                for ap in p.account_plans.iter() {
                    let due: Vec<Date> = suggestions(&p, Some(&ap.account), today).iter().map(|s| s.due).collect();
                    assert!(due.iter().any(|d| *d >= today), "{language:?} {today}: {:?} has only {due:?}", ap.account);
                }
            }
        }
    }

    #[test]
    fn the_english_demo_is_in_english_and_dollars() {
        let p = demo_plan_in(DemoLanguage::English, PlanId("d".into()), today(), today().at(0, 0));
        assert_eq!((p.currency.code(), p.fiscal_year_start_month), ("USD", 1));
        assert_eq!(p.name, "FY2026 ABM plan (demo)");
        let japanese = |t: &str| t.chars().any(|c| ('\u{3040}'..='\u{9fff}').contains(&c));
        let texts: Vec<&str> = p
            .accounts
            .iter()
            .flat_map(|a| [a.name.as_str(), a.industry.as_str(), a.region.as_str(), a.notes.as_str()])
            .chain(p.contacts.iter().flat_map(|c| [c.name.as_str(), c.title.as_str()]))
            .chain(p.campaigns.iter().map(|c| c.name.as_str()))
            .chain(p.goals.iter().map(|g| g.name.as_str()))
            .chain(p.deals.iter().map(|d| d.name.as_str()))
            .chain(p.notes.iter().map(|n| n.text.as_str()))
            .collect();
        assert!(texts.iter().all(|t| !japanese(t)), "{:?}", texts.iter().find(|t| japanese(t)));
        let deal = p.deals.iter().map(|d| d.amount).max().unwrap();
        assert!(deal > Money::from_major(10_000) && deal < Money::from_major(2_000_000), "dollar-sized deals: {deal:?}");
        let text = to_file_text(&p, today().at(0, 0));
        assert!(read_plan_text(&text, Mode::Strict).is_ok());
        assert_eq!(p.accounts.len(), demo().accounts.len(), "the same story in both languages");
    }

    #[test]
    fn each_demo_works_its_own_countrys_hours_and_nothing_is_in_the_future() {
        use chrono::Timelike;
        // A viewer at UTC+14 just after their midnight: their "today" began
        // while it is still yesterday morning in UTC.
        let now = today().at(0, 0).add_minutes(-14 * 60 + 5);
        for (language, offset) in [(DemoLanguage::Japanese, 9), (DemoLanguage::English, -5)] {
            let p = demo_plan_in(language, PlanId("d".into()), today(), now);
            let times: Vec<Timestamp> = p.activities.iter().map(|a| a.at).chain(p.notes.iter().map(|n| n.at)).chain(p.handoffs.iter().map(|h| h.at)).collect();
            assert!(times.iter().all(|t| *t <= now), "{language:?}: nothing after now");
            let local_hours: Vec<i32> = times.iter().filter(|t| **t != now.add_minutes(-60)).map(|t| (t.0.hour() as i32 + offset).rem_euclid(24)).collect();
            assert!(local_hours.len() > times.len() / 2);
            assert!(local_hours.iter().all(|h| (9..18).contains(h)), "{language:?}: {:?}", local_hours.iter().find(|h| !(9..18).contains(*h)));
        }
    }

    #[test]
    fn the_plan_is_named_after_its_fiscal_year() {
        let in_march = Date::from_ymd(2027, 3, 31).unwrap();
        assert_eq!(demo_plan(PlanId("d".into()), in_march, in_march.at(0, 0)).name, "FY2026 ABM計画（デモ）");
        let in_april = Date::from_ymd(2027, 4, 1).unwrap();
        assert_eq!(demo_plan(PlanId("d".into()), in_april, in_april.at(0, 0)).name, "FY2027 ABM計画（デモ）");
    }

    #[test]
    fn fiscal_year_end_follows_the_start_month() {
        assert_eq!(fiscal_year_end(today(), 4), Date::from_ymd(2027, 3, 31).unwrap());
        assert_eq!(fiscal_year_end(Date::from_ymd(2027, 2, 1).unwrap(), 4), Date::from_ymd(2027, 3, 31).unwrap());
        assert_eq!(fiscal_year_end(today(), 1), Date::from_ymd(2026, 12, 31).unwrap());
    }
}
