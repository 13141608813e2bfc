//! Values from the model paired with their sentences in one display currency, for the
//! code that wants both (the page's lists, tests); each reads through to its value.

use super::money::Money;
use super::words;
use crate::model::{FlipPoint, FlipPoints, HybridOption, Reason};

/// A value from the model with its sentence; it reads through to the value.
#[derive(Debug, Clone, PartialEq)]
pub struct Said<'a, T> {
    pub of: &'a T,
    pub text: String,
}

impl<T> std::ops::Deref for Said<'_, T> {
    type Target = T;
    fn deref(&self) -> &T {
        self.of
    }
}

/// A hybrid option with its explanation; it reads through to the option.
#[derive(Debug, Clone, PartialEq)]
pub struct Explained<'a> {
    pub of: &'a HybridOption,
    pub explanation: String,
}

impl std::ops::Deref for Explained<'_> {
    type Target = HybridOption;
    fn deref(&self) -> &HybridOption {
        self.of
    }
}

/// The three flip points with their sentences.
#[derive(Debug, Clone, PartialEq)]
pub struct FlipSaid<'a> {
    pub volume: Said<'a, FlipPoint>,
    pub api_price: Said<'a, FlipPoint>,
    pub gpu_price: Said<'a, FlipPoint>,
}

impl Money {
    pub fn reason<'a>(&self, r: &'a Reason) -> Said<'a, Reason> {
        Said {
            of: r,
            text: words::reason(r, self),
        }
    }

    pub fn reasons<'a>(&self, reasons: &'a [Reason]) -> Vec<Said<'a, Reason>> {
        reasons.iter().map(|r| self.reason(r)).collect()
    }

    pub fn explained<'a>(&self, o: &'a HybridOption) -> Explained<'a> {
        Explained {
            of: o,
            explanation: words::split(&o.split, self),
        }
    }

    pub fn flip<'a>(&self, p: &'a FlipPoint) -> Said<'a, FlipPoint> {
        Said {
            of: p,
            text: words::flip(&p.fact, self),
        }
    }

    pub fn flips<'a>(&self, f: &'a FlipPoints) -> FlipSaid<'a> {
        FlipSaid {
            volume: self.flip(&f.volume),
            api_price: self.flip(&f.api_price),
            gpu_price: self.flip(&f.gpu_price),
        }
    }
}
