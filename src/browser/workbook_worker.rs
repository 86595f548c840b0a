//! Workbooks (.xlsx in and out) in a Web Worker with a Wasm of its own, so the
//! first screen does not download the workbook reader and writer (see
//! `workbook::job`). Both sides live here: [`read`] and [`write`], which the
//! page calls, and [`serve`], which the worker's own binary
//! (`src/bin/workbook_worker.rs`) starts.
//!
//! The worker starts on the first job and stays for the next. Until its Wasm
//! has started it cannot hear messages (they would be dropped), so jobs wait
//! for its "ready". A worker that cannot start (offline before its files were
//! ever fetched) or that stops (a reader's panic) fails its jobs with a
//! [`WorkerFailure`], and the next job starts a new one.

use crate::domain::Currency;
use crate::workbook::job::{self, Answer, Job};
use crate::workbook::{Sheet, SheetRead, WorkbookError, WorkbookProblem};
use js_sys::{Array, Function, Object, Promise, Reflect, Uint8Array};
use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{DedicatedWorkerGlobalScope, Event, MessageEvent, Worker};

/// Why a job got no answer. The text is the browser's, for the message.
#[derive(Clone, Debug, PartialEq)]
pub enum WorkerFailure {
    /// The worker's files could not be loaded or started.
    Unavailable(String),
    /// The worker stopped during the job.
    Stopped(String),
    /// The worker answered in words this page does not read: the app was
    /// updated while the page was open, and a reload brings the two together.
    OtherRelease,
}

/// Reads sheet `sheet` of the workbook `bytes` (none: the one most like a
/// list): the sheet, or what is wrong with the workbook.
pub async fn read(bytes: &[u8], sheet: Option<String>) -> Result<Result<SheetRead, WorkbookProblem>, WorkerFailure> {
    match run(&Job::Read { sheet }, bytes).await? {
        (Answer::Read(read), _) => Ok(read),
        (Answer::Written(_), _) => Err(WorkerFailure::OtherRelease),
    }
}

/// Writes `sheets` as an .xlsx file (see [`Job::write`]): the file's bytes.
pub async fn write(sheets: Vec<Sheet>, currency: &Currency, date_format: &str) -> Result<Result<Vec<u8>, WorkbookError>, WorkerFailure> {
    match run(&Job::write(sheets, currency, date_format), &[]).await? {
        (Answer::Written(written), file) => Ok(written.map(|()| file)),
        (Answer::Read(_), _) => Err(WorkerFailure::OtherRelease),
    }
}

/// Runs `job` on `bytes` in the worker.
async fn run(job: &Job, bytes: &[u8]) -> Result<(Answer, Vec<u8>), WorkerFailure> {
    let connection = connection()?;
    let id = connection.next.get();
    connection.next.set(id.wrapping_add(1));
    let promise = Promise::new(&mut |resolve, reject| {
        connection.pending.borrow_mut().insert(id, (resolve, reject));
    });
    let data = Uint8Array::from(bytes);
    let message = object(&[("id", JsValue::from(id)), ("job", JsValue::from(job::to_text(job))), ("bytes", data.clone().into())]);
    connection.send(message, data);
    // A worker that failed before it was ready never started.
    let reply = JsFuture::from(promise).await.map_err(|e| match connection.ready.get() {
        true => WorkerFailure::Stopped(text_of(&e)),
        false => WorkerFailure::Unavailable(text_of(&e)),
    })?;
    let answer = field(&reply, "answer").as_string().and_then(|t| job::from_text::<Answer>(&t));
    let answer = answer.ok_or(WorkerFailure::OtherRelease)?;
    let file = field(&reply, "bytes").dyn_into::<Uint8Array>().map(|a| a.to_vec()).unwrap_or_default();
    Ok((answer, file))
}

/// The worker's side: answers each job message with the job's answer, after
/// saying it is ready.
pub fn serve() {
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let replies = scope.clone();
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
        let data = event.data();
        let id = field(&data, "id");
        let text = field(&data, "job").as_string().unwrap_or_default();
        let bytes = field(&data, "bytes").dyn_into::<Uint8Array>().map(|a| a.to_vec()).unwrap_or_default();
        let (answer, file) = job::serve(&text, &bytes).unwrap_or_default();
        let file = Uint8Array::from(file.as_slice());
        let reply = object(&[("id", id), ("answer", JsValue::from(answer)), ("bytes", file.clone().into())]);
        // The file moves to the page rather than being copied.
        let _ = replies.post_message_with_transfer(&reply, &Array::of1(&file.buffer()));
    });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    let _ = scope.post_message(&object(&[("ready", JsValue::TRUE)]));
}

