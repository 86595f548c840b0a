//! Factor values: typed by hand, or derived from the plan's data.
//!
//! - ICP fit: the account's fit % (see `icp`).
//! - Expected opportunity: the account's expected deal size (or, without one, the
//!   total of its open deals), placed in the plan's opportunity bands: at or above
//!   the n-th of N thresholds scores n × 10 / N. A plan without bands of its own
//!   uses automatic ones: the deciles of its accounts' deal sizes (`bands`).
//! - Purchase history: frequency and size of won deals, each worth half, relative to
//!   the best customer in the plan (the most won deals earns 5, the largest total 5).
//!   A plan with no won deal at all has no purchase history to score: missing.
//! - Relationship: the average relationship strength of the account's decision
//!   makers (budget holders when there are none).
//! - Purchase probability: the prediction's (`crate::prediction`), filled in after
//!   the basis is built because the model learns from it (`fill_derived`).
//! - Engagement is typed by hand.

use super::rows::BasisCache;
use crate::domain::*;
use crate::icp::{summarise_packed, target_status, unpack, FitSummary, Outcome as CriterionOutcome, PreparedIcp, TargetStatus};
use rustc_hash::FxHashMap;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ValueSource {
    Manual,
    Derived,
    Missing,
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct FactorValue {
    /// The value used, on the factor's scale (0–100 or 0–10).
    pub value: Option<f64>,
    pub source: ValueSource,
    /// What the data says, shown beside a value typed by hand.
    pub derived: Option<f64>,
}

/// Per-account inputs to ranking, in the plan's account order. Stored flat (one
/// vector per kind of data) so 100,000 accounts cost a handful of allocations.
#[derive(Clone, Debug, PartialEq)]
pub struct Basis {
    criteria: usize,
    factors: usize,
    /// Per account: fit % (NaN: unknown) and known share.
    fits: Vec<(f32, f32)>,
    /// Per account and criterion: packed outcome (see `icp::pack`).
    outcomes: Vec<f32>,
    /// Per account and factor.
    values: Vec<Packed>,
    pub targets: Vec<TargetStatus>,
    /// Each factor's scale maximum.
    pub maxima: Vec<f64>,
    /// Tie-break among targets: position by name, then id (`u32::MAX` outside
    /// the target list).
    pub(super) tie: Vec<u32>,
    pub pinned: Vec<Option<Tier>>,
    /// The opportunity bands used (major units, ascending), and whether they
    /// were worked out from the data because the plan sets none.
    pub bands: Vec<f64>,
    pub automatic_bands: bool,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct OutcomeCounts {
    pub met: usize,
    pub partial: usize,
    pub missed: usize,
    pub unknown: usize,
}

/// A factor value in twelve bytes: value and derived value (NaN: none), source.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) struct Packed {
    pub(super) value: f32,
    derived: f32,
    source: ValueSource,
}

impl Packed {
    fn unpack(&self) -> FactorValue {
        FactorValue { value: unopt(self.value), source: self.source, derived: unopt(self.derived) }
    }
}

fn opt(x: Option<f64>) -> f32 {
    x.map_or(f32::NAN, |v| v as f32)
}

fn unopt(x: f32) -> Option<f64> {
    (!x.is_nan()).then_some(f64::from(x))
}

fn unopt64(x: f64) -> Option<f64> {
    (!x.is_nan()).then_some(x)
}

/// Order of the target accounts by name, then id: how equal scores are ordered.
/// Computed once per basis from the targets only (a tenth of a large plan, say),
/// so ranking compares integers and the accounts' names are read once, not
/// copied for every account.
fn tie_order(plan: &Plan, is_target: &[bool]) -> Vec<u32> {
    let mut keys: Vec<(&str, &str, u32)> =
        plan.accounts.iter().zip(is_target).enumerate().filter(|(_, (_, t))| **t).map(|(i, (a, _))| (a.name.as_str(), a.id.as_str(), i as u32)).collect();
    keys.sort_unstable();
    let mut order = vec![u32::MAX; is_target.len()];
    for (pos, &(_, _, i)) in keys.iter().enumerate() {
        order[i as usize] = pos as u32;
    }
    order
}

/// Deals and stakeholders summed per account (in the plan's order); empty when
/// the plan has neither (every account's totals are then zero).
fn totals(plan: &Plan, n: usize) -> Vec<Totals> {
    if plan.deals.is_empty() && plan.contacts.is_empty() {
        return Vec::new();
    }
    let mut totals = vec![Totals::default(); n];
    // Deals and stakeholders refer to accounts by id.
    let index: FxHashMap<&str, usize> = plan.accounts.iter().enumerate().map(|(i, a)| (a.id.as_str(), i)).collect();
    for d in plan.deals.iter() {
        let Some(&i) = index.get(d.account.as_str()) else { continue };
        let t = &mut totals[i];
        match d.outcome {
            Outcome::Won => {
                t.won_count += 1;
                t.won_total += d.amount.to_f64();
            }
            Outcome::Open => t.open_total += d.amount.to_f64(),
            Outcome::Lost => {}
        }
    }
    for c in plan.contacts.iter() {
        let (Some(r), Some(role)) = (c.relationship, c.role) else { continue };
        if !matches!(role, BuyingRole::DecisionMaker | BuyingRole::BudgetHolder) {
            continue;
        }
        let Some(&i) = index.get(c.account.as_str()) else { continue };
        let t = &mut totals[i];
        if role == BuyingRole::DecisionMaker {
            t.dm_sum += f64::from(r);
            t.dm_count += 1;
        } else {
            t.budget_sum += f64::from(r);
            t.budget_count += 1;
        }
    }
    totals
}

const NO_TOTALS: Totals = Totals { won_count: 0, won_total: 0.0, open_total: 0.0, dm_sum: 0.0, dm_count: 0, budget_sum: 0.0, budget_count: 0 };

#[derive(Default, Clone, Copy)]
struct Totals {
    won_count: u32,
    won_total: f64,
    open_total: f64,
    dm_sum: f64,
    dm_count: u32,
    budget_sum: f64,
    budget_count: u32,
}

impl Basis {
    /// The ids of the target list's accounts (`plan` is the plan the basis was
    /// derived from): the dashboard's and the workbook's KPIs are measured among them.
    pub fn target_ids(&self, plan: &Plan) -> Vec<AccountId> {
        plan.accounts.iter().enumerate().filter(|(i, _)| self.targets.get(*i).is_some_and(|t| t.is_target())).map(|(_, a)| a.id.clone()).collect()
    }

    /// The basis of `plan`, read from scratch.
    pub fn new(plan: &Plan) -> Basis {
        Basis::with_cache(plan, &mut BasisCache::default())
    }

    /// The basis of `plan`, re-reading only the accounts that changed since the
    /// plan `cache` last saw (see `rows`); the same result as [`Basis::new`].
    pub fn with_cache(plan: &Plan, cache: &mut BasisCache) -> Basis {
        let icp = PreparedIcp::new(&plan.icp);
        let rows = cache.refresh(plan, &icp);
        let n = rows.len();
        let totals = totals(plan, n);
        let max_count = totals.iter().map(|t| t.won_count).max().unwrap_or(0);
        let max_total = totals.iter().map(|t| t.won_total).fold(0.0, f64::max);
        let won_any = max_count > 0;
        let set_bands: Vec<f64> = plan.prioritisation.opportunity_bands.iter().map(|m| m.to_f64()).collect();
        let automatic_bands = set_bands.is_empty();
        let bands = if automatic_bands {
            let sizes: Vec<f64> = (0..rows.len()).filter_map(|i| deal_size(unopt64(rows.expected[i]), totals.get(i).unwrap_or(&NO_TOTALS))).collect();
            super::bands::automatic(sizes)
        } else {
            set_bands
        };
        let factors = &plan.prioritisation.factors;
        let (c, k) = (rows.criteria, rows.factors);

        let mut basis = Basis {
            criteria: c,
            factors: k,
            fits: Vec::with_capacity(n),
            outcomes: rows.outcomes.clone(),
            values: Vec::with_capacity(n * k),
            targets: Vec::with_capacity(n),
            maxima: factors.iter().map(|f| f.scale.max()).collect(),
            tie: Vec::new(),
            pinned: rows.pinned.clone(),
            bands: Vec::new(),
            automatic_bands,
        };
        let mut is_target = Vec::with_capacity(n);
        for i in 0..n {
            let t = totals.get(i).unwrap_or(&NO_TOTALS);
            let fit = icp.summarise(&rows.outcomes[i * c..(i + 1) * c]);
            for (f, manual) in factors.iter().zip(&rows.manual[i * k..(i + 1) * k]) {
                let derived = match f.source {
                    FactorSource::Manual | FactorSource::Engagement | FactorSource::PurchaseProbability => None,
                    FactorSource::IcpFit => fit.percent,
                    FactorSource::Opportunity => opportunity(unopt64(rows.expected[i]), t, &bands),
                    FactorSource::PurchaseHistory => won_any.then(|| purchase_history(t, max_count, max_total)),
                    FactorSource::Relationship => relationship(t),
                }
                .map(|v| v.clamp(0.0, f.scale.max()));
                basis.values.push(match (unopt(*manual), derived) {
                    (Some(m), d) => Packed { value: m as f32, derived: opt(d), source: ValueSource::Manual },
                    (None, Some(d)) => Packed { value: d as f32, derived: d as f32, source: ValueSource::Derived },
                    (None, None) => Packed { value: f32::NAN, derived: f32::NAN, source: ValueSource::Missing },
                });
            }
            let target = target_status(rows.choice[i], fit.percent, &plan.icp);
            is_target.push(target.is_target());
            basis.targets.push(target);
            basis.fits.push((opt(fit.percent), fit.known_share as f32));
        }
        basis.tie = tie_order(plan, &is_target);
        basis.bands = bands;
        basis
    }

    pub fn len(&self) -> usize {
        self.fits.len()
    }

    pub fn is_empty(&self) -> bool {
        self.fits.is_empty()
    }

    pub fn factor_count(&self) -> usize {
        self.factors
    }

    /// Account `i`'s fit % and the share of criteria it had data for.
    pub fn fit(&self, i: usize) -> FitSummary {
        let (percent, known) = self.fits[i];
        FitSummary { percent: unopt(percent), known_share: f64::from(known) }
    }

    /// Account `i`'s outcome per ICP criterion (in the profile's order).
    pub fn outcomes(&self, i: usize) -> Vec<CriterionOutcome> {
        self.outcomes[i * self.criteria..(i + 1) * self.criteria].iter().map(|x| unpack(*x)).collect()
    }

    /// Account `i`'s value per factor (in the prioritisation's order).
    pub fn values(&self, i: usize) -> Vec<FactorValue> {
        self.packed(i).iter().map(Packed::unpack).collect()
    }

    /// Account `i`'s value of factor `k`; `None` when either is out of range
    /// (a view asking about a plan that has just changed).
    pub fn value(&self, i: usize, k: usize) -> Option<FactorValue> {
        if i >= self.len() || k >= self.factors {
            return None;
        }
        Some(self.values[i * self.factors + k].unpack())
    }

    /// Sets factor `f`'s derived values (on its scale), per account, where none
    /// was typed by hand: for values learnt from the basis itself (the predicted
    /// purchase probability).
    pub fn fill_derived(&mut self, f: usize, values: &[Option<f64>]) {
        if f >= self.factors {
            return;
        }
        let max = self.maxima[f];
        for (i, v) in values.iter().enumerate().take(self.len()) {
            let d = v.filter(|x| x.is_finite()).map(|x| x.clamp(0.0, max));
            let p = &mut self.values[i * self.factors + f];
            p.derived = opt(d);
            if p.source != ValueSource::Manual {
                *p = match d {
                    Some(d) => Packed { value: d as f32, derived: d as f32, source: ValueSource::Derived },
                    None => Packed { value: f32::NAN, derived: f32::NAN, source: ValueSource::Missing },
                };
            }
        }
    }

    pub(super) fn packed(&self, i: usize) -> &[Packed] {
        &self.values[i * self.factors..(i + 1) * self.factors]
    }

    /// How many accounts have a value of factor `k` (typed or from the data),
    /// of the target accounts only or of all.
    pub fn coverage(&self, k: usize, targets_only: bool) -> usize {
        if k >= self.factors {
            return 0;
        }
        (0..self.len()).filter(|&i| !targets_only || self.targets[i].is_target()).filter(|&i| self.values[i * self.factors + k].value.is_finite()).count()
    }

    /// Per factor: whether any target account has a value. A factor nobody
    /// has a value for is set aside by the ranking (see `rank`).
    pub fn factors_with_values(&self) -> Vec<bool> {
        let mut found = vec![false; self.factors];
        for (i, target) in self.targets.iter().enumerate() {
            if !target.is_target() {
                continue;
            }
            for (k, seen) in found.iter_mut().enumerate() {
                *seen |= self.values[i * self.factors + k].value.is_finite();
            }
            if found.iter().all(|f| *f) {
                break;
            }
        }
        found
    }

    /// How many accounts meet criterion `c` in full, in part, not at all, or lack data.
    pub fn outcome_counts(&self, c: usize) -> OutcomeCounts {
        let mut counts = OutcomeCounts::default();
        if c >= self.criteria {
            return counts;
        }
        for x in self.outcomes.iter().skip(c).step_by(self.criteria) {
            match x {
                x if x.is_nan() => counts.unknown += 1,
                x if *x >= 1.0 => counts.met += 1,
                x if *x <= 0.0 => counts.missed += 1,
                _ => counts.partial += 1,
            }
        }
        counts
    }

    /// Recomputes a fit under other criterion weights or unknown policy without
    /// re-evaluating the criteria (for what-if on ICP weights).
    pub fn fit_with(&self, i: usize, weights: &[f64], policy: UnknownPolicy) -> FitSummary {
        summarise_packed(&self.outcomes[i * self.criteria..(i + 1) * self.criteria], weights, policy)
    }
}

/// The deal size an account's opportunity is judged by: its expected deal
/// size, else the total of its open deals.
fn deal_size(expected_deal_size: Option<f64>, t: &Totals) -> Option<f64> {
    expected_deal_size.or((t.open_total > 0.0).then_some(t.open_total))
}

fn opportunity(expected_deal_size: Option<f64>, t: &Totals, bands: &[f64]) -> Option<f64> {
    if bands.is_empty() {
        return None;
    }
    let expected = deal_size(expected_deal_size, t)?;
    let reached = bands.iter().filter(|b| expected >= **b).count();
    Some(reached as f64 * 10.0 / bands.len() as f64)
}

fn purchase_history(t: &Totals, max_count: u32, max_total: f64) -> f64 {
    let frequency = if max_count > 0 { f64::from(t.won_count) / f64::from(max_count) } else { 0.0 };
    let size = if max_total > 0.0 { t.won_total / max_total } else { 0.0 };
    5.0 * frequency + 5.0 * size
}

fn relationship(t: &Totals) -> Option<f64> {
    if t.dm_count > 0 {
        Some(t.dm_sum / f64::from(t.dm_count))
    } else if t.budget_count > 0 {
        Some(t.budget_sum / f64::from(t.budget_count))
    } else {
        None
    }
}
