//! Localized names of the data-quality engine's values: import fields and
//! problems, account fields, duplicate reasons, model inputs.

use crate::csv_io::import::{Field, ProblemKind, RecordKind};
use crate::domain::Plan;
use crate::prediction::Feature;
use crate::quality::{AccountField, Reason};
use crate::ui::i18n::{td_string, Locale};

/// The name of import field `f`; a custom field's is its own name (`custom`:
/// the plan's custom fields' names, in order).
pub fn field(l: Locale, f: Field, custom: &[String]) -> String {
    match f {
        Field::Custom(k) => return custom.get(usize::from(k)).cloned().unwrap_or_default(),
        Field::Name => td_string!(l, dq.f_name),
        Field::FirstName => td_string!(l, dq.f_first),
        Field::LastName => td_string!(l, dq.f_last),
        Field::AccountId => td_string!(l, dq.f_account_id),
        Field::Company => td_string!(l, dq.f_company),
        Field::Domain => td_string!(l, dq.f_domain),
        Field::CompanyDomain => td_string!(l, dq.f_company_domain),
        Field::Industry => td_string!(l, dq.f_industry),
        Field::Employees => td_string!(l, dq.f_employees),
        Field::Revenue => td_string!(l, dq.f_revenue),
        Field::Country => td_string!(l, dq.f_country),
        Field::Region => td_string!(l, dq.f_region),
        Field::Technologies => td_string!(l, dq.f_technologies),
        Field::Tags => td_string!(l, dq.f_tags),
        Field::ExpectedDealSize => td_string!(l, dq.f_expected),
        Field::Notes => td_string!(l, dq.f_notes),
        Field::Email => td_string!(l, dq.f_email),
        Field::Title => td_string!(l, dq.f_title),
        Field::Department => td_string!(l, dq.f_department),
        Field::Phone => td_string!(l, dq.f_phone),
        Field::Amount => td_string!(l, dq.f_amount),
        Field::Created => td_string!(l, dq.f_created),
        Field::Closed => td_string!(l, dq.f_closed),
        Field::Stage => td_string!(l, dq.f_stage),
        Field::DealKind => td_string!(l, dq.f_deal_kind),
        Field::Product => td_string!(l, dq.f_product),
        Field::ActivityKind => td_string!(l, dq.f_activity_kind),
        Field::At => td_string!(l, dq.f_at),
        Field::Count => td_string!(l, dq.f_count),
    }
    .to_string()
}

pub fn kind(l: Locale, k: RecordKind) -> String {
    match k {
        RecordKind::Accounts => td_string!(l, dq.kind_accounts),
        RecordKind::Contacts => td_string!(l, dq.kind_contacts),
        RecordKind::Deals => td_string!(l, dq.kind_deals),
        RecordKind::Activities => td_string!(l, dq.kind_activities),
    }
    .to_string()
}

pub fn problem(l: Locale, p: ProblemKind) -> String {
    match p {
        ProblemKind::Missing(f) => td_string!(l, dq.pk_missing, field = field(l, f, &[])).to_string(),
        ProblemKind::NotANumber => td_string!(l, dq.pk_number).to_string(),
        ProblemKind::NotAnAmount => td_string!(l, dq.pk_amount).to_string(),
        ProblemKind::NotADate => td_string!(l, dq.pk_date).to_string(),
        ProblemKind::UnknownStage => td_string!(l, dq.pk_stage).to_string(),
        ProblemKind::UnknownDealKind => td_string!(l, dq.pk_deal_kind).to_string(),
        ProblemKind::UnknownActivityKind => td_string!(l, dq.pk_activity_kind).to_string(),
        ProblemKind::NoSuchAccount => td_string!(l, dq.pk_no_account).to_string(),
        ProblemKind::AmbiguousAccount => td_string!(l, dq.pk_ambiguous).to_string(),
        ProblemKind::ClosedWithoutDate => td_string!(l, dq.pk_closed_without_date).to_string(),
        ProblemKind::ClosedBeforeCreated => td_string!(l, dq.pk_closed_before).to_string(),
        ProblemKind::BadId => td_string!(l, dq.pk_bad_id).to_string(),
        ProblemKind::TooManyCells { expected } => td_string!(l, dq.pk_too_many, n = expected).to_string(),
        ProblemKind::NotNumeric => td_string!(l, dq.pk_numeric).to_string(),
        ProblemKind::NotAFlag => td_string!(l, dq.pk_flag).to_string(),
        ProblemKind::NotAnOption => td_string!(l, dq.pk_option).to_string(),
    }
}

pub fn account_field(l: Locale, f: AccountField) -> String {
    match f {
        AccountField::Domain => td_string!(l, dq.f_domain),
        AccountField::Industry => td_string!(l, dq.f_industry),
        AccountField::Employees => td_string!(l, dq.f_employees),
        AccountField::Revenue => td_string!(l, dq.f_revenue),
        AccountField::Country => td_string!(l, dq.f_country),
        AccountField::Region => td_string!(l, dq.f_region),
        AccountField::Technologies => td_string!(l, dq.f_technologies),
        AccountField::ExpectedDealSize => td_string!(l, dq.f_expected),
        AccountField::SalesOwner => td_string!(l, dq.f_sales_owner),
        AccountField::MarketingOwner => td_string!(l, dq.f_marketing_owner),
    }
    .to_string()
}

pub fn reason(l: Locale, r: Reason) -> String {
    match r {
        Reason::SameDomain => td_string!(l, dq.reason_domain),
        Reason::SameName => td_string!(l, dq.reason_name),
        Reason::SimilarName => td_string!(l, dq.reason_similar),
    }
    .to_string()
}

pub fn feature(l: Locale, plan: &Plan, f: &Feature) -> String {
    match f {
        Feature::Fit => td_string!(l, dq.feat_fit).to_string(),
        Feature::Employees => td_string!(l, dq.feat_employees).to_string(),
        Feature::Revenue => td_string!(l, dq.feat_revenue).to_string(),
        Feature::Relationship => td_string!(l, dq.feat_relationship).to_string(),
        Feature::ExpectedDealSize => td_string!(l, dq.feat_expected).to_string(),
        Feature::Responses => td_string!(l, dq.feat_responses).to_string(),
        Feature::Meetings => td_string!(l, dq.feat_meetings).to_string(),
        Feature::Contacts => td_string!(l, dq.feat_contacts).to_string(),
        Feature::DecisionMakers => td_string!(l, dq.feat_dms).to_string(),
        Feature::Supporters => td_string!(l, dq.feat_supporters).to_string(),
        Feature::Industry(name) => {
            // The feature holds the folded industry; show the spelling the plan uses.
            let shown = plan.accounts.iter().find(|a| crate::icp::normalise(&a.industry) == *name).map_or(name.clone(), |a| a.industry.clone());
            td_string!(l, dq.feat_industry, name = shown).to_string()
        }
        Feature::Factor(i) => {
            let name = plan.prioritisation.factors.get(*i).map(|f| crate::ui::labels::factor_name(l, f)).unwrap_or_default();
            td_string!(l, dq.feat_factor, name = name).to_string()
        }
    }
}
