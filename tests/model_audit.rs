//! Audit scenarios: inputs small enough to check by hand, the arithmetic in a comment,
//! the exact dollars asserted.

mod common;

use llm_tco::catalog;
use llm_tco::format::Money;
use llm_tco::model::{Report, evaluate};
use llm_tco::scenario::{Scenario, preset_scenario};
use serde_json::{Value, json};

const TOL: f64 = 1e-6;

fn close(actual: f64, expected: f64) {
    assert!(
        (actual - expected).abs() <= TOL * expected.abs().max(1.0),
        "expected {expected}, got {actual}"
    );
}

/// A deliberately plain scenario: every cost that is not under test is zero.
/// Custom API at $2 / $10 / $0.50 per million tokens; Llama 3.1 8B on one H100 with a
/// measured 100 output tokens/s, 100% planning utilisation, no peak; $2 per GPU-hour;
/// an engineer costs $10,000 a month; 10-month horizon; no discounting.
fn base() -> Value {
    common::audit_base(1_000.0)
}

/// An owned replica's power at the base volume. The server's maximum: 700 W x (1 + 0.82
/// host share) x PUE 1.5 = 1.911 kW; idle 30% = 0.5733 kW all month: 0.5733 x 730 h x
/// $0.10 = $41.8509. Busy at 50% = 0.9555 kW; each request occupies the replica
/// 100 tokens / 100 tokens/s = 1/3,600 h and adds (0.9555 - 0.5733) / 3,600 kWh:
/// 1,000 requests add $0.0106167.
const IDLE_POWER_USD: f64 = 41.8509;
const POWER_USD_PER_REQUEST: f64 = 0.3822 / 3600.0 * 0.1;
const POWER_USD: f64 = IDLE_POWER_USD + 1000.0 * POWER_USD_PER_REQUEST;

fn with(over: Value) -> Scenario {
    let mut v = base();
    llm_tco::scenario::merge(&mut v, &over);
    Scenario::from_value(&v).unwrap_or_else(|e| panic!("invalid audit scenario: {e:?}"))
}

fn eval(over: Value) -> Report {
    evaluate(&with(over))
}

fn item(items: &[llm_tco::model::CostItem], prefix: &str) -> f64 {
    items
        .iter()
        .find(|i| i.item.starts_with(prefix))
        .map(|i| i.usd)
        .unwrap_or_else(|| panic!("no item {prefix}"))
}

#[test]
fn api_tokens_with_prompt_reduction_cache_and_batch() {
    // 1,000 input tokens less 20% prompt reduction = 800 billed input tokens.
    // 25% cache hits: 200 at $0.50/M and 600 at $2/M; 100 output tokens at $10/M.
    // Per request at list: 600 x 2e-6 + 200 x 0.5e-6 + 100 x 10e-6 = 0.0012 + 0.0001 + 0.001 = 0.0023.
    // Half the requests go through the batch API at 50% off: x (1 - 0.5 x 0.5) = x 0.75 -> 0.001725.
    // 1,000 requests -> $1.725; + fixed $100 + 0.5 FTE x $10,000 + $1,200 / 10 months = $5,221.725.
    let r = eval(json!({
        "api": { "prompt_reduction_pct": 20, "cache_hit_pct": 25, "batch_share_pct": 50,
                 "fixed_usd_per_month": 100, "ops_fte": 0.5, "implementation_usd": 1200 }
    }));
    let a = &r.options.api;
    close(a.token_usd_per_request, 0.001725);
    close(
        item(&a.breakdown, "Input tokens"),
        600.0 * 2e-6 * 0.75 * 1000.0,
    );
    close(
        item(&a.breakdown, "Cached input tokens"),
        200.0 * 0.5e-6 * 0.75 * 1000.0,
    );
    close(
        item(&a.breakdown, "Output tokens"),
        100.0 * 10e-6 * 0.75 * 1000.0,
    );
    close(a.monthly_usd, 5_221.725);
    close(a.usd_per_request, 5.221725);
    // Per million workload tokens: 1,000 x (1,000 + 100) = 1.1M tokens.
    close(a.usd_per_mtok, 5_221.725 / 1.1);
    close(a.billed_input_tokens_per_month, 800_000.0);
}

#[test]
fn cache_hits_without_a_cached_price_bill_at_the_input_price() {
    // Gemini 1.5 Pro has no cached price in the catalog: 50% cache hits change nothing.
    // 1,000 x (1,000 x $1.25/M + 100 x $5/M) = 1,000 x 0.00175 = $1.75.
    let r = eval(
        json!({ "api": { "model": "gemini-1.5-pro", "input_usd_per_mtok": null, "output_usd_per_mtok": null,
                                  "cached_input_usd_per_mtok": null, "cache_hit_pct": 50 } }),
    );
    close(r.options.api.cached_input_usd_per_mtok, 1.25);
    close(r.options.api.monthly_usd, 1.75);
}

