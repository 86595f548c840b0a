//! A workbook job as a value: what the app asks of the workbook reader and
//! writer, and what they answer. The app runs jobs in a Web Worker with a Wasm
//! of its own (`src/bin/workbook_worker.rs`), so `calamine` and
//! `rust_xlsxwriter` (about 545 KB gzipped with their zip and text decoders)
//! are downloaded when a workbook is first read or written, not before the
//! first screen. A job and its answer cross to the worker as JSON text; the
//! file's bytes travel beside them, moved rather than copied.

use super::{read_sheet, write, Sheet, SheetRead, WorkbookError, WorkbookProblem};
use crate::csv_io::Cell;
use crate::domain::Currency;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

/// What to do. A read's workbook and a write's result are the bytes beside.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Job {
    /// Read `sheet` of the workbook (none: the one most like a list).
    Read { sheet: Option<String> },
    /// Write the sheets as an .xlsx file (see [`write`]).
    Write { sheets: Vec<Sheet>, currency: Currency, date_format: String },
}

/// What came of a job. A write's file is the bytes beside.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Answer {
    Read(Result<SheetRead, WorkbookProblem>),
    Written(Result<(), WorkbookError>),
}

impl Job {
    /// A write job. JSON has no NaN or infinity, and a workbook cell cannot
    /// hold them either: such a number (a ratio of nothing) is left empty.
    pub fn write(mut sheets: Vec<Sheet>, currency: &Currency, date_format: &str) -> Job {
        for cell in sheets.iter_mut().flat_map(|s| s.table.rows.iter_mut()).flatten() {
            if matches!(cell, Cell::Number(v, _) | Cell::Percent(v) if !v.is_finite()) {
                *cell = Cell::Empty;
            }
        }
        Job::Write { sheets, currency: currency.clone(), date_format: date_format.to_string() }
    }
}

/// A job or an answer as the text that crosses to the other side. Every field
/// is a string, a number made finite by [`Job::write`], or a list of them:
/// serialising cannot fail.
pub fn to_text<T: Serialize>(value: &T) -> String {
    serde_json::to_string(value).unwrap_or_default()
}

/// A job or an answer read back on the other side; `None` for text from
/// another release (a page and a worker of two releases, during an update).
pub fn from_text<T: DeserializeOwned>(text: &str) -> Option<T> {
    serde_json::from_slice(text.as_bytes()).ok()
}

/// Runs `job` on `bytes`: the answer, and the bytes of a written file (empty
/// for a read).
pub fn run(job: Job, bytes: &[u8]) -> (Answer, Vec<u8>) {
    match job {
        Job::Read { sheet } => (Answer::Read(read_sheet(bytes, sheet.as_deref())), Vec::new()),
        Job::Write { sheets, currency, date_format } => match write(&sheets, &currency, &date_format) {
            Ok(file) => (Answer::Written(Ok(())), file),
            Err(e) => (Answer::Written(Err(e)), Vec::new()),
        },
    }
}

/// What the worker does with a message: the job's text and bytes in, the
/// answer's text and bytes out. Text it cannot read (a page and a worker of
/// two releases, during an update) is answered with `None`, so the page says
/// so instead of waiting.
pub fn serve(text: &str, bytes: &[u8]) -> Option<(String, Vec<u8>)> {
    let (answer, file) = run(from_text(text)?, bytes);
    Some((to_text(&answer), file))
}
