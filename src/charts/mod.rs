//! Report -> charming::Chart, pure functions tested on the option JSON.
