//! Prioritisation, as the method describes it: each account's factor values (ICP fit
//! %, expected opportunity 0–10, purchase history 0–10, relationship with the
//! decision maker 0–10, and the user's own), each weighted; the weighted sum on a
//! 0–100 scale ranks the target accounts, and tiers follow from the score or from
//! capacity.
//!
//! Work is split in two so weights can move live: [`Basis`] (fits, target list,
//! factor values: depends on the plan's data) and [`Ranking`] (scores, ranks and
//! tiers: depends only on the basis, the weights and the tier rule).

mod bands;
mod derive;
mod rank;
mod rows;
mod score;

pub use bands::parse_bands;
pub use derive::{Basis, FactorValue, OutcomeCounts, ValueSource};
pub use rank::{rank, AccountRank, Ranking, TierSource};
pub use rows::BasisCache;
pub use score::normalised_weights;

use crate::domain::Plan;

/// Everything at once, for callers that do not need the two stages.
pub fn evaluate(plan: &Plan) -> (Basis, Ranking) {
    let basis = Basis::new(plan);
    let weights: Vec<f64> = plan.prioritisation.factors.iter().map(|f| f.weight).collect();
    let ranking = rank(&basis, &weights, &plan.prioritisation.tiers);
    (basis, ranking)
}

#[cfg(test)]
mod rows_tests;
#[cfg(test)]
mod tests;
