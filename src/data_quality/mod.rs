//! Data quality: recognising the same company under different spellings
//! (`identity`), finding duplicate accounts and merging them (`duplicates`,
//! `merge`), reporting missing values and their effect on scoring (`missing`),
//! and cleansing actions previewed before they apply (`cleanse`).

pub mod cleanse;
mod duplicates;
mod identity;
mod merge;
mod missing;

pub use duplicates::{find_duplicates, Candidate, Reason};
pub use identity::{company_key, domain_key, email_domain};
pub use merge::{merge_accounts, merged_account};
pub use missing::{missing_report, scoring_gaps, AccountField, MissingReport, ScoringGap};
