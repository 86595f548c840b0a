//! Ranking target accounts by score and assigning tiers.

use super::derive::Basis;
use super::score::normalised_weights;
use crate::domain::{Tier, TierRule};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TierSource {
    Pinned,
    Rule,
}

/// Scores, ranks and tiers, per account in the plan's order.
#[derive(Clone, Debug, PartialEq)]
pub struct Ranking {
    pub scores: Vec<f64>,
    /// 1-based rank among target accounts; `None` outside the target list.
    pub ranks: Vec<Option<u32>>,
    pub tiers: Vec<Option<(Tier, TierSource)>>,
    /// Target accounts' indices, best first.
    pub order: Vec<usize>,
    /// The weights as shares summing to 1.
    pub shares: Vec<f64>,
    pub tier_counts: [usize; 3],
}

/// One account's view of the ranking.
#[derive(Clone, Debug, PartialEq)]
pub struct AccountRank {
    pub score: f64,
    pub rank: Option<u32>,
    pub tier: Option<(Tier, TierSource)>,
}

impl Ranking {
    pub fn account(&self, i: usize) -> AccountRank {
        AccountRank { score: self.scores[i], rank: self.ranks[i], tier: self.tiers[i] }
    }

    /// Each factor's points in account `i`'s score (they add up to the score).
    pub fn contributions(&self, basis: &Basis, i: usize) -> Vec<f64> {
        basis.packed(i).iter().zip(&basis.maxima).zip(&self.shares).map(|((v, max), share)| share * part(v.value, *max) * 100.0).collect()
    }
}

fn part(value: f32, max: f64) -> f64 {
    if value.is_finite() && max > 0.0 {
        (f64::from(value) / max).clamp(0.0, 1.0)
    } else {
        0.0
    }
}

/// Scores are compared on a grid of a millionth of a point, so that float noise
/// (from scaling all weights, say) never reorders accounts; exact ties then go by
/// name and id, so the order never depends on the input's order.
fn grid(score: f64) -> i64 {
    (score * 1e6).round() as i64
}

/// Scores, ranks and tiers under `weights`. A factor no target account has a
/// value for is set aside: its weight counts for nothing and the others share
/// the whole score, rather than every account losing its points (a plan fresh
/// from a CRM has fits but no relationships yet). The UI says so beside the
/// factor (docs/prioritisation.md).
pub fn rank(basis: &Basis, weights: &[f64], rule: &TierRule) -> Ranking {
    let n = basis.len();
    let with_values = basis.factors_with_values();
    let counted: Vec<f64> = weights.iter().enumerate().map(|(k, w)| if with_values.get(k).copied().unwrap_or(true) { *w } else { 0.0 }).collect();
    let shares = normalised_weights(&counted);
    // Per factor: share × 100 / scale maximum, so a score is one multiply-add per factor.
    let factor: Vec<f64> = shares.iter().zip(&basis.maxima).map(|(s, m)| if *m > 0.0 { s * 100.0 / m } else { 0.0 }).collect();
    let scores: Vec<f64> = (0..n)
        .map(|i| {
            let total: f64 = basis
                .packed(i)
                .iter()
                .zip(&factor)
                .zip(&basis.maxima)
                .map(|((v, f), max)| if v.value.is_finite() { f64::from(v.value).clamp(0.0, *max) * f } else { 0.0 })
                .sum();
            total.clamp(0.0, 100.0)
        })
        .collect();
    let mut keyed: Vec<(i64, u32, usize)> = (0..n).filter(|i| basis.targets[*i].is_target()).map(|i| (-grid(scores[i]), basis.tie[i], i)).collect();
    keyed.sort_unstable();
    let order: Vec<usize> = keyed.into_iter().map(|(_, _, i)| i).collect();
    let mut ranks = vec![None; n];
    for (pos, &i) in order.iter().enumerate() {
        ranks[i] = Some(pos as u32 + 1);
    }
    let mut tiers = vec![None; n];
    let mut tier_counts = [0usize; 3];
    let mut left = match rule {
        TierRule::Capacity { tier1, tier2 } => {
            let pinned = |t: Tier| order.iter().filter(|&&i| basis.pinned[i] == Some(t)).count();
            [(*tier1 as usize).saturating_sub(pinned(Tier::One)), (*tier2 as usize).saturating_sub(pinned(Tier::Two))]
        }
        TierRule::Score { .. } => [0, 0],
    };
    for &i in &order {
        let tier = match basis.pinned[i] {
            Some(t) => (t, TierSource::Pinned),
            None => {
                let t = match rule {
                    TierRule::Score { tier1_min, tier2_min } => {
                        if scores[i] >= *tier1_min {
                            Tier::One
                        } else if scores[i] >= *tier2_min {
                            Tier::Two
                        } else {
                            Tier::Three
                        }
                    }
                    TierRule::Capacity { .. } => {
                        if left[0] > 0 {
                            left[0] -= 1;
                            Tier::One
                        } else if left[1] > 0 {
                            left[1] -= 1;
                            Tier::Two
                        } else {
                            Tier::Three
                        }
                    }
                };
                (t, TierSource::Rule)
            }
        };
        tier_counts[usize::from(tier.0.number()) - 1] += 1;
        tiers[i] = Some(tier);
    }
    Ranking { scores, ranks, tiers, order, shares, tier_counts }
}
