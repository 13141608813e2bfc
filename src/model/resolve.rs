//! The first step of every evaluation: the scenario's inputs made safe (each clamped to
//! its allowed range) and its catalog ids resolved to numbers, with the catalog figures
//! used recorded as sources and every fallback as a warning.

use super::capacity::KV_BYTES_PER_ELEMENT;
use super::guard::input;
use super::inputs::{GpuSpec, ModelSpec, Resolved, whole_requests};
use super::report::SourceRef;
use crate::catalog::{self, ApiModel, Gpu, OpenModel};
use crate::scenario::{HOURS_PER_MONTH, Scenario};

/// Where the warnings and sources of a resolution go.
pub(crate) struct Notes<'a> {
    pub warnings: &'a mut Vec<String>,
    pub sources: &'a mut Vec<SourceRef>,
}

impl Notes<'_> {
    fn source(&mut self, item: String, value: f64, unit: &str, src: &str, as_of: &str) {
        self.sources.push(SourceRef {
            item,
            value,
            unit: unit.into(),
            source: src.into(),
            as_of: as_of.into(),
        });
    }
}

/// Resolves a scenario; `notes` collects what was assumed and where figures came from.
pub(crate) fn resolve(s: &Scenario, notes: &mut Notes) -> Resolved {
    let w = &s.workload;
    let prices = api_prices(s, notes);
    let model = model_spec(s, notes);
    let gpu = gpu_entry(s, notes);
    let usd_per_gpu_hour = gpu_hour_price(s, gpu.1, notes);
    let gpu_price_usd = gpu_purchase_price(s, gpu.1, notes);
    Resolved {
        volume: whole_requests(w.monthly_requests),
        input_tokens: input(w.input_tokens_per_request, 0.0, 1.0e7, 0.0),
        output_tokens: input(w.output_tokens_per_request, 1.0, 1.0e7, 1.0),
        active_hours: input(
            w.active_hours_per_month,
            1.0,
            HOURS_PER_MONTH,
            HOURS_PER_MONTH,
        ),
        peak_to_average: input(w.peak_to_average, 1.0, 1.0e4, 1.0),
        latency_slo_ms: w.latency_slo_ms.filter(|x| x.is_finite() && *x > 0.0),
        min_output_tokens_per_sec_per_user: w
            .min_output_tokens_per_sec_per_user
            .filter(|x| x.is_finite() && *x > 0.0),
        input_usd_per_mtok: prices.input,
        output_usd_per_mtok: prices.output,
        cached_input_usd_per_mtok: prices.cached_input,
        model,
        gpu: gpu.0,
        quantization: s.self_host.quantization,
        kv_cache: s.self_host.kv_cache_dtype,
        user_gpus_per_replica: s.self_host.gpus_per_replica.map(|g| g.clamp(1, 8)),
        user_tokens_per_sec: s
            .self_host
            .output_tokens_per_sec_per_replica
            .filter(|x| x.is_finite() && *x > 0.0),
        planning_utilization_pct: input(s.self_host.planning_utilization_pct, 1.0, 100.0, 70.0),
        redundancy_replicas: s.self_host.redundancy_replicas.min(1000),
        usd_per_gpu_hour,
        gpu_price_usd,
        loaded_fte_usd_per_month: input(s.org.loaded_fte_usd_per_month, 0.0, 1.0e12, 0.0),
        horizon_months: input(f64::from(s.org.horizon_months), 1.0, 240.0, 36.0),
    }
}

/// The API's token prices in US dollars per million tokens.
struct ApiPrices {
    input: f64,
    output: f64,
    cached_input: f64,
}

/// The scenario's override, else the catalog; `custom` has no catalog prices.
fn api_prices(s: &Scenario, notes: &mut Notes) -> ApiPrices {
    let entry = catalog::api_model(&s.api.model);
    if entry.is_none() {
        notes.warnings.push(format!(
            "Unknown API model \"{}\"; only your own prices are used.",
            s.api.model
        ));
    }
    let mut price =
        |field: &str, user: Option<f64>, what: &str, cat: fn(&ApiModel) -> Option<f64>| match (
            user,
            entry.and_then(|m| cat(m).map(|p| (p, m))),
        ) {
            (Some(p), _) => input(p, 0.0, 1.0e6, 0.0),
            (None, Some((p, m))) => {
                let item = format!("{} {what} price", m.id);
                notes.source(item, p, "USD per million tokens", &m.source, &m.as_of);
                p
            }
            (None, None) => {
                notes.warnings.push(format!(
                    "{field} is not set and {} has no catalog price; 0 is used.",
                    s.api.model
                ));
                0.0
            }
        };
    let input_price = price(
        "api.input_usd_per_mtok",
        s.api.input_usd_per_mtok,
        "input",
        |m| m.input_usd_per_mtok,
    );
    let output = price(
        "api.output_usd_per_mtok",
        s.api.output_usd_per_mtok,
        "output",
        |m| m.output_usd_per_mtok,
    );
    // Without a cached price, cache hits are billed like any input token.
    let cached_input = match (
        s.api.cached_input_usd_per_mtok,
        entry.and_then(|m| m.cached_input_usd_per_mtok.map(|p| (p, m))),
    ) {
        (Some(p), _) => input(p, 0.0, 1.0e6, 0.0),
        (None, Some((p, m))) => {
            let item = format!("{} cached input price", m.id);
            notes.source(item, p, "USD per million tokens", &m.source, &m.as_of);
            p
        }
        (None, None) => {
            if input(s.api.cache_hit_pct, 0.0, 100.0, 0.0) > 0.0 {
                notes.warnings.push(format!(
                    "api.cache_hit_pct is set but {} has no cached input price: cache hits are billed at the input price. Set api.cached_input_usd_per_mtok to count them.",
                    s.api.model
                ));
            }
            input_price
        }
    };
    ApiPrices {
        input: input_price,
        output,
        cached_input,
    }
}

