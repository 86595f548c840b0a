//! Entry point of the workbook worker: a Web Worker with a Wasm of its own that
//! reads and writes Excel workbooks for the app (`browser::workbook_worker`,
//! `workbook::job`), so the app's first screen does not carry the workbook
//! reader and writer. Trunk builds it beside the app (`index.html`,
//! `data-type="worker"`).

#[cfg(target_arch = "wasm32")]
fn main() {
    abm_planner::browser::workbook_worker::serve();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("The workbook worker runs in the browser, started by the app.");
}
