//! The reader's own worker (`src/bin/import_worker.rs`, loaded by `public/import-worker.js`):
//! started at the first file, so a visitor who imports nothing never fetches it, and kept
//! for the next files. The files' bytes go to it transferred, not copied; its JSON answer
//! reads back into the workload or the refusal.

use std::cell::RefCell;

use js_sys::{Array, ArrayBuffer, Function, Promise};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use crate::import::{Derived, ImportError, read_answer};

/// Where the worker's script is, beside the page.
const SCRIPT: &str = "./import-worker.js";

/// The started worker, and the promise its "ready" resolves.
#[derive(Clone)]
struct Reader {
    worker: web_sys::Worker,
    ready: Promise,
}

thread_local! {
    static READER: RefCell<Option<Reader>> = const { RefCell::new(None) };
}

/// A promise settled by the worker's next message (resolved) or error (rejected).
fn next_answer(worker: &web_sys::Worker) -> Promise {
    Promise::new(&mut |resolve: Function, reject: Function| {
        worker.set_onmessage(Some(&resolve));
        worker.set_onerror(Some(&reject));
    })
}

fn reader() -> Result<Reader, JsValue> {
    if let Some(r) = READER.with_borrow(Clone::clone) {
        return Ok(r);
    }
    let worker = web_sys::Worker::new(SCRIPT)?;
    let ready = next_answer(&worker);
    let r = Reader { worker, ready };
    READER.set(Some(r.clone()));
    Ok(r)
}

/// A worker that failed is let go, so the next files start a new one.
fn stopped(error: &JsValue) -> String {
    if let Some(r) = READER.take() {
        r.worker.terminate();
    }
    let why = js_sys::Reflect::get(error, &"message".into())
        .ok()
        .and_then(|m| m.as_string())
        .filter(|m| !m.is_empty())
        .unwrap_or_else(|| "it could not be loaded".into());
    format!("the file reader stopped ({why}); check the connection, reload the page and try again")
}

/// Why the files gave no workload.
pub enum Failed {
    /// The reader refused the files.
    Refused(ImportError),
    /// The worker could not read them: the message says so.
    Stopped(String),
}

/// Reads the files' bytes together in the worker.
pub async fn read(files: Vec<ArrayBuffer>) -> Result<Derived, Failed> {
    let failed = |e: JsValue| Failed::Stopped(stopped(&e));
    let r = reader().map_err(failed)?;
    JsFuture::from(r.ready.clone()).await.map_err(failed)?;
    let answer = next_answer(&r.worker);
    let list: Array = files.into_iter().collect();
    r.worker
        .post_message_with_transfer(&list, &list)
        .map_err(failed)?;
    let event = JsFuture::from(answer).await.map_err(failed)?;
    let json = event
        .dyn_into::<web_sys::MessageEvent>()
        .ok()
        .and_then(|e| e.data().as_string())
        .unwrap_or_default();
    read_answer(&json).map_err(Failed::Refused)
}
