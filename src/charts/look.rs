//! How charts look: light or dark page, the display currency, and each option's colour.

use charming::element::TextStyle;

use crate::format::Money;
use crate::model::OptionId;

/// How charts look: light or dark page, and the display currency.
#[derive(Debug, Clone, PartialEq)]
pub struct Look {
    pub dark: bool,
    pub money: Money,
}

/// The four options in the order every chart lists them.
pub const OPTIONS: [OptionId; 4] = [
    OptionId::Api,
    OptionId::Rented,
    OptionId::Owned,
    OptionId::Hybrid,
];

impl Look {
    pub fn new(dark: bool, money: Money) -> Self {
        Self { dark, money }
    }

    /// The number a chart plots for an amount in US dollars: in the display currency,
    /// rounded to cents (to four decimals below one unit, where cents would hide it) so
    /// that tooltips read cleanly; 0 when it is not finite.
    pub fn value(&self, usd: f64) -> f64 {
        let x = self.money.amount(usd);
        let scale = if x.abs() >= 1.0 { 100.0 } else { 10_000.0 };
        let rounded = (x * scale).round() / scale;
        if rounded.is_finite() { rounded } else { 0.0 }
    }

    /// An option's colour: the same in every chart, a shade lighter on a dark page.
    pub fn colour(&self, id: OptionId) -> &'static str {
        match (id, self.dark) {
            (OptionId::Api, false) => "#2563eb",
            (OptionId::Api, true) => "#3b82f6",
            (OptionId::Rented, false) => "#ea580c",
            (OptionId::Rented, true) => "#f97316",
            (OptionId::Owned, false) => "#16a34a",
            (OptionId::Owned, true) => "#22c55e",
            (OptionId::Hybrid, false) => "#9333ea",
            (OptionId::Hybrid, true) => "#a855f7",
        }
    }

    /// Text and axis labels.
    pub fn text(&self) -> &'static str {
        if self.dark { "#e5e7eb" } else { "#1f2937" }
    }

    /// Grid lines: faint on either background.
    pub(super) fn grid_line(&self) -> &'static str {
        if self.dark { "#374151" } else { "#e5e7eb" }
    }

    pub(super) fn text_style(&self) -> TextStyle {
        TextStyle::new().color(self.text())
    }

    /// "Monthly cost (EUR)".
    pub(super) fn money_name(&self, what: &str) -> String {
        if self.money.currency.is_empty() {
            what.to_string()
        } else {
            format!("{what} ({})", self.money.currency)
        }
    }
}
