//! Rows to records: each row of the table, read through the mapping, becomes an
//! account, contact, deal or activity. Nothing here touches the plan: the
//! result is a preview whose `batch` the user confirms.
//!
//! Nothing is lost silently. Every row of the file ends one of three ways, and
//! the preview counts each (`Preview::rows` is their sum):
//! - imported: it adds or updates a record;
//! - merged: it names the same record as an earlier row, whose values it joins
//!   ([`Merge`] lists the rows, and where they disagree, the value kept; the
//!   user can keep another row's value or import a row on its own);
//! - a problem: listed with its line, column and reason.
//!
//! A cell that cannot be read leaves out that cell, not the row, and is listed
//! ([`Severity::Cell`]); the user may skip such rows instead. Rows that quotes
//! broke are listed from the table's structure.
//!
//! Matching, so that importing the same export twice updates instead of
//! doubling: an account by its id column, else its domain, else its name with
//! legal form and width folded away; a contact by email, else by name at the same
//! account; a deal by name at the same account; an activity already in the plan
//! (same account, contact, kind and minute) is skipped.

mod accounts;
mod builder;
mod cells;
mod index;
mod merges;
mod people;
mod records;

use super::fields::{Field, RecordKind};
use super::table::{StructureKind, Table};
use crate::domain::quantity::NumberProblem;
use crate::domain::sorting;
use crate::domain::*;
use crate::editing::Batch;
use builder::Builder;
use std::collections::{HashMap, HashSet};

/// The most problems kept for display; the counts stay exact.
pub const MAX_PROBLEMS: usize = 1000;
/// The most merges listed; `Preview::merged_rows` stays exact.
pub const MAX_MERGES: usize = 500;
/// Tables at least this wide read a line of one value as not a record (two
/// columns may well be "name" and an often empty second one).
pub const ONE_CELL_TABLE: usize = 3;

pub struct Options {
    pub kind: RecordKind,
    pub mapping: Vec<Option<Field>>,
    /// The browser's offset from UTC, for times written without one.
    pub utc_offset_minutes: i32,
    pub now: Timestamp,
    /// Skip a row that has a cell that cannot be read, rather than importing
    /// the row without that cell.
    pub skip_rows_with_bad_cells: bool,
    /// Contacts and deals naming a company the plan does not have add it as an
    /// account (a business-card export names companies no CRM has yet).
    pub add_accounts: bool,
    pub choices: MergeChoices,
}

impl Options {
    pub fn new(kind: RecordKind, mapping: Vec<Option<Field>>, utc_offset_minutes: i32, now: Timestamp) -> Options {
        Options { kind, mapping, utc_offset_minutes, now, skip_rows_with_bad_cells: false, add_accounts: true, choices: MergeChoices::default() }
    }
}

/// What the user chose in the preview for rows that name the same record.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MergeChoices {
    /// (first line of the merge, field) → the line whose value is kept.
    pub keep: HashMap<(u64, Field), u64>,
    /// Lines imported as records of their own instead of merged.
    pub apart: HashSet<u64>,
}

/// Rows of the file that name the same record, merged into one.
#[derive(Clone, Debug, PartialEq)]
pub struct Merge {
    /// The record's name once merged.
    pub name: String,
    /// The lines merged, in file order; the first is the merge's key.
    pub lines: Vec<u64>,
    /// The record was already in the plan: the rows update it.
    pub existing: bool,
    /// Fields the rows disagree on.
    pub conflicts: Vec<Conflict>,
}

