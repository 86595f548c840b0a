//! CSV in and out, for the spreadsheets and CRMs teams already use. Pure: bytes
//! in, text out; the browser edge downloads or reads the files.

mod export;
pub mod import;

pub use export::{accounts_csv, accounts_table, neutralise, AccountColumns, Cell, Table, BOM};
