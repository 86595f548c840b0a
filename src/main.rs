//! Entry point of the browser app. Native builds have nothing to run: the engine is
//! a library, tested with `cargo test`.

#[cfg(target_arch = "wasm32")]
fn main() {
    abm_planner::ui::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("ABM Planner runs in the browser: see README.md for how to serve it.");
}
