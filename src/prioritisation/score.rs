//! The weighted sum: each factor's value as a share of its scale, times the factor's
//! share of all weights, on a 0–100 scale. A missing value counts as zero (and is
//! shown as missing). See `rank` for the computation over many accounts and
//! `Ranking::contributions` for one account's breakdown.

/// Weights as shares that sum to 1 (all zero when no weight is positive).
pub fn normalised_weights(weights: &[f64]) -> Vec<f64> {
    let clean: Vec<f64> = weights.iter().map(|w| if w.is_finite() && *w > 0.0 { *w } else { 0.0 }).collect();
    let total: f64 = clean.iter().sum();
    if total > 0.0 && total.is_finite() {
        clean.iter().map(|w| w / total).collect()
    } else {
        vec![0.0; weights.len()]
    }
}
