//! Writes the Excel fixtures the end-to-end tests import
//! (tests/e2e/fixtures/*.xlsx), as the tools people use save them: a HubSpot
//! companies export (one sheet, headings on row 1, typed numbers and dates),
//! and a target list kept by a Japanese team (a notes sheet first, a title and
//! a date above the headings, a hidden working sheet). Each holds the problems
//! the import must report by row: a count that is not a number, a formula
//! error, a row without a company, a company twice.
//! Run: `cargo run --example workbook_fixtures`.

use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, Formula, Workbook, Worksheet, XlsxError};

/// A cell of a fixture row.
enum V {
    T(&'static str),
    N(f64),
    D(u16, u8, u8),
    Error,
    Blank,
}
use V::*;

fn write_row(ws: &mut Worksheet, row: u32, cells: &[V], date: &Format) -> Result<(), XlsxError> {
    for (c, v) in cells.iter().enumerate() {
        let c = c as u16;
        match v {
            T(t) => ws.write_string(row, c, *t).map(|_| ())?,
            N(n) => ws.write_number(row, c, *n).map(|_| ())?,
            D(y, m, d) => ws.write_datetime_with_format(row, c, ExcelDateTime::from_ymd(*y, *m, *d)?, date).map(|_| ())?,
            Error => ws.write_formula(row, c, Formula::new("=NA()").set_result("#N/A")).map(|_| ())?,
            Blank => {}
        }
    }
    Ok(())
}

/// Fixed properties, so the bytes only change when the rows do.
fn book() -> Result<Workbook, XlsxError> {
    let mut book = Workbook::new();
    let created = ExcelDateTime::from_ymd(2026, 12, 1)?;
    book.set_properties(&DocProperties::new().set_creation_datetime(&created).set_author("ABM Planner tests"));
    Ok(book)
}

fn hubspot() -> Result<Vec<u8>, XlsxError> {
    let mut book = book()?;
    let date = Format::new().set_num_format("yyyy-mm-dd");
    let ws = book.add_worksheet().set_name("Companies")?;
    let headings = [
        "Record ID",
        "Company name",
        "Company Domain Name",
        "Industry",
        "Number of Employees",
        "Annual Revenue",
        "City",
        "State/Region",
        "Country/Region",
        "Lifecycle Stage",
        "Company owner",
        "Create Date",
    ];
    for (c, h) in headings.iter().enumerate() {
        ws.write_string(0, c as u16, *h)?;
    }
    let rows: Vec<Vec<V>> = vec![
        vec![
            N(9000.),
            T("Harbor Machine Works"),
            T("harbor.com"),
            T("Manufacturing"),
            N(1500.),
            N(390e6),
            T("Cleveland"),
            T("Ohio"),
            T("United States"),
            T("customer"),
            T("Jane Doe"),
            D(2025, 1, 1),
        ],
        vec![
            N(9001.),
            T("Northfield Machine Works"),
            T("northfield.com"),
            T("Manufacturing"),
            T("approx. 1,200"),
            N(208e6),
            T("Detroit"),
            T("Michigan"),
            T("United States"),
            T("customer"),
            T("Sam Patel"),
            D(2025, 2, 2),
        ],
        vec![
            N(9002.),
            T("Great Lakes Metalworks"),
            T("greatlakes.com"),
            T("Manufacturing"),
            N(2800.),
            N(1.2e9),
            T("Chicago"),
            T("Illinois"),
            T("United States"),
            T("customer"),
            T("Alex Kim"),
            D(2025, 3, 3),
        ],
        vec![
            N(9003.),
            T("Keystone Manufacturing"),
            T("keystone.com"),
            T("Manufacturing"),
            N(950.),
            N(120e6),
            T("Indianapolis"),
            T("Indiana"),
            T("United States"),
            T("opportunity"),
            T("Jane Doe"),
            D(2025, 4, 4),
        ],
        vec![
            N(9004.),
            T("Cascade Logistics"),
            T("cascadelogistics.com"),
            T("Logistics"),
            N(640.),
            N(85e6),
            T("Seattle"),
            T("Washington"),
            T("United States"),
            T("lead"),
            T("Sam Patel"),
            D(2025, 5, 5),
        ],
        vec![
            N(9005.),
            T("Summit Health Partners"),
            T("summithealth.com"),
            T("Healthcare"),
            N(3200.),
            Error,
            T("Denver"),
            T("Colorado"),
            T("United States"),
            T("lead"),
            T("Alex Kim"),
            D(2025, 6, 6),
        ],
        vec![N(9006.), Blank, T("unknown.example"), T("Retail"), N(40.), N(2e6), T("Austin"), T("Texas"), T("United States"), T("lead"), Blank, D(2025, 7, 7)],
        vec![
            N(9007.),
            T("Prairie Foods"),
            T("prairiefoods.com"),
            T("Food & Beverage"),
            N(780.),
            N(150e6),
            T("Omaha"),
            T("Nebraska"),
            T("United States"),
            T("customer"),
            T("Jane Doe"),
            D(2025, 8, 8),
        ],
        vec![
            N(9008.),
            T("Harbor Machine Works, Inc."),
            T("harbor.com"),
            T("Manufacturing"),
            N(1520.),
            N(395e6),
            T("Cleveland"),
            T("Ohio"),
            T("United States"),
            T("customer"),
            T("Jane Doe"),
            D(2025, 9, 9),
        ],
        vec![
            N(9009.),
            T("Redwood Software"),
            T("redwoodsoftware.com"),
            T("Software"),
            N(410.),
            N(60e6),
            T("San Jose"),
            T("California"),
            T("United States"),
            T("opportunity"),
            T("Sam Patel"),
            D(2025, 10, 10),
        ],
    ];
    for (r, row) in rows.iter().enumerate() {
        write_row(ws, r as u32 + 1, row, &date)?;
    }
    book.save_to_buffer()
}

fn japanese() -> Result<Vec<u8>, XlsxError> {
    let mut book = book()?;
    let date = Format::new().set_num_format("yyyy/mm/dd");
    let notes = book.add_worksheet().set_name("説明")?;
    notes.write_string(0, 0, "ターゲット企業リストの使い方")?;
    notes.write_string(1, 0, "営業部と共有しています。更新したら日付を書き換えてください。")?;
    let ws = book.add_worksheet().set_name("ターゲット企業")?;
    ws.write_string(0, 0, "ターゲット企業一覧")?;
    ws.write_datetime_with_format(1, 0, ExcelDateTime::from_ymd(2026, 12, 1)?, &date)?;
    ws.write_string(1, 1, "時点")?;
    let headings = ["会社名", "業種", "従業員数", "売上高", "都道府県", "市区町村", "顧客区分", "担当営業", "URL", "最終接触日"];
    for (c, h) in headings.iter().enumerate() {
        ws.write_string(3, c as u16, *h)?;
    }
    let rows: Vec<Vec<V>> = vec![
        vec![
            T("東京精機株式会社"),
            T("製造業"),
            N(450.),
            T("90億円"),
            T("愛知県"),
            T("名古屋市"),
            T("既存顧客"),
            T("佐藤 一郎"),
            T("https://www.00-jp.example/"),
            D(2026, 11, 20),
        ],
        vec![
            T("株式会社北斗電子工業"),
            T("製造業"),
            N(1200.),
            T("160億円"),
            T("愛知県"),
            T("豊田市"),
            T("既存顧客"),
            T("鈴木 花子"),
            T("https://www.01-jp.example/"),
            D(2026, 10, 2),
        ],
        vec![
            T("三河オートパーツ株式会社"),
            T("製造業"),
            Error,
            T("1億2,000万円"),
            T("静岡県"),
            T("浜松市"),
            T("既存顧客"),
            T("高橋 誠"),
            T("https://www.02-jp.example/"),
            D(2026, 9, 15),
        ],
        vec![],
        vec![
            T("株式会社浪速化学工業"),
            T("製造業"),
            T("多数"),
            T("128億円"),
            T("大阪府"),
            T("東大阪市"),
            T("見込み客"),
            T("佐藤 一郎"),
            T("https://www.03-jp.example/"),
            D(2026, 8, 1),
        ],
        vec![
            T("九州ロジテック株式会社"),
            T("物流"),
            N(820.),
            T("75億円"),
            T("福岡県"),
            T("福岡市"),
            T("見込み客"),
            T("鈴木 花子"),
            T("https://www.04-jp.example/"),
            D(2026, 7, 7),
        ],
        vec![Blank, T("小売"), N(60.), T("5億円"), T("東京都"), T("渋谷区"), T("見込み客"), Blank, T("https://www.05-jp.example/"), Blank],
        vec![
            T("北海道フーズ株式会社"),
            T("食品"),
            N(350.),
            T("45億円"),
            T("北海道"),
            T("札幌市"),
            T("既存顧客"),
            T("高橋 誠"),
            T("https://www.06-jp.example/"),
            D(2026, 6, 30),
        ],
        vec![
            T("東京精機(株)"),
            T("製造業"),
            N(460.),
            T("91億円"),
            T("愛知県"),
            T("名古屋市"),
            T("既存顧客"),
            T("佐藤 一郎"),
            T("https://www.00-jp.example/"),
            D(2026, 12, 1),
        ],
    ];
    for (r, row) in rows.iter().enumerate() {
        write_row(ws, r as u32 + 4, row, &date)?;
    }
    let hidden = book.add_worksheet().set_name("作業用")?;
    hidden.write_string(0, 0, "会社名")?;
    hidden.write_string(1, 0, "下書き")?;
    hidden.set_hidden(true);
    book.save_to_buffer()
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/e2e/fixtures");
    std::fs::write(dir.join("hubspot-companies.xlsx"), hubspot()?)?;
    std::fs::write(dir.join("japanese-companies.xlsx"), japanese()?)?;
    Ok(())
}
