//! Numbers for people: counts, volumes, percentages, and the digits money is written
//! with. Every function takes any `f64` without panicking; NaN and infinities read "–".

pub use crate::model::text::{count, replicas, thousands};

/// What a number that is not a number reads as.
pub const MISSING: &str = "–";

/// Thousand, million, billion, trillion.
const UNITS: [(f64, &str); 5] = [
    (1.0, ""),
    (1.0e3, "k"),
    (1.0e6, "M"),
    (1.0e9, "B"),
    (1.0e12, "T"),
];

/// Requests and other counts: "950", "12.5k", "450k", "1M", "2.5B".
pub fn volume(x: f64) -> String {
    if !x.is_finite() {
        return MISSING.into();
    }
    let digits = compact_abs(x.abs());
    if x < 0.0 && digits != "0" {
        format!("-{digits}")
    } else {
        digits
    }
}

/// Tokens, in the same style as [`volume`]: "1.2M", "850k".
pub fn tokens(x: f64) -> String {
    volume(x)
}

/// A percentage given in percent: "72%" from 10, "7.5%" below.
pub fn pct(x: f64) -> String {
    if !x.is_finite() {
        return MISSING.into();
    }
    let digits = if x.abs() >= 10.0 {
        format!("{x:.0}")
    } else {
        trim_zeros(&format!("{x:.1}"), 0)
    };
    if digits == "-0" {
        "0%".into()
    } else {
        format!("{digits}%")
    }
}

/// A percentage in sentences, one decimal unless it is whole: "40%", "61.5%".
pub fn share(x: f64) -> String {
    if !x.is_finite() {
        MISSING.into()
    } else if (x - x.round()).abs() < 0.05 {
        format!("{x:.0}%")
    } else {
        format!("{x:.1}%")
    }
}

/// Thousands separators and a fixed number of decimals: "1,234,567.89".
pub fn grouped(x: f64, decimals: usize) -> String {
    if !x.is_finite() {
        return MISSING.into();
    }
    let decimals = decimals.min(20);
    let text = format!("{:.*}", decimals, x.abs());
    let (int, frac) = text.split_once('.').unwrap_or((&text, ""));
    let mut out = String::with_capacity(text.len() + int.len() / 3 + 1);
    if x < 0.0 && text.bytes().any(|b| (b'1'..=b'9').contains(&b)) {
        out.push('-');
    }
    out.push_str(&thousands(int));
    if !frac.is_empty() {
        out.push('.');
        out.push_str(frac);
    }
    out
}

/// A positive number below 1 with four significant digits, keeping `min_decimals`.
pub(super) fn small(a: f64, min_decimals: usize) -> String {
    // Decimals up to the first significant digit, plus three more; capped so that a
    // vanishing amount reads 0.00 instead of a screenful of zeros.
    let leading = (-a.log10()).ceil().clamp(1.0, 10.0) as usize;
    trim_zeros(&format!("{:.*}", leading + 3, a), min_decimals)
}

/// Drops trailing zeros after the decimal point, keeping at least `min_decimals`.
fn trim_zeros(text: &str, min_decimals: usize) -> String {
    let Some((int, frac)) = text.split_once('.') else {
        return text.to_string();
    };
    let trimmed = frac.trim_end_matches('0');
    let frac = if trimmed.len() < min_decimals {
        frac.get(..min_decimals).unwrap_or(frac)
    } else {
        trimmed
    };
    if frac.is_empty() {
        int.to_string()
    } else {
        format!("{int}.{frac}")
    }
}

/// A non-negative finite number with a unit suffix and at most three significant digits.
pub(super) fn compact_abs(a: f64) -> String {
    if a == 0.0 {
        return "0".into();
    }
    if a < 1.0 {
        return small(a, 0);
    }
    let mut i = UNITS
        .iter()
        .rposition(|(scale, _)| a >= *scale)
        .unwrap_or(0);
    loop {
        let (scale, suffix) = UNITS[i];
        let v = a / scale;
        let decimals = if v >= 100.0 { 0 } else { 1 };
        let text = format!("{:.*}", decimals, v);
        // 999,960 rounds to "1000k": say "1M" instead.
        if text.parse::<f64>().is_ok_and(|r| r >= 1000.0) && i + 1 < UNITS.len() {
            i += 1;
            continue;
        }
        return format!("{}{suffix}", trim_zeros(&text, 0));
    }
}