/// The running worker and the jobs it owes an answer.
struct Connection {
    worker: Worker,
    ready: Cell<bool>,
    /// Jobs posted before the worker was ready, with their bytes.
    waiting: RefCell<Vec<(Object, Uint8Array)>>,
    pending: RefCell<HashMap<u32, (Function, Function)>>,
    next: Cell<u32>,
}

thread_local! {
    static CONNECTION: RefCell<Option<Rc<Connection>>> = const { RefCell::new(None) };
}

impl Connection {
    fn send(&self, message: Object, bytes: Uint8Array) {
        if self.ready.get() {
            let _ = self.worker.post_message_with_transfer(&message, &Array::of1(&bytes.buffer()));
        } else {
            self.waiting.borrow_mut().push((message, bytes));
        }
    }

    fn answer(&self, data: &JsValue) {
        if field(data, "ready").is_truthy() {
            self.ready.set(true);
            for (message, bytes) in self.waiting.take() {
                self.send(message, bytes);
            }
            return;
        }
        let id = field(data, "id").as_f64().map(|n| n as u32);
        if let Some((resolve, _)) = id.and_then(|id| self.pending.borrow_mut().remove(&id)) {
            let _ = resolve.call1(&JsValue::NULL, data);
        }
    }

    /// Fails every job it owes and leaves it for a new worker next time.
    fn fail(&self, reason: &str) {
        self.worker.terminate();
        CONNECTION.with(|c| c.borrow_mut().take());
        self.waiting.borrow_mut().clear();
        for (_, (_, reject)) in self.pending.borrow_mut().drain() {
            let _ = reject.call1(&JsValue::NULL, &JsValue::from(reason));
        }
    }
}

/// The worker, started if it is not running.
fn connection() -> Result<Rc<Connection>, WorkerFailure> {
    if let Some(c) = CONNECTION.with(|c| c.borrow().clone()) {
        return Ok(c);
    }
    let url = worker_url().ok_or_else(|| WorkerFailure::Unavailable("this page does not name its workbook worker".into()))?;
    let worker = Worker::new(&url).map_err(|e| WorkerFailure::Unavailable(text_of(&e)))?;
    let connection = Rc::new(Connection { worker, ready: Cell::new(false), waiting: RefCell::default(), pending: RefCell::default(), next: Cell::new(1) });
    let weak = Rc::downgrade(&connection);
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
        if let Some(c) = weak.upgrade() {
            // The loader says so when the worker's Wasm would not start.
            match field(&event.data(), "failed").as_string() {
                Some(reason) => c.fail(&reason),
                None => c.answer(&event.data()),
            }
        }
    });
    let weak = Rc::downgrade(&connection);
    // An error in the worker's script is an `ErrorEvent` with a message; a
    // script that could not be fetched, a plain `Event`.
    let on_error = Closure::<dyn FnMut(Event)>::new(move |event: Event| {
        event.prevent_default();
        if let Some(c) = weak.upgrade() {
            let message = field(&event, "message").as_string().filter(|m| !m.is_empty());
            c.fail(message.as_deref().unwrap_or("its files could not be loaded"));
        }
    });
    connection.worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    connection.worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    // The handlers live as long as the page: one worker at a time, rarely more.
    on_message.forget();
    on_error.forget();
    CONNECTION.with(|c| *c.borrow_mut() = Some(connection.clone()));
    Ok(connection)
}

/// Where the worker's script is: the single-file build hands it over in
/// `abmWorkbookWorker` (a blob: URL of the script with the Wasm inside), a
/// served build names its hashed loader in a `<meta name="abm-workbook-worker">`
/// (`.ci/post-build.mjs`).
fn worker_url() -> Option<String> {
    if let Some(url) = field(&js_sys::global(), "abmWorkbookWorker").as_string() {
        return Some(url);
    }
    let document = web_sys::window()?.document()?;
    document.query_selector("meta[name=abm-workbook-worker]").ok()??.get_attribute("content")
}

fn field(value: &JsValue, name: &str) -> JsValue {
    Reflect::get(value, &JsValue::from_str(name)).unwrap_or(JsValue::UNDEFINED)
}

fn object(fields: &[(&str, JsValue)]) -> Object {
    let o = Object::new();
    for (name, value) in fields {
        let _ = Reflect::set(&o, &JsValue::from_str(name), value);
    }
    o
}

fn text_of(value: &JsValue) -> String {
    value.as_string().or_else(|| value.dyn_ref::<js_sys::Error>().map(|e| String::from(e.message()))).unwrap_or_else(|| "unknown".into())
}
