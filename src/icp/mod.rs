//! ICP fit: how well an account matches the Ideal Customer Profile, criterion by
//! criterion, and whether it is in the target list.
//!
//! Scoring rules (also shown to the user):
//! - A criterion the account meets earns its full weight; one it misses earns none.
//! - A number just outside a range (employees, revenue, a numeric custom field)
//!   earns partial credit, falling linearly from full at the bound to none at
//!   `nearMissPercent` % beyond it (25 %: 10 % short of the minimum earns 60 %).
//! - "All of" a set earns the share of the set the account has.
//! - Missing data makes a criterion unknown; the profile's `unknownValues` policy
//!   says whether unknowns are left out of the calculation (the default), count as
//!   misses, or earn half credit.
//! - Fit % = credit earned ÷ weight counted × 100. With no criteria (or all left
//!   out) the fit is unknown.

mod criteria;
pub mod suggest;

pub use criteria::{evaluate_criterion, normalise, range_credit, Outcome};

use crate::domain::*;

/// One criterion's result for one account.
#[derive(Clone, Debug, PartialEq)]
pub struct CriterionResult {
    pub criterion: CriterionId,
    pub weight: f64,
    pub outcome: Outcome,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Fit {
    /// 0–100, or `None` when nothing could be judged.
    pub percent: Option<f64>,
    /// Share (0–1) of the criteria's weight the account had data for.
    pub known_share: f64,
    pub breakdown: Vec<CriterionResult>,
}

/// Fit % and known share, computed from outcomes without allocating.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct FitSummary {
    pub percent: Option<f64>,
    pub known_share: f64,
}

/// Criteria prepared once for many accounts (values normalised for comparison).
pub struct PreparedIcp<'a> {
    profile: &'a IcpProfile,
    criteria: Vec<criteria::Prepared>,
    weights: Vec<f64>,
    margin: f64,
    /// Reused buffer for folding text (one allocation for all accounts).
    scratch: std::cell::Cell<String>,
}

impl<'a> PreparedIcp<'a> {
    pub fn new(profile: &'a IcpProfile) -> Self {
        PreparedIcp {
            profile,
            criteria: profile.criteria.iter().map(criteria::prepare).collect(),
            weights: profile.criteria.iter().map(|c| if c.weight.is_finite() { c.weight.max(0.0) } else { 0.0 }).collect(),
            margin: (profile.near_miss_percent / 100.0).clamp(0.0, 1.0),
            scratch: std::cell::Cell::new(String::with_capacity(64)),
        }
    }

    pub fn len(&self) -> usize {
        self.criteria.len()
    }

    pub fn is_empty(&self) -> bool {
        self.criteria.is_empty()
    }

    /// Appends one packed outcome per criterion to `out` (see [`pack`]) and
    /// returns the fit.
    pub fn fit_into(&self, account: &Account, out: &mut Vec<f32>) -> FitSummary {
        let start = out.len();
        self.outcomes_into(account, out);
        self.summarise(&out[start..])
    }

    /// Appends the account's packed outcome per criterion (see [`pack`]).
    pub fn outcomes_into(&self, account: &Account, out: &mut Vec<f32>) {
        let mut scratch = self.scratch.take();
        out.extend(self.criteria.iter().map(|p| pack(criteria::evaluate(p, account, self.margin, &mut scratch))));
        self.scratch.set(scratch);
    }

    /// The fit that packed outcomes (one per criterion) earn under this profile.
    pub fn summarise(&self, outcomes: &[f32]) -> FitSummary {
        summarise_packed(outcomes, &self.weights, self.profile.unknown_values)
    }

    pub fn fit(&self, account: &Account) -> Fit {
        let mut packed = Vec::with_capacity(self.criteria.len());
        let summary = self.fit_into(account, &mut packed);
        let outcomes: Vec<Outcome> = packed.into_iter().map(unpack).collect();
        let breakdown = self
            .profile
            .criteria
            .iter()
            .zip(outcomes)
            .zip(&self.weights)
            .map(|((c, outcome), weight)| CriterionResult { criterion: c.id.clone(), weight: *weight, outcome })
            .collect();
        Fit { percent: summary.percent, known_share: summary.known_share, breakdown }
    }
}

/// An outcome in four bytes: the credit, or NaN for unknown. Large plans keep one
/// per account and criterion.
pub fn pack(o: Outcome) -> f32 {
    match o {
        Outcome::Credit(c) => c as f32,
        Outcome::Unknown => f32::NAN,
    }
}

pub fn unpack(x: f32) -> Outcome {
    if x.is_nan() {
        Outcome::Unknown
    } else {
        Outcome::Credit(f64::from(x))
    }
}

/// Fit from packed outcomes and weights, under an unknown-value policy.
pub fn summarise_packed(outcomes: &[f32], weights: &[f64], policy: UnknownPolicy) -> FitSummary {
    let (mut earned, mut counted, mut total, mut known) = (0.0, 0.0, 0.0, 0.0);
    for (&outcome, &weight) in outcomes.iter().zip(weights) {
        total += weight;
        match unpack(outcome) {
            Outcome::Unknown => match policy {
                UnknownPolicy::Excluded => {}
                UnknownPolicy::NoCredit => counted += weight,
                UnknownPolicy::HalfCredit => {
                    counted += weight;
                    earned += weight * 0.5;
                }
            },
            Outcome::Credit(credit) => {
                known += weight;
                counted += weight;
                earned += weight * credit;
            }
        }
    }
    FitSummary { percent: (counted > 0.0).then(|| (earned / counted * 100.0).clamp(0.0, 100.0)), known_share: if total > 0.0 { known / total } else { 0.0 } }
}

/// Fit of one account (prepares the profile each time: for many accounts use
/// [`PreparedIcp`]).
pub fn fit(profile: &IcpProfile, account: &Account) -> Fit {
    PreparedIcp::new(profile).fit(account)
}

/// Whether an account is in the target list, and why.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum TargetStatus {
    IncludedByHand,
    ExcludedByHand,
    FitAtLeast { fit: f64, threshold: f64 },
    FitBelow { fit: f64, threshold: f64 },
    FitUnknown,
}

impl TargetStatus {
    pub fn is_target(self) -> bool {
        matches!(self, TargetStatus::IncludedByHand | TargetStatus::FitAtLeast { .. })
    }
}

pub fn target_status(choice: TargetChoice, fit: Option<f64>, profile: &IcpProfile) -> TargetStatus {
    match choice {
        TargetChoice::Include => TargetStatus::IncludedByHand,
        TargetChoice::Exclude => TargetStatus::ExcludedByHand,
        TargetChoice::Auto => match fit {
            None => TargetStatus::FitUnknown,
            Some(f) if f >= profile.fit_threshold => TargetStatus::FitAtLeast { fit: f, threshold: profile.fit_threshold },
            Some(f) => TargetStatus::FitBelow { fit: f, threshold: profile.fit_threshold },
        },
    }
}

#[cfg(test)]
mod tests;
