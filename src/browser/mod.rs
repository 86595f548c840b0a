//! The browser edge: local storage, the clock, downloads and file reading. The only
//! place besides `ui` that touches web APIs.

pub mod clock;
pub mod files;
pub mod local_storage;
pub mod timing;
