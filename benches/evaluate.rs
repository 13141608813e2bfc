//! `evaluate` runs on every keystroke in the browser: a full report per preset. The
//! analyses run on demand: a 10,000-sample Monte Carlo run (target well under 100 ms in
//! the browser), the tornado and the flip points.

use criterion::{Criterion, criterion_group, criterion_main};
use llm_tco::scenario::preset_scenario;
use llm_tco::{catalog, model};

fn presets(c: &mut Criterion) {
    let mut group = c.benchmark_group("evaluate");
    for id in catalog::preset_ids() {
        let Some(s) = preset_scenario(id) else {
            continue;
        };
        group.bench_function(id, |b| b.iter(|| model::evaluate(std::hint::black_box(&s))));
    }
    group.finish();
}

fn analyses(c: &mut Criterion) {
    let s = preset_scenario("customer-support-chatbot").unwrap_or_default();
    let ranges = model::default_ranges(&s);
    let mut group = c.benchmark_group("analyses");
    group.sample_size(20);
    group.bench_function("monte_carlo_10k", |b| {
        b.iter(|| {
            model::uncertainty(
                std::hint::black_box(&s),
                &ranges,
                10_000,
                model::DEFAULT_SEED,
            )
        })
    });
    group.bench_function("lean_costs", |b| {
        b.iter(|| model::lean_costs(std::hint::black_box(&s)))
    });
    group.bench_function("sensitivity", |b| {
        b.iter(|| model::sensitivity(std::hint::black_box(&s), model::DEFAULT_SWING_PCT))
    });
    group.bench_function("flip_points", |b| {
        b.iter(|| model::flip_points(std::hint::black_box(&s)))
    });
    group.bench_function("hybrid_strategies", |b| {
        b.iter(|| model::hybrid_strategies(std::hint::black_box(&s)))
    });
    group.finish();
}

criterion_group!(benches, presets, analyses);
criterion_main!(benches);
