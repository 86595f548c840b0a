//! Excel workbooks: reading a sheet into the CSV import (`read.rs`), and
//! writing the plan's working views as a workbook (.xlsx), one sheet each: the
//! ranked target list, the accounts, the tier-1 account plans. Unlike the CSV,
//! numbers stay numbers with a number format (the plan's currency, %, counts),
//! each sheet's heading row is frozen and filtered, and columns are sized to
//! their content. The sheets are built as `csv_io::Table`s, the same typed rows
//! the CSV export writes, so the two never disagree (`sheets.rs`); this file
//! only turns them into a workbook with `rust_xlsxwriter`. The app reads and
//! writes workbooks in a Web Worker of their own (`job.rs`).

pub mod job;
mod read;
mod report;
mod sheets;

pub use read::{looks_like_workbook, read_sheet, SheetRead, WorkbookProblem, MAX_WORKBOOK_BYTES};
pub use report::{ReportScope, ReportWords, STATUSES};
pub use sheets::{sheets, Sheet, WorkbookWords};

use crate::csv_io::Cell;
use crate::domain::Currency;
use rust_xlsxwriter::{Format, Workbook, Worksheet, XlsxError};

/// Why a workbook could not be written: the writer's own words (it only fails
/// on limits: more than 1,048,576 rows or 16,384 columns in a sheet).
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct WorkbookError(pub String);

impl From<XlsxError> for WorkbookError {
    fn from(e: XlsxError) -> Self {
        WorkbookError(e.to_string())
    }
}

/// Excel's format for amounts in `currency`: its sign where Excel users expect
/// one, the ISO code otherwise. Whole units, as the app shows plan amounts (a
/// report of revenue in cents reads as noise); the cell keeps the exact value.
pub fn money_format(currency: &Currency) -> String {
    let digits = "#,##0";
    match currency.code() {
        "JPY" | "CNY" => format!("\"¥\"{digits}"),
        "USD" => format!("\"$\"{digits}"),
        "EUR" => format!("{digits} \"€\""),
        "GBP" => format!("\"£\"{digits}"),
        code => format!("{digits} \"{code}\""),
    }
}

/// The value a cell stores: rounded to the decimals it shows, so the formula
/// bar and a copied cell hold 69.6, not the float 69.5999984741211.
fn shown(v: f64, decimals: usize) -> f64 {
    let scale = 10f64.powi(decimals.min(6) as i32);
    (v * scale).round() / scale
}

/// The sheets as the bytes of an .xlsx file; dates in `date_format` (Excel's
/// codes: "yyyy/mm/dd", "mmm d, yyyy").
pub fn write(sheets: &[Sheet], currency: &Currency, date_format: &str) -> Result<Vec<u8>, WorkbookError> {
    let mut book = Workbook::new();
    let heading = Format::new().set_bold().set_text_wrap();
    let money = Format::new().set_num_format(money_format(currency));
    let formats = Formats {
        money,
        percent: Format::new().set_num_format("0.0%"),
        integer: Format::new().set_num_format("#,##0"),
        decimals: [Format::new().set_num_format("#,##0"), Format::new().set_num_format("#,##0.0"), Format::new().set_num_format("#,##0.00")],
        general: Format::new(),
        date: Format::new().set_num_format(date_format),
    };
    for sheet in sheets {
        let ws = book.add_worksheet();
        ws.set_name(sheet_name(&sheet.name))?;
        let table = &sheet.table;
        for (c, h) in table.headings.iter().enumerate() {
            ws.write_string_with_format(0, col(c)?, h, &heading)?;
        }
        for (r, row) in table.rows.iter().enumerate() {
            let r = u32::try_from(r + 1).map_err(|_| WorkbookError("too many rows".into()))?;
            for (c, cell) in row.iter().enumerate() {
                put(ws, r, col(c)?, cell, &formats)?;
            }
        }
        ws.set_freeze_panes(1, 0)?;
        if !table.headings.is_empty() {
            let last_row = u32::try_from(table.rows.len()).unwrap_or(u32::MAX);
            ws.autofilter(0, 0, last_row, col(table.headings.len() - 1)?)?;
        }
        ws.autofit();
    }
    Ok(book.save_to_buffer()?)
}

struct Formats {
    money: Format,
    percent: Format,
    integer: Format,
    decimals: [Format; 3],
    general: Format,
    date: Format,
}

fn col(c: usize) -> Result<u16, WorkbookError> {
    u16::try_from(c).map_err(|_| WorkbookError("too many columns".into()))
}

fn put(ws: &mut Worksheet, r: u32, c: u16, cell: &Cell, f: &Formats) -> Result<(), WorkbookError> {
    match cell {
        Cell::Empty => {}
        // Written as text, never as a formula: a name starting with "=" stays a name.
        Cell::Text(t) => {
            ws.write_string(r, c, t)?;
        }
        Cell::Integer(n) => {
            ws.write_number_with_format(r, c, *n as f64, &f.integer)?;
        }
        // A number without a set precision (a custom field's value) keeps six
        // decimals: 0.808, not the float 0.8079999999999999.
        Cell::Number(v, d) => {
            let format = d.map_or(&f.general, |d| &f.decimals[d.min(2)]);
            ws.write_number_with_format(r, c, shown(*v, d.unwrap_or(6)), format)?;
        }
        // A fraction with Excel's % format, so it calculates as a percentage.
        Cell::Percent(v) => {
            ws.write_number_with_format(r, c, shown(*v, 1) / 100.0, &f.percent)?;
        }
        Cell::Money(m) => {
            ws.write_number_with_format(r, c, m.to_f64(), &f.money)?;
        }
        Cell::Date(d) => {
            use chrono::Datelike;
            let (y, m, day) = (u16::try_from(d.0.year()).unwrap_or(1900), d.0.month() as u8, d.0.day() as u8);
            ws.write_datetime_with_format(r, c, rust_xlsxwriter::ExcelDateTime::from_ymd(y, m, day)?, &f.date)?;
        }
    }
    Ok(())
}

/// Excel's rules for a sheet name: at most 31 characters, none of `[]:*?/\`.
fn sheet_name(name: &str) -> String {
    let clean: String = name.chars().map(|c| if "[]:*?/\\".contains(c) { ' ' } else { c }).take(31).collect();
    let clean = clean.trim().trim_matches('\'').to_string();
    if clean.is_empty() {
        "Sheet".into()
    } else {
        clean
    }
}

#[cfg(test)]
mod tests;
