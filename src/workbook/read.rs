//! Reading a sheet of a workbook (.xlsx, .xlsm, .xlsb, .xls, .ods) into the
//! CSV import's table, so a target list kept in Excel goes through the same
//! mapping, preview and problem list as a CSV export. `calamine` reads the
//! file; this turns its cells into the text a CSV of the same sheet would
//! hold (numbers as Excel shows them in General format, dates as ISO dates),
//! with each row's line set to its row number in Excel.

use crate::csv_io::import::{guess_kind, guess_mapping, ReadFile, Source, Table};
use calamine::{open_workbook_from_rs, Data, Ods, Reader, SheetType, SheetVisible, Xls, Xlsb, Xlsx, XlsxError};
use std::io::Cursor;

/// What was read: the sheets a user can choose from and the chosen one's rows,
/// read up to the mapping step.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct SheetRead {
    /// The workbook's visible worksheets, in the workbook's order.
    pub sheets: Vec<String>,
    pub file: ReadFile,
}

/// Why a workbook, or the sheet asked for, gave no table.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum WorkbookProblem {
    /// Not a workbook any reader knows, or one too damaged to open.
    Unreadable,
    /// Saved with a password: Excel encrypts the whole file.
    Protected,
    /// A workbook without a worksheet (only charts, say).
    NoSheets,
    /// The sheet holds no heading row.
    EmptySheet { sheet: String },
    /// The sheet could not be read (a damaged part of the file).
    BrokenSheet { sheet: String },
    /// Larger than [`MAX_WORKBOOK_BYTES`].
    TooLarge { bytes: u64, limit: u64 },
}

/// The largest workbook read. A workbook is compressed about ten times and is
/// read whole, so this is a sheet of some 300,000 rows: as large as the CSV
/// import's limit (`MAX_CSV_BYTES`) once unpacked.
pub const MAX_WORKBOOK_BYTES: u64 = 12 * 1024 * 1024;

/// Whether `bytes` start like a workbook: a zip (.xlsx, .xlsm, .xlsb, .ods) or
/// an OLE compound file (.xls, and a password-protected .xlsx). A CSV never
/// starts with these bytes, so the import can tell the two apart by content
/// whatever the file is called.
pub fn looks_like_workbook(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(&CFB)
}

/// Reads sheet `sheet` of the workbook in `bytes`. Without a name, the sheet
/// that looks most like a list of records: the one with rows whose headings
/// the import recognises most of (a workbook often opens with a cover or
/// notes sheet), the first of equals.
pub fn read_sheet(bytes: &[u8], sheet: Option<&str>) -> Result<SheetRead, WorkbookProblem> {
    let len = bytes.len() as u64;
    if len > MAX_WORKBOOK_BYTES {
        return Err(WorkbookProblem::TooLarge { bytes: len, limit: MAX_WORKBOOK_BYTES });
    }
    let cursor = Cursor::new(bytes);
    if bytes.starts_with(&CFB) {
        match open_workbook_from_rs::<Xls<_>, _>(cursor.clone()) {
            Ok(mut book) => read_from(&mut book, sheet),
            // An encrypted .xlsx is an OLE file too: ask the .xlsx reader.
            Err(_) => Err(opening_problem(open_workbook_from_rs::<Xlsx<_>, _>(cursor).err())),
        }
    } else {
        // A zip: .xlsx and .xlsm, else .xlsb, else OpenDocument's .ods.
        match open_workbook_from_rs::<Xlsx<_>, _>(cursor.clone()) {
            Ok(mut book) => read_from(&mut book, sheet),
            Err(e) => {
                if let Ok(mut book) = open_workbook_from_rs::<Xlsb<_>, _>(cursor.clone()) {
                    read_from(&mut book, sheet)
                } else if let Ok(mut book) = open_workbook_from_rs::<Ods<_>, _>(cursor) {
                    read_from(&mut book, sheet)
                } else {
                    Err(opening_problem(Some(e)))
                }
            }
        }
    }
}