/// A field the merged rows give different values, and the one kept.
#[derive(Clone, Debug, PartialEq)]
pub struct Conflict {
    pub field: Field,
    /// Each row's text, by line, in file order (rows that leave it empty are
    /// not listed).
    pub values: Vec<(u64, String)>,
    pub kept: u64,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Preview {
    pub kind: RecordKind,
    pub batch: Batch,
    /// Rows below the headings that quotes did not break.
    pub rows: usize,
    /// Records the batch adds, and those it updates (already in the plan).
    pub added: usize,
    pub updated: usize,
    /// Rows merged into a record an earlier row already adds or updates.
    pub merged_rows: usize,
    pub merges: Vec<Merge>,
    /// Rows that repeat an activity the plan or an earlier row already has.
    pub already: usize,
    /// Lines of the rows that will be skipped, in file order.
    pub bad_rows: Vec<u64>,
    /// Cells left out of rows that are imported.
    pub bad_cells: usize,
    /// Every problem, note and cell left out (at most `MAX_PROBLEMS`).
    pub problems: Vec<RowProblem>,
    /// Accounts added for companies that contacts or deals name.
    pub new_accounts: usize,
    /// Team members added for owners the plan's team lacks (name, team): kept
    /// here too, as the batch is moved out to be confirmed.
    pub new_members: Vec<(String, Team)>,
    /// Lines that quotes broke: lost to a quote never closed, or joined into a
    /// row of the wrong width (each such row is also listed as a problem).
    pub broken_lines: u64,
    /// The first line of each row that quotes broke, in file order: rows of
    /// the file too, skipped (and listed) like `bad_rows`.
    pub broken_rows: Vec<u64>,
    /// Currencies that amounts in the file named, with how many cells named each.
    pub currencies: Vec<(&'static str, usize)>,
}

impl Preview {
    /// Records of the file's kind the batch adds or updates.
    pub fn records(&self) -> usize {
        self.added + self.updated
    }

    /// What the confirm writes: the records, plus accounts and team members
    /// they need.
    pub fn writes(&self) -> usize {
        self.records() + self.new_accounts + self.new_members.len()
    }

    /// Rows accounted for: imported, merged, repeated or skipped. Equals
    /// `rows` always (tested): no row is lost without a word.
    pub fn accounted(&self) -> usize {
        self.records() + self.merged_rows + self.already + self.bad_rows.len()
    }

    /// Every row of the file the user would count, those quotes broke included.
    pub fn all_rows(&self) -> usize {
        self.rows + self.broken_rows.len()
    }

    /// Rows that are not imported because of a problem: unreadable rows and
    /// rows quotes broke. Each is listed with its line.
    pub fn skipped(&self) -> usize {
        self.bad_rows.len() + self.broken_rows.len()
    }

    /// The lines of the [`skipped`](Preview::skipped) rows, in file order.
    pub fn skipped_lines(&self) -> Vec<u64> {
        let mut lines: Vec<u64> = self.bad_rows.iter().chain(&self.broken_rows).copied().collect();
        sorting::sort(&mut lines);
        lines
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct RowProblem {
    pub line: u64,
    /// The column (index into the headings), when one cell is at fault.
    pub column: Option<usize>,
    pub value: String,
    pub kind: ProblemKind,
    pub severity: Severity,
}

/// What a problem does to its row.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Severity {
    /// The row is skipped.
    Row,
    /// The cell is left out; the rest of the row is imported.
    Cell,
    /// The row is imported as it is; worth knowing.
    Note,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ProblemKind {
    /// A required value is empty.
    Missing(Field),
    /// A count that does not read (employees, activity counts).
    Count(NumberProblem),
    /// An amount that does not read.
    Amount(NumberProblem),
    NotADate,
    UnknownStage,
    UnknownDealKind,
    UnknownActivityKind,
    /// Not a status the app knows: kept as a tag instead.
    UnknownStatus,
    /// No account in the plan has this name or domain.
    NoSuchAccount,
    /// Several accounts have this name: a domain column would tell them apart.
    AmbiguousAccount,
    /// The record breaks one of its own rules (`domain::Rules`): a won or
    /// lost deal without a close date, a close before the creation.
    Refused(Refusal),
    /// Not usable as an id (control characters, over 100 characters).
    BadId,
    /// The row has more cells than the heading row.
    TooManyCells {
        expected: usize,
    },
    /// One value on a line of a table of `expected` columns (at least
    /// [`ONE_CELL_TABLE`]): a report's title, total or footer.
    OneCellLine {
        expected: usize,
    },
    /// The row has fewer cells than the heading row: the missing ones are empty.
    FewerCells {
        cells: usize,
        expected: usize,
    },
    /// Not a number, for a custom field of numbers (decimals and signs allowed).
    NotNumeric,
    /// Not yes or no, for a custom yes/no field.
    NotAFlag,
    /// Not one of a custom choice field's options.
    NotAnOption,
    /// A quote opened on this line is never closed; `lines` lines after it
    /// were read again as rows of their own.
    UnclosedQuote {
        lines: u64,
    },
    /// A quote on this line closes inside a value: its values cannot be told apart.
    StrayQuote,
    /// Quotes joined `lines` lines into one row of `cells` cells, not `expected`.
    JoinedLines {
        lines: u64,
        cells: usize,
        expected: usize,
    },
}

/// Reads the table in one go (see [`PreviewRun`]).
pub fn preview(plan: &Plan, table: &Table, options: &Options, ids: &mut IdGenerator) -> Preview {
    let mut run = PreviewRun::new(plan, table, options);
    while !run.step(usize::MAX, ids) {}
    run.finish()
}

/// Keys of the lookups freed per row a step may read: freeing one is far
/// quicker than reading a row.
const KEYS_PER_ROW: usize = 50;

/// Reading a table's rows into a preview a stretch at a time, so a file of
/// hundreds of thousands of rows does not hold the page in one task:
/// [`PreviewRun::step`] until it says done, then [`PreviewRun::finish`].
pub struct PreviewRun<'p> {
    builder: Builder<'p>,
    next: usize,
}

impl<'p> PreviewRun<'p> {
    pub fn new(plan: &'p Plan, table: &'p Table, options: &'p Options) -> Self {
        PreviewRun { builder: Builder::new(plan, table, options), next: 0 }
    }

    /// Share of the rows read (0–1).
    pub fn progress(&self) -> f64 {
        let total = self.builder.table.len();
        if total == 0 {
            1.0
        } else {
            self.next as f64 / total as f64
        }
    }

    /// Reads up to `rows` more rows (at least one); true when all are read
    /// and the run is ready to [`finish`](PreviewRun::finish).
    pub fn step(&mut self, rows: usize, ids: &mut IdGenerator) -> bool {
        let table = self.builder.table;
        if self.next == table.len() {
            if table.is_empty() && self.builder.merges.is_empty() {
                self.builder.resolve_merges(ids);
            }
            // All rows read: the lookups built for them are emptied a stretch
            // at a time before the preview is handed over.
            return self.builder.clear_some(rows.max(1).saturating_mul(KEYS_PER_ROW));
        }
        let end = self.next.saturating_add(rows.max(1)).min(table.len());
        for i in self.next..end {
            self.builder.row(i, ids);
        }
        self.next = end;
        if end == table.len() {
            self.builder.resolve_merges(ids);
        }
        false
    }

    /// The preview of the rows read.
    pub fn finish(self) -> Preview {
        self.builder.finish()
    }
}

/// The table's broken rows as problems of their lines.
fn structure_problems(table: &Table) -> impl Iterator<Item = RowProblem> + '_ {
    table.structure.iter().map(|s| RowProblem {
        line: s.line,
        column: None,
        value: s.text.clone(),
        kind: match s.kind {
            StructureKind::UnclosedQuote => ProblemKind::UnclosedQuote { lines: s.lines() },
            StructureKind::JoinedLines { cells, expected } => ProblemKind::JoinedLines { lines: s.lines(), cells, expected },
            StructureKind::StrayQuote => ProblemKind::StrayQuote,
        },
        severity: Severity::Row,
    })
}

#[cfg(test)]
mod tests;
