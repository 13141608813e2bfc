//! One table describes every input: its canonical path, its short link alias, what the
//! page shows (group, label, unit, help) and what values are allowed. Validation, the
//! page's forms and the link codec all read this table, so they can never disagree.

use serde_json::Value;
use strum::VariantNames;

use super::error::FieldError;
use super::hosting::{Billing, KvCache};
use super::json::json_pointer;
use super::org::{DataSensitivity, HybridStrategy, TrafficPattern};
use crate::catalog::{self, Pricing, Quantization};

/// Which catalog a [`FieldKind::Catalog`] field refers to; the catalog defines the lists.
pub use crate::catalog::CatalogList;

/// What values a field allows.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum FieldKind {
    /// A number in `[min, max]`; `integer` numbers must be whole; `optional` ones may be absent.
    Number {
        min: f64,
        max: f64,
        integer: bool,
        optional: bool,
    },
    /// One of a fixed list of ids.
    Choice(&'static [&'static str]),
    /// The id of a catalog entry.
    Catalog(CatalogList),
    Bool,
    /// Free text of at most `max_chars` characters, no control characters.
    Text {
        max_chars: usize,
    },
}

/// The page groups, in the order the page shows them.
pub const GROUPS: [&str; 8] = [
    "Workload",
    "Cloud API",
    "Self-hosted model and GPU",
    "Rented cloud",
    "Owned hardware",
    "Hybrid",
    "Organisation",
    "Decision criteria",
];

/// Everything known about one input.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct FieldSpec {
    /// Canonical dotted path, as in the JSON form.
    pub path: &'static str,
    /// Short key in a share link.
    pub alias: &'static str,
    /// One of [`GROUPS`].
    pub group: &'static str,
    pub label: &'static str,
    /// Unit shown beside the input ("" for none).
    pub unit: &'static str,
    pub help: &'static str,
    pub kind: FieldKind,
    /// Shown in a collapsed "advanced" part of its group.
    pub advanced: bool,
}

const fn num(min: f64, max: f64) -> FieldKind {
    FieldKind::Number {
        min,
        max,
        integer: false,
        optional: false,
    }
}
const fn int(min: f64, max: f64) -> FieldKind {
    FieldKind::Number {
        min,
        max,
        integer: true,
        optional: false,
    }
}
const fn opt(min: f64, max: f64) -> FieldKind {
    FieldKind::Number {
        min,
        max,
        integer: false,
        optional: true,
    }
}
const fn opt_int(min: f64, max: f64) -> FieldKind {
    FieldKind::Number {
        min,
        max,
        integer: true,
        optional: true,
    }
}

const PCT: FieldKind = num(0.0, 100.0);
const USD: FieldKind = num(0.0, 1.0e9);
const FTE: FieldKind = num(0.0, 100.0);

macro_rules! f {
    ($path:literal, $alias:literal, $group:literal, $label:literal, $unit:literal, $help:literal, $kind:expr) => {
        FieldSpec {
            path: $path,
            alias: $alias,
            group: $group,
            label: $label,
            unit: $unit,
            help: $help,
            kind: $kind,
            advanced: false,
        }
    };
    ($path:literal, $alias:literal, $group:literal, $label:literal, $unit:literal, $help:literal, $kind:expr, advanced) => {
        FieldSpec {
            advanced: true,
            ..f!($path, $alias, $group, $label, $unit, $help, $kind)
        }
    };
}

