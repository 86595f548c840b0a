//! Localized names of the model's enumerations.

use crate::domain::prioritisation::builtin;
use crate::domain::{Factor, FactorSource, Metric, Tier, Unit};
use crate::editing::EditKind;
use crate::ui::i18n::{td_string, Locale};

pub fn metric(l: Locale, m: Metric) -> String {
    match m {
        Metric::NewContacts => td_string!(l, goals.metrics.newContacts),
        Metric::NewContracts => td_string!(l, goals.metrics.newContracts),
        Metric::NewProductsOffered => td_string!(l, goals.metrics.newProductsOffered),
        Metric::CrossSellUpsellValue => td_string!(l, goals.metrics.crossSellUpsellValue),
        Metric::Revenue => td_string!(l, goals.metrics.revenue),
        Metric::PipelineValue => td_string!(l, goals.metrics.pipelineValue),
        Metric::EngagementRate => td_string!(l, goals.metrics.engagementRate),
        Metric::EngagedAccounts => td_string!(l, goals.metrics.engagedAccounts),
        Metric::SalesCycleDays => td_string!(l, goals.metrics.salesCycleDays),
        Metric::Meetings => td_string!(l, goals.metrics.meetings),
        Metric::Nps => td_string!(l, goals.metrics.nps),
        Metric::EmailOpenRate => td_string!(l, goals.metrics.emailOpenRate),
        Metric::EmailClickRate => td_string!(l, goals.metrics.emailClickRate),
        Metric::WebVisits => td_string!(l, goals.metrics.webVisits),
        Metric::ContentDownloads => td_string!(l, goals.metrics.contentDownloads),
        Metric::Custom => td_string!(l, goals.metrics.custom),
    }
    .to_string()
}

pub const UNITS: [Unit; 5] = [Unit::Count, Unit::Money, Unit::Percent, Unit::Days, Unit::Score];

pub fn unit(l: Locale, u: Unit) -> String {
    match u {
        Unit::Count => td_string!(l, goals.units.count),
        Unit::Money => td_string!(l, goals.units.money),
        Unit::Percent => td_string!(l, goals.units.percent),
        Unit::Days => td_string!(l, goals.units.days),
        Unit::Score => td_string!(l, goals.units.score),
    }
    .to_string()
}

pub fn month(l: Locale, m: u8) -> String {
    match m {
        1 => td_string!(l, months.m1),
        2 => td_string!(l, months.m2),
        3 => td_string!(l, months.m3),
        4 => td_string!(l, months.m4),
        5 => td_string!(l, months.m5),
        6 => td_string!(l, months.m6),
        7 => td_string!(l, months.m7),
        8 => td_string!(l, months.m8),
        9 => td_string!(l, months.m9),
        10 => td_string!(l, months.m10),
        11 => td_string!(l, months.m11),
        _ => td_string!(l, months.m12),
    }
    .to_string()
}

pub fn edit_kind(l: Locale, k: EditKind) -> String {
    match k {
        EditKind::RenamePlan => td_string!(l, edits.rename_plan),
        EditKind::PlanSettings => td_string!(l, edits.plan_settings),
        EditKind::EditGoal => td_string!(l, edits.edit_goal),
        EditKind::AddGoal => td_string!(l, edits.add_goal),
        EditKind::RemoveGoal => td_string!(l, edits.remove_goal),
        EditKind::MoveGoal => td_string!(l, edits.move_goal),
        EditKind::Replace => td_string!(l, edits.replace),
        EditKind::Merge => td_string!(l, edits.merge),
        EditKind::AddAccount => td_string!(l, edits.add_account),
        EditKind::EditAccount => td_string!(l, edits.edit_account),
        EditKind::EditAccounts => td_string!(l, edits.edit_accounts),
        EditKind::DeleteAccounts => td_string!(l, edits.delete_accounts),
        EditKind::EditFactorValue => td_string!(l, edits.edit_factor_value),
        EditKind::EditIcp => td_string!(l, edits.edit_icp),
        EditKind::EditPersonas => td_string!(l, edits.edit_personas),
        EditKind::EditTargetList => td_string!(l, edits.edit_target_list),
        EditKind::EditWeights => td_string!(l, edits.edit_weights),
        EditKind::EditTiers => td_string!(l, edits.edit_tiers),
        EditKind::EditCustomFields => td_string!(l, edits.edit_custom_fields),
    }
    .to_string()
}

/// Currencies offered in settings (a plan can hold any ISO 4217 code).
pub const CURRENCIES: [&str; 10] = ["JPY", "USD", "EUR", "GBP", "CNY", "KRW", "TWD", "SGD", "AUD", "THB"];

/// A factor's name: the user's, or the built-in one in the user's language.
pub fn factor_name(l: Locale, f: &Factor) -> String {
    if !f.name.is_empty() {
        return f.name.clone();
    }
    match f.id.as_str() {
        builtin::FIT => td_string!(l, factors.fit).to_string(),
        builtin::OPPORTUNITY => td_string!(l, factors.opportunity).to_string(),
        builtin::PURCHASE => td_string!(l, factors.purchase).to_string(),
        builtin::RELATIONSHIP => td_string!(l, factors.relationship).to_string(),
        other => other.to_string(),
    }
}

/// Where a factor's values come from.
pub fn factor_source(l: Locale, s: FactorSource) -> String {
    match s {
        FactorSource::Manual => td_string!(l, prio.source_manual),
        FactorSource::IcpFit => td_string!(l, prio.source_fit),
        FactorSource::Opportunity => td_string!(l, prio.source_opportunity),
        FactorSource::PurchaseHistory => td_string!(l, prio.source_purchase),
        FactorSource::Relationship => td_string!(l, prio.source_relationship),
        FactorSource::Engagement => td_string!(l, prio.source_engagement),
        FactorSource::PurchaseProbability => td_string!(l, prio.source_probability),
    }
    .to_string()
}

/// The engagement style of a tier (1:1, 1:few, 1:many).
pub fn tier_style(l: Locale, t: Tier) -> String {
    match t {
        Tier::One => td_string!(l, prio.tier_one_to_one),
        Tier::Two => td_string!(l, prio.tier_one_to_few),
        Tier::Three => td_string!(l, prio.tier_one_to_many),
    }
    .to_string()
}
