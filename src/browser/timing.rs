//! User Timing measures (`performance.measure`), so the in-browser benchmarks can
//! read how long main-thread work took; DevTools shows them too. They stay in the
//! page: nothing is sent anywhere.

/// Runs `work`, then records its duration as the measure `name` (replacing the
/// previous one of that name, so a long session does not pile entries up).
pub fn measured<T>(name: &str, work: impl FnOnce() -> T) -> T {
    clear(name);
    measured_keeping(name, work)
}

/// Runs `work` and adds its duration as one more measure `name` (the steps of
/// one task; [`clear`] them when a new task starts).
pub fn measured_keeping<T>(name: &str, work: impl FnOnce() -> T) -> T {
    let performance = web_sys::window().and_then(|w| w.performance());
    let start = format!("{name}:start");
    if let Some(p) = &performance {
        let _ = p.mark(&start);
    }
    let out = work();
    if let Some(p) = &performance {
        let _ = p.measure_with_start_mark(name, &start);
        p.clear_marks_with_mark_name(&start);
    }
    out
}

/// Removes the measures named `name`.
pub fn clear(name: &str) {
    if let Some(p) = web_sys::window().and_then(|w| w.performance()) {
        p.clear_measures_with_measure_name(name);
    }
}

/// Milliseconds on the page's monotonic clock.
pub fn now_ms() -> f64 {
    web_sys::window().and_then(|w| w.performance()).map_or_else(js_sys::Date::now, |p| p.now())
}