#[test]
fn custom_api_without_prices_costs_zero_and_warns() {
    let r = eval(json!({ "api": { "input_usd_per_mtok": null, "output_usd_per_mtok": null } }));
    close(r.options.api.token_usd_per_request, 0.0);
    assert!(
        r.warnings
            .iter()
            .any(|w| w.contains("api.input_usd_per_mtok")),
        "{:?}",
        r.warnings
    );
    assert!(
        r.warnings
            .iter()
            .any(|w| w.contains("api.output_usd_per_mtok")),
        "{:?}",
        r.warnings
    );
}

#[test]
fn one_rented_replica_always_on() {
    // 100 tokens/s / 100 tokens = 1 request/s x 730 h x 3,600 = 2,628,000 requests a month.
    // 1,000 requests need 1 replica of 1 GPU: 730 h x $2 = $1,460.
    // + infra $100 + 0.25 FTE x $10,000 + $3,000 / 10 months = $1,460 + $100 + $2,500 + $300 = $4,360.
    let r = eval(
        json!({ "self_host": { "infra_usd_per_month": 100, "ops_fte": 0.25, "implementation_usd": 3000 } }),
    );
    close(r.capacity.monthly_requests_per_replica, 2_628_000.0);
    let o = &r.options.rented;
    assert_eq!((o.replicas, o.gpus, o.gpus_per_replica), (1, 1, 1));
    close(o.billed_gpu_hours_per_month, 730.0);
    close(o.monthly_usd, 4_360.0);
    close(o.usd_per_request, 4.36);
}

#[test]
fn one_rented_replica_active_window() {
    // 200 active hours: capacity 1 request/s x 200 h x 3,600 = 720,000 requests a month.
    // Billed 200 h x $2 = $400; + $2,900 of fixed costs = $3,300.
    let r = eval(json!({ "workload": { "active_hours_per_month": 200 },
                         "cloud": { "billing": "active_window" },
                         "self_host": { "infra_usd_per_month": 100, "ops_fte": 0.25, "implementation_usd": 3000 } }));
    close(r.capacity.monthly_requests_per_replica, 720_000.0);
    close(r.options.rented.billed_gpu_hours_per_month, 200.0);
    close(r.options.rented.monthly_usd, 3_300.0);
}

#[test]
fn one_rented_replica_scale_to_zero() {
    // Busy share = 1,000 / 720,000 of the replica's 200 active hours = 0.2777.. h,
    // + 10% warm-up buffer = 0.30555.. h; x $2 = $0.61111..; + $2,900 = $2,900.61111...
    let r = eval(json!({ "workload": { "active_hours_per_month": 200 },
                         "cloud": { "billing": "scale_to_zero", "runtime_buffer_pct": 10 },
                         "self_host": { "infra_usd_per_month": 100, "ops_fte": 0.25, "implementation_usd": 3000 } }));
    close(
        r.options.rented.billed_gpu_hours_per_month,
        1000.0 / 720_000.0 * 200.0 * 1.1,
    );
    close(
        r.options.rented.monthly_usd,
        2_900.0 + 1000.0 / 720_000.0 * 200.0 * 1.1 * 2.0,
    );
}

#[test]
fn owned_server_annuity_maintenance_and_power() {
    // Capital: 1 GPU x ($20,000 + $4,000 server) + $1,000 installation = $25,000.
    // Annuity at 12%/12 = 1% a month over 24 months with a 20% residual ($5,000):
    //   PMT = 0.01 x (25,000 - 5,000 / 1.01^24) / (1 - 1.01^-24) = $991.4694444652933.
    // Maintenance 6% a year: 25,000 x 0.06 / 12 = $125.
    // Power: $41.8509 idle + $0.0106167 for 1,000 requests (see POWER_USD), an average
    // 0.5733 kW + 1,000 x 0.3822 / 3,600 kWh / 730 h.
    let r = eval(json!({}));
    let o = &r.options.owned;
    close(o.capital_usd, 25_000.0);
    close(o.monthly_capital_usd, 991.469_444_465_293_3);
    close(item(&o.breakdown, "Capital"), 991.469_444_465_293_3);
    close(item(&o.breakdown, "Maintenance"), 125.0);
    close(item(&o.breakdown, "Power"), POWER_USD);
    close(o.power_kw, 0.5733 + 1000.0 * 0.3822 / 3600.0 / 730.0);
    close(o.monthly_usd, 991.469_444_465_293_3 + 125.0 + POWER_USD);
}

#[test]
fn owned_annuity_at_zero_cost_of_capital_is_straight_line() {
    // (25,000 - 5,000 residual) / 24 months = $833.333...
    let r = eval(json!({ "owned": { "cost_of_capital_pct": 0 } }));
    close(r.options.owned.monthly_capital_usd, 20_000.0 / 24.0);
}

