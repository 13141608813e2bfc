//! llm-tco: should this workload pay a per-token API, self-host an open-weight model,
//! or split between them, and at what volume does the answer flip?
//!
//! Data flows one way: `catalog` + `scenario` -> `model::evaluate` -> `Report` ->
//! `charts` and `ui`. Everything but `ui` is plain Rust, tested natively.

pub mod catalog;
pub mod charts;
pub mod embed;
pub mod format;
pub mod import;
pub mod link;
pub mod model;
pub mod saved;
pub mod scenario;

#[cfg(target_arch = "wasm32")]
pub mod ui;
