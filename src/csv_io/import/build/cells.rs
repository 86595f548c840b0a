//! One row's cells read through the mapping, and the problems found in them.

use super::{ProblemKind, RowProblem, Severity};
use crate::csv_io::import::fields::Field;
use crate::csv_io::import::table::Row;

pub(super) struct Cells<'a> {
    pub row: Row<'a>,
    pub mapping: &'a [Option<Field>],
}

impl<'a> Cells<'a> {
    /// The column mapped to `field` and its text (empty when absent).
    pub fn get(&self, field: Field) -> (Option<usize>, &'a str) {
        match self.mapping.iter().position(|m| *m == Some(field)) {
            Some(i) => (Some(i), self.row.cell(i).unwrap_or("")),
            None => (None, ""),
        }
    }

    pub fn text(&self, field: Field) -> &'a str {
        self.get(field).1
    }
}

/// Problems of one row, collected before deciding whether it is usable.
pub(super) struct RowCheck {
    pub line: u64,
    pub problems: Vec<RowProblem>,
    /// Whether a cell that cannot be read skips its row.
    pub strict: bool,
}

impl RowCheck {
    pub fn new(line: u64, strict: bool) -> RowCheck {
        RowCheck { line, problems: Vec::new(), strict }
    }

    /// A problem that skips the row.
    pub fn add(&mut self, column: Option<usize>, value: &str, kind: ProblemKind) {
        self.push(column, value, kind, Severity::Row);
    }

    /// A cell that cannot be read: left out, or (strict) the row skipped.
    pub fn bad_cell(&mut self, column: Option<usize>, value: &str, kind: ProblemKind) {
        let severity = if self.strict { Severity::Row } else { Severity::Cell };
        self.push(column, value, kind, severity);
    }

    /// Something worth knowing about a row that is imported as it is.
    pub fn note(&mut self, column: Option<usize>, value: &str, kind: ProblemKind) {
        self.push(column, value, kind, Severity::Note);
    }

    fn push(&mut self, column: Option<usize>, value: &str, kind: ProblemKind, severity: Severity) {
        self.problems.push(RowProblem { line: self.line, column, value: value.to_string(), kind, severity });
    }

    /// Makes the problem of cell `column` skip the row: the record cannot do
    /// without that value after all.
    pub fn require_cell(&mut self, column: Option<usize>) {
        for p in self.problems.iter_mut().filter(|p| p.column == column) {
            p.severity = Severity::Row;
        }
    }

    /// Whether the row is skipped.
    pub fn skips_row(&self) -> bool {
        self.problems.iter().any(|p| p.severity == Severity::Row)
    }

    /// Reads the optional cell of `field` with `read`; empty is `None`, a cell
    /// that does not read is left out (a problem of its cell).
    pub fn optional<T, E>(&mut self, cells: &Cells, field: Field, read: impl Fn(&str) -> Result<T, E>, kind: impl Fn(E) -> ProblemKind) -> Option<T> {
        let (col, text) = cells.get(field);
        if text.is_empty() {
            return None;
        }
        let severity = if self.strict { Severity::Row } else { Severity::Cell };
        self.read(col, text, read, kind, severity)
    }

    fn read<T, E>(
        &mut self,
        col: Option<usize>,
        text: &str,
        read: impl Fn(&str) -> Result<T, E>,
        kind: impl Fn(E) -> ProblemKind,
        severity: Severity,
    ) -> Option<T> {
        read(text).map_err(|e| self.push(col, text, kind(e), severity)).ok()
    }

    /// Reads the cell of a field the record cannot do without: empty or
    /// unreadable skips the row.
    pub fn required<T, E>(&mut self, cells: &Cells, field: Field, read: impl Fn(&str) -> Result<T, E>, kind: impl Fn(E) -> ProblemKind) -> Option<T> {
        let (col, text) = cells.get(field);
        if text.is_empty() {
            self.add(col, "", ProblemKind::Missing(field));
            return None;
        }
        self.read(col, text, read, kind, Severity::Row)
    }

    /// The text of a field the record cannot do without (empty skips the row).
    pub fn required_text<'t>(&mut self, cells: &Cells<'t>, field: Field) -> Option<&'t str> {
        let (col, text) = cells.get(field);
        if text.is_empty() {
            self.add(col, "", ProblemKind::Missing(field));
            return None;
        }
        Some(text)
    }
}

/// `Option` reads as a `Result` whose error says nothing more.
pub(super) fn ok<T>(v: Option<T>) -> Result<T, ()> {
    v.ok_or(())
}
