//! The scenario: every input of the calculator, in the canonical JSON form of the design.
//!
//! It is the one contract between the share link, the page, the command line and the
//! model. Every field has a default, so `{}` is a valid scenario; a partial scenario is
//! laid over the preset it names (or the default preset) by [`Scenario::from_json`].
//!
//! - `whole`: the scenario itself, reading and setting fields by path.
//! - `workload`, `hosting`, `org`: its sections with their defaults.
//! - `fields`: the one table of inputs every check, form and link reads.
//! - `load`: reading a partial scenario; `presets`: the catalog's presets as scenarios.
//! - `json`: helpers over the canonical JSON; `error`: what a refused input reports.

mod error;
pub mod fields;
mod hosting;
mod json;
mod load;
mod org;
pub mod presets;
mod whole;
mod workload;

pub use crate::catalog::{Pricing, Quantization};
pub use error::FieldError;
pub use fields::{FIELDS, FieldKind, FieldSpec, field};
pub use hosting::{Billing, Cloud, KvCache, Owned, SelfHost};
pub use json::{json_pointer, merge};
pub use org::{Criteria, DataSensitivity, Hybrid, HybridStrategy, Org, TrafficPattern};
pub use presets::preset_scenario;
pub use whole::{CURRENT_VERSION, Scenario};
pub use workload::{Api, HOURS_PER_MONTH, Workload};
