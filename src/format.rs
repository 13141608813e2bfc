//! Numbers for people: money in the display currency, volumes, percentages.
//!
//! Every function takes any `f64` without panicking; NaN and infinities read "–".

use crate::scenario::Org;

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

/// Amounts in the display currency: the model computes in US dollars, the page shows
/// `usd x rate` in `currency`.
#[derive(Debug, Clone, PartialEq)]
pub struct Money {
    /// ISO 4217 code, e.g. "EUR".
    pub currency: String,
    /// Units of `currency` per US dollar.
    pub rate: f64,
}

impl Money {
    /// US dollars as they are.
    pub fn usd() -> Self {
        Self {
            currency: "USD".into(),
            rate: 1.0,
        }
    }

    /// The organisation's display currency. A rate that is not a positive finite number
    /// cannot convert anything, so amounts then stay in US dollars.
    pub fn from_org(org: &Org) -> Self {
        if org.usd_exchange_rate.is_finite() && org.usd_exchange_rate > 0.0 {
            Self {
                currency: org.currency.trim().to_ascii_uppercase(),
                rate: org.usd_exchange_rate,
            }
        } else {
            Self::usd()
        }
    }

    /// US dollars in the display currency.
    pub fn amount(&self, usd: f64) -> f64 {
        usd * self.rate
    }

    /// "$", "€", "£", "¥", or the code and a space ("CHF ").
    pub fn symbol(&self) -> String {
        match self.currency.as_str() {
            "USD" => "$".into(),
            "EUR" => "€".into(),
            "GBP" => "£".into(),
            "JPY" => "¥".into(),
            "" => String::new(),
            code => format!("{code} "),
        }
    }

    /// "$12,345" from 100, "$3.50" from 1, "$0.0042" below (four significant digits),
    /// "-$1,200" for negatives.
    pub fn format(&self, usd: f64) -> String {
        let x = self.amount(usd);
        if !x.is_finite() {
            return MISSING.into();
        }
        let a = x.abs();
        let digits = if a == 0.0 {
            "0".to_string()
        } else if a >= 100.0 {
            grouped(a, 0)
        } else if a >= 1.0 {
            grouped(a, 2)
        } else {
            small(a, 2)
        };
        self.signed(x, &digits)
    }

    /// "$1.2M", "$450k", "$12.3k", "$950".
    pub fn compact(&self, usd: f64) -> String {
        let x = self.amount(usd);
        if !x.is_finite() {
            return MISSING.into();
        }
        self.signed(x, &compact_abs(x.abs()))
    }

    fn signed(&self, x: f64, digits: &str) -> String {
        let sign = if x < 0.0 && digits.bytes().any(|b| (b'1'..=b'9').contains(&b)) {
            "-"
        } else {
            ""
        };
        format!("{sign}{}{digits}", self.symbol())
    }
}

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
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    if !frac.is_empty() {
        out.push('.');
        out.push_str(frac);
    }
    out
}

