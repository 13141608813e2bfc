// The usage-export reader's worker (src/bin/import_worker.rs), started by the page when a
// file is first dropped or chosen. A module that cannot be fetched or started is thrown
// outside the promise, so the page gets the worker's error event and says so.
importScripts('./import_worker.js');
wasm_bindgen({ module_or_path: './import_worker_bg.wasm' }).catch((error) => {
  setTimeout(() => {
    throw error;
  });
});
