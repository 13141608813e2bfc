//! FOCUS 1.x cost-and-usage CSV (1.0 to 1.3 column names) with AI token meters.
//!
//! FOCUS has no request count and no model or token-type column: each token class (input,
//! cached input, cache write, output) of each model is its own SKU row per charge period, named
//! only in `SkuMeter`, `SkuId` or `SkuPriceDetails`, and `ConsumedQuantity` is counted in the
//! block of `ConsumedUnit` ("1M Tokens" means a quantity of 0.25 is 250,000 tokens). Cache rows
//! sit beside input rows, so the whole input is their sum. Only `ChargeCategory = Usage` rows
//! count for tokens and spend (`EffectiveCost`); `BilledCost` of every row is kept apart.

use serde_json::Value;

use super::read::{Record, Table, amount_text, count_text, name_text, plausible};
use super::rows::{ImportError, Parsed, Source, UsageRow};
use super::time::Clock;

#[derive(Clone, Copy, PartialEq, Debug)]
enum Kind {
    Input,
    CacheRead,
    CacheWrite,
    Output,
}

/// The token class a SKU meters, from its meter name or id.
fn kind(sku: &str) -> Option<Kind> {
    let s = sku.to_lowercase();
    let cache = s.contains("cache");
    if cache && (s.contains("write") || s.contains("creation")) {
        Some(Kind::CacheWrite)
    } else if s.contains("cached") || (cache && (s.contains("read") || s.contains("hit"))) {
        Some(Kind::CacheRead)
    } else if s.contains("output") || s.contains("completion") {
        Some(Kind::Output)
    } else if s.contains("input") || s.contains("prompt") {
        Some(Kind::Input)
    } else {
        None
    }
}

/// Tokens per unit of `ConsumedUnit`: "Tokens" 1, "1K Tokens" 1,000, "1000000 Tokens"
/// 1,000,000; `None` when the unit is not a token count.
fn tokens_per_unit(unit: &str) -> Option<f64> {
    let u = unit.trim().to_lowercase();
    let block = u
        .strip_suffix("tokens")
        .or_else(|| u.strip_suffix("token"))?
        .trim();
    if block.is_empty() {
        return Some(1.0);
    }
    let (number, scale) = match block.strip_suffix('k') {
        Some(n) => (n, 1e3),
        None => match block.strip_suffix('m') {
            Some(n) => (n, 1e6),
            None => (block, 1.0),
        },
    };
    let n: f64 = number.trim().parse().ok()?;
    (n.is_finite() && n > 0.0).then_some(n * scale)
}

/// The model a row meters: a `*model*` key of `SkuPriceDetails`, else the meter name before its
/// token words ("gpt-4o-mini Cached Input Tokens"), else the service name.
fn model(r: &Record, cols: &Columns) -> Option<String> {
    let cell = |c: Option<usize>| c.map_or("", |i| r.cell(i));
    if let Ok(Value::Object(details)) = serde_json::from_str::<Value>(cell(cols.details)) {
        let named = details.iter().find_map(|(k, v)| {
            let s = v.as_str()?;
            (k.to_lowercase().contains("model") && !s.trim().is_empty()).then_some(s)
        });
        if let Some(m) = named {
            return Some(m.to_string());
        }
    }
    let meter = format!(" {}", cell(cols.meter));
    let lower = meter.to_lowercase();
    let cut = [
        " input",
        " output",
        " cached",
        " cache",
        " prompt",
        " completion",
    ]
    .iter()
    .filter_map(|w| lower.find(w))
    .min();
    let prefix = cut.and_then(|i| meter.get(..i)).unwrap_or("").trim();
    if !prefix.is_empty() {
        return Some(prefix.to_string());
    }
    Some(cell(cols.service).to_string()).filter(|s| !s.is_empty())
}

struct Columns {
    start: usize,
    end: usize,
    category: usize,
    quantity: usize,
    unit: usize,
    effective: Option<usize>,
    billed: Option<usize>,
    meter: Option<usize>,
    sku: Option<usize>,
    details: Option<usize>,
    service: Option<usize>,
}

