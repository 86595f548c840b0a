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

pub use build::{preview, Batch, Options, Preview, ProblemKind, RowProblem, MAX_PROBLEMS};
pub use fields::{fold_key, guess_kind, guess_mapping, missing_required, Field, RecordKind, Requirement};
pub use table::{detect_delimiter, parse, Row, Table, TableProblem};
pub use text::{decode, Decoded, EncodingChoice, TextEncoding};

/// A file read up to the mapping step: its text's encoding, the table, and the
/// guessed kind and mapping.
#[derive(Clone, Debug, PartialEq)]
pub struct ReadFile {
    pub encoding: TextEncoding,
    pub replaced: bool,
    pub table: Table,
    pub kind: RecordKind,
    pub mapping: Vec<Option<Field>>,
}

/// The largest CSV read: about 300,000 rows of a wide CRM export, several times a
/// year of activity for 10,000 accounts. Larger exports are better split.
pub const MAX_CSV_BYTES: u64 = 64 * 1024 * 1024;

/// Decodes and parses `bytes`, and guesses what the columns hold.
pub fn read(bytes: &[u8], encoding: EncodingChoice) -> Result<ReadFile, TableProblem> {
    if bytes.len() as u64 > MAX_CSV_BYTES {
        return Err(TableProblem::TooLarge { bytes: bytes.len() as u64, limit: MAX_CSV_BYTES });
    }
    let decoded = decode(bytes, encoding);
    let table = parse(&decoded.text, detect_delimiter(&decoded.text))?;
    let kind = guess_kind(&table.headers);
    let mapping = guess_mapping(kind, &table.headers);
    Ok(ReadFile { encoding: decoded.encoding, replaced: decoded.replaced, table, kind, mapping })
}

#[cfg(test)]
mod tests;
