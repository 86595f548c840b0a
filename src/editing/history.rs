//! Undo and redo: snapshots of the document before each edit. Snapshots of a plan
//! are cheap because its collections share structure (see `domain::plan`).

/// How many edits can be undone.
pub const LIMIT: usize = 200;

#[derive(Clone, Debug)]
pub struct History<T, L> {
    undo: Vec<(T, L)>,
    redo: Vec<(T, L)>,
}

impl<T, L: Clone> Default for History<T, L> {
    fn default() -> Self {
        History { undo: Vec::new(), redo: Vec::new() }
    }
}

impl<T, L: Clone> History<T, L> {
    /// Remembers `before`, the state an edit labelled `label` started from.
    pub fn record(&mut self, before: T, label: L) {
        self.undo.push((before, label));
        if self.undo.len() > LIMIT {
            self.undo.remove(0);
        }
        self.redo.clear();
    }

    /// Returns the state to go back to, keeping `current` for redo.
    pub fn undo(&mut self, current: T) -> Option<(T, L)> {
        let (before, label) = self.undo.pop()?;
        self.redo.push((current, label.clone()));
        Some((before, label))
    }

    pub fn redo(&mut self, current: T) -> Option<(T, L)> {
        let (after, label) = self.redo.pop()?;
        self.undo.push((current, label.clone()));
        Some((after, label))
    }

    pub fn next_undo(&self) -> Option<&L> {
        self.undo.last().map(|(_, l)| l)
    }

    pub fn next_redo(&self) -> Option<&L> {
        self.redo.last().map(|(_, l)| l)
    }

    pub fn clear(&mut self) {
        self.undo.clear();
        self.redo.clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn undo_redo_walk_back_and_forth() {
        let mut h: History<i32, &str> = History::default();
        let mut doc = 0;
        for (v, l) in [(1, "a"), (2, "b"), (3, "c")] {
            h.record(doc, l);
            doc = v;
        }
        assert_eq!(h.next_undo(), Some(&"c"));
        let (d, _) = h.undo(doc).unwrap();
        doc = d;
        let (d, _) = h.undo(doc).unwrap();
        doc = d;
        assert_eq!(doc, 1);
        let (d, l) = h.redo(doc).unwrap();
        assert_eq!((d, l), (2, "b"));
        doc = d;
        // A new edit drops what could be redone.
        h.record(doc, "d");
        assert!(h.next_redo().is_none());
        assert_eq!(h.undo(5).unwrap().0, 2);
    }

    #[test]
    fn history_is_bounded() {
        let mut h: History<usize, ()> = History::default();
        for i in 0..LIMIT + 10 {
            h.record(i, ());
        }
        let mut n = 0;
        let mut doc = 0;
        while let Some((d, _)) = h.undo(doc) {
            doc = d;
            n += 1;
        }
        assert_eq!(n, LIMIT);
        assert_eq!(doc, 10);
    }
}
