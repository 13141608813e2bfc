//! The cost, capacity and decision model: pure Rust, no web.
//!
//! [`evaluate`] turns a [`Scenario`] into a [`Report`]: the monthly cost of the API,
//! rented GPUs, owned servers and the hybrid; replica sizing; the breakeven volumes on
//! the real replica staircase; month-by-month TCO with NPV; the chart curve; and a
//! recommendation with reasons. It never panics and never returns NaN or infinity, for
//! any scenario, validated or not.
//!
//! The analyses run apart from `evaluate`, on demand: [`sensitivity`] (the tornado),
//! [`uncertainty`] / [`MonteCarlo`] (a seeded, chunked Monte Carlo run on the lean cost
//! path, [`lean_costs`]), [`flip_points`] and [`hybrid_strategies`].

mod api;
mod breakeven;
mod capacity;
mod curve;
mod decision;
mod flip;
mod guard;
mod hybrid;
mod lean;
mod report;
mod self_host;
mod sensitivity;
pub mod serving;
mod strategies;
mod tco;
mod text;
mod uncertainty;

pub use breakeven::MAX_MONTHLY_REQUESTS;
pub use capacity::{
    KV_BYTES_PER_ELEMENT, MAX_BATCH, MBU, MFU, OVERHEAD_GB_PER_GPU, OVERHEAD_VRAM_SHARE,
    PLANNED_CONCURRENT_SEQUENCES, TP_DEGREES, TP_EFFICIENCY,
};
pub use curve::MAX_POINTS as MAX_CURVE_POINTS;
pub use flip::{FlipPoint, FlipPoints, flip_points};
pub use guard::guard;
pub use lean::{
    API_PRICE_MULTIPLIER, Costs, LEAN_FIELDS, lean_costs, lean_costs_with, scenario_with,
};
pub use report::*;
pub use self_host::annuity_factor;
pub use sensitivity::{
    DEFAULT_SWING_PCT, SENSITIVITY_FIELDS, Sensitivity, SensitivityBar, sensitivity,
};
pub use strategies::{HybridComparison, REVERSE_FALLBACK, hybrid_strategies};
pub use uncertainty::{
    DEFAULT_SAMPLES, DEFAULT_SEED, HISTOGRAM_BINS, HistogramBin, MAX_SAMPLES, MonteCarlo,
    UncertainRange, Uncertainty, default_ranges, uncertainty,
};

use crate::catalog;
use crate::scenario::{HOURS_PER_MONTH, HybridStrategy, Quantization, Scenario};
use api::ApiLine;
use guard::input;
use hybrid::Parts;
use self_host::{Owned, Rented, utilization_pct};

/// Tokens in a million: prices are quoted per million tokens.
pub const TOKENS_PER_MTOK: f64 = 1.0e6;

/// Numbers of an open model, from the catalog (or a stand-in when the id is unknown).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct ModelSpec {
    pub id: &'static str,
    pub params_billion: f64,
    pub kv_bytes_per_token: f64,
    pub context_tokens: f64,
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) struct GpuSpec {
    pub id: &'static str,
    pub vram_gb: f64,
    pub bandwidth_gb_per_sec: f64,
    pub bf16_tflops: f64,
    pub fp8_support: bool,
    pub tdp_watts: f64,
}

/// The scenario's inputs made safe and its catalog ids resolved to numbers.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Resolved {
    pub volume: f64,
    pub input_tokens: f64,
    pub output_tokens: f64,
    pub active_hours: f64,
    pub peak_to_average: f64,
    pub latency_slo_ms: Option<f64>,
    pub input_usd_per_mtok: f64,
    pub output_usd_per_mtok: f64,
    pub cached_input_usd_per_mtok: f64,
    pub model: ModelSpec,
    pub gpu: GpuSpec,
    pub quantization: Quantization,
    pub user_gpus_per_replica: Option<u32>,
    pub user_tokens_per_sec: Option<f64>,
    pub planning_utilization_pct: f64,
    pub redundancy_replicas: u32,
    pub usd_per_gpu_hour: f64,
    pub gpu_price_usd: f64,
    pub loaded_fte_usd_per_month: f64,
    pub horizon_months: f64,
}

