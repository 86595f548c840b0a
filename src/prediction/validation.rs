//! Honest validation: stratified k-fold cross-validation (each account is scored
//! by a model that never saw it) and the area under the ROC curve of those
//! out-of-fold scores — the chance that a random buyer is ranked above a random
//! non-buyer (0.5 is a coin toss, 1 is perfect).

/// Area under the ROC curve (Mann–Whitney, ties count half). `None` without both classes.
pub fn auc(scores: &[f64], labels: &[bool]) -> Option<f64> {
    let positives = labels.iter().filter(|l| **l).count();
    let negatives = labels.len() - positives;
    if positives == 0 || negatives == 0 {
        return None;
    }
    let mut order: Vec<usize> = (0..scores.len()).collect();
    order.sort_by(|&a, &b| scores[a].total_cmp(&scores[b]));
    // Average ranks over ties.
    let mut rank_sum_pos = 0.0;
    let mut i = 0;
    while i < order.len() {
        let mut j = i;
        while j + 1 < order.len() && scores[order[j + 1]] == scores[order[i]] {
            j += 1;
        }
        let rank = (i + j) as f64 / 2.0 + 1.0;
        rank_sum_pos += rank * order[i..=j].iter().filter(|&&k| labels[k]).count() as f64;
        i = j + 1;
    }
    let p = positives as f64;
    Some((rank_sum_pos - p * (p + 1.0) / 2.0) / (p * negatives as f64))
}

/// Fold of each sample: buyers and non-buyers dealt round-robin in their given
/// order, so every fold holds both classes in proportion.
pub fn stratified_folds(labels: &[bool], k: usize) -> Vec<usize> {
    let mut fold = vec![0; labels.len()];
    let (mut pos, mut neg) = (0, 0);
    for (i, &l) in labels.iter().enumerate() {
        let counter = if l { &mut pos } else { &mut neg };
        fold[i] = *counter % k.max(1);
        *counter += 1;
    }
    fold
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn auc_of_perfect_random_and_inverted_rankings() {
        let labels = [false, false, true, true];
        assert_eq!(auc(&[0.1, 0.2, 0.8, 0.9], &labels), Some(1.0));
        assert_eq!(auc(&[0.9, 0.8, 0.2, 0.1], &labels), Some(0.0));
        assert_eq!(auc(&[0.5, 0.5, 0.5, 0.5], &labels), Some(0.5));
        assert_eq!(auc(&[0.1, 0.6, 0.4, 0.9], &labels), Some(0.75));
        assert_eq!(auc(&[0.1, 0.2], &[true, true]), None);
    }

    #[test]
    fn folds_keep_both_classes() {
        let labels: Vec<bool> = (0..23).map(|i| i % 3 == 0).collect();
        let folds = stratified_folds(&labels, 5);
        for f in 0..5 {
            let members: Vec<bool> = labels.iter().zip(&folds).filter(|(_, x)| **x == f).map(|(l, _)| *l).collect();
            assert!(members.contains(&true) && members.contains(&false), "fold {f}");
        }
    }
}
