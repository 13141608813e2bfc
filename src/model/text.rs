//! Numbers in sentences: "$11,439", "745,695 requests", "1.2M".

/// Whole numbers with thousands separators.
pub fn count(x: f64) -> String {
    if !x.is_finite() {
        return "0".into();
    }
    let rounded = x.round().abs();
    if rounded >= 1.0e15 {
        return format!("{x:.3e}");
    }
    let digits = format!("{}", rounded as u64);
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 + 1);
    if x.round() < 0.0 {
        out.push('-');
    }
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// Dollars: whole dollars from $100, cents below, four decimals under a dollar.
pub fn usd(x: f64) -> String {
    let sign = if x < 0.0 { "-" } else { "" };
    let a = x.abs();
    if !a.is_finite() {
        "$0".into()
    } else if a >= 100.0 {
        format!("{sign}${}", count(a))
    } else if a >= 1.0 {
        format!("{sign}${a:.2}")
    } else {
        format!("{sign}${a:.4}")
    }
}

/// A percentage without needless decimals.
pub fn pct(x: f64) -> String {
    if (x - x.round()).abs() < 0.05 {
        format!("{:.0}%", x)
    } else {
        format!("{x:.1}%")
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
        assert_eq!(super::usd(11_438.9), "$11,439");
        assert_eq!(super::usd(-2_000.0), "-$2,000");
        assert_eq!(super::usd(0.0105), "$0.0105");
        assert_eq!(super::pct(40.0), "40%");
        assert_eq!(super::pct(12.34), "12.3%");
    }
}