fn source(item: String, value: f64, unit: &str, src: &str, as_of: &str) -> SourceRef {
    SourceRef {
        item,
        value,
        unit: unit.into(),
        source: src.into(),
        as_of: as_of.into(),
    }
}

fn resolve(s: &Scenario, warnings: &mut Vec<String>, sources: &mut Vec<SourceRef>) -> Resolved {
    let w = &s.workload;
    let default = Scenario::default();

    // API prices: the scenario's override, else the catalog; `custom` has none.
    let api_model = catalog::api_model(&s.api.model).or_else(|| {
        warnings.push(format!(
            "Unknown API model \"{}\"; only your own prices are used.",
            s.api.model
        ));
        None
    });
    let mut price = |field: &str, user: Option<f64>, cat: Option<f64>, what: &str| -> f64 {
        match (user, cat) {
            (Some(p), _) => input(p, 0.0, 1.0e6, 0.0),
            (None, Some(p)) => {
                if let Some(m) = api_model {
                    sources.push(source(
                        format!("{} {what} price", m.id),
                        p,
                        "USD per million tokens",
                        &m.source,
                        &m.as_of,
                    ));
                }
                p
            }
            (None, None) => {
                warnings.push(format!(
                    "{field} is not set and {} has no catalog price; 0 is used.",
                    s.api.model
                ));
                0.0
            }
        }
    };
    let input_usd_per_mtok = price(
        "api.input_usd_per_mtok",
        s.api.input_usd_per_mtok,
        api_model.and_then(|m| m.input_usd_per_mtok),
        "input",
    );
    let output_usd_per_mtok = price(
        "api.output_usd_per_mtok",
        s.api.output_usd_per_mtok,
        api_model.and_then(|m| m.output_usd_per_mtok),
        "output",
    );
    // Without a cached price, cache hits are billed like any input token.
    let cached_input_usd_per_mtok = match (
        s.api.cached_input_usd_per_mtok,
        api_model.and_then(|m| m.cached_input_usd_per_mtok),
    ) {
        (Some(p), _) => input(p, 0.0, 1.0e6, 0.0),
        (None, Some(p)) => {
            if let Some(m) = api_model {
                sources.push(source(
                    format!("{} cached input price", m.id),
                    p,
                    "USD per million tokens",
                    &m.source,
                    &m.as_of,
                ));
            }
            p
        }
        (None, None) => input_usd_per_mtok,
    };

    let open = catalog::open_model(&s.self_host.model).or_else(|| {
        warnings.push(format!(
            "Unknown open model \"{}\"; {} is used instead.",
            s.self_host.model, default.self_host.model
        ));
        catalog::open_model(&default.self_host.model)
    });
    let model = match open {
        Some(m) => {
            sources.push(source(
                format!("{} parameters", m.id),
                m.params_billion,
                "billion",
                &m.source,
                &m.as_of,
            ));
            ModelSpec {
                id: m.id.as_str(),
                params_billion: m.params_billion,
                kv_bytes_per_token: m.kv_bytes_per_token(capacity::KV_BYTES_PER_ELEMENT),
                context_tokens: f64::from(m.context_tokens),
            }
        }
        // Only reachable if the catalog failed to load (a unit test guards that):
        // Llama 3.1 70B's figures keep the model running.
        None => ModelSpec {
            id: "llama-3.1-70b",
            params_billion: 70.6,
            kv_bytes_per_token: 327_680.0,
            context_tokens: 131_072.0,
        },
    };

    let gpu_entry = catalog::gpu(&s.self_host.gpu).or_else(|| {
        warnings.push(format!(
            "Unknown GPU \"{}\"; {} is used instead.",
            s.self_host.gpu, default.self_host.gpu
        ));
        catalog::gpu(&default.self_host.gpu)
    });
    let (gpu, catalog_gpu_hour, catalog_gpu_price) = match gpu_entry {
        Some(g) => {
            sources.push(source(
                format!("{} memory", g.id),
                g.vram_gb,
                "GB",
                &g.source,
                &g.as_of,
            ));
            sources.push(source(
                format!("{} memory bandwidth", g.id),
                g.bandwidth_gb_per_sec,
                "GB/s",
                &g.source,
                &g.as_of,
            ));
            sources.push(source(
                format!("{} TDP", g.id),
                g.tdp_watts,
                "W",
                &g.source,
                &g.as_of,
            ));
            (
                GpuSpec {
                    id: g.id.as_str(),
                    vram_gb: g.vram_gb,
                    bandwidth_gb_per_sec: g.bandwidth_gb_per_sec,
                    bf16_tflops: g.bf16_tflops,
                    fp8_support: g.fp8_support,
                    tdp_watts: g.tdp_watts,
                },
                Some((g.usd_per_gpu_hour(s.cloud.pricing), g)),
                Some((g.purchase_usd, g)),
            )
        }
        None => (
            GpuSpec {
                id: "h100-sxm",
                vram_gb: 80.0,
                bandwidth_gb_per_sec: 3350.0,
                bf16_tflops: 989.0,
                fp8_support: true,
                tdp_watts: 700.0,
            },
            None,
            None,
        ),
    };
    let usd_per_gpu_hour = match (s.cloud.usd_per_gpu_hour, catalog_gpu_hour) {
        (Some(p), _) => input(p, 0.0, 1.0e6, 0.0),
        (None, Some((p, g))) => {
            sources.push(source(
                format!("{} {} price", g.id, s.cloud.pricing.id()),
                p,
                "USD per GPU-hour",
                &g.source,
                &g.as_of,
            ));
            p
        }
        (None, None) => 2.49,
    };
    let gpu_price_usd = match (s.owned.gpu_price_usd, catalog_gpu_price) {
        (Some(p), _) => input(p, 0.0, 1.0e9, 0.0),
        (None, Some((p, g))) => {
            sources.push(source(
                format!("{} purchase price", g.id),
                p,
                "USD per GPU",
                &g.source,
                &g.as_of,
            ));
            p
        }
        (None, None) => 32_500.0,
    };

    let horizon = input(f64::from(s.org.horizon_months), 1.0, 240.0, 36.0);
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
        input_usd_per_mtok,
        output_usd_per_mtok,
        cached_input_usd_per_mtok,
        model,
        gpu,
        quantization: s.self_host.quantization,
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
        horizon_months: horizon,
    }
}