#[test]
fn one_request_past_capacity_buys_a_replica() {
    // Capacity is 2,628,000 requests per replica (see above); at exactly that volume one
    // replica serves; one request more needs a second, and GPU time doubles: $1,460 -> $2,920.
    let at = eval(json!({ "workload": { "monthly_requests": 2_628_000 } }));
    let past = eval(json!({ "workload": { "monthly_requests": 2_628_001 } }));
    assert_eq!(at.options.rented.replicas, 1);
    assert_eq!(past.options.rented.replicas, 2);
    close(at.options.rented.monthly_usd, 1_460.0);
    close(past.options.rented.monthly_usd, 2_920.0);
    close(at.options.rented.utilization_pct, 100.0);
    assert_eq!(past.options.owned.replicas, 2);
    // Redundancy adds on top: N + 1.
    let n1 = eval(
        json!({ "workload": { "monthly_requests": 2_628_001 }, "self_host": { "redundancy_replicas": 1 } }),
    );
    assert_eq!((n1.options.rented.replicas, n1.options.rented.gpus), (3, 3));
    close(n1.options.rented.monthly_usd, 3.0 * 1_460.0);
}

/// API at $0.10 a request ($100/M on 1,000 input tokens, free output); a replica of one
/// GPU at $1/h always on = $730 a month that serves 1 token/s / 36 tokens x 100 active
/// hours x 3,600 = 10,000 requests; $700.05 of fixed self-hosting cost.
fn third_step() -> Value {
    json!({
        "workload": { "output_tokens_per_request": 36, "active_hours_per_month": 100 },
        "api": { "input_usd_per_mtok": 100, "output_usd_per_mtok": 0 },
        "self_host": { "output_tokens_per_sec_per_replica": 1, "infra_usd_per_month": 700.05 },
        "cloud": { "usd_per_gpu_hour": 1 }
    })
}

#[test]
fn breakeven_inside_the_third_step() {
    // Self-host minus API at the top of step k: 700.05 + 730 k - 0.10 x 10,000 k = 700.05 - 270 k:
    // +430.05 (k = 1), +160.05 (k = 2), -109.95 (k = 3): the crossing is in step 3.
    // In step 3 self-host costs 700.05 + 2,190 = $2,890.05, which the API reaches at
    // 0.10 v >= 2,890.05, i.e. v >= 28,900.5: the first whole volume is 28,901.
    let r = eval(third_step());
    close(r.capacity.monthly_requests_per_replica, 10_000.0);
    let b = &r.breakeven.rented_vs_api;
    assert_eq!(b.monthly_requests, Some(28_901.0));
    assert_eq!(b.replicas, Some(3));
    assert_eq!(b.not_below, None);
    // Tokens: 28,901 x (1,000 + 36).
    close(b.monthly_tokens.unwrap(), 28_901.0 * 1_036.0);

    let mut below = third_step();
    llm_tco::scenario::merge(
        &mut below,
        &json!({ "workload": { "monthly_requests": 28_900 } }),
    );
    let below = eval(below);
    close(below.options.rented.monthly_usd, 2_890.05);
    close(below.options.api.monthly_usd, 2_890.0);
    assert!(below.options.rented.monthly_usd > below.options.api.monthly_usd);

    let mut at = third_step();
    llm_tco::scenario::merge(
        &mut at,
        &json!({ "workload": { "monthly_requests": 28_901 } }),
    );
    let at = eval(at);
    close(at.options.api.monthly_usd, 2_890.1);
    assert!(at.options.rented.monthly_usd <= at.options.api.monthly_usd);
    // The curve draws both sides of the step edges around it.
    let vols: Vec<f64> = r.curve.iter().map(|p| p.monthly_requests).collect();
    for v in [20_000.0, 20_001.0, 28_900.0, 28_901.0, 30_000.0, 30_001.0] {
        assert!(vols.contains(&v), "curve lacks {v}");
    }
}

#[test]
fn no_breakeven_reports_the_ceiling() {
    // A replica at $730 that carries 10,000 requests worth $0.01 each never pays.
    let mut s = third_step();
    llm_tco::scenario::merge(&mut s, &json!({ "api": { "input_usd_per_mtok": 10 } }));
    let r = eval(s);
    let b = &r.breakeven.rented_vs_api;
    assert_eq!((b.monthly_requests, b.monthly_tokens), (None, None));
    assert_eq!(b.not_below, Some(1.0e11));
}

