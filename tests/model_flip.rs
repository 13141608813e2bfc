//! What flips the answer (volume, API prices, GPU hour price), and the hybrid strategies
//! side by side: audit scenarios with the arithmetic in comments, then checks on every
//! preset that each flip really is where the comparison changes sides.

mod common;

use llm_tco::catalog;
use llm_tco::format::Money;
use llm_tco::model::{
    API_PRICE_MULTIPLIER, REVERSE_FALLBACK, Report, evaluate, flip_points, hybrid_strategies,
    lean_costs_with,
};
use llm_tco::scenario::{Scenario, preset_scenario};
use serde_json::{Value, json};

/// The audit scenario of `model_audit.rs` at 1M requests: custom API at $2 / $10 per
/// million tokens on 1,000 input and 100 output tokens = $0.003 a request ($3,000);
/// one H100 (2,628,000 requests a month) rented at $2 an hour = $1,460 or owned for
/// $991.4694444652933 capital + $125 maintenance + $41.8509 idle power = $1,158.3203...
/// a month, plus $0.0000106167 of power a request (the server at 1.911 kW with PUE idles
/// at 30%, 0.5733 kW x 730 h x $0.10, and draws 0.3822 kW more for the 1/3,600 h a
/// request keeps it busy): $1,168.9370... at 1M requests.
fn base() -> Value {
    common::audit_base(1_000_000.0)
}

const OWNED_IDLE_USD: f64 = 991.469_444_465_293_3 + 125.0 + 41.8509;
const OWNED_USD_PER_REQUEST: f64 = 0.3822 / 3600.0 * 0.1;
const OWNED_USD: f64 = OWNED_IDLE_USD + 1.0e6 * OWNED_USD_PER_REQUEST;

fn with(over: Value) -> Scenario {
    let mut v = base();
    llm_tco::scenario::merge(&mut v, &over);
    Scenario::from_value(&v).unwrap_or_else(|e| panic!("invalid audit scenario: {e:?}"))
}

fn close(actual: f64, expected: f64) {
    assert!(
        (actual - expected).abs() <= 1e-9 * expected.abs().max(1.0),
        "expected {expected}, got {actual}"
    );
}

fn self_host(r: &Report) -> f64 {
    r.options
        .rented
        .monthly_usd
        .min(r.options.owned.monthly_usd)
}

fn at_volume(s: &Scenario, v: f64) -> Report {
    let mut s = s.clone();
    s.workload.monthly_requests = v;
    evaluate(&s)
}