/// The open model's numbers; an unknown id falls back to the default preset's model.
fn model_spec(s: &Scenario, notes: &mut Notes) -> ModelSpec {
    let open = catalog::open_model(&s.self_host.model).or_else(|| {
        let default = Scenario::default().self_host.model;
        notes.warnings.push(format!(
            "Unknown open model \"{}\"; {default} is used instead.",
            s.self_host.model
        ));
        catalog::open_model(&default)
    });
    match open {
        Some(m) => model_from_catalog(m, notes),
        // Only reachable if the catalog failed to load (a unit test guards that):
        // Llama 3.1 70B's figures keep the model running.
        None => ModelSpec {
            id: "llama-3.1-70b",
            params_billion: 70.6,
            kv_bytes_per_token: 327_680.0,
            context_tokens: 131_072.0,
        },
    }
}

fn model_from_catalog(m: &'static OpenModel, notes: &mut Notes) -> ModelSpec {
    let item = format!("{} parameters", m.id);
    notes.source(item, m.params_billion, "billion", &m.source, &m.as_of);
    ModelSpec {
        id: m.id.as_str(),
        params_billion: m.params_billion,
        kv_bytes_per_token: m.kv_bytes_per_token(KV_BYTES_PER_ELEMENT),
        context_tokens: f64::from(m.context_tokens),
    }
}

/// The GPU's numbers and its catalog entry; an unknown id falls back to the default
/// preset's GPU.
fn gpu_entry(s: &Scenario, notes: &mut Notes) -> (GpuSpec, Option<&'static Gpu>) {
    let entry = catalog::gpu(&s.self_host.gpu).or_else(|| {
        let default = Scenario::default().self_host.gpu;
        notes.warnings.push(format!(
            "Unknown GPU \"{}\"; {default} is used instead.",
            s.self_host.gpu
        ));
        catalog::gpu(&default)
    });
    let Some(g) = entry else {
        // Only reachable if the catalog failed to load: an H100 SXM's figures.
        let spec = GpuSpec {
            id: "h100-sxm",
            vram_gb: 80.0,
            bandwidth_gb_per_sec: 3350.0,
            bf16_tflops: 989.0,
            fp8_support: true,
            tdp_watts: 700.0,
        };
        return (spec, None);
    };
    for (what, value, unit) in [
        ("memory", g.vram_gb, "GB"),
        ("memory bandwidth", g.bandwidth_gb_per_sec, "GB/s"),
        ("TDP", g.tdp_watts, "W"),
    ] {
        notes.source(format!("{} {what}", g.id), value, unit, &g.source, &g.as_of);
    }
    let spec = GpuSpec {
        id: g.id.as_str(),
        vram_gb: g.vram_gb,
        bandwidth_gb_per_sec: g.bandwidth_gb_per_sec,
        bf16_tflops: g.bf16_tflops,
        fp8_support: g.fp8_support,
        tdp_watts: g.tdp_watts,
    };
    (spec, Some(g))
}

/// The rented GPU hour: the override, else the catalog's price at the pricing tier.
fn gpu_hour_price(s: &Scenario, g: Option<&'static Gpu>, notes: &mut Notes) -> f64 {
    match (s.cloud.usd_per_gpu_hour, g) {
        (Some(p), _) => input(p, 0.0, 1.0e6, 0.0),
        (None, Some(g)) => {
            let p = g.usd_per_gpu_hour(s.cloud.pricing);
            let item = format!("{} {} price", g.id, s.cloud.pricing.id());
            notes.source(item, p, "USD per GPU-hour", &g.source, &g.as_of);
            p
        }
        (None, None) => 2.49,
    }
}

/// The purchase price of one GPU: the override, else the catalog.
fn gpu_purchase_price(s: &Scenario, g: Option<&'static Gpu>, notes: &mut Notes) -> f64 {
    match (s.owned.gpu_price_usd, g) {
        (Some(p), _) => input(p, 0.0, 1.0e9, 0.0),
        (None, Some(g)) => {
            let item = format!("{} purchase price", g.id);
            notes.source(item, g.purchase_usd, "USD per GPU", &g.source, &g.as_of);
            g.purchase_usd
        }
        (None, None) => 32_500.0,
    }
}