/// A monthly volume as the model uses it: whole requests within `[0, MAX_MONTHLY_REQUESTS]`.
pub(crate) fn whole_requests(x: f64) -> f64 {
    input(x, 0.0, breakeven::MAX_MONTHLY_REQUESTS, 0.0).round()
}

/// Monthly cost over requests and over million workload tokens (0 without traffic).
fn unit_costs(monthly_usd: f64, v: f64, tokens_per_request: f64) -> (f64, f64) {
    if v > 0.0 {
        let mtok = v * tokens_per_request / TOKENS_PER_MTOK;
        (
            guard(monthly_usd / v),
            if mtok > 0.0 {
                guard(monthly_usd / mtok)
            } else {
                0.0
            },
        )
    } else {
        (0.0, 0.0)
    }
}

fn guard_items(mut items: Vec<CostItem>) -> Vec<CostItem> {
    for i in &mut items {
        i.usd = guard(i.usd);
    }
    items
}

/// The optimisation field saving the most on the API bill, if any saves anything.
fn main_optimisation(s: &Scenario, api: &ApiLine, r: &Resolved) -> Option<&'static str> {
    let a = &s.api;
    let input_usd = r.input_tokens * r.input_usd_per_mtok / TOKENS_PER_MTOK;
    let reduction = input_usd * input(a.prompt_reduction_pct, 0.0, 100.0, 0.0) / 100.0;
    let cache = api.billed_input_tokens * input(a.cache_hit_pct, 0.0, 100.0, 0.0) / 100.0
        * (r.input_usd_per_mtok - r.cached_input_usd_per_mtok)
        / TOKENS_PER_MTOK;
    let batch = (api.usd_per_request() / api.batch_factor.max(1.0e-9)) * (1.0 - api.batch_factor);
    [
        ("api.prompt_reduction_pct", reduction),
        ("api.cache_hit_pct", cache),
        ("api.batch_share_pct", batch),
    ]
    .into_iter()
    .filter(|(_, usd)| *usd > 0.0)
    .max_by(|x, y| x.1.total_cmp(&y.1))
    .map(|(f, _)| f)
}

