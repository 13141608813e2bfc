//! Reading dropped or chosen files: sizes checked before a byte is read, the bytes read by
//! the browser off the main thread and parsed in the reader's own worker, so the page
//! keeps answering (and shows "Reading…") however large the file.

use leptos::prelude::{Set, WithUntracked};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use super::Importer;
use super::worker::{self, Failed};
use crate::import::MAX_FILE_BYTES;

/// The files of a drop or a file input, in their order.
pub fn files_of(list: Option<web_sys::FileList>) -> Vec<web_sys::File> {
    let Some(list) = list else {
        return Vec::new();
    };
    (0..list.length()).filter_map(|i| list.get(i)).collect()
}

/// The first file over the size limit, as the message that refuses it.
fn too_large(files: &[web_sys::File]) -> Option<String> {
    files
        .iter()
        .find(|f| f.size() > MAX_FILE_BYTES as f64)
        .map(|f| {
            format!(
                "{}: the file is {:.1} MB; at most {} MB is read (export a shorter period)",
                f.name(),
                f.size() / 1_048_576.0,
                MAX_FILE_BYTES / 1_048_576
            )
        })
}

async fn bytes_of(file: &web_sys::File) -> Result<js_sys::ArrayBuffer, String> {
    let buffer = JsFuture::from(file.array_buffer())
        .await
        .map_err(|_| format!("{}: the browser could not read the file", file.name()))?;
    buffer
        .dyn_into()
        .map_err(|_| format!("{}: the browser gave no bytes", file.name()))
}

/// Reads `files` together (several files of one provider combine) and shows what they
/// say, or why they were refused; the scenario is not touched either way.
pub fn read_files(importer: Importer, files: Vec<web_sys::File>) {
    // One read at a time, as the picker's button is disabled meanwhile: files dropped
    // during a read are left alone rather than racing it.
    let reading = importer
        .status
        .with_untracked(|s| matches!(s, super::Status::Reading(_)));
    if files.is_empty() || reading {
        return;
    }
    importer.open.set(true);
    if let Some(message) = too_large(&files) {
        importer.refuse(message);
        return;
    }
    let names: Vec<String> = files.iter().map(web_sys::File::name).collect();
    importer
        .status
        .set(super::Status::Reading(names.join(", ")));
    leptos::task::spawn_local(async move {
        let mut contents = Vec::with_capacity(files.len());
        for file in &files {
            match bytes_of(file).await {
                Ok(bytes) => contents.push(bytes),
                Err(message) => {
                    importer.refuse(message);
                    return;
                }
            }
        }
        match worker::read(contents).await {
            Ok(derived) => importer.read_well(derived, names),
            Err(Failed::Stopped(message)) => importer.refuse(message),
            Err(Failed::Refused(e)) => {
                // A refusal of one of several files says which; a single file is that one.
                let index = e.file.map_or(0, |i| i.saturating_sub(1));
                importer.refuse(e.describe(names.get(index).map(String::as_str)));
            }
        }
    });
}
