//! Localized names of the data-quality engine's values: import fields and
//! problems, account fields, duplicate reasons, model inputs.

use crate::csv_io::import::{Field, ProblemKind, RecordKind};
use crate::data_quality::{AccountField, Reason};
use crate::domain::quantity::NumberProblem;
use crate::domain::Plan;
use crate::prediction::Feature;
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
        Field::City => td_string!(l, dq.f_city),
        Field::Status => td_string!(l, dq.f_status),
        Field::SalesOwner => td_string!(l, dq.f_sales_owner),
        Field::MarketingOwner => td_string!(l, dq.f_marketing_owner),
        Field::Owner => td_string!(l, dq.f_owner),
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
        ProblemKind::Count(why) => td_string!(l, dq.pk_count, why = number_why(l, why)).to_string(),
        ProblemKind::Amount(why) => td_string!(l, dq.pk_amount, why = number_why(l, why)).to_string(),
        ProblemKind::UnknownStatus => td_string!(l, dq.pk_status).to_string(),
        ProblemKind::FewerCells { cells, expected } => td_string!(l, dq.pk_fewer, cells = cells, n = expected).to_string(),
        ProblemKind::UnclosedQuote { lines: 0 | 1 } => td_string!(l, dq.pk_unclosed_last).to_string(),
        ProblemKind::UnclosedQuote { lines } => td_string!(l, dq.pk_unclosed, count = lines - 1).to_string(),
        ProblemKind::StrayQuote => td_string!(l, dq.pk_stray_quote).to_string(),
        ProblemKind::JoinedLines { lines, cells, expected } => {
            td_string!(l, dq.pk_joined, lines = lines, more = lines.saturating_sub(1), cells = cells, n = expected).to_string()
        }
        ProblemKind::NotADate => td_string!(l, dq.pk_date).to_string(),
        ProblemKind::UnknownStage => td_string!(l, dq.pk_stage).to_string(),
        ProblemKind::UnknownDealKind => td_string!(l, dq.pk_deal_kind).to_string(),
        ProblemKind::UnknownActivityKind => td_string!(l, dq.pk_activity_kind).to_string(),
        ProblemKind::NoSuchAccount => td_string!(l, dq.pk_no_account).to_string(),
        ProblemKind::AmbiguousAccount => td_string!(l, dq.pk_ambiguous).to_string(),
        ProblemKind::Refused(r) => crate::ui::problems::refusal(l, r),
        ProblemKind::BadId => td_string!(l, dq.pk_bad_id).to_string(),
        ProblemKind::TooManyCells { expected } => td_string!(l, dq.pk_too_many, n = expected).to_string(),
        ProblemKind::OneCellLine { expected } => td_string!(l, dq.pk_one_cell, n = expected).to_string(),
        ProblemKind::NotNumeric => td_string!(l, dq.pk_numeric).to_string(),
        ProblemKind::NotAFlag => td_string!(l, dq.pk_flag).to_string(),
        ProblemKind::NotAnOption => td_string!(l, dq.pk_option).to_string(),
    }
}

/// Why a cell is not a number, in a few words (the problem list names the cell).
fn number_why(l: Locale, p: NumberProblem) -> String {
    match p {
        NumberProblem::Empty => td_string!(l, dq.why_empty),
        NumberProblem::NotANumber => td_string!(l, dq.why_not_a_number),
        NumberProblem::TooLarge => td_string!(l, dq.why_too_large),
        NumberProblem::TooManyDecimals => td_string!(l, dq.why_decimals),
        NumberProblem::Negative => td_string!(l, dq.why_negative),
        NumberProblem::NotWhole => td_string!(l, dq.why_not_whole),
        NumberProblem::OtherCurrency(_) => td_string!(l, dq.why_other_currency),
    }
    .to_string()
}

/// The confirm button of an import of `n` records of `kind`.
pub fn import_button(l: Locale, kind: RecordKind, n: usize) -> String {
    let shown = crate::ui::format::integer(n as i64, l);
    match kind {
        RecordKind::Accounts => td_string!(l, dq.import_accounts, count = n, n = shown),
        RecordKind::Contacts => td_string!(l, dq.import_contacts, count = n, n = shown),
        RecordKind::Deals => td_string!(l, dq.import_deals, count = n, n = shown),
        RecordKind::Activities => td_string!(l, dq.import_activities, count = n, n = shown),
    }
    .to_string()
}

/// The button that imports merged line `line` as a record of its own.
pub fn keep_apart(l: Locale, kind: RecordKind, line: u64) -> String {
    match kind {
        RecordKind::Contacts => td_string!(l, dq.keep_apart_contact, line = line),
        RecordKind::Deals => td_string!(l, dq.keep_apart_deal, line = line),
        _ => td_string!(l, dq.keep_apart_account, line = line),
    }
    .to_string()
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