#[test]
fn document_processing_breaks_even_between_half_a_million_and_two_million() {
    // 1M requests, $3/M input (Claude 3.5 Sonnet), one two-H100 server at 2 x 730 h x $2.49
    // = $3,635 a month: the published band is 500k-2M requests a month.
    let r = evaluate(&Scenario::default());
    assert_eq!(Scenario::default().preset, "document-processing");
    close(r.options.api.input_usd_per_mtok, 3.0);
    let gpu_usd = item(&r.options.rented.breakdown, "GPU time");
    assert!((2_000.0..=5_000.0).contains(&gpu_usd), "{gpu_usd}");
    for b in [&r.breakeven.rented_vs_api, &r.breakeven.owned_vs_api] {
        let v = b.monthly_requests.expect("a breakeven");
        assert!((500_000.0..=2_000_000.0).contains(&v), "{v}");
    }
}

fn check_numbers(path: &str, v: &Value) {
    match v {
        Value::Number(n) => {
            let x = n.as_f64().unwrap();
            assert!(x.is_finite(), "{path} = {x}");
            if !path.ends_with("savings_vs_api_usd_per_month") {
                assert!(x >= 0.0, "{path} = {x}");
            }
        }
        Value::Array(a) => a
            .iter()
            .enumerate()
            .for_each(|(i, x)| check_numbers(&format!("{path}[{i}]"), x)),
        Value::Object(m) => m
            .iter()
            .for_each(|(k, x)| check_numbers(&format!("{path}.{k}"), x)),
        _ => {}
    }
}

#[test]
fn every_preset_evaluates_to_finite_non_negative_numbers() {
    for id in catalog::preset_ids() {
        let s = preset_scenario(id).unwrap();
        let r = evaluate(&s);
        let v = serde_json::to_value(&r).unwrap();
        check_numbers(id, &v);
        assert!(!r.curve.is_empty() && r.curve.len() <= 400, "{id}");
        assert_eq!(r.tco.months.len(), s.org.horizon_months as usize, "{id}");
        assert!(!r.decision.reasons.is_empty(), "{id}");
        // The report survives a round trip through JSON.
        let back: Report = serde_json::from_value(v).unwrap();
        assert_eq!(back, r, "{id}");
    }
}

#[test]
fn regulated_healthcare_never_recommends_the_api_alone() {
    let r = evaluate(&preset_scenario("regulated-healthcare").unwrap());
    assert_ne!(
        r.decision.recommendation,
        llm_tco::model::Recommendation::Api
    );
    assert!(
        r.decision
            .reasons
            .iter()
            .any(|x| x.criterion == "criteria.data_sensitivity")
    );
}

#[test]
fn memory_fit_sizes_replicas() {
    // Llama 70B at 16 bits is 141 GB of weights: more than one 80 GB H100.
    let r = eval(
        json!({ "self_host": { "model": "llama-3.1-70b", "quantization": "fp16", "gpus_per_replica": null,
                                        "output_tokens_per_sec_per_replica": null } }),
    );
    assert!(
        r.capacity.gpus_per_replica > 1,
        "{}",
        r.capacity.gpus_per_replica
    );
    assert_eq!(r.capacity.gpus_per_replica_source, "memory_fit");
    close(r.capacity.weights_gb, 141.2);
    // Llama 8B fits one 24 GB L4 at int4 (4 GB) and at fp8 (8 GB).
    for q in ["int4", "fp8"] {
        let r = eval(
            json!({ "self_host": { "gpu": "l4", "quantization": q, "gpus_per_replica": null } }),
        );
        assert_eq!(r.capacity.gpus_per_replica, 1, "{q}");
        assert!(r.capacity.feasible);
    }
    // 405B at 16 bits (820 GB) fits no 8 x 24 GB: infeasible, reported, costs still finite.
    let r = eval(
        json!({ "self_host": { "model": "llama-3.1-405b", "gpu": "l4", "gpus_per_replica": null } }),
    );
    assert!(!r.capacity.feasible);
    assert!(!r.options.rented.feasible && !r.options.owned.feasible);
    assert!(r.capacity.infeasible_reason.is_some());
    assert!(r.warnings.iter().any(|w| w.contains("infeasible")));
    assert!(r.options.rented.monthly_usd.is_finite() && r.options.owned.monthly_usd.is_finite());
    assert_eq!(r.cheapest, llm_tco::model::OptionId::Api);
}