#[test]
fn audit_flip_points_by_hand() {
    let flips = flip_points(&with(json!({})));
    let f = Money::usd().flips(&flips);
    // Volume: the owned server ($1,158.32 + $0.0000106 a request) against $0.003 a request:
    // 1,158.32 / 0.0029894 = 387,478.02 -> 387,479
    // (renting needs $1,460 / $0.003 = 486,667).
    assert_eq!(f.volume.field, "workload.monthly_requests");
    assert_eq!(f.volume.value, Some(387_479.0));
    assert_eq!(f.volume.current, 1_000_000.0);
    assert_eq!(
        f.volume.text,
        "Self-hosting costs no more than the API from 387,479 requests a month (today 1,000,000)."
    );
    // API prices: $3,000 of tokens against $1,168.94: the multiplier 1,168.94 / 3,000 =
    // 0.389646..., i.e. 61% less, $0.7793 per M input tokens.
    assert_eq!(f.api_price.field, API_PRICE_MULTIPLIER);
    close(f.api_price.value.unwrap(), OWNED_USD / 3_000.0);
    assert_eq!(f.api_price.current, 1.0);
    assert_eq!(
        f.api_price.text,
        "The API would have to cost 61% less ($0.7793 per M input tokens) for it to win."
    );
    // GPU hours: the owned server already beats the API, so their price flips nothing.
    assert_eq!(f.gpu_price.value, None);
    assert_eq!(f.gpu_price.current, 2.0);
    assert!(
        f.gpu_price
            .text
            .starts_with("Owned servers already cost no more"),
        "{}",
        f.gpu_price.text
    );

    // GPUs at $200,000 each make owning dear (24 x the capital): only renting can win.
    // Rented = $x an hour x 730 h against the API's $3,000: x = 3,000 / 730 = $4.1096.
    let flips = flip_points(&with(json!({ "owned": { "gpu_price_usd": 200_000 } })));
    let f = Money::usd().flips(&flips);
    close(f.gpu_price.value.unwrap(), 3_000.0 / 730.0);
    assert_eq!(
        f.gpu_price.text,
        "Rented GPUs could cost up to $4.11 an hour (today $2.00) before the API becomes cheaper."
    );
    // The volume flip is now renting's: $1,460 / $0.003 = 486,666.7 -> 486,667.
    assert_eq!(f.volume.value, Some(486_667.0));

    // At 300,000 requests the API ($900) wins: the GPU would have to cost $900 / 730 = $1.2329.
    let flips = flip_points(&with(
        json!({ "workload": { "monthly_requests": 300_000 }, "owned": { "gpu_price_usd": 200_000 } }),
    ));
    let f = Money::usd().flips(&flips);
    close(f.gpu_price.value.unwrap(), 900.0 / 730.0);
    assert_eq!(
        f.gpu_price.text,
        "Rented GPUs would have to cost $1.23 an hour or less (today $2.00) for self-hosting to win."
    );
    assert_eq!(
        f.volume.text,
        "Self-hosting would cost no more than the API from 486,667 requests a month (today 300,000)."
    );
    // API prices would have to rise to 1,460 / 900 = 1.6222 x today's: 62.2% more, $3.24 per M.
    close(f.api_price.value.unwrap(), 1_460.0 / 900.0);
    assert_eq!(
        f.api_price.text,
        "The API would have to cost 62.2% more ($3.24 per M input tokens) for self-hosting to win."
    );
    // At 100,000 requests ($300 of API) the multiplier is 1,460 / 300 = 4.8667: "times as much".
    let flips = flip_points(&with(
        json!({ "workload": { "monthly_requests": 100_000 }, "owned": { "gpu_price_usd": 200_000 } }),
    ));
    let f = Money::usd().flips(&flips);
    close(f.api_price.value.unwrap(), 1_460.0 / 300.0);
    assert_eq!(
        f.api_price.text,
        "The API would have to cost 4.9 times as much ($9.73 per M input tokens) for self-hosting to win."
    );
}

#[test]
fn no_flip_says_so() {
    // Free API tokens: the API costs $0 at any volume, so no volume makes a $1,158.32 server
    // cheaper, and its prices cannot move a bill of no tokens.
    let flips = flip_points(&with(
        json!({ "api": { "input_usd_per_mtok": 0, "output_usd_per_mtok": 0, "cached_input_usd_per_mtok": 0 } }),
    ));
    let f = Money::usd().flips(&flips);
    assert_eq!(f.volume.value, None);
    assert!(
        f.volume
            .text
            .contains("at every volume up to 100,000,000,000"),
        "{}",
        f.volume.text
    );
    assert_eq!(f.api_price.value, None);
    assert!(
        f.api_price.text.contains("bills no tokens"),
        "{}",
        f.api_price.text
    );
    // API fixed costs of $2,000 (0.2 FTE) above the owned server's $1,158.32: no token price
    // makes the API cheaper.
    let flips = flip_points(&with(json!({ "api": { "ops_fte": 0.2 } })));
    let f = Money::usd().flips(&flips);
    assert_eq!(f.api_price.value, None);
    assert!(
        f.api_price
            .text
            .starts_with("No API price makes the API cheaper"),
        "{}",
        f.api_price.text
    );
    // Infrastructure of $5,000 a month: even free GPU hours leave renting above the $3,000 API,
    // and owning ($6,154.79) too.
    let flips = flip_points(&with(
        json!({ "self_host": { "infra_usd_per_month": 5_000 } }),
    ));
    let f = Money::usd().flips(&flips);
    assert_eq!(f.gpu_price.value, None);
    assert!(
        f.gpu_price.text.starts_with("Even free GPU hours"),
        "{}",
        f.gpu_price.text
    );
}