/// Every input of a scenario except `version` and `preset`, which the link and loader treat specially.
#[rustfmt::skip]
pub const FIELDS: &[FieldSpec] = &[
    f!("name", "n", "Workload", "Scenario name", "", "A title for this scenario, shown on the report.", FieldKind::Text { max_chars: 120 }),
    f!("workload.monthly_requests", "req", "Workload", "Monthly requests", "requests/month", "Requests served in a month today.", num(0.0, 1.0e11)),
    f!("workload.input_tokens_per_request", "in", "Workload", "Input tokens per request", "tokens", "Prompt and context tokens sent with each request.", num(0.0, 2.0e6)),
    f!("workload.output_tokens_per_request", "out", "Workload", "Output tokens per request", "tokens", "Tokens generated for each request.", num(1.0, 1.0e6)),
    f!("workload.active_hours_per_month", "hrs", "Workload", "Active hours per month", "h/month", "Hours a month the traffic arrives in; 730 means around the clock.", num(1.0, 730.0)),
    f!("workload.peak_to_average", "peak", "Workload", "Peak to average", "x", "Peak request rate over the average rate within the active hours.", num(1.0, 100.0)),
    f!("workload.monthly_growth_pct", "grow", "Workload", "Monthly growth", "%/month", "Compound growth of volume over the horizon.", num(-50.0, 100.0), advanced),
    f!("workload.latency_slo_ms", "slo", "Workload", "Latency target", "ms", "Required time to first token, if any; an API round trip adds 50-200 ms.", opt(1.0, 600_000.0), advanced),

    f!("api.model", "api", "Cloud API", "API model", "", "The per-token API to compare against; \"custom\" uses your prices.", FieldKind::Catalog(CatalogList::ApiModels)),
    f!("api.input_usd_per_mtok", "pin", "Cloud API", "Input price", "$/M tokens", "Overrides the catalog's input list price.", opt(0.0, 10_000.0)),
    f!("api.output_usd_per_mtok", "pout", "Cloud API", "Output price", "$/M tokens", "Overrides the catalog's output list price.", opt(0.0, 10_000.0)),
    f!("api.cached_input_usd_per_mtok", "pcache", "Cloud API", "Cached input price", "$/M tokens", "Overrides the catalog's price for cache hits.", opt(0.0, 10_000.0), advanced),
    f!("api.cache_hit_pct", "cache", "Cloud API", "Cache hit share", "%", "Share of input tokens billed at the cached price.", PCT, advanced),
    f!("api.batch_share_pct", "batch", "Cloud API", "Batch share", "%", "Share of requests sent through the batch API.", PCT, advanced),
    f!("api.batch_discount_pct", "bdisc", "Cloud API", "Batch discount", "%", "Discount of the batch API on list prices (typically 50%).", PCT, advanced),
    f!("api.prompt_reduction_pct", "trim", "Cloud API", "Prompt reduction", "%", "Input tokens saved by prompt optimisation.", PCT, advanced),
    f!("api.fixed_usd_per_month", "afix", "Cloud API", "API fixed fees", "$/month", "Platform, gateway or support fees.", USD, advanced),
    f!("api.ops_fte", "afte", "Cloud API", "API operations staff", "FTE", "People needed to run the API integration.", FTE, advanced),
    f!("api.implementation_usd", "aimpl", "Cloud API", "API implementation", "$", "One-off build cost, amortised over the horizon.", USD, advanced),

    f!("self_host.model", "om", "Self-hosted model and GPU", "Open model", "", "The open-weight model you would run.", FieldKind::Catalog(CatalogList::OpenModels)),
    f!("self_host.quantization", "q", "Self-hosted model and GPU", "Quantization", "", "Weight precision: lower needs less memory and may cost quality; fp4 (MXFP4/NVFP4) computes in FP4 where the GPU has it.", FieldKind::Choice(Quantization::VARIANTS)),
    f!("self_host.gpu", "gpu", "Self-hosted model and GPU", "GPU", "", "The accelerator for both rented and owned deployments.", FieldKind::Catalog(CatalogList::Gpus)),
    f!("self_host.gpus_per_replica", "tp", "Self-hosted model and GPU", "GPUs per replica", "GPUs", "Tensor-parallel degree; sized from memory when empty.", opt_int(1.0, 8.0), advanced),
    f!("self_host.output_tokens_per_sec_per_replica", "tps", "Self-hosted model and GPU", "Measured throughput", "output tokens/s", "Your own benchmark per replica; wins over the catalog and the estimate.", opt(0.001, 10_000_000.0), advanced),
    f!("self_host.planning_utilization_pct", "util", "Self-hosted model and GPU", "Planning utilisation", "%", "Share of peak throughput you plan to use.", num(1.0, 100.0)),
    f!("self_host.redundancy_replicas", "nk", "Self-hosted model and GPU", "Redundant replicas", "replicas", "Extra replicas for failover (N+k).", int(0.0, 100.0), advanced),
    f!("self_host.infra_usd_per_month", "infra", "Self-hosted model and GPU", "Infrastructure", "$/month", "Storage, networking, monitoring, load balancing.", USD, advanced),
    f!("self_host.ops_fte", "sfte", "Self-hosted model and GPU", "Self-host operations staff", "FTE", "MLOps people to run the deployment.", FTE),
    f!("self_host.implementation_usd", "simpl", "Self-hosted model and GPU", "Self-host implementation", "$", "One-off build cost, amortised over the horizon.", USD, advanced),

    f!("cloud.usd_per_gpu_hour", "gph", "Rented cloud", "GPU hour price", "$/GPU-hour", "Overrides the catalog's price for the pricing tier.", opt(0.0, 1_000.0)),
    f!("cloud.pricing", "tier", "Rented cloud", "Pricing tier", "", "On-demand, reserved (committed) or spot capacity.", FieldKind::Choice(Pricing::VARIANTS)),
    f!("cloud.billing", "bill", "Rented cloud", "Billing", "", "Always on (730 h), the active window only, or scale to zero.", FieldKind::Choice(Billing::VARIANTS)),
    f!("cloud.runtime_buffer_pct", "buf", "Rented cloud", "Warm-up buffer", "%", "Extra billed time on top of busy time when scaling to zero.", num(0.0, 500.0), advanced),

    f!("owned.gpu_price_usd", "gbuy", "Owned hardware", "GPU purchase price", "$/GPU", "Overrides the catalog's purchase price.", opt(0.0, 1.0e7)),
    f!("owned.server_usd_per_gpu", "srv", "Owned hardware", "Server share per GPU", "$/GPU", "Chassis, CPUs, memory and networking per GPU.", num(0.0, 1.0e7), advanced),
    f!("owned.installation_usd", "inst", "Owned hardware", "Installation", "$", "One-off racking and set-up.", USD, advanced),
    f!("owned.life_years", "life", "Owned hardware", "Hardware life", "years", "Years before the hardware is replaced.", num(0.5, 15.0)),
    f!("owned.residual_pct", "resid", "Owned hardware", "Residual value", "%", "Resale value at end of life, as a share of capital.", PCT, advanced),
    f!("owned.cost_of_capital_pct", "coc", "Owned hardware", "Cost of capital", "%/year", "Interest or hurdle rate on the money spent.", num(0.0, 100.0), advanced),
    f!("owned.maintenance_pct_per_year", "maint", "Owned hardware", "Maintenance", "%/year of capital", "Support contracts and spares.", num(0.0, 100.0), advanced),
    f!("owned.electricity_usd_per_kwh", "kwh", "Owned hardware", "Electricity price", "$/kWh", "What the facility pays per kWh.", num(0.0, 10.0)),
    f!("owned.pue", "pue", "Owned hardware", "PUE", "x", "Power usage effectiveness of the facility (1.0 is perfect).", num(1.0, 5.0), advanced),
    f!("owned.avg_power_load_pct", "load", "Owned hardware", "Power draw while serving", "% of max", "Draw of each server (GPUs and host) while it serves, as a share of its maximum; idle hours draw 30%.", PCT, advanced),
    f!("owned.facility_usd_per_month", "fac", "Owned hardware", "Facility", "$/month", "Colocation, rack space, cooling contracts.", USD, advanced),

    f!("hybrid.strategy", "hy", "Hybrid", "Hybrid strategy", "", "Routing splits by share; overflow sends excess to the API; fallback keeps a warm standby.", FieldKind::Choice(HybridStrategy::VARIANTS)),
    f!("hybrid.self_host_share_pct", "share", "Hybrid", "Share to self-host", "%", "Share of requests routed to the self-hosted model.", PCT),

    f!("org.loaded_fte_usd_per_month", "fteusd", "Organisation", "Loaded cost of an engineer", "$/month", "Salary plus overheads for one full-time engineer.", USD),
    f!("org.horizon_months", "hz", "Organisation", "Horizon", "months", "Period for amortisation, TCO and NPV.", int(1.0, 240.0)),
    f!("org.discount_rate_pct", "disc", "Organisation", "Discount rate", "%/year", "Rate for the net present value.", num(0.0, 100.0), advanced),
    f!("org.currency", "cur", "Organisation", "Display currency", "", "Three-letter currency code for display.", FieldKind::Text { max_chars: 3 }, advanced),
    f!("org.usd_exchange_rate", "fx", "Organisation", "Exchange rate", "per USD", "Units of the display currency per US dollar.", num(0.000001, 1.0e6), advanced),

    f!("criteria.data_sensitivity", "data", "Decision criteria", "Data sensitivity", "", "Must the data stay inside the organisation (GDPR, HIPAA, residency)?", FieldKind::Choice(DataSensitivity::VARIANTS)),
    f!("criteria.traffic_pattern", "traffic", "Decision criteria", "Traffic pattern", "", "Predictable traffic suits owned capacity; spiky traffic suits APIs.", FieldKind::Choice(TrafficPattern::VARIANTS)),
    f!("criteria.frontier_capability_needed", "frontier", "Decision criteria", "Frontier capability needed", "", "The task needs the best closed models.", FieldKind::Bool),
    f!("criteria.gpu_ops_experience", "gpuops", "Decision criteria", "Team has GPU/MLOps experience", "", "People who have run GPU inference in production.", FieldKind::Bool),
    f!("criteria.time_to_market_critical", "ttm", "Decision criteria", "Time to market critical", "", "Shipping in weeks matters more than unit cost.", FieldKind::Bool),
    f!("criteria.fine_tuning_needed", "ft", "Decision criteria", "Fine-tuning needed", "", "Extensive customisation of the model.", FieldKind::Bool),
    f!("criteria.long_term_cost_priority", "ltc", "Decision criteria", "Long-term cost is the priority", "", "Lowest cost over years outweighs flexibility.", FieldKind::Bool),
    f!("criteria.use_cases_differ", "mix", "Decision criteria", "Use cases differ", "", "Several workloads with different needs.", FieldKind::Bool),
    f!("criteria.resilience_priority", "resil", "Decision criteria", "Resilience matters", "", "Redundancy across providers is valued.", FieldKind::Bool),

    // Fields added after version 1 come last, in the order their keys were appended to the
    // frozen reference; the page places each in its group.
    f!("workload.min_output_tokens_per_sec_per_user", "utps", "Workload", "Reading speed per user", "output tokens/s", "Output tokens per second each request must see while it answers, if any; a faster target runs smaller batches, so each GPU serves less.", opt(0.1, 10_000.0), advanced),
    f!("self_host.kv_cache_dtype", "kv", "Self-hosted model and GPU", "KV cache precision", "", "Bits per cached key and value: fp8 halves the cache, so more requests fit in a batch.", FieldKind::Choice(KvCache::VARIANTS), advanced),
];