#[test]
fn throughput_source_precedence() {
    // No figure of ours: Llama 70B fp8 on 2 x H100 SXM is measured in the catalog (1,728
    // tokens/s with vLLM 0.5.4 at about 205 input / 196 output tokens). The measurement is
    // used scaled to this workload: x (the engine's estimate for the scenario / its estimate
    // under the run's conditions), and the sources list the measured figure.
    let measured = json!({ "self_host": { "model": "llama-3.1-70b", "quantization": "fp8", "gpus_per_replica": 2,
                                          "output_tokens_per_sec_per_replica": null } });
    let r = eval(measured.clone());
    assert_eq!(r.capacity.gpus_per_replica, 2);
    assert_eq!(r.capacity.throughput_source, "catalog");
    let point = r
        .capacity
        .catalog_point
        .clone()
        .expect("a scaled catalog point");
    assert_eq!(point.measured_output_tokens_per_sec, 1_728.0);
    assert_eq!(
        (point.input_tokens, point.output_tokens, point.gpus),
        (205.0, 196.0, 2)
    );
    close(
        point.scale,
        point.estimate_at_scenario / point.estimate_at_measurement,
    );
    close(
        r.capacity.output_tokens_per_sec_per_replica,
        1_728.0 * point.scale,
    );
    assert!(
        r.sources
            .iter()
            .any(|s| s.unit.contains("tokens/s") && s.value == 1_728.0)
    );
    // The user's figure wins over the catalog.
    let mut user = measured.clone();
    llm_tco::scenario::merge(
        &mut user,
        &json!({ "self_host": { "output_tokens_per_sec_per_replica": 500 } }),
    );
    let r = eval(user);
    assert_eq!(r.capacity.throughput_source, "user");
    close(r.capacity.output_tokens_per_sec_per_replica, 500.0);
    // No measurement for an H100 PCIe: the roofline estimate.
    let mut est = measured;
    llm_tco::scenario::merge(&mut est, &json!({ "self_host": { "gpu": "h100-pcie" } }));
    let r = eval(est);
    assert_eq!(r.capacity.throughput_source, "estimate");
    assert!(r.capacity.output_tokens_per_sec_per_replica > 0.0);
    assert!(
        r.capacity.throughput_note.contains("MBU")
            || r.capacity.throughput_note.contains("bandwidth")
    );
}

#[test]
fn overflow_is_the_best_whole_number_of_replicas() {
    // Third-step prices at 45,000 requests (5 steps of 10,000). Brute force over every k:
    // k replicas carry 10,000 k requests, the API the rest; k = 0 is the API alone and
    // k = 5 self-hosting alone.
    let mut s = third_step();
    llm_tco::scenario::merge(
        &mut s,
        &json!({ "workload": { "monthly_requests": 45_000 }, "hybrid": { "strategy": "overflow" } }),
    );
    let r = eval(s.clone());
    let cost_at = |v: f64| {
        let mut x = s.clone();
        llm_tco::scenario::merge(&mut x, &json!({ "workload": { "monthly_requests": v } }));
        let r = eval(x);
        (
            r.options.api.monthly_usd,
            r.options
                .rented
                .monthly_usd
                .min(r.options.owned.monthly_usd),
        )
    };
    let (api_all, self_all) = cost_at(45_000.0);
    let mut best = api_all.min(self_all);
    for k in 1..5 {
        let (api_rest, _) = cost_at(45_000.0 - 10_000.0 * k as f64);
        let (_, self_k) = cost_at(10_000.0 * k as f64);
        best = best.min(api_rest + self_k);
    }
    close(r.options.hybrid.monthly_usd, best);
    assert!(r.options.hybrid.monthly_usd <= api_all.min(self_all) + TOL);
    assert_eq!(r.options.hybrid.strategy, "overflow");
}

#[test]
fn fallback_keeps_one_warm_replica() {
    // The API takes all 1,000 requests ($2 x 1,000 x 1,000 / 1M + $10 x 100 x 1,000 / 1M = $3).
    // One replica is kept warm: rented costs 730 h x $2 = $1,460, owned
    // $991.47 + $125 + $41.85 idle power = $1,158.32, so the warm replica is owned.
    let r = eval(json!({ "hybrid": { "strategy": "fallback" } }));
    let h = &r.options.hybrid;
    close(
        h.monthly_usd,
        3.0 + 991.469_444_465_293_3 + 125.0 + IDLE_POWER_USD,
    );
    assert_eq!(h.self_host_replicas, 1);
    close(h.api_requests_per_month, 1_000.0);
}

#[test]
fn routing_sizes_the_self_hosted_part_for_its_share() {
    // 50% of 1,000 requests to self-hosting: 1 replica (owned is cheaper: $1,158.32 with
    // the power of 500 requests);
    // the API takes 500 requests: 500 x $0.003 = $1.50.
    let r = eval(json!({}));
    let h = &r.options.hybrid;
    close(h.self_host_share_pct, 50.0);
    close(
        h.monthly_usd,
        1.5 + 991.469_444_465_293_3 + 125.0 + IDLE_POWER_USD + 500.0 * POWER_USD_PER_REQUEST,
    );
    assert_eq!(h.self_host_option, llm_tco::model::SelfHostKind::Owned);
}