/// Evaluates every option for a scenario. Never panics; every number is finite.
pub fn evaluate(s: &Scenario) -> Report {
    let mut warnings = Vec::new();
    let mut sources = Vec::with_capacity(12);
    let r = resolve(s, &mut warnings, &mut sources);
    let v = r.volume;
    let tokens_per_request = r.input_tokens + r.output_tokens;
    let horizon = r.horizon_months;

    let api = ApiLine::new(s, &r, true);
    let cap = capacity::capacity(&r, &mut warnings);
    if let Some(p) = cap.catalog_point {
        sources.push(source(
            format!(
                "{} on {} x {} at {}",
                p.model,
                p.gpus,
                p.gpu,
                p.quantization.id()
            ),
            p.output_tokens_per_sec,
            "output tokens/s per replica",
            &p.source,
            &p.as_of,
        ));
    }
    let rented = Rented::new(s, &r, cap.gpus_per_replica, cap.capacity_requests);
    let owned = Owned::new(s, &r, cap.gpus_per_replica, cap.capacity_requests);
    let feasible = cap.report.feasible;
    if v <= 0.0 {
        warnings.push(
            "With no requests no serving replica is needed: self-hosting costs only its fixed costs and redundancy.".into(),
        );
    }

    // Options at today's volume.
    let api_usd = guard(api.cost(v));
    let (api_per_req, api_per_mtok) = unit_costs(api_usd, v, tokens_per_request);
    let api_option = ApiOption {
        monthly_usd: api_usd,
        breakdown: guard_items(api.breakdown(v, s.api.ops_fte, horizon)),
        usd_per_request: api_per_req,
        usd_per_mtok: api_per_mtok,
        input_usd_per_mtok: guard(r.input_usd_per_mtok),
        output_usd_per_mtok: guard(r.output_usd_per_mtok),
        cached_input_usd_per_mtok: guard(r.cached_input_usd_per_mtok),
        token_usd_per_request: guard(api.usd_per_request()),
        billed_input_tokens_per_month: guard(api.billed_input_tokens * v),
        output_tokens_per_month: guard(api.output_tokens * v),
    };
    let serving = rented.line.serving_replicas(v);
    let redundancy = f64::from(r.redundancy_replicas);
    let replicas = serving + redundancy;
    let gpus = replicas * f64::from(cap.gpus_per_replica);
    let utilization = utilization_pct(v, replicas, cap.capacity_requests);
    let rented_usd = guard(rented.line.cost(v));
    let (rented_per_req, rented_per_mtok) = unit_costs(rented_usd, v, tokens_per_request);
    let rented_option = RentedOption {
        monthly_usd: rented_usd,
        breakdown: guard_items(rented.breakdown(v, s.self_host.ops_fte, horizon)),
        usd_per_request: rented_per_req,
        usd_per_mtok: rented_per_mtok,
        feasible,
        replicas: replicas as u64,
        serving_replicas: serving as u64,
        redundancy_replicas: u64::from(r.redundancy_replicas),
        gpus: gpus as u64,
        gpus_per_replica: cap.gpus_per_replica,
        utilization_pct: utilization,
        usd_per_gpu_hour: guard(r.usd_per_gpu_hour),
        price_source: if s.cloud.usd_per_gpu_hour.is_some() {
            "user"
        } else {
            "catalog"
        }
        .into(),
        billed_gpu_hours_per_month: guard(rented.billed_gpu_hours(v)),
    };
    let owned_usd = guard(owned.line.cost(v));
    let (owned_per_req, owned_per_mtok) = unit_costs(owned_usd, v, tokens_per_request);
    let owned_option = OwnedOption {
        monthly_usd: owned_usd,
        breakdown: guard_items(owned.breakdown(v, s.self_host.ops_fte, horizon)),
        usd_per_request: owned_per_req,
        usd_per_mtok: owned_per_mtok,
        feasible,
        replicas: replicas as u64,
        serving_replicas: serving as u64,
        redundancy_replicas: u64::from(r.redundancy_replicas),
        gpus: gpus as u64,
        gpus_per_replica: cap.gpus_per_replica,
        utilization_pct: utilization,
        gpu_price_usd: guard(r.gpu_price_usd),
        capital_usd: guard(owned.capital_usd(replicas)),
        monthly_capital_usd: guard(owned.capital_usd(replicas) * owned.annuity_factor),
        power_kw: guard(replicas * owned.power_kw_per_replica),
    };

    let parts = Parts {
        api: &api,
        rented: &rented,
        owned: &owned,
    };
    let strategy = s.hybrid.strategy;
    let share_pct = input(s.hybrid.self_host_share_pct, 0.0, 100.0, 50.0);
    let h = parts.at(v, strategy, share_pct, None);
    let hybrid_option = hybrid_option(&h, strategy, v, tokens_per_request);

    // Breakevens.
    let be_rented = breakeven::breakeven(&api, &rented.line, tokens_per_request);
    let be_owned = breakeven::breakeven(&api, &owned.line, tokens_per_request);

    // TCO.
    let tco = tco::tco(
        &tco::TcoInputs {
            api: &api,
            rented: &rented,
            owned: &owned,
            volume: v,
            growth_pct: input(s.workload.monthly_growth_pct, -100.0, 1.0e3, 0.0),
            horizon_months: horizon as u32,
            discount_rate_pct: input(s.org.discount_rate_pct, 0.0, 1.0e3, 0.0),
            strategy,
            share_pct,
            hybrid_kind: h.kind,
            api_implementation_usd: api.implementation_usd_per_month * horizon,
            self_host_implementation_usd: rented.overheads.implementation_usd_per_month * horizon,
        },
        &mut warnings,
    );

    let curve = curve::curve(
        &parts,
        v,
        [be_rented.monthly_requests, be_owned.monthly_requests],
        strategy,
        share_pct,
    );

    // The cheaper self-hosted deployment, and what the API optimisations are worth.
    let (self_host_kind, self_host_usd, self_host_line) = if owned_usd < rented_usd {
        (SelfHostKind::Owned, owned_usd, &owned.line)
    } else {
        (SelfHostKind::Rented, rented_usd, &rented.line)
    };
    let api_plain = ApiLine::new(s, &r, false);
    let optimisation = main_optimisation(s, &api, &r);
    let (api_usd_unoptimised, breakeven_unoptimised) = if optimisation.is_some() {
        (
            guard(api_plain.cost(v)),
            breakeven::first_volume(&api_plain, self_host_line),
        )
    } else {
        (api_usd, None)
    };
    let breakeven_best = match self_host_kind {
        SelfHostKind::Rented => be_rented.monthly_requests,
        SelfHostKind::Owned => be_owned.monthly_requests,
    };
    let decision = decision::decide(&decision::DecisionInputs {
        s,
        volume: v,
        api_usd,
        self_host_usd,
        self_host_kind,
        hybrid_usd: hybrid_option.monthly_usd,
        feasible,
        infeasible_reason: cap.report.infeasible_reason.as_deref(),
        breakeven: breakeven_best,
        breakeven_unoptimised,
        api_usd_unoptimised,
        main_optimisation: optimisation,
        npv_usd: tco.npv_usd,
        horizon_months: horizon as u32,
    });

    // Cheapest today; ties go to the simpler option (listed first).
    let mut cheapest = (OptionId::Api, api_usd);
    let candidates = [
        (OptionId::Rented, rented_usd, feasible),
        (OptionId::Owned, owned_usd, feasible),
        (
            OptionId::Hybrid,
            hybrid_option.monthly_usd,
            feasible || strategy == HybridStrategy::Routing && share_pct == 0.0,
        ),
    ];
    for (id, usd, ok) in candidates {
        if ok && usd < cheapest.1 {
            cheapest = (id, usd);
        }
    }
    let savings = api_usd - self_host_usd;

    Report {
        options: Options {
            api: api_option,
            rented: rented_option,
            owned: owned_option,
            hybrid: hybrid_option,
        },
        capacity: cap.report,
        breakeven: Breakevens {
            rented_vs_api: be_rented,
            owned_vs_api: be_owned,
        },
        tco,
        decision,
        curve,
        cheapest: cheapest.0,
        savings_vs_api_usd_per_month: if savings.is_finite() { savings } else { 0.0 },
        warnings,
        sources,
    }
}

