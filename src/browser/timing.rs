//! User Timing measures (`performance.measure`), so the in-browser benchmarks can
//! read how long main-thread work took; DevTools shows them too. They stay in the
//! page: nothing is sent anywhere. And giving the page a turn in long work.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

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

/// Lets the page answer input and paint, then goes on: the caller's next part
/// runs as a new task (`scheduler.yield()` where the browser has it, which
/// goes before other waiting tasks; else a zero timeout).
pub async fn next_task() {
    let promise = scheduler_yield().unwrap_or_else(|| {
        js_sys::Promise::new(&mut |resolve, _| {
            let queued = web_sys::window().is_some_and(|w| w.set_timeout_with_callback(&resolve).is_ok());
            if !queued {
                let _ = resolve.call0(&JsValue::NULL);
            }
        })
    });
    let _ = JsFuture::from(promise).await;
}

/// Lets the page paint once, then goes on (a frame later, at most ~16 ms).
/// For a new stage of long work: [`next_task`]'s turns come before the
/// browser's rendering, which then paints only every ~130 ms (headless
/// Chromium 156), so a stage shorter than that was never shown.
pub async fn after_paint() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let Some(window) = web_sys::window() else {
            let _ = resolve.call0(&JsValue::NULL);
            return;
        };
        // The frame's callback runs before its paint: the work goes on in
        // a task queued from it, after the paint.
        let on_frame = {
            let (window, resolve) = (window.clone(), resolve.clone());
            Closure::once_into_js(move || {
                if window.set_timeout_with_callback(&resolve).is_err() {
                    let _ = resolve.call0(&JsValue::NULL);
                }
            })
        };
        if window.request_animation_frame(on_frame.unchecked_ref()).is_err() {
            let _ = resolve.call0(&JsValue::NULL);
        }
        // A hidden tab gets no frames: the work must not wait for the user
        // to come back. Whichever comes first goes on; the other is a no-op.
        if window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, PAINT_WAIT_MS).is_err() {
            let _ = resolve.call0(&JsValue::NULL);
        }
    });
    let _ = JsFuture::from(promise).await;
}

/// Longest wait for a frame in [`after_paint`], in ms (a few frames).
const PAINT_WAIT_MS: i32 = 100;

fn scheduler_yield() -> Option<js_sys::Promise> {
    let scheduler = js_sys::Reflect::get(&js_sys::global(), &JsValue::from_str("scheduler")).ok()?;
    let yield_fn: js_sys::Function = js_sys::Reflect::get(&scheduler, &JsValue::from_str("yield")).ok()?.dyn_into().ok()?;
    yield_fn.call0(&scheduler).ok()?.dyn_into().ok()
}

/// Longest stretch of work between two turns of the page, in ms.
const TURN_MS: f64 = 40.0;

/// Runs long work a step at a time, giving the page a turn about every
/// [`TURN_MS`]: `step` does a little and returns the share done so far (0–1),
/// or `None` when the work is complete. Before each turn `progress` gets the
/// share; after it, and before the first step, `wanted` says whether to go on.
/// True when the work was completed.
pub async fn in_turns(mut step: impl FnMut() -> Option<f64>, progress: impl Fn(f64), wanted: impl Fn() -> bool) -> bool {
    if !wanted() {
        return false;
    }
    let mut turn_started = now_ms();
    while let Some(share) = step() {
        if now_ms() - turn_started > TURN_MS {
            progress(share);
            next_task().await;
            if !wanted() {
                return false;
            }
            turn_started = now_ms();
        }
    }
    true
}