#[test]
fn tco_shows_capital_when_spent_and_replacement() {
    // Life 1 year inside a 24-month horizon: $25,000 is spent in month 1 and again in
    // month 13, less the 20% resale of the old server ($20,000). Running costs each month:
    // maintenance $125 + power (POWER_USD). The API costs $3 a month.
    let r = eval(json!({ "owned": { "life_years": 1 }, "org": { "horizon_months": 24 } }));
    let m = &r.tco.months;
    assert_eq!(m.len(), 24);
    close(m[0].owned_usd, 25_000.0 + 125.0 + POWER_USD);
    close(m[1].owned_usd, 125.0 + POWER_USD);
    close(m[12].owned_usd, 20_000.0 + 125.0 + POWER_USD);
    close(r.tco.upfront_capital_usd, 25_000.0);
    close(m[0].api_usd, 3.0);
    close(m[23].cumulative_api_usd, 72.0);
    close(
        m[23].cumulative_owned_usd,
        45_000.0 + 24.0 * (125.0 + POWER_USD),
    );
    // Without discounting the NPV is the plain sum less what the hardware in service at
    // the end is worth: the second server, at the end of its life, its $5,000 resale value.
    close(r.tco.remaining_value_usd.owned, 5_000.0);
    close(r.tco.npv_usd.owned, m[23].cumulative_owned_usd - 5_000.0);
    assert_eq!(r.tco.payback_month_owned, None);
    // The rented GPU ($1,460 a month) never catches up with a $3 API either.
    assert_eq!(r.tco.payback_month_rented, None);
}

#[test]
fn tco_grows_volume_and_finds_payback() {
    // 1M requests growing 10% a month; the API's tokens cost 1M x $0.003 = $3,000 in
    // month 1 and x 1.1 each month. A rented replica ($1,460, 2.6M requests) wins at once.
    let r =
        eval(json!({ "workload": { "monthly_requests": 1_000_000, "monthly_growth_pct": 10 } }));
    let m = &r.tco.months;
    close(m[0].api_usd, 3_000.0);
    close(m[1].api_usd, 3_300.0);
    close(m[1].monthly_requests, 1_100_000.0);
    assert_eq!(r.tco.payback_month_rented, Some(1));
    // The owned server ($25,000 up front) pays back once cumulative savings cover it.
    let owned = r.tco.payback_month_owned.expect("payback");
    assert!(owned > 1 && owned <= 10, "{owned}");
    // The NPV at 10% a year, 10% / 12 a month, discounts month 2 by 1 + 0.1 / 12.
    let d = eval(
        json!({ "workload": { "monthly_requests": 1_000_000 }, "org": { "discount_rate_pct": 10, "horizon_months": 2 } }),
    );
    close(d.tco.npv_usd.api, 3_000.0 + 3_000.0 / (1.0 + 0.1 / 12.0));
}

#[test]
fn caching_moves_the_breakeven_and_says_so() {
    // Third-step scenario with 50% of input served from cache at $10/M: the API's
    // per-request price falls from $0.10 to $0.055, so self-hosting needs more volume.
    let mut s = third_step();
    llm_tco::scenario::merge(
        &mut s,
        &json!({ "api": { "cache_hit_pct": 50, "cached_input_usd_per_mtok": 10 } }),
    );
    let r = eval(s);
    let reasons = Money::usd().reasons(&r.decision.reasons);
    let reason = reasons
        .iter()
        .find(|x| x.criterion == "api.cache_hit_pct")
        .expect("a caching reason");
    assert!(reason.text.contains("28,901"), "{}", reason.text);
    assert!(
        r.breakeven
            .rented_vs_api
            .monthly_requests
            .is_none_or(|v| v > 28_901.0)
    );
}

#[test]
fn volume_zero_needs_no_serving_replica() {
    let r = eval(json!({ "workload": { "monthly_requests": 0 } }));
    assert_eq!(r.options.rented.serving_replicas, 0);
    close(r.options.rented.monthly_usd, 0.0);
    close(r.options.api.usd_per_request, 0.0);
    assert!(r.warnings.iter().any(|w| w.contains("no requests")));
}

#[test]
fn scale_to_zero_bills_the_work_not_the_peak_headroom() {
    // 1 request/s per replica over 200 active hours = 720,000 requests a month at full
    // speed; a peak of 4 sizes the fleet for 180,000 average requests per replica.
    // 72,000 requests are 72,000 / 3,600 per hour = 20 GPU-hours of work: billed 20 h x $2
    // = $40 (not 80 h: the peak sizes the fleet, it does not lengthen the busy hours).
    let r = eval(
        json!({ "workload": { "active_hours_per_month": 200, "peak_to_average": 4,
                                       "monthly_requests": 72_000 },
                         "cloud": { "billing": "scale_to_zero" } }),
    );
    close(r.capacity.capacity_requests_per_replica, 180_000.0);
    assert_eq!(r.options.rented.serving_replicas, 1);
    close(r.options.rented.billed_gpu_hours_per_month, 20.0);
    close(r.options.rented.monthly_usd, 40.0);
}