/// The spec of a canonical path.
pub fn field(path: &str) -> Option<&'static FieldSpec> {
    FIELDS.iter().find(|f| f.path == path)
}

/// Formats a bound without a trailing `.0` and with thousands separators.
fn bound(x: f64) -> String {
    if x.fract() == 0.0 && x.abs() < 1.0e15 {
        let digits = format!("{}", x.abs() as u64);
        let mut out = String::new();
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i) % 3 == 0 {
                out.push(',');
            }
            out.push(c);
        }
        if x < 0.0 { format!("-{out}") } else { out }
    } else {
        format!("{x}")
    }
}

impl FieldSpec {
    /// What the field allows, in words (used in every error message).
    pub fn allowed(&self) -> String {
        match self.kind {
            FieldKind::Number {
                min,
                max,
                integer,
                optional,
            } => {
                let what = if integer {
                    "a whole number"
                } else {
                    "a number"
                };
                let tail = if optional { " (or empty)" } else { "" };
                format!("must be {what} from {} to {}{tail}", bound(min), bound(max))
            }
            FieldKind::Choice(ids) => format!("must be one of {}", ids.join(", ")),
            FieldKind::Catalog(list) => {
                format!("must be one of {}", catalog::ids(list).join(", "))
            }
            FieldKind::Bool => "must be true or false".into(),
            FieldKind::Text { max_chars } => {
                format!("must be text of at most {max_chars} characters without control characters")
            }
        }
    }

