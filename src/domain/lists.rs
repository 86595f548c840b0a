//! Edits of a record list (`imbl::Vector`) that copy only what changes. They
//! live with the data rather than in `editing` because the quality merge and the
//! batch import use them too; each user of them then depends on `domain` only.

/// Replaces the record at `at`, or appends when there is none.
pub fn put_at<T: Clone>(list: &mut imbl::Vector<T>, at: Option<usize>, item: T) {
    match at {
        Some(i) => {
            list.set(i, item);
        }
        None => list.push_back(item),
    }
}

/// Replaces the record with the same key, or appends.
pub fn put<T: Clone>(list: &mut imbl::Vector<T>, item: T, same: impl Fn(&T) -> bool) {
    let at = list.iter().position(same);
    put_at(list, at, item);
}

/// Applies `edit` to the records that `affected` picks, copying only those.
pub fn edit_where<T: Clone>(list: &mut imbl::Vector<T>, affected: impl Fn(&T) -> bool, edit: impl Fn(&mut T)) {
    for i in 0..list.len() {
        if affected(&list[i]) {
            let mut x = list[i].clone();
            edit(&mut x);
            list.set(i, x);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn put_replaces_the_same_key_or_appends_and_edit_where_touches_only_its_picks() {
        let mut v: imbl::Vector<(u8, &str)> = imbl::vector![(1, "a"), (2, "b")];
        put(&mut v, (2, "B"), |x| x.0 == 2);
        put(&mut v, (3, "c"), |x| x.0 == 3);
        assert_eq!(v, imbl::vector![(1, "a"), (2, "B"), (3, "c")]);
        edit_where(&mut v, |x| x.0 != 2, |x| x.1 = "z");
        assert_eq!(v, imbl::vector![(1, "z"), (2, "B"), (3, "z")]);
    }
}
