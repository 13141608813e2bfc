//! Scenarios saved in this browser: the stored list, the panel that lists them, and two
//! to four of them compared. Imports run one way: `panel` -> `comparison`, `storage`.

mod comparison;
mod panel;
mod storage;

pub use panel::SavedPanel;