#[test]
fn every_preset_flips_exactly_where_it_says() {
    let mut scenarios: Vec<(String, Scenario)> = catalog::preset_ids()
        .into_iter()
        .map(|id| (id.to_string(), preset_scenario(id).unwrap()))
        .collect();
    for id in catalog::preset_ids() {
        for f in [0.05, 0.3, 3.0, 40.0] {
            let mut s = preset_scenario(id).unwrap();
            s.workload.monthly_requests = (s.workload.monthly_requests * f).round();
            scenarios.push((format!("{id} x{f}"), s.clone()));
            // Owned GPUs at $1M each: only renting can beat the API, so the GPU hour price flips.
            s.owned.gpu_price_usd = Some(1.0e6);
            scenarios.push((format!("{id} x{f} dear GPUs"), s));
        }
    }
    let mut found = [0; 3];
    for (name, s) in &scenarios {
        let flips = flip_points(s);
        let f = Money::usd().flips(&flips);
        for p in [&f.volume, &f.api_price, &f.gpu_price] {
            assert!(!p.text.is_empty() && p.current.is_finite(), "{name}");
            assert!(p.value.is_none_or(f64::is_finite), "{name}");
        }
        for (n, p) in found
            .iter_mut()
            .zip([&f.volume, &f.api_price, &f.gpu_price])
        {
            *n += usize::from(p.value.is_some());
        }
        // Volume: self-hosting no dearer at the flip, dearer one request below it.
        if let Some(v) = f.volume.value {
            assert_eq!(v, v.round());
            let here = at_volume(s, v);
            assert!(
                self_host(&here) <= here.options.api.monthly_usd,
                "{name} at {v}"
            );
            if v > 1.0 {
                let below = at_volume(s, v - 1.0);
                assert!(
                    self_host(&below) > below.options.api.monthly_usd,
                    "{name} at {v} - 1"
                );
            }
            let r = evaluate(s);
            let be = [
                r.breakeven.rented_vs_api.monthly_requests,
                r.breakeven.owned_vs_api.monthly_requests,
            ];
            assert_eq!(Some(v), be.into_iter().flatten().reduce(f64::min), "{name}");
        }
        // API prices: self-hosting no dearer at the multiplier, the API strictly cheaper just below.
        if let Some(m) = f.api_price.value {
            let at = lean_costs_with(s, &[(API_PRICE_MULTIPLIER, m)]);
            assert!(at.savings_usd >= 0.0, "{name} at x{m}");
            let below = lean_costs_with(s, &[(API_PRICE_MULTIPLIER, m * (1.0 - 1e-9))]);
            assert!(below.savings_usd < 0.0, "{name} just below x{m}");
            let above = lean_costs_with(s, &[(API_PRICE_MULTIPLIER, m * (1.0 + 1e-9))]);
            assert!(above.savings_usd > 0.0, "{name} just above x{m}");
            // Re-evaluated in full with the prices written out.
            let full = evaluate(&llm_tco::model::scenario_with(
                s,
                &[(API_PRICE_MULTIPLIER, m * (1.0 - 1e-9))],
            ));
            assert!(full.savings_vs_api_usd_per_month < 0.0, "{name}");
        }
        // GPU hour price: rented no dearer at it, dearer just above.
        if let Some(g) = f.gpu_price.value {
            let mut at = s.clone();
            at.cloud.usd_per_gpu_hour = Some(g);
            let r = evaluate(&at);
            assert!(self_host(&r) <= r.options.api.monthly_usd, "{name} at ${g}");
            at.cloud.usd_per_gpu_hour = Some(g * (1.0 + 1e-9) + 1e-12);
            let r = evaluate(&at);
            assert!(
                self_host(&r) > r.options.api.monthly_usd,
                "{name} above ${g}"
            );
        }
    }
    assert!(
        found.iter().all(|&n| n >= 5),
        "flips found (volume, API price, GPU price): {found:?}"
    );
}

#[test]
fn odd_scenarios_never_panic() {
    let mut s = Scenario::default();
    s.workload.monthly_requests = f64::NAN;
    s.self_host.output_tokens_per_sec_per_replica = Some(-1.0);
    s.org.horizon_months = 0;
    let f = flip_points(&s);
    let v = serde_json::to_value(&f).unwrap();
    assert!(!v.to_string().contains("NaN"));
    let h = hybrid_strategies(&s);
    assert_eq!(h.strategies.len(), 4);
    for v in [0.0, 1.0, 1.0e11] {
        let f = flip_points(&at_volume_scenario(v));
        assert!(
            [f.volume.current, f.api_price.current, f.gpu_price.current]
                .iter()
                .all(|x| x.is_finite())
        );
    }
}