/// The OLE compound file's signature (.xls, and an encrypted .xlsx).
const CFB: [u8; 8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

fn opening_problem(e: Option<XlsxError>) -> WorkbookProblem {
    match e {
        Some(XlsxError::Password) => WorkbookProblem::Protected,
        _ => WorkbookProblem::Unreadable,
    }
}

fn read_from<'b, R: Reader<Cursor<&'b [u8]>>>(book: &mut R, sheet: Option<&str>) -> Result<SheetRead, WorkbookProblem> {
    let sheets = worksheets(book);
    let Some(first) = sheets.first().cloned() else { return Err(WorkbookProblem::NoSheets) };
    let file = match sheet {
        Some(name) => table_of(book, name).map(|t| read_file(name, t))?,
        None => {
            let mut best: Option<(ReadFile, (bool, usize))> = None;
            for name in &sheets {
                let Ok(t) = table_of(book, name) else { continue };
                let file = read_file(name, t);
                let score = (!file.table.is_empty(), file.mapping.iter().flatten().count());
                if best.as_ref().is_none_or(|(_, s)| score > *s) {
                    best = Some((file, score));
                }
            }
            best.map(|(file, _)| file).ok_or(WorkbookProblem::EmptySheet { sheet: first })?
        }
    };
    Ok(SheetRead { sheets, file })
}

fn read_file(name: &str, sheet: SheetTable) -> ReadFile {
    let kind = guess_kind(&sheet.table.headers);
    let mapping = guess_mapping(kind, &sheet.table.headers);
    let source = Source::Sheet { name: name.to_string(), heading_row: sheet.heading_row };
    ReadFile { source, table: sheet.table, kind, mapping }
}

/// The worksheets a user sees in Excel's tabs (hidden ones only when every
/// worksheet is hidden).
fn worksheets<'b, R: Reader<Cursor<&'b [u8]>>>(book: &R) -> Vec<String> {
    let all: Vec<_> = book.sheets_metadata().iter().filter(|s| s.typ == SheetType::WorkSheet).collect();
    let visible: Vec<String> = all.iter().filter(|s| s.visible == SheetVisible::Visible).map(|s| s.name.clone()).collect();
    if visible.is_empty() {
        all.iter().map(|s| s.name.clone()).collect()
    } else {
        visible
    }
}

/// Rows looked at to find the heading row under a sheet's title.
const HEADING_SEARCH_ROWS: usize = 20;

/// A sheet read as a table, and the Excel row its headings are on.
struct SheetTable {
    table: Table,
    heading_row: u64,
}

/// The sheet as a table. Japanese sheets often open with a title and a date
/// above the list, so the heading row is the first row filled at least half
/// as wide as the widest of the first rows; rows with no value are skipped,
/// as blank lines of a CSV are.
fn table_of<'b, R: Reader<Cursor<&'b [u8]>>>(book: &mut R, sheet: &str) -> Result<SheetTable, WorkbookProblem> {
    let range = book.worksheet_range(sheet).map_err(|_| WorkbookProblem::BrokenSheet { sheet: sheet.to_string() })?;
    let empty = || WorkbookProblem::EmptySheet { sheet: sheet.to_string() };
    let (top, _) = range.start().ok_or_else(empty)?;
    let filled = |cells: &[Data]| cells.iter().filter(|c| !text(c).is_empty()).count();
    let widest = range.rows().map(filled).filter(|&n| n > 0).take(HEADING_SEARCH_ROWS).max().ok_or_else(empty)?;
    let mut rows = range.rows().enumerate().filter(|(_, cells)| filled(cells) > 0);
    let (at, headings) = rows.find(|(_, cells)| filled(cells) * 2 >= widest).ok_or_else(empty)?;
    // Excel's row numbers (1-based), which the problem list shows as lines.
    let row_number = |i: usize| u64::from(top) + i as u64 + 1;
    let mut table = Table::with_headers(headings.iter().map(text).collect());
    let mut cells = Vec::new();
    for (i, row) in rows {
        cells.clear();
        cells.extend(row.iter().map(text));
        table.push(row_number(i), cells.iter().map(String::as_str));
    }
    Ok(SheetTable { table: table.shrunk(), heading_row: row_number(at) })
}

/// A cell as the text a CSV export of the sheet would hold.
fn text(cell: &Data) -> String {
    match cell {
        Data::Empty => String::new(),
        Data::String(s) | Data::DateTimeIso(s) | Data::DurationIso(s) => s.trim().to_string(),
        Data::Int(i) => i.to_string(),
        Data::Float(f) => number(*f),
        Data::Bool(b) => (if *b { "TRUE" } else { "FALSE" }).to_string(),
        Data::DateTime(d) if d.is_datetime() => {
            let (y, mo, day, h, mi, s, _) = d.to_ymd_hms_milli();
            if (h, mi, s) == (0, 0, 0) {
                format!("{y:04}-{mo:02}-{day:02}")
            } else {
                format!("{y:04}-{mo:02}-{day:02} {h:02}:{mi:02}")
            }
        }
        Data::DateTime(d) => number(d.as_f64()),
        // Kept as Excel shows it (#N/A, #REF!): a number column reports it as
        // a value that is not a number, with its row.
        Data::Error(e) => e.to_string(),
    }
}

/// A number as Excel shows it in General format: at most 15 significant
/// digits, so 0.1+0.2 reads 0.3 and not 0.30000000000000004.
fn number(f: f64) -> String {
    let shown: f64 = format!("{f:.14e}").parse().unwrap_or(f);
    if shown.fract() == 0.0 && shown.abs() < 1e15 {
        format!("{}", shown as i64)
    } else {
        format!("{shown}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::csv_io::import::{preview, Field, Options, ProblemKind, RecordKind};
    use crate::domain::{IdGenerator, Plan, PlanId, Timestamp};
    use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};

    /// A target list as Japanese teams keep it: a notes sheet first, a title
    /// and a date above the headings, typed numbers and dates, a blank row, a
    /// formula error, a row without a company, a hidden working sheet.
    fn japanese_workbook() -> Vec<u8> {
        let mut book = Workbook::new();
        let notes = book.add_worksheet().set_name("説明").unwrap();
        notes.write(0, 0, "ターゲット企業リストの使い方").unwrap();
        notes.write(1, 0, "営業部と共有しています。").unwrap();
        let list = book.add_worksheet().set_name("ターゲット企業").unwrap();
        let date = Format::new().set_num_format("yyyy/mm/dd");
        list.write(0, 0, "ターゲット企業一覧").unwrap();
        list.write_with_format(1, 0, ExcelDateTime::from_ymd(2026, 12, 1).unwrap(), &date).unwrap();
        for (c, h) in ["会社名", "業種", "従業員数", "売上高", "URL", "最終接触日"].iter().enumerate() {
            list.write(3, c as u16, *h).unwrap();
        }
        list.write_row(4, 0, ["東京精機株式会社", "製造業"]).unwrap();
        list.write(4, 2, 450).unwrap();
        list.write(4, 3, 9_000_000_000.0).unwrap();
        list.write(4, 4, "https://www.tokyo-seiki.co.jp/").unwrap();
        list.write_with_format(4, 5, ExcelDateTime::from_ymd(2026, 11, 20).unwrap(), &date).unwrap();
        // Row 6 is blank; row 7 holds an error where the count should be.
        list.write_row(6, 0, ["株式会社北斗電子工業", "製造業"]).unwrap();
        list.write_formula(6, 2, rust_xlsxwriter::Formula::new("=NA()").set_result("#N/A")).unwrap();
        list.write(7, 1, "食品").unwrap();
        list.write(7, 2, 120.0).unwrap();
        let hidden = book.add_worksheet().set_name("作業用").unwrap();
        hidden.write(0, 0, "会社名").unwrap();
        hidden.set_hidden(true);
        book.save_to_buffer().unwrap()
    }

    fn now() -> Timestamp {
        Timestamp::parse("2026-12-07T00:00:00Z").unwrap()
    }

    #[test]
    fn the_list_sheet_is_found_under_its_title_and_read_as_a_csv_of_it_would_be() {
        let read = read_sheet(&japanese_workbook(), None).unwrap();
        assert_eq!(read.sheets, vec!["説明", "ターゲット企業"], "the hidden sheet is not offered");
        assert_eq!(read.file.source, Source::Sheet { name: "ターゲット企業".into(), heading_row: 4 });
        assert_eq!(read.file.kind, RecordKind::Accounts);
        assert_eq!(read.file.mapping[0], Some(Field::Name));
        let rows: Vec<(u64, Vec<&str>)> = read.file.table.rows().map(|r| (r.line, r.cells().collect())).collect();
        assert_eq!(
            rows,
            vec![
                (5, vec!["東京精機株式会社", "製造業", "450", "9000000000", "https://www.tokyo-seiki.co.jp/", "2026-11-20"]),
                (7, vec!["株式会社北斗電子工業", "製造業", "#N/A", "", "", ""]),
                (8, vec!["", "食品", "120", "", "", ""]),
            ]
        );
        // Through the CSV import's preview: the error and the missing name are
        // problems on their Excel rows, the good row is an account.
        let options = Options::new(read.file.kind, read.file.mapping.clone(), 9 * 60, now());
        let p = preview(&Plan::new(PlanId("p".into()), "t", now()), &read.file.table, &options, &mut IdGenerator::seeded(1));
        assert_eq!((p.rows, p.accounted()), (3, 3));
        let account = p.batch.accounts.iter().find(|a| a.name == "東京精機株式会社").expect("imported");
        assert_eq!((account.employees, account.domain.as_str()), (Some(450), "tokyo-seiki.co.jp"));
        let problems: Vec<(u64, ProblemKind)> = p.problems.iter().map(|x| (x.line, x.kind)).collect();
        assert!(problems.iter().any(|(line, _)| *line == 7), "{problems:?}");
        assert!(problems.iter().any(|(line, _)| *line == 8), "{problems:?}");
    }

    #[test]
    fn a_sheet_can_be_chosen_and_an_empty_one_is_said() {
        let bytes = japanese_workbook();
        let notes = read_sheet(&bytes, Some("説明")).unwrap();
        assert_eq!(notes.file.table.headers, vec!["ターゲット企業リストの使い方"]);
        assert_eq!(notes.file.table.len(), 1);
        let mut book = Workbook::new();
        book.add_worksheet().set_name("Empty").unwrap();
        let empty = book.save_to_buffer().unwrap();
        assert_eq!(read_sheet(&empty, None), Err(WorkbookProblem::EmptySheet { sheet: "Empty".into() }));
        assert_eq!(read_sheet(&bytes, Some("Nope")), Err(WorkbookProblem::BrokenSheet { sheet: "Nope".into() }));
    }

    #[test]
    fn numbers_read_as_excel_shows_them() {
        assert_eq!(number(1_200_000.0), "1200000");
        assert_eq!(number(0.1 + 0.2), "0.3");
        assert_eq!(number(f64::from(69.6_f32)), "69.5999984741211");
        assert_eq!(number(1.1 * 3.0), "3.3");
        assert_eq!(number(-3.25), "-3.25");
        assert_eq!(number(1e20), "100000000000000000000");
    }

    #[test]
    fn files_that_are_not_workbooks_are_told_apart_and_refused() {
        assert!(!looks_like_workbook("会社名,業種\n".as_bytes()));
        assert!(looks_like_workbook(b"PK\x03\x04rest"));
        assert_eq!(read_sheet(b"PK\x03\x04 not really a zip", None), Err(WorkbookProblem::Unreadable));
        assert_eq!(read_sheet(b"name,industry\nAcme,Retail\n", None), Err(WorkbookProblem::Unreadable));
        let huge = vec![0u8; MAX_WORKBOOK_BYTES as usize + 1];
        assert_eq!(read_sheet(&huge, None), Err(WorkbookProblem::TooLarge { bytes: MAX_WORKBOOK_BYTES + 1, limit: MAX_WORKBOOK_BYTES }));
    }
}