#[test]
fn a_volume_equal_to_capacity_fits_one_replica() {
    // 280 tokens/s / 100 tokens = 2.8 requests/s x 730 h x 3,600 = 7,358,400 requests a
    // month exactly; that volume needs one replica: 730 h x $2 = $1,460.
    let r = eval(json!({ "workload": { "monthly_requests": 7_358_400 },
                         "self_host": { "output_tokens_per_sec_per_replica": 280 } }));
    assert_eq!(r.capacity.capacity_requests_per_replica, 7_358_400.0);
    assert_eq!(r.options.rented.replicas, 1);
    close(r.options.rented.monthly_usd, 1_460.0);
}

#[test]
fn overflow_keeps_base_load_on_the_replicas() {
    // 1 request/s x 100 active hours = 360,000 requests per replica at full speed; a peak
    // of 2 sizes a fleet for 180,000 average each, so 500,000 requests need 3 replicas.
    // API $0.003 a request; a replica $1 x 730 h = $730 (owned costs more: $1,158.32).
    // k = 0: 500,000 x $0.003 = $1,500. k = 1: the replica runs full on the base load,
    // 360,000 requests; the API takes 140,000 x $0.003 = $420: $1,150. k = 2: all
    // self-hosted, $1,460; k = 3: $2,190. Best: one replica, $1,150.
    let r = eval(
        json!({ "workload": { "monthly_requests": 500_000, "active_hours_per_month": 100,
                                       "peak_to_average": 2 },
                         "cloud": { "usd_per_gpu_hour": 1 },
                         "hybrid": { "strategy": "overflow" } }),
    );
    let h = &r.options.hybrid;
    close(h.monthly_usd, 1_150.0);
    close(h.api_requests_per_month, 140_000.0);
    assert_eq!(h.self_host_replicas, 1);
}

/// Scale-to-zero at $14.40 per GPU-hour: 1 request/s means 1/3,600 GPU-hour a request,
/// $0.004, against the API's $0.003 a request plus $100.0005 of fixed fees a month.
fn dearer_per_request() -> Value {
    json!({
        "api": { "fixed_usd_per_month": 100.0005 },
        "cloud": { "billing": "scale_to_zero", "usd_per_gpu_hour": 14.4 }
    })
}

#[test]
fn self_hosting_cheaper_only_below_a_volume_says_so() {
    // Self-host minus API at v: 0.004 v - (100.0005 + 0.003 v) = 0.001 v - 100.0005, no
    // more than 0 up to v = 100,000.5: self-hosting costs no more from 1 to 100,000
    // requests and more from 100,001 on.
    let r = eval(dearer_per_request());
    let b = &r.breakeven.rented_vs_api;
    assert_eq!(b.monthly_requests, Some(1.0));
    let at = |v: f64, cheaper: bool| llm_tco::model::Crossing {
        monthly_requests: v,
        self_host_cheaper: cheaper,
    };
    assert_eq!(b.crossings, vec![at(1.0, true), at(100_001.0, false)]);
    let reasons = Money::usd().reasons(&r.decision.reasons);
    let volume = reasons
        .iter()
        .find(|x| x.criterion == "workload.monthly_requests")
        .expect("a volume reason");
    assert!(
        volume
            .text
            .contains("only between 1 and 100,000 requests a month"),
        "{}",
        volume.text
    );
}

#[test]
fn long_term_cost_compares_every_option() {
    // Scale-to-zero at $5 per GPU-hour: 1/3,600 GPU-hour a request, $5 / 3,600 a request.
    // Today (1M requests) rented costs $1,388.89 and owned $1,168.94, so owned is today's
    // self-hosted pick. Volume halves every month for 6 months: 1M x (1 + 1/2 + ... + 1/32)
    // = 1,968,750 requests. Present cost (no discounting): rented 1,968,750 x 5 / 3,600 =
    // $2,734.375; the API 1,968,750 x $0.003 = $5,906.25; owned pays its $25,000 server up
    // front; the hybrid (half on the API, half on rented) $4,320.3125. Rented has the lowest
    // present cost, and the reason says so, against the API.
    let r = eval(json!({
        "workload": { "monthly_requests": 1_000_000, "monthly_growth_pct": -50 },
        "cloud": { "billing": "scale_to_zero", "usd_per_gpu_hour": 5 },
        "org": { "horizon_months": 6 },
        "criteria": { "long_term_cost_priority": true }
    }));
    assert_eq!(
        r.decision.self_host_option,
        llm_tco::model::SelfHostKind::Owned
    );
    close(r.tco.npv_usd.rented, 2_734.375);
    close(r.tco.npv_usd.api, 5_906.25);
    let reason = r
        .decision
        .reasons
        .iter()
        .find(|x| x.criterion == "criteria.long_term_cost_priority")
        .expect("a long-term reason");
    let llm_tco::model::ReasonFact::LongTermCost {
        lowest,
        self_host,
        lowest_usd,
        other_usd,
        ..
    } = reason.fact
    else {
        panic!("{:?}", reason.fact)
    };
    assert_eq!(lowest, llm_tco::model::Favours::SelfHost);
    assert_eq!(self_host, llm_tco::model::SelfHostKind::Rented);
    close(lowest_usd, 2_734.375);
    close(other_usd, 5_906.25);
}

