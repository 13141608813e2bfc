//! The "Import usage" panel: a provider's usage export, dropped anywhere on the page or
//! chosen here, read in the browser by `crate::import` (nothing is uploaded), shown, and
//! laid over the scenario in one confirmed step that can be undone.
//!
//! Imports run one way: `panel` -> `drop`/`pick`/`summary`/`apply` -> `read` -> `worker`
//! -> this module's state.

mod apply;
mod drop;
mod panel;
mod pick;
mod read;
mod summary;
mod worker;

use leptos::prelude::*;

use crate::import::Derived;
use crate::scenario::Scenario;

pub use panel::ImportPanel;

/// What the panel is doing.
#[derive(Debug, Clone, PartialEq)]
enum Status {
    Idle,
    /// Files are being read; their names.
    Reading(String),
    /// The last files were refused: the message names the file, the problem and the row.
    Refused(String),
}

/// The last files read well: kept on screen when later files are refused.
#[derive(Debug, Clone, PartialEq)]
struct Imported {
    derived: Derived,
    /// The files' names, as the visitor's system gave them.
    names: Vec<String>,
}

/// The scenario as it was before the import was applied, for "Undo".
#[derive(Debug, Clone, PartialEq)]
struct Applied {
    previous: Scenario,
    /// How many fields the import set.
    set: usize,
    /// Values a field refused, with why (none for the values `crate::import` rounds and
    /// clamps into range, but a field's rule is the scenario's to decide).
    refused: Vec<String>,
}

/// The panel's state, shared by its parts.
#[derive(Clone, Copy)]
struct Importer {
    status: RwSignal<Status>,
    result: RwSignal<Option<Imported>>,
    applied: RwSignal<Option<Applied>>,
    /// True while files are dragged over the page.
    dragging: RwSignal<bool>,
    /// Whether the panel is unfolded.
    open: RwSignal<bool>,
}

impl Importer {
    fn new() -> Self {
        Self {
            status: RwSignal::new(Status::Idle),
            result: RwSignal::new(None),
            applied: RwSignal::new(None),
            dragging: RwSignal::new(false),
            open: RwSignal::new(false),
        }
    }

    fn refuse(self, message: String) {
        self.open.set(true);
        self.status.set(Status::Refused(message));
    }

    /// New files replace the last ones; an import applied before stays in the scenario,
    /// and the new one is offered to apply over it (its Undo returns to that scenario).
    fn read_well(self, derived: Derived, names: Vec<String>) {
        self.status.set(Status::Idle);
        self.applied.set(None);
        self.result.set(Some(Imported { derived, names }));
    }
}
