//! Numbers and sentences for people: the one place the crate writes money, counts,
//! percentages and the model's facts as words. Money is always in the display currency
//! ([`Money`], from `org.currency` and `org.usd_exchange_rate`); inputs keep the unit
//! they are typed in. The page, the command line, the exports and the print report all
//! write through here, so one scenario reads the same everywhere.

pub mod json;
mod money;
mod number;
mod said;
pub mod words;

pub use money::Money;
pub use number::*;
pub use said::{Explained, FlipSaid, Said};

#[cfg(test)]
mod tests {
    use super::*;
    use number::{grouped, tokens};

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