#[test]
fn hardware_in_service_at_the_horizon_is_credited() {
    // Owned at no cost of capital: (25,000 - 5,000 residual) / 24 months = $833.33 of
    // capital a month + $166.86 running (maintenance and POWER_USD) = $1,000.19 a month,
    // against $1,460 rented.
    // Over 10 months the server is 10 months into its 24: it is still worth
    // 25,000 - 10 x 20,000 / 24 = $16,666.67, so its present cost is
    // 25,000 + 10 x 166.86 - 16,666.67 = $10,001.95 = 10 x $1,000.19, under rented's $14,600:
    // both views find owning cheaper.
    let r = eval(json!({ "owned": { "cost_of_capital_pct": 0 } }));
    let monthly = 20_000.0 / 24.0 + 125.0 + POWER_USD;
    close(r.options.owned.monthly_usd, monthly);
    close(r.tco.npv_usd.rented, 14_600.0);
    close(
        r.tco.remaining_value_usd.owned,
        25_000.0 - 10.0 * 20_000.0 / 24.0,
    );
    close(r.tco.npv_usd.owned, 10.0 * monthly);
}

#[test]
fn power_is_the_servers_draw_at_the_load_it_runs() {
    // A server draws its GPU's 700 W TDP plus the host's 82% share (DGX H100: 10.2 kW for
    // eight 700 W GPUs): 1,274 W at most, x PUE 1.5 = 1.911 kW. Idle it draws 30% of
    // that, 0.5733 kW; busy, the 50% load: 0.9555 kW.
    // Busy all month (2,628,000 requests fill the replica): 0.9555 x 730 h x $0.10 = $69.7515.
    let busy = eval(json!({ "workload": { "monthly_requests": 2_628_000 } }));
    close(item(&busy.options.owned.breakdown, "Power"), 69.7515);
    close(busy.options.owned.power_kw, 0.9555);
    // Idle (no requests): 0.5733 x 730 x $0.10 = $41.8509 for the replica kept.
    let idle = eval(json!({ "workload": { "monthly_requests": 0 },
                            "self_host": { "redundancy_replicas": 1 } }));
    close(item(&idle.options.owned.breakdown, "Power"), 41.8509);
    close(idle.options.owned.power_kw, 0.5733);
}

#[test]
fn cost_of_capital_and_discounting_share_one_monthly_rate() {
    // Both at 12% a year are 1% a month. Owned over 10 months, discounted at 1% a month
    // (month m by 1.01^(m - 1), the remaining value by 1.01^10): the capital's present cost
    // is the monthly charge's, 991.4694444652933 x (1 - 1.01^-10) / 0.01
    // = 991.4694444652933 x 9.4713045 = $9,390.45; running costs and the API are due at
    // the start of each month: x (1 + 1.01^-1 + ... + 1.01^-9) = x 9.5660176.
    let r = eval(json!({ "org": { "discount_rate_pct": 12 } }));
    let v = 1.0 / 1.01_f64;
    let arrears: f64 = (1..=10).map(|m| v.powi(m)).sum();
    let due: f64 = (0..10).map(|m| v.powi(m)).sum();
    let capital = 991.469_444_465_293_3 * arrears;
    let running = 125.0 + item(&r.options.owned.breakdown, "Power");
    close(r.tco.npv_usd.owned, capital + running * due);
    close(r.tco.npv_usd.api, 3.0 * due);
}

#[test]
fn cache_hits_without_a_cached_price_warn() {
    // Gemini 1.5 Pro has no cached price: 50% cache hits save nothing, and the report says so.
    let r = eval(
        json!({ "api": { "model": "gemini-1.5-pro", "input_usd_per_mtok": null, "output_usd_per_mtok": null,
                                  "cached_input_usd_per_mtok": null, "cache_hit_pct": 50 } }),
    );
    assert!(
        r.warnings
            .iter()
            .any(|w| w.contains("api.cache_hit_pct") && w.contains("no cached")),
        "{:?}",
        r.warnings
    );
}

#[test]
fn an_unknown_nested_field_names_its_whole_path() {
    let e = Scenario::from_value(&json!({ "workload": { "monthly_requestz": 5 } })).unwrap_err();
    assert_eq!(e[0].field, "workload.monthly_requestz", "{e:?}");
}

#[test]
fn a_file_with_a_byte_order_mark_reads() {
    let s = Scenario::from_json("\u{feff}{ \"workload\": { \"monthly_requests\": 5 } }")
        .unwrap_or_else(|e| panic!("{e:?}"));
    assert_eq!(s.workload.monthly_requests, 5.0);
}
