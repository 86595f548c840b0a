//! One stable sort for the lists the app orders and shows, compiled once.
//!
//! The standard library's sort is compiled again for every element type and
//! every comparison closure: 48 copies were about 120 KB of the Wasm, gzipped
//! (issue 31). These helpers sort positions with one comparison called
//! through a pointer, then move the elements into place once. They keep the
//! standard sort's result exactly (stable, the same order for ties).
//!
//! The engine's hot sorts (ranking, the tables' sort, the activity index,
//! duplicate candidates) keep the standard sort: on 100,000 rows a call
//! through a pointer per comparison would cost time the benchmarks track.

use std::cmp::Ordering;

/// Sorts `items` by `compare`, stably, as `slice::sort_by` does.
pub fn sort_by<T>(items: &mut [T], mut compare: impl FnMut(&T, &T) -> Ordering) {
    let order = {
        let items = &*items;
        positions(items.len(), &mut |a, b| compare(&items[a], &items[b]))
    };
    permute(items, &order);
}

/// Sorts `items` by `key`, stably, as `slice::sort_by_key` does.
pub fn sort_by_key<T, K: Ord>(items: &mut [T], mut key: impl FnMut(&T) -> K) {
    sort_by(items, |a, b| key(a).cmp(&key(b)));
}

/// Sorts `items` in their natural order, as `slice::sort` does.
pub fn sort<T: Ord>(items: &mut [T]) {
    sort_by(items, Ord::cmp);
}

/// The positions `0..n` in the order `compare` puts them, ties in position
/// order: the one copy of the standard sort these helpers use.
#[inline(never)]
fn positions(n: usize, compare: &mut dyn FnMut(usize, usize) -> Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by(|&a, &b| compare(a, b));
    order
}

/// Moves `items[order[i]]` to position `i`, following each cycle of the
/// permutation once.
fn permute<T>(items: &mut [T], order: &[usize]) {
    let mut placed = vec![false; items.len()];
    for start in 0..items.len() {
        let mut i = start;
        while !placed[i] {
            placed[i] = true;
            let from = order[i];
            if from == start {
                break;
            }
            items.swap(i, from);
            i = from;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// The same order as the standard sort, ties included: pairs are
        /// compared by their first half only.
        #[test]
        #[allow(clippy::unnecessary_sort_by)] // `sort_by` itself is the peer.
        fn sorts_as_the_standard_sort_does(items in proptest::collection::vec((0u8..6, any::<u32>()), 0..300)) {
            let mut ours = items.clone();
            let mut theirs = items.clone();
            sort_by(&mut ours, |a, b| a.0.cmp(&b.0));
            theirs.sort_by(|a, b| a.0.cmp(&b.0));
            prop_assert_eq!(&ours, &theirs);
            let (mut ours, mut theirs) = (items.clone(), items.clone());
            sort_by_key(&mut ours, |p| std::cmp::Reverse(p.0));
            theirs.sort_by_key(|p| std::cmp::Reverse(p.0));
            prop_assert_eq!(&ours, &theirs);
            let (mut ours, mut theirs) = (items.clone(), items);
            sort(&mut ours);
            theirs.sort();
            prop_assert_eq!(ours, theirs);
        }
    }

    #[test]
    fn moves_owned_values_without_copying_them() {
        let mut names: Vec<String> = ["b", "c", "a", "c", "a"].map(String::from).to_vec();
        sort(&mut names);
        assert_eq!(names, ["a", "a", "b", "c", "c"]);
        let mut empty: Vec<String> = Vec::new();
        sort(&mut empty);
        assert!(empty.is_empty());
    }
}