fn at_volume_scenario(v: f64) -> Scenario {
    let mut s = Scenario::default();
    s.workload.monthly_requests = v;
    s
}

#[test]
fn hybrid_strategies_by_hand() {
    // API fixed costs: 0.1 FTE x $10,000 + $1,200 / 10 months = $1,120; tokens $0.003 a request.
    // At 1M requests (one owned replica, $1,168.94, is cheaper than renting it):
    //   routing 50%: 500k on the owned replica $1,163.63 + API 500k x $0.003 + $1,120 = $3,783.63;
    //   overflow: k = 1 replica carries everything (API unused) = $1,168.94, less than
    //     k = 0 (API alone, $4,120);
    //   fallback: API $4,120 + one warm owned replica, idle, $1,158.32 = $5,278.32;
    //   reverse fallback: owned $1,168.94 + the API kept ready at its fixed $1,120 = $2,288.94.
    let s = with(json!({ "api": { "ops_fte": 0.1, "implementation_usd": 1200 } }));
    let h = hybrid_strategies(&s);
    let ids: Vec<&str> = h.strategies.iter().map(|o| o.strategy.as_str()).collect();
    assert_eq!(ids, ["routing", "overflow", "fallback", REVERSE_FALLBACK]);
    close(
        h.strategies[0].monthly_usd,
        OWNED_IDLE_USD + 5.0e5 * OWNED_USD_PER_REQUEST + 1_500.0 + 1_120.0,
    );
    close(h.strategies[1].monthly_usd, OWNED_USD);
    close(h.strategies[2].monthly_usd, 4_120.0 + OWNED_IDLE_USD);
    close(h.strategies[3].monthly_usd, OWNED_USD + 1_120.0);
    assert_eq!(h.cheapest, "overflow");
    assert_eq!(h.chosen, "routing");
    close(h.api_usd, 4_120.0);
    close(h.self_host_usd, OWNED_USD);
    let rev = Money::usd().explained(&h.strategies[3]);
    assert_eq!(
        (
            rev.self_host_replicas,
            rev.api_requests_per_month,
            rev.self_host_share_pct
        ),
        (1, 0.0, 100.0)
    );
    close(
        rev.breakdown.iter().map(|i| i.usd).sum::<f64>(),
        rev.monthly_usd,
    );
    assert_eq!(
        rev.explanation,
        "Reverse fallback serves all 1,000,000 requests on 1 self-hosted replica on owned GPUs and keeps the API ready to take over, paying its fixed costs ($1,120) but tokens only while it stands in."
    );
    // The chosen strategy's figures are the report's.
    for strategy in ["routing", "overflow", "fallback"] {
        let s = with(
            json!({ "api": { "ops_fte": 0.1, "implementation_usd": 1200 }, "hybrid": { "strategy": strategy } }),
        );
        let h = hybrid_strategies(&s);
        let r = evaluate(&s);
        let o = h
            .strategies
            .iter()
            .find(|o| o.strategy == strategy)
            .unwrap();
        assert_eq!(o, &r.options.hybrid, "{strategy}");
    }
}

#[test]
fn overflow_is_never_worse_than_either_pure_option_on_presets() {
    for id in catalog::preset_ids() {
        for f in [0.01, 0.2, 1.0, 5.0, 100.0] {
            let mut s = preset_scenario(id).unwrap();
            s.workload.monthly_requests = (s.workload.monthly_requests * f).round();
            let h = hybrid_strategies(&s);
            let overflow = h
                .strategies
                .iter()
                .find(|o| o.strategy == "overflow")
                .unwrap()
                .monthly_usd;
            let best = h.api_usd.min(h.self_host_usd);
            assert!(
                overflow <= best + 1e-9 * best.max(1.0),
                "{id} x{f}: {overflow} > {best}"
            );
        }
    }
}
