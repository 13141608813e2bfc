//! Scenario links: the URL query string <-> Scenario.
//!
//! A link reads `v=1&p=coding-assistant&req=250000&api=gpt-4o-mini`: the link version,
//! the preset the scenario started from, then `alias=value` for every field whose value
//! differs from that preset's frozen version 1 values ([`PRESETS_V1`] laid over
//! [`REFERENCE_V1`]). Fields a link leaves out are read from those frozen values, never
//! from the live catalog or `Scenario::default()`, so correcting a preset or a default
//! later cannot change what an old link shows. `docs/LINKS.md` lists the keys.
//!
//! - `codec`: [`encode`] and [`decode`], the version step and the limits.
//! - `frozen`: the frozen version 1 values.
//! - `escape`: percent-encoding and finding the query in a pasted URL.
//! - `notice`: the notices a link's problems become, shared with the page keys.

mod codec;
mod escape;
mod frozen;
pub mod notice;

pub use codec::{Decoded, EXTRA_KEYS, MAX_KEYS, MAX_QUERY_BYTES, decode, encode};
pub use frozen::{PRESETS_V1, REFERENCE_V1, WIDENED_V1, Widened, frozen_preset};
pub use notice::LINK_NOTICE_FIELD;
