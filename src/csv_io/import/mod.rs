//! CSV import: bytes → text (`text`: UTF-8, UTF-16, Shift_JIS/CP932) → table
//! (`table`: delimiter detected, the `csv` crate parses) → mapping (`fields`:
//! headings guessed per kind of record, changeable by the user) → preview
//! (`build`: records or per-row problems naming line and column). The plan is
//! changed only when the user confirms the preview (`editing::Change::ImportRecords`).

mod build;
mod fields;
mod table;
mod text;
mod values;

pub use crate::editing::Batch;
pub use build::{preview, Conflict, Merge, MergeChoices, Options, Preview, PreviewRun, ProblemKind, RowProblem, Severity, MAX_MERGES, MAX_PROBLEMS};
pub use fields::{fold_key, guess_custom, guess_kind, guess_mapping, missing_required, Field, RecordKind, Requirement};
pub use table::{detect_delimiter, parse, Row, Structure, StructureKind, Table, TableParser, TableProblem};
pub use text::{decode, use_shift_jis, AsciiOnly, Decoded, Decoding, EncodingChoice, ShiftJisDecoder, TextEncoding};

/// A file read up to the mapping step: where its table came from, the table,
/// and the guessed kind and mapping.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct ReadFile {
    pub source: Source,
    pub table: Table,
    pub kind: RecordKind,
    pub mapping: Vec<Option<Field>>,
}

/// Where a table came from: a CSV's text, or a sheet of a workbook
/// (`workbook::read_sheet`), whose rows' lines are Excel's row numbers.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Source {
    /// The text's encoding, and whether bytes it could not decode were replaced.
    Text { encoding: TextEncoding, replaced: bool },
    /// The sheet's name, and the row its headings are on (rows above it, a
    /// title say, are not read).
    Sheet { name: String, heading_row: u64 },
}

/// The largest CSV read: about 300,000 rows of a wide CRM export, several times a
/// year of activity for 10,000 accounts. Larger exports are better split.
pub const MAX_CSV_BYTES: u64 = 64 * 1024 * 1024;

/// Decodes and parses `bytes` in one go, and guesses what the columns hold
/// (see [`Reading`]).
pub fn read(bytes: &[u8], encoding: EncodingChoice) -> Result<ReadFile, TableProblem> {
    Reading::new(bytes, encoding).finish()
}

/// Reading a file up to the mapping step a stretch at a time, so the page
/// answers while a 64 MB export is decoded and parsed: [`Reading::step`] until
/// it says done, then [`Reading::finish`].
pub struct Reading<B> {
    phase: Phase<B>,
}

enum Phase<B> {
    Decoding(Decoding<B>),
    Parsing { encoding: TextEncoding, replaced: bool, parser: Box<TableParser> },
    Failed(TableProblem),
}

/// Decoding is quicker than parsing: this is its share of the progress shown.
const DECODING_SHARE: f64 = 0.2;

impl<B: AsRef<[u8]>> Reading<B> {
    pub fn new(bytes: B, encoding: EncodingChoice) -> Self {
        let len = bytes.as_ref().len() as u64;
        let phase = if len > MAX_CSV_BYTES {
            Phase::Failed(TableProblem::TooLarge { bytes: len, limit: MAX_CSV_BYTES })
        } else {
            Phase::Decoding(Decoding::new(bytes, encoding))
        };
        Reading { phase }
    }

    /// Share of the work done (0–1).
    pub fn progress(&self) -> f64 {
        match &self.phase {
            Phase::Decoding(d) => d.progress() * DECODING_SHARE,
            Phase::Parsing { parser, .. } => DECODING_SHARE + parser.progress() * (1.0 - DECODING_SHARE),
            Phase::Failed(_) => 1.0,
        }
    }

    /// Works through about `bytes` more of the file; true when it is read.
    pub fn step(&mut self, bytes: usize) -> bool {
        match &mut self.phase {
            Phase::Decoding(d) => {
                if d.step(bytes) {
                    let placeholder = Phase::Failed(TableProblem::Empty);
                    if let Phase::Decoding(d) = std::mem::replace(&mut self.phase, placeholder) {
                        let decoded = d.finish();
                        let delimiter = detect_delimiter(&decoded.text);
                        let parser = Box::new(TableParser::new(decoded.text, delimiter));
                        self.phase = Phase::Parsing { encoding: decoded.encoding, replaced: decoded.replaced, parser };
                    }
                }
                false
            }
            Phase::Parsing { parser, .. } => parser.step(bytes),
            Phase::Failed(_) => true,
        }
    }

    /// The file read up to the mapping step (reading what is left first).
    pub fn finish(mut self) -> Result<ReadFile, TableProblem> {
        while !self.step(usize::MAX) {}
        match self.phase {
            Phase::Parsing { encoding, replaced, parser } => {
                let table = parser.finish()?;
                let kind = guess_kind(&table.headers);
                let mapping = guess_mapping(kind, &table.headers);
                Ok(ReadFile { source: Source::Text { encoding, replaced }, table, kind, mapping })
            }
            Phase::Failed(problem) => Err(problem),
            Phase::Decoding(_) => Err(TableProblem::Empty),
        }
    }
}

#[cfg(test)]
mod tests;
