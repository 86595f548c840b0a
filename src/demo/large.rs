//! Large synthetic plans for benchmarks and scale tests: many accounts with
//! realistic spreads of firmographics, contacts, deals and activities, and the
//! demo's ICP and prioritisation. Deterministic for a given size and seed.

use crate::domain::*;
use fastrand::Rng;

const INDUSTRIES: [&str; 8] = ["製造業", "情報通信業", "卸売業", "小売業", "運輸・物流業", "建設業", "金融業", "医療・福祉"];
const REGIONS: [&str; 8] = ["東京都", "大阪府", "愛知県", "神奈川県", "福岡県", "静岡県", "北海道", "宮城県"];
const TECH: [&str; 6] = ["SAP S/4HANA", "Oracle EBS", "Salesforce", "kintone", "Excel管理", "自社開発システム"];
const KINDS: [ActivityKind; 8] = [
    ActivityKind::EmailSent,
    ActivityKind::EmailOpened,
    ActivityKind::EmailClicked,
    ActivityKind::WebVisit,
    ActivityKind::ContentDownload,
    ActivityKind::WebinarAttended,
    ActivityKind::Meeting,
    ActivityKind::AdImpression,
];

pub struct Size {
    pub accounts: usize,
    pub contacts_per_account: usize,
    pub deals: usize,
    pub activities: usize,
}

pub fn large_plan(size: Size, today: Date, seed: u64) -> Plan {
    let mut rng = Rng::with_seed(seed);
    let mut ids = IdGenerator::seeded(seed);
    let mut plan = super::demo_plan(PlanId("plan_large".into()), today, today.at(0, 0));
    plan.name = format!("Large plan ({} accounts)", size.accounts);
    plan.accounts.clear();
    plan.contacts.clear();
    plan.deals.clear();
    plan.activities.clear();
    plan.account_plans.clear();
    plan.nps_responses.clear();
    plan.notes.clear();
    plan.handoffs.clear();
    plan.content.retain(|c| c.account.is_none());
    plan.campaigns.iter_mut().for_each(|c| c.targets.clear());
    let erp = FieldId("fld_erp".into());
    for i in 0..size.accounts {
        let mut a = Account::new(AccountId::generate(&mut ids), format!("サンプル企業{i:05}"));
        a.domain = format!("sample{i:05}.example");
        a.industry = INDUSTRIES[rng.usize(..INDUSTRIES.len())].into();
        a.employees = (rng.f64() > 0.05).then(|| (10.0 * 10f64.powf(rng.f64() * 3.3)) as u32);
        a.annual_revenue = (rng.f64() > 0.1).then(|| Money::from_major((1e8 * 10f64.powf(rng.f64() * 3.5)) as i64));
        a.country = "日本".into();
        a.region = REGIONS[rng.usize(..REGIONS.len())].into();
        a.technologies = (0..rng.usize(0..3)).map(|_| TECH[rng.usize(..TECH.len())].to_string()).collect();
        a.custom.insert(erp.clone(), CustomValue::Text(["SAP", "Oracle", "OBIC", "内製", "その他"][rng.usize(..5)].into()));
        a.expected_deal_size = (rng.f64() > 0.4).then(|| Money::from_major(rng.i64(500_000..60_000_000)));
        if rng.f64() < 0.01 {
            a.target = TargetChoice::Include;
        }
        plan.accounts.push_back(a);
    }
    let accounts: Vec<AccountId> = plan.accounts.iter().map(|a| a.id.clone()).collect();
    if accounts.is_empty() {
        return plan;
    }
    let roles = BuyingRole::ALL;
    for a in &accounts {
        for k in 0..size.contacts_per_account {
            plan.contacts.push_back(Contact {
                id: ContactId::generate(&mut ids),
                account: a.clone(),
                name: format!("担当者{k}"),
                title: String::new(),
                department: String::new(),
                email: String::new(),
                phone: String::new(),
                reports_to: None,
                role: Some(roles[rng.usize(..roles.len())]),
                stance: None,
                relationship: Some(rng.u8(0..=10)),
                last_contact: None,
                persona: None,
                notes: String::new(),
                updated_at: None,
            });
        }
    }
    for i in 0..size.deals {
        let created = today.add_days(-rng.i64(30..900));
        let outcome = [Outcome::Won, Outcome::Won, Outcome::Lost, Outcome::Open][rng.usize(..4)];
        let id = DealId::generate(&mut ids);
        let account = accounts[rng.usize(..accounts.len())].clone();
        let kind = [DealKind::New, DealKind::CrossSell, DealKind::Upsell, DealKind::Renewal][rng.usize(..4)];
        let amount = Money::from_major(rng.i64(500_000..50_000_000));
        plan.deals.push_back(Deal {
            kind,
            closed: (outcome != Outcome::Open).then(|| created.add_days(rng.i64(20..200)).min(today)),
            stage: if outcome == Outcome::Open { DealStage::Proposal } else { DealStage::Closed },
            outcome,
            ..Deal::new(id, account, format!("商談{i}"), amount, created)
        });
    }
    let campaigns: Vec<CampaignId> = plan.campaigns.iter().map(|c| c.id.clone()).collect();
    let start = today.at(0, 0).add_days(-365).millis();
    let span = 365 * 86_400_000i64;
    for _ in 0..size.activities {
        let account = accounts[rng.usize(..accounts.len())].clone();
        let kind = KINDS[rng.usize(..KINDS.len())];
        plan.activities.push_back(Activity {
            id: ActivityId::generate(&mut ids),
            account,
            contact: None,
            kind,
            at: Timestamp::from_millis(start + rng.i64(0..span)).unwrap_or_else(|| today.at(0, 0)),
            campaign: (rng.f64() < 0.5).then(|| campaigns[rng.usize(..campaigns.len())].clone()),
            content: None,
            count: (kind == ActivityKind::AdImpression).then(|| rng.u32(10..500)),
            progress: None,
            note: String::new(),
        });
    }
    plan
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan_file::{read_plan_text, to_storage_text, Mode};

    #[test]
    fn large_plans_are_valid_and_sized() {
        let today = Date::from_ymd(2026, 11, 23).unwrap();
        let p = large_plan(Size { accounts: 300, contacts_per_account: 3, deals: 150, activities: 2000 }, today, 7);
        assert_eq!(p.accounts.len(), 300);
        assert_eq!(p.contacts.len(), 900);
        assert_eq!(p.activities.len(), 2000);
        let read = read_plan_text(&to_storage_text(&p, today.at(0, 0)), Mode::Strict).unwrap_or_else(|e| panic!("{:?}", &e[..3.min(e.len())]));
        assert!(read.warnings.is_empty(), "{:?}", &read.warnings[..3.min(read.warnings.len())]);
    }
}
