//! The cost, capacity and decision model: pure Rust, no web.
