//! Money in the display currency: the model computes in US dollars, people read
//! `usd x rate` in their `currency`.

use super::number::{MISSING, compact_abs, grouped, small};
use crate::scenario::Org;

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
