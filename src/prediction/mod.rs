//! Which open accounts are likely to buy. Trained in the browser on the accounts
//! whose outcome is known (a won deal: bought; only lost deals: did not), from
//! what was measurable before that outcome (`features`), with an L2-regularised
//! logistic regression (`logistic`). The user sees how trustworthy it is — the
//! cross-validated AUC (`validation`) — or, with too few decided accounts, a plain
//! "too little data" instead of numbers. Each account's probability comes with
//! its main drivers (feature × weight, in log-odds), and can feed the
//! "predicted purchase probability" prioritisation factor.

mod features;
mod logistic;
mod validation;

pub use features::{Feature, Label, WINDOW_DAYS};
pub use validation::auc;

use crate::domain::sorting;
use crate::domain::{Date, FactorSource, Plan};
use crate::prioritisation::{Basis, BasisCache};
use logistic::Model;

/// Fewer decided accounts of either kind than this, and nothing is predicted.
pub const MIN_PER_CLASS: usize = 3;
/// Below this many of either kind, the validation itself is shaky: the UI says so.
pub const FEW_PER_CLASS: usize = 10;
pub const FOLDS: usize = 5;

#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Verdict {
    /// Not enough decided accounts to learn or to check anything.
    TooLittle,
    /// Cross-validated AUC over `folds` folds.
    Validated { auc: f64, folds: usize },
}

#[derive(Clone, Debug, PartialEq)]
pub struct Prediction {
    pub bought: usize,
    pub did_not_buy: usize,
    pub open: usize,
    pub verdict: Verdict,
    pub features: Vec<Feature>,
    pub labels: Vec<Label>,
    /// Per account (plan order): probability of buying, 0–1. `None` when the
    /// verdict is `TooLittle`.
    pub probabilities: Vec<Option<f64>>,
    model: Model,
    /// Standardised inputs per account, for the drivers.
    inputs: Vec<Vec<f64>>,
}

/// Mean and spread of each feature over the training accounts; unknown values
/// become the mean (0 after scaling), constant features 0.
struct Scaler {
    mean: Vec<f64>,
    spread: Vec<f64>,
}

impl Scaler {
    fn fit(rows: &[&Vec<Option<f64>>], d: usize) -> Scaler {
        let mut mean = vec![0.0; d];
        let mut spread = vec![0.0; d];
        for j in 0..d {
            let known: Vec<f64> = rows.iter().filter_map(|r| r[j]).filter(|v| v.is_finite()).collect();
            if known.is_empty() {
                continue;
            }
            let m = known.iter().sum::<f64>() / known.len() as f64;
            let var = known.iter().map(|v| (v - m).powi(2)).sum::<f64>() / known.len() as f64;
            mean[j] = m;
            spread[j] = var.sqrt();
        }
        Scaler { mean, spread }
    }

    fn apply(&self, row: &[Option<f64>]) -> Vec<f64> {
        row.iter()
            .enumerate()
            .map(|(j, v)| match v {
                Some(v) if v.is_finite() && self.spread[j] > 1e-12 => (v - self.mean[j]) / self.spread[j],
                _ => 0.0,
            })
            .collect()
    }
}

fn train(rows: &[&Vec<Option<f64>>], labels: &[bool], d: usize) -> (Scaler, Model) {
    let scaler = Scaler::fit(rows, d);
    let x: Vec<Vec<f64>> = rows.iter().map(|r| scaler.apply(r)).collect();
    let model = logistic::fit(&x, labels, d);
    (scaler, model)
}

/// The decided accounts of a feature table: their rows and labels (true: bought).
struct Decided<'t> {
    rows: Vec<&'t Vec<Option<f64>>>,
    y: Vec<bool>,
    bought: usize,
}

