//! The usage-export reader as a wasm module of its own, run in a dedicated Web Worker that
//! the page starts when a file is first dropped or chosen (`src/ui/import/worker.rs`): the
//! page's own module does not carry the reader, and reading a large file never holds the
//! page's thread. `public/import-worker.js` loads it.
//!
//! Each message is an array of the files' bytes (ArrayBuffers, read together); the answer is
//! `llm_tco::import::answer`'s JSON. "ready" is posted once the worker listens, since a
//! message that arrived before would be lost.

#[cfg(target_arch = "wasm32")]
fn main() {
    use wasm_bindgen::JsCast;
    use wasm_bindgen::closure::Closure;

    let scope: web_sys::DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let reply = scope.clone();
    let on_message =
        Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |e: web_sys::MessageEvent| {
            let files: Vec<Vec<u8>> = js_sys::Array::from(&e.data())
                .iter()
                .map(|buffer| js_sys::Uint8Array::new(&buffer).to_vec())
                .collect();
            let slices: Vec<&[u8]> = files.iter().map(Vec::as_slice).collect();
            let answer = llm_tco::import::answer(&slices);
            let _ = reply.post_message(&answer.into());
        });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // The handler lives as long as the worker.
    on_message.forget();
    let _ = scope.post_message(&"ready".into());
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!(
        "import_worker runs in the browser, started by the page; the command line is `tco import`."
    );
    std::process::exit(2);
}
