//! `evaluate` runs on every keystroke in the browser: a full report per preset.

use criterion::{Criterion, criterion_group, criterion_main};
use llm_tco::{catalog, model};

fn presets(c: &mut Criterion) {
    let mut group = c.benchmark_group("evaluate");
    for id in catalog::preset_ids() {
        let Some(s) = catalog::preset_scenario(id) else { continue };
        group.bench_function(id, |b| b.iter(|| model::evaluate(std::hint::black_box(&s))));
    }
    group.finish();
}

criterion_group!(benches, presets);
criterion_main!(benches);