    fn error(&self) -> FieldError {
        FieldError {
            field: self.path.into(),
            message: self.allowed(),
        }
    }

    /// Checks this field's value inside a whole canonical scenario value.
    pub fn check(&self, scenario: &Value) -> Result<(), FieldError> {
        let value = scenario
            .pointer(&json_pointer(self.path))
            .unwrap_or(&Value::Null);
        self.check_value(value)
    }

    /// Checks a value for this field on its own.
    pub fn check_value(&self, value: &Value) -> Result<(), FieldError> {
        let ok = match (self.kind, value) {
            (FieldKind::Number { optional, .. }, Value::Null) => optional,
            (
                FieldKind::Number {
                    min, max, integer, ..
                },
                Value::Number(n),
            ) => match n.as_f64() {
                Some(x) => x.is_finite() && x >= min && x <= max && (!integer || x.fract() == 0.0),
                None => false,
            },
            (FieldKind::Choice(ids), Value::String(s)) => ids.contains(&s.as_str()),
            (FieldKind::Catalog(list), Value::String(s)) => {
                catalog::ids(list).iter().any(|id| id == s)
            }
            (FieldKind::Bool, Value::Bool(_)) => true,
            (FieldKind::Text { max_chars }, Value::String(s)) => {
                s.chars().count() <= max_chars && !s.chars().any(char::is_control)
            }
            _ => false,
        };
        if ok { Ok(()) } else { Err(self.error()) }
    }

