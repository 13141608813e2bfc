//! Files dropped anywhere on the page: an overlay says where they go while they are
//! dragged, and a drop reads them instead of letting the browser open them.

use leptos::ev;
use leptos::prelude::*;

use super::Importer;
use super::read::{files_of, read_files};

/// Whether a drag carries files (not text or a link dragged within the page).
fn carries_files(e: &web_sys::DragEvent) -> bool {
    e.data_transfer().is_some_and(|d| {
        d.types()
            .iter()
            .any(|t| t.as_string().as_deref() == Some("Files"))
    })
}

/// Listens on the window for files dragged over and dropped on the page, and shows the
/// overlay meanwhile; `landed` runs after a drop (to bring the panel into view).
#[component]
pub fn DropOverlay(
    /// The panel's state.
    importer: Importer,
    /// Called once dropped files are being read.
    landed: Callback<()>,
) -> impl IntoView {
    let dragging = importer.dragging;
    // Cancelling dragover is what lets the page take the drop.
    let over = window_event_listener(ev::dragover, move |e| {
        if carries_files(&e) {
            e.prevent_default();
            if !dragging.get_untracked() {
                dragging.set(true);
            }
        }
    });
    // A dragleave without a next element under the pointer left the window.
    let leave = window_event_listener(ev::dragleave, move |e| {
        if e.related_target().is_none() {
            dragging.set(false);
        }
    });
    let drop = window_event_listener(ev::drop, move |e| {
        dragging.set(false);
        if !carries_files(&e) {
            return;
        }
        e.prevent_default();
        let files = files_of(e.data_transfer().and_then(|d| d.files()));
        read_files(importer, files);
        landed.run(());
    });
    on_cleanup(move || {
        over.remove();
        leave.remove();
        drop.remove();
    });
    // In the body, above everything else on the page, whatever stacks the panel's column.
    view! {
        <leptos::portal::Portal>
        <div class="import-drop" class:import-drop--on=move || dragging.get() aria-hidden="true">
            <p class="import-drop__text">"Drop usage exports to read them here"<br/>
                <span class="import-drop__note">"JSON or CSV, read in this browser; nothing is uploaded"</span></p>
        </div>
        </leptos::portal::Portal>
    }
}