/// A positive number below 1 with four significant digits, keeping `min_decimals`.
fn small(a: f64, min_decimals: usize) -> String {
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
fn compact_abs(a: f64) -> String {
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

#[cfg(test)]
mod tests {
    use super::*;

    fn money(code: &str, rate: f64) -> Money {
        Money {
            currency: code.into(),
            rate,
        }
    }

    #[test]
    fn money_precision() {
        let usd = Money::usd();
        assert_eq!(usd.format(12_345.4), "$12,345");
        assert_eq!(usd.format(100.0), "$100");
        assert_eq!(usd.format(3.5), "$3.50");
        assert_eq!(usd.format(0.0042), "$0.0042");
        assert_eq!(usd.format(0.5), "$0.50");
        assert_eq!(usd.format(0.123456), "$0.1235");
        assert_eq!(usd.format(0.0), "$0");
        assert_eq!(usd.format(-1_200.0), "-$1,200");
        assert_eq!(usd.format(-0.0), "$0");
        assert_eq!(usd.format(1.0e-15), "$0.00");
    }

    #[test]
    fn money_currencies_and_rates() {
        assert_eq!(money("EUR", 0.5).format(2_000.0), "€1,000");
        assert_eq!(money("GBP", 1.0).format(3.5), "£3.50");
        assert_eq!(money("JPY", 150.0).format(10.0), "¥1,500");
        assert_eq!(money("CHF", 1.0).format(-1_200.0), "-CHF 1,200");
        assert_eq!(money("EUR", 2.0).amount(21.0), 42.0);
    }

    #[test]
    fn money_from_org() {
        let mut org = crate::scenario::Scenario::default().org;
        org.currency = "eur".into();
        org.usd_exchange_rate = 0.9;
        assert_eq!(Money::from_org(&org), money("EUR", 0.9));
        org.usd_exchange_rate = f64::NAN;
        assert_eq!(Money::from_org(&org), Money::usd());
        org.usd_exchange_rate = 0.0;
        assert_eq!(Money::from_org(&org), Money::usd());
    }

    #[test]
    fn money_compact() {
        let usd = Money::usd();
        assert_eq!(usd.compact(1_200_000.0), "$1.2M");
        assert_eq!(usd.compact(450_000.0), "$450k");
        assert_eq!(usd.compact(12_340.0), "$12.3k");
        assert_eq!(usd.compact(950.0), "$950");
        assert_eq!(usd.compact(-2_500.0), "-$2.5k");
        assert_eq!(usd.compact(0.0), "$0");
    }

    #[test]
    fn volumes() {
        assert_eq!(volume(1_200_000.0), "1.2M");
        assert_eq!(volume(1_000_000.0), "1M");
        assert_eq!(volume(450_000.0), "450k");
        assert_eq!(volume(12_500.0), "12.5k");
        assert_eq!(volume(950.0), "950");
        assert_eq!(volume(2_500_000_000.0), "2.5B");
        assert_eq!(volume(999_960.0), "1M");
        assert_eq!(volume(999.7), "1k");
        assert_eq!(volume(12.5), "12.5");
        assert_eq!(volume(0.0), "0");
        assert_eq!(volume(0.25), "0.25");
        assert_eq!(volume(-12_500.0), "-12.5k");
        assert_eq!(volume(3.0e15), "3000T");
        assert_eq!(tokens(850_000.0), "850k");
    }

    #[test]
    fn percentages() {
        assert_eq!(pct(72.0), "72%");
        assert_eq!(pct(72.4), "72%");
        assert_eq!(pct(7.5), "7.5%");
        assert_eq!(pct(7.0), "7%");
        assert_eq!(pct(0.0), "0%");
        assert_eq!(pct(-0.01), "0%");
        assert_eq!(pct(-12.0), "-12%");
    }

    #[test]
    fn grouping() {
        assert_eq!(grouped(1_234_567.891, 2), "1,234,567.89");
        assert_eq!(grouped(999.0, 0), "999");
        assert_eq!(grouped(1_000.0, 0), "1,000");
        assert_eq!(grouped(-1_234.5, 1), "-1,234.5");
        assert_eq!(grouped(-0.001, 2), "0.00");
        assert_eq!(grouped(0.0, 0), "0");
    }

    #[test]
    fn never_panics_on_odd_numbers() {
        let usd = Money::usd();
        for x in [f64::NAN, f64::INFINITY, f64::NEG_INFINITY] {
            assert_eq!(usd.format(x), MISSING);
            assert_eq!(usd.compact(x), MISSING);
            assert_eq!(volume(x), MISSING);
            assert_eq!(pct(x), MISSING);
            assert_eq!(grouped(x, 2), MISSING);
        }
        for x in [
            f64::MAX,
            f64::MIN,
            f64::MIN_POSITIVE,
            -f64::MIN_POSITIVE,
            5e-324,
        ] {
            let _ = (
                usd.format(x),
                usd.compact(x),
                volume(x),
                pct(x),
                grouped(x, 30),
            );
        }
        assert_eq!(money("EUR", f64::MAX).format(10.0), MISSING);
    }
}