impl<'t> Decided<'t> {
    fn of(table: &'t features::Table) -> Decided<'t> {
        let decided: Vec<usize> = (0..table.labels.len()).filter(|&i| table.labels[i] != Label::Open).collect();
        let y: Vec<bool> = decided.iter().map(|&i| table.labels[i] == Label::Bought).collect();
        let bought = y.iter().filter(|b| **b).count();
        Decided { rows: decided.iter().map(|&i| &table.rows[i]).collect(), y, bought }
    }

    fn did_not_buy(&self) -> usize {
        self.y.len() - self.bought
    }

    /// Enough of both kinds to learn anything (`MIN_PER_CLASS`).
    fn enough(&self) -> bool {
        self.bought >= MIN_PER_CLASS && self.did_not_buy() >= MIN_PER_CLASS
    }
}

/// Trains on the decided accounts of `plan` and scores every account. `basis`
/// is the plan's (fit and factor values); `today` bounds open accounts' activity.
pub fn predict(plan: &Plan, basis: &Basis, today: Date) -> Prediction {
    let table = features::table(plan, basis, today);
    let d = table.features.len();
    let decided = Decided::of(&table);
    let (bought, did_not_buy) = (decided.bought, decided.did_not_buy());
    let open = table.labels.len() - decided.y.len();
    if !decided.enough() {
        return Prediction {
            bought,
            did_not_buy,
            open,
            verdict: Verdict::TooLittle,
            features: table.features,
            labels: table.labels,
            probabilities: vec![None; plan.accounts.len()],
            model: Model { intercept: 0.0, weights: vec![0.0; d] },
            inputs: Vec::new(),
        };
    }

    let (rows, y) = (&decided.rows, &decided.y);
    // Out-of-fold scores: each decided account scored by a model trained without it.
    let folds = FOLDS.min(bought).min(did_not_buy);
    let fold_of = validation::stratified_folds(y, folds);
    let mut scores = vec![0.0; y.len()];
    for f in 0..folds {
        let train_idx: Vec<usize> = (0..y.len()).filter(|&k| fold_of[k] != f).collect();
        let train_rows: Vec<&Vec<Option<f64>>> = train_idx.iter().map(|&k| rows[k]).collect();
        let train_y: Vec<bool> = train_idx.iter().map(|&k| y[k]).collect();
        let (scaler, model) = train(&train_rows, &train_y, d);
        for k in (0..y.len()).filter(|&k| fold_of[k] == f) {
            scores[k] = model.logit(&scaler.apply(rows[k]));
        }
    }
    let auc = validation::auc(&scores, y).unwrap_or(0.5);

    let (scaler, model) = train(rows, y, d);
    let inputs: Vec<Vec<f64>> = table.rows.iter().map(|r| scaler.apply(r)).collect();
    let probabilities = inputs.iter().map(|x| Some(model.probability(x))).collect();
    Prediction {
        bought,
        did_not_buy,
        open,
        verdict: Verdict::Validated { auc, folds },
        features: table.features,
        labels: table.labels,
        probabilities,
        model,
        inputs,
    }
}

/// How far to trust the probabilities, for the message the user sees.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Trust {
    /// Nothing predicted.
    None,
    /// Cross-validated AUC below 0.6: no better than a guess.
    NoBetterThanChance,
    /// Fewer than `FEW_PER_CLASS` buyers or non-buyers: a first indication only.
    Tentative,
    /// AUC 0.6–0.75.
    Fair,
    /// AUC ≥ 0.75.
    Good,
}

impl Prediction {
    pub fn trust(&self) -> Trust {
        match self.verdict {
            Verdict::TooLittle => Trust::None,
            Verdict::Validated { auc, .. } if auc < 0.6 => Trust::NoBetterThanChance,
            Verdict::Validated { .. } if self.bought.min(self.did_not_buy) < FEW_PER_CLASS => Trust::Tentative,
            Verdict::Validated { auc, .. } if auc < 0.75 => Trust::Fair,
            Verdict::Validated { .. } => Trust::Good,
        }
    }

    /// Account `i`'s largest influences: (feature, contribution in log-odds;
    /// positive raises the probability), strongest first, at most `max`.
    pub fn drivers(&self, i: usize, max: usize) -> Vec<(Feature, f64)> {
        let Some(x) = self.inputs.get(i) else { return Vec::new() };
        let mut list: Vec<(Feature, f64)> =
            self.features.iter().zip(&self.model.weights).zip(x).map(|((f, w), v)| (f.clone(), w * v)).filter(|(_, c)| c.abs() > 0.05).collect();
        sorting::sort_by(&mut list, |a, b| b.1.abs().total_cmp(&a.1.abs()));
        list.truncate(max);
        list
    }

    /// The model's weight per feature (per standard deviation), largest first.
    pub fn weights(&self) -> Vec<(Feature, f64)> {
        let mut list: Vec<(Feature, f64)> = self.features.iter().cloned().zip(self.model.weights.iter().copied()).collect();
        sorting::sort_by(&mut list, |a, b| b.1.abs().total_cmp(&a.1.abs()));
        list
    }
}

/// Each account's probability from the model trained on all decided accounts,
/// without the cross-validation (`predict` does both): what a prioritisation
/// factor needs on every plan edit, at a sixth of the cost. All `None` with too
/// little labelled data.
pub fn probabilities(plan: &Plan, basis: &Basis, today: Date) -> Vec<Option<f64>> {
    let table = features::table(plan, basis, today);
    let decided = Decided::of(&table);
    if !decided.enough() {
        return vec![None; plan.accounts.len()];
    }
    let (scaler, model) = train(&decided.rows, &decided.y, table.features.len());
    table.rows.iter().map(|r| Some(model.probability(&scaler.apply(r)))).collect()
}

/// The plan's basis with every "predicted purchase probability" factor filled
/// (probability × the factor's scale), and the probabilities; the plain basis
/// when no factor asks for them. `cache` keeps what was read from the accounts
/// for the next call (see `prioritisation::BasisCache`).
pub fn basis_with_prediction(plan: &Plan, today: Date, cache: &mut BasisCache) -> (Basis, Option<Vec<Option<f64>>>) {
    let mut basis = Basis::with_cache(plan, cache);
    let wanted: Vec<usize> =
        plan.prioritisation.factors.iter().enumerate().filter(|(_, f)| f.source == FactorSource::PurchaseProbability).map(|(i, _)| i).collect();
    if wanted.is_empty() {
        return (basis, None);
    }
    let probabilities = probabilities(plan, &basis, today);
    for f in wanted {
        let max = plan.prioritisation.factors[f].scale.max();
        let values: Vec<Option<f64>> = probabilities.iter().map(|p| p.map(|v| v * max)).collect();
        basis.fill_derived(f, &values);
    }
    (basis, Some(probabilities))
}

#[cfg(test)]
mod tests;
