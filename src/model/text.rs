//! Digit grouping, and the counts in the labels the model writes itself (cost lines,
//! capacity notes): "745,695 requests", "3 replicas". These labels never carry an amount
//! of money: only the formatter (`crate::format`) writes money, in the display currency.

/// Thousands separators in a run of digits: "1234567" reads "1,234,567". The one place
/// digits are grouped; the formatter builds every number it writes on it.
pub fn thousands(digits: &str) -> String {
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// Whole numbers with thousands separators.
pub fn count(x: f64) -> String {
    if !x.is_finite() {
        return "0".into();
    }
    let rounded = x.round().abs();
    if rounded >= 1.0e15 {
        return format!("{x:.3e}");
    }
    let digits = thousands(&format!("{}", rounded as u64));
    if x.round() < 0.0 {
        format!("-{digits}")
    } else {
        digits
    }
}

/// "1 replica", "3 replicas", "1,200 replicas".
pub fn replicas(n: f64) -> String {
    if n == 1.0 {
        "1 replica".into()
    } else {
        format!("{} replicas", count(n))
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn formats() {
        assert_eq!(super::count(745_695.2), "745,695");
        assert_eq!(super::count(999.0), "999");
        assert_eq!(super::replicas(1.0), "1 replica");
        assert_eq!(super::replicas(1_200.0), "1,200 replicas");
    }
}