fn hybrid_option(
    h: &hybrid::HybridCalc,
    strategy: HybridStrategy,
    v: f64,
    tokens_per_request: f64,
) -> HybridOption {
    let usd = guard(h.usd);
    let (per_req, per_mtok) = unit_costs(usd, v, tokens_per_request);
    let kind = h.kind.id();
    let share = if v > 0.0 {
        h.self_host_requests / v * 100.0
    } else {
        0.0
    };
    let mut breakdown = Vec::with_capacity(2);
    if h.uses_api {
        breakdown.push(CostItem {
            category: CostCategory::ApiPart,
            item: format!("API part: {} requests", text::count(h.api_requests)),
            usd: h.api_usd,
        });
    }
    if h.uses_self_host {
        breakdown.push(CostItem {
            category: CostCategory::SelfHostPart,
            item: format!(
                "Self-hosted part ({kind}): {}",
                text::replicas(h.self_host_replicas)
            ),
            usd: h.self_host_usd,
        });
    }
    let explanation = match strategy {
        HybridStrategy::Routing => format!(
            "Routing sends {} of requests ({}) to {} on {kind} GPUs and the rest to the API.",
            text::pct(share),
            text::count(h.self_host_requests),
            text::replicas(h.self_host_replicas)
        ),
        HybridStrategy::Overflow => match h.overflow_replicas {
            Some(k) if k > 0.0 && h.api_requests > 0.0 => format!(
                "Overflow keeps {} on {kind} GPUs busy with {} requests and sends the {} that exceed them to the API, the cheapest whole number of replicas.",
                text::replicas(k),
                text::count(h.self_host_requests),
                text::count(h.api_requests)
            ),
            Some(k) if k > 0.0 => format!(
                "Overflow finds it cheapest to self-host everything on {} on {kind} GPUs.",
                text::replicas(k)
            ),
            _ => "Overflow finds it cheapest to send everything to the API: no number of self-hosted replicas pays at this volume.".to_string(),
        },
        HybridStrategy::Fallback => format!(
            "Fallback sends all requests to the API and keeps one warm replica on {kind} GPUs to take over if the API fails."
        ),
    };
    HybridOption {
        monthly_usd: usd,
        breakdown: guard_items(breakdown),
        usd_per_request: per_req,
        usd_per_mtok: per_mtok,
        strategy: strategy.id().into(),
        self_host_option: h.kind,
        self_host_requests_per_month: guard(h.self_host_requests),
        api_requests_per_month: guard(h.api_requests),
        self_host_share_pct: guard(share),
        self_host_replicas: guard(h.self_host_replicas) as u64,
        explanation,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_scenario_evaluates() {
        let r = evaluate(&Scenario::default());
        let json = serde_json::to_string_pretty(&r).unwrap();
        assert!(!json.contains("NaN") && !json.contains("null,\n  \"capacity\""));
    }
}