    /// Parses what a person typed (or a link carried) into this field's JSON value.
    /// Empty text clears an optional number. Numbers accept `_`, `,` and spaces as
    /// separators and the suffixes k, M, B.
    pub fn parse_text(&self, text: &str) -> Result<Value, FieldError> {
        let t = text.trim();
        let value = match self.kind {
            FieldKind::Number { optional, .. } => {
                if t.is_empty() && optional {
                    Value::Null
                } else {
                    match parse_number(t).and_then(serde_json::Number::from_f64) {
                        Some(n) => {
                            // Whole numbers stay integers so u32 fields deserialise.
                            let x = n.as_f64().unwrap_or(f64::NAN);
                            if x.fract() == 0.0 && x.abs() < 9.0e15 {
                                Value::from(x as i64)
                            } else {
                                Value::Number(n)
                            }
                        }
                        None => return Err(self.error()),
                    }
                }
            }
            FieldKind::Bool => match t {
                "1" | "true" | "yes" | "on" => Value::Bool(true),
                "0" | "false" | "no" | "off" => Value::Bool(false),
                _ => return Err(self.error()),
            },
            FieldKind::Choice(_) | FieldKind::Catalog(_) | FieldKind::Text { .. } => {
                Value::String(text.to_string())
            }
        };
        self.check_value(&value)?;
        Ok(value)
    }
}

/// `1,200`, `1_200`, `1.2k`, `3M`, `1e6` -> a finite number.
pub fn parse_number(text: &str) -> Option<f64> {
    let cleaned: String = text
        .chars()
        .filter(|c| !matches!(c, ',' | '_' | ' '))
        .collect();
    let (body, factor) = match cleaned.chars().last()? {
        'k' | 'K' => (&cleaned[..cleaned.len() - 1], 1.0e3),
        'm' | 'M' => (&cleaned[..cleaned.len() - 1], 1.0e6),
        'b' | 'B' => (&cleaned[..cleaned.len() - 1], 1.0e9),
        _ => (cleaned.as_str(), 1.0),
    };
    let x: f64 = body.parse().ok()?;
    let x = x * factor;
    x.is_finite().then_some(x)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn aliases_and_paths_are_unique() {
        for (i, a) in FIELDS.iter().enumerate() {
            for b in &FIELDS[i + 1..] {
                assert_ne!(a.path, b.path);
                assert_ne!(a.alias, b.alias, "{} and {}", a.path, b.path);
            }
            assert!(GROUPS.contains(&a.group), "{}", a.path);
        }
    }

    #[test]
    fn numbers_parse_with_separators_and_suffixes() {
        assert_eq!(parse_number("1,200"), Some(1200.0));
        assert_eq!(parse_number("2.5M"), Some(2_500_000.0));
        assert_eq!(parse_number("450k"), Some(450_000.0));
        assert_eq!(parse_number("1e6"), Some(1_000_000.0));
        assert_eq!(parse_number("abc"), None);
        assert_eq!(parse_number(""), None);
        assert_eq!(parse_number("inf"), None);
    }

    #[test]
    fn out_of_range_names_the_range() {
        let spec = field("workload.peak_to_average").unwrap();
        let err = spec.parse_text("0.5").unwrap_err();
        assert_eq!(err.field, "workload.peak_to_average");
        assert_eq!(err.message, "must be a number from 1 to 100");
        let spec = field("org.horizon_months").unwrap();
        assert_eq!(
            spec.parse_text("12.5").unwrap_err().message,
            "must be a whole number from 1 to 240"
        );
        assert_eq!(spec.parse_text("24").unwrap(), Value::from(24));
    }
}
