//! The one place where numbers are made safe: every dollar, count and rate leaving the
//! model passes through [`guard`], every input number through [`input`].

/// Largest value the report shows; far above any real bill, and still finite in JSON.
pub const GUARD_MAX: f64 = 1.0e18;

/// A finite, non-negative number: NaN becomes 0, negatives 0, infinities the ceiling.
/// Applied to every dollar figure of the report so that no NaN or inf reaches the page.
#[inline]
pub fn guard(x: f64) -> f64 {
    if x.is_nan() {
        0.0
    } else {
        x.clamp(0.0, GUARD_MAX)
    }
}

/// An input number forced into `[min, max]`, with `fallback` for NaN. `evaluate` runs
/// on scenarios that never passed validation too, and must not turn them into NaN.
#[inline]
pub fn input(x: f64, min: f64, max: f64, fallback: f64) -> f64 {
    if x.is_nan() {
        fallback
    } else {
        x.clamp(min, max)
    }
}