/// The token row a usage record stands for, or why it is skipped.
fn token_row(
    r: &Record,
    c: &Columns,
    start: i64,
    end: i64,
) -> Result<Result<UsageRow, String>, ImportError> {
    let at = r.at();
    let unit = r.cell(c.unit);
    let Some(per_unit) = tokens_per_unit(unit) else {
        let shown: String = unit.chars().take(30).collect();
        return Ok(Err(format!("metered in \"{shown}\", not tokens")));
    };
    let cell = |col: Option<usize>| col.map_or("", |i| r.cell(i));
    let Some(kind) = kind(&format!("{} {}", cell(c.meter), cell(c.sku))) else {
        return Ok(Err(
            "a token SKU that is neither input, cache nor output".into()
        ));
    };
    let quantity = count_text(r.cell(c.quantity), "ConsumedQuantity", &at)?;
    let tokens = plausible(quantity * per_unit, "ConsumedQuantity in tokens", &at)?;
    let spend = match cell(c.effective) {
        "" => None,
        v => Some(amount_text(v, "EffectiveCost", &at)?),
    };
    let name = model(r, c).unwrap_or_else(|| "(unnamed)".into());
    let part = |k: Kind| if kind == k { tokens } else { 0.0 };
    Ok(Ok(UsageRow {
        start_s: start,
        width_s: end - start,
        model: name_text(&name, "the SKU's model", &at)?,
        requests: None,
        input_tokens: tokens - part(Kind::Output),
        cache_read_tokens: part(Kind::CacheRead),
        cache_write_tokens: part(Kind::CacheWrite),
        output_tokens: part(Kind::Output),
        reasoning_tokens: None,
        spend_usd: spend,
        batch: None,
    }))
}

pub(super) fn rows(mut t: Table) -> Result<Parsed, ImportError> {
    let c = Columns {
        start: t.require("ChargePeriodStart")?,
        end: t.require("ChargePeriodEnd")?,
        category: t.require("ChargeCategory")?,
        quantity: t.require("ConsumedQuantity")?,
        unit: t.require("ConsumedUnit")?,
        effective: t.column("EffectiveCost"),
        billed: t.column("BilledCost"),
        meter: t.column("SkuMeter"),
        sku: t.column("SkuId"),
        details: t.column("SkuPriceDetails"),
        service: t.column("ServiceName"),
    };
    let mut p = Parsed::new(Source::Focus);
    let mut billed = 0.0;
    let mut clock = Clock::default();
    while let Some(r) = t.next_record() {
        let r = r?;
        let at = r.at();
        if let Some(b) = c.billed.map(|i| r.cell(i)).filter(|b| !b.is_empty()) {
            billed += amount_text(b, "BilledCost", &at)?;
        }
        let category = r.cell(c.category);
        if category != "Usage" {
            let shown: String = category.chars().take(20).collect();
            p.skip(&format!("of ChargeCategory \"{shown}\" (not usage)"), &at);
            continue;
        }
        let start = clock.read(r.cell(c.start), "ChargePeriodStart", &at)?;
        let end = clock.read(r.cell(c.end), "ChargePeriodEnd", &at)?;
        if end <= start {
            return Err(ImportError::at(
                &at,
                "ChargePeriodEnd is not after ChargePeriodStart",
            ));
        }
        match token_row(&r, &c, start, end)? {
            Ok(row) => {
                p.usage.push(row);
                p.cover(start, end);
            }
            Err(reason) => p.skip(&reason, &at),
        }
    }
    p.billed_usd = c.billed.map(|_| billed);
    Ok(p)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn token_units_in_blocks() {
        assert_eq!(tokens_per_unit("Tokens"), Some(1.0));
        assert_eq!(tokens_per_unit("1K Tokens"), Some(1_000.0));
        assert_eq!(tokens_per_unit("1M tokens"), Some(1_000_000.0));
        assert_eq!(tokens_per_unit("1000000 Tokens"), Some(1_000_000.0));
        assert_eq!(tokens_per_unit("Hours"), None);
        assert_eq!(tokens_per_unit("0 Tokens"), None);
    }

    #[test]
    fn token_classes_from_sku_names() {
        assert_eq!(
            kind("gpt-4o-mini Cached Input Tokens"),
            Some(Kind::CacheRead)
        );
        assert_eq!(
            kind("USE1-MP:USE1_CacheReadInputTokenCount-Units"),
            Some(Kind::CacheRead)
        );
        assert_eq!(
            kind("USE1-MP:USE1_CacheWriteInputTokenCount-Units"),
            Some(Kind::CacheWrite)
        );
        assert_eq!(
            kind("USE1-MP:USE1_OutputTokenCount-Units"),
            Some(Kind::Output)
        );
        assert_eq!(kind("gpt-4o-mini Input Tokens"), Some(Kind::Input));
        assert_eq!(kind("Provisioned Managed Throughput Unit"), None);
    }
}
