//! The browser edge: local storage, the clock, downloads, file reading, the
//! browser's Shift_JIS decoder and the workbook worker. The only
//! place besides `ui` that touches web APIs.

pub mod clock;
pub mod files;
pub mod local_storage;
pub mod shift_jis;
pub mod timing;
pub mod workbook_worker;
