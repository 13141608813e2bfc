//! Uncertainty: low / likely / high ranges on a few inputs, a seeded Monte Carlo run over
//! them, and the spread of the monthly savings of self-hosting (the cheaper of rented and
//! owned) against the API.
//!
//! Each sample draws every range from a triangular distribution (low, likely, high) and
//! costs the scenario on the lean path ([`super::lean`]), which gives `evaluate`'s numbers
//! exactly at about a hundredth of its cost. [`MonteCarlo`] runs in chunks so that a
//! browser can draw a progress bar between them instead of freezing.

use serde::{Deserialize, Serialize};

use super::guard::GUARD_MAX;
use super::inputs::Resolved;
use super::lean::{API_PRICE_MULTIPLIER, Basis, Knob};
use crate::scenario::Scenario;

/// Samples of a default run.
pub const DEFAULT_SAMPLES: usize = 10_000;
/// Seed of a default run: the same scenario always shows the same spread.
pub const DEFAULT_SEED: u64 = 42;
/// Most samples one run takes (the samples are kept to sort them).
pub const MAX_SAMPLES: usize = 1_000_000;
/// Bins of the savings histogram.
pub const HISTOGRAM_BINS: usize = 30;

/// A low / likely / high range on one input, in the field's own unit. `field` is a
/// canonical path from [`super::LEAN_FIELDS`], or `api.price_multiplier` (1 = today's
/// prices) for all API token prices together.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct UncertainRange {
    pub field: String,
    pub label: String,
    pub low: f64,
    pub likely: f64,
    pub high: f64,
}

/// One bar of the savings histogram: samples with `from_usd <= savings < to_usd` (the
/// last bin includes its upper edge).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct HistogramBin {
    pub from_usd: f64,
    pub to_usd: f64,
    pub count: u64,
}

/// The spread of monthly savings (API cost minus the cheaper self-hosted cost; negative
/// when the API is cheaper) over the sampled inputs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Uncertainty {
    /// Samples taken (fewer than asked while a chunked run is still going).
    pub samples: usize,
    pub seed: u64,
    /// Savings at today's inputs (`savings_vs_api_usd_per_month`).
    pub base_savings_usd: f64,
    pub p10_usd: f64,
    pub p50_usd: f64,
    pub p90_usd: f64,
    pub mean_usd: f64,
    /// Share of samples in which self-hosting costs strictly less than the API.
    pub probability_self_host_cheaper: f64,
    /// About 30 equal bins from the smallest to the largest sample; one bin when every
    /// sample is the same; empty without samples.
    pub histogram: Vec<HistogramBin>,
    /// The ranges used (ranges on fields the run cannot vary are left out).
    pub ranges: Vec<UncertainRange>,
}

/// The default ranges for a scenario, around its resolved values:
/// - monthly requests 50% / 100% / 150% of today's: volume forecasts are rarely better;
/// - API prices x0.6 / x1 / x1.1 (one multiplier on input, cached and output prices):
///   list prices have mostly fallen, by far more than they have risen;
/// - GPU hour price 70% / 100% / 120%: spot, reserved and provider spread;
/// - throughput per replica 60% / 100% / 120%: production traffic rarely reaches
///   benchmark figures, and estimates are often within a factor of two;
/// - planning utilisation today's - 20 / today's / today's + 10 points (within 1-100%).
pub fn default_ranges(s: &Scenario) -> Vec<UncertainRange> {
    let b = Basis::new(s);
    let range = |field: &str, label: &str, low: f64, likely: f64, high: f64| UncertainRange {
        field: field.into(),
        label: label.into(),
        low,
        likely,
        high,
    };
    let v = b.current(Knob::Volume);
    let gph = b.current(Knob::GpuHour);
    let tps = b.current(Knob::TokensPerSec);
    let util = b.current(Knob::PlanningUtilization);
    vec![
        range(
            "workload.monthly_requests",
            "Monthly requests",
            (v * 0.5).round(),
            v,
            (v * 1.5).round(),
        ),
        range(
            API_PRICE_MULTIPLIER,
            "API prices (multiplier)",
            0.6,
            1.0,
            1.1,
        ),
        range(
            "cloud.usd_per_gpu_hour",
            "GPU hour price",
            gph * 0.7,
            gph,
            gph * 1.2,
        ),
        range(
            "self_host.output_tokens_per_sec_per_replica",
            "Throughput per replica",
            tps * 0.6,
            tps,
            tps * 1.2,
        ),
        range(
            "self_host.planning_utilization_pct",
            "Planning utilisation",
            (util - 20.0).max(1.0),
            util,
            (util + 10.0).min(100.0),
        ),
    ]
}

/// SplitMix64 (Steele, Lea and Flood): seeds the generator below from one number.
fn splitmix64(state: &mut u64) -> u64 {
    *state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
    let mut z = *state;
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// xoshiro256** (Blackman and Vigna): small, fast, and the same on every platform.
#[derive(Debug, Clone)]
struct Rng([u64; 4]);

impl Rng {
    fn new(seed: u64) -> Self {
        let mut st = seed;
        Self([
            splitmix64(&mut st),
            splitmix64(&mut st),
            splitmix64(&mut st),
            splitmix64(&mut st),
        ])
    }

    fn next_u64(&mut self) -> u64 {
        let s = &mut self.0;
        let result = s[1].wrapping_mul(5).rotate_left(7).wrapping_mul(9);
        let t = s[1] << 17;
        s[2] ^= s[0];
        s[3] ^= s[1];
        s[1] ^= s[2];
        s[0] ^= s[3];
        s[2] ^= t;
        s[3] = s[3].rotate_left(45);
        result
    }

    /// Uniform in [0, 1) on 53 bits.
    fn next_f64(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 * (1.0 / (1u64 << 53) as f64)
    }
}

/// The inverse of the triangular distribution's CDF at `u` in [0, 1).
fn triangular(u: f64, low: f64, likely: f64, high: f64) -> f64 {
    let width = high - low;
    if width <= 0.0 {
        return likely;
    }
    let left = likely - low;
    if u * width < left {
        low + (u * width * left).sqrt()
    } else {
        high - ((1.0 - u) * width * (high - likely)).sqrt()
    }
}

/// A range made usable: a known field, finite numbers in the field's range, ordered.
#[derive(Debug, Clone, Copy)]
struct Draw {
    knob: Knob,
    low: f64,
    likely: f64,
    high: f64,
}

/// A Monte Carlo run that can be advanced a chunk at a time.
#[derive(Debug, Clone)]
pub struct MonteCarlo {
    basis: Basis,
    draws: Vec<Draw>,
    ranges: Vec<UncertainRange>,
    rng: Rng,
    seed: u64,
    target: usize,
    values: Vec<f64>,
    base_savings_usd: f64,
    /// Working copies the knobs are written into, one sample at a time.
    r: Resolved,
    s: Scenario,
}

impl MonteCarlo {
    /// Prepares a run of `samples` (at most [`MAX_SAMPLES`]) with `seed`. Ranges on fields
    /// the run cannot vary are dropped; bounds are clamped to the field's range and
    /// sorted so that low <= likely <= high.
    pub fn new(s: &Scenario, ranges: &[UncertainRange], samples: usize, seed: u64) -> Self {
        let basis = Basis::new(s);
        let mut draws = Vec::with_capacity(ranges.len());
        let mut used = Vec::with_capacity(ranges.len());
        for range in ranges {
            let Some(knob) = Knob::from_field(&range.field) else {
                continue;
            };
            let current = basis.current(knob);
            let likely = knob.clamp(&range.field, range.likely, current);
            let mut low = knob.clamp(&range.field, range.low, likely);
            let mut high = knob.clamp(&range.field, range.high, likely);
            if low > high {
                std::mem::swap(&mut low, &mut high);
            }
            let likely = likely.clamp(low, high);
            draws.push(Draw {
                knob,
                low,
                likely,
                high,
            });
            used.push(UncertainRange {
                field: range.field.clone(),
                label: range.label.clone(),
                low,
                likely,
                high,
            });
        }
        let base_savings_usd = basis.costs(&basis.s, &basis.r).savings_usd;
        let target = samples.min(MAX_SAMPLES);
        Self {
            r: basis.r.clone(),
            s: basis.s.clone(),
            basis,
            draws,
            ranges: used,
            rng: Rng::new(seed),
            seed,
            target,
            values: Vec::with_capacity(target),
            base_savings_usd,
        }
    }

    /// Takes up to `max_samples` more samples; true when the run is complete.
    pub fn step(&mut self, max_samples: usize) -> bool {
        let end = self
            .target
            .min(self.values.len().saturating_add(max_samples));
        while self.values.len() < end {
            for d in &self.draws {
                let u = self.rng.next_f64();
                let x = triangular(u, d.low, d.likely, d.high);
                self.basis.apply(d.knob, x, &mut self.r, &mut self.s);
            }
            let savings = self.basis.costs(&self.s, &self.r).savings_usd;
            self.values.push(savings.clamp(-GUARD_MAX, GUARD_MAX));
        }
        self.is_done()
    }

    pub fn is_done(&self) -> bool {
        self.values.len() >= self.target
    }

    /// Share of the samples taken, 0 to 1 (1 for a run of no samples).
    pub fn progress(&self) -> f64 {
        if self.target == 0 {
            1.0
        } else {
            self.values.len() as f64 / self.target as f64
        }
    }

    /// The spread of the samples taken so far.
    pub fn result(&self) -> Uncertainty {
        let mut sorted = self.values.clone();
        sorted.sort_by(f64::total_cmp);
        let n = sorted.len();
        let mean = if n > 0 {
            sorted.iter().sum::<f64>() / n as f64
        } else {
            0.0
        };
        let cheaper = sorted.iter().filter(|x| **x > 0.0).count();
        Uncertainty {
            samples: n,
            seed: self.seed,
            base_savings_usd: self.base_savings_usd,
            p10_usd: percentile(&sorted, 0.10),
            p50_usd: percentile(&sorted, 0.50),
            p90_usd: percentile(&sorted, 0.90),
            mean_usd: finite(mean),
            probability_self_host_cheaper: if n > 0 {
                cheaper as f64 / n as f64
            } else {
                0.0
            },
            histogram: histogram(&sorted),
            ranges: self.ranges.clone(),
        }
    }
}

fn finite(x: f64) -> f64 {
    if x.is_finite() { x } else { 0.0 }
}

/// Linear interpolation between the order statistics around `q` (0 without samples).
fn percentile(sorted: &[f64], q: f64) -> f64 {
    let n = sorted.len();
    if n == 0 {
        return 0.0;
    }
    let pos = q * (n - 1) as f64;
    let i = pos.floor() as usize;
    let j = (i + 1).min(n - 1);
    let lo = sorted[i.min(n - 1)];
    let hi = sorted[j];
    // Equal neighbours give that value exactly, so a zero-width run has zero width.
    finite(if lo == hi {
        lo
    } else {
        lo + (hi - lo) * (pos - i as f64)
    })
}

fn histogram(sorted: &[f64]) -> Vec<HistogramBin> {
    let (Some(&min), Some(&max)) = (sorted.first(), sorted.last()) else {
        return Vec::new();
    };
    let width = (max - min) / HISTOGRAM_BINS as f64;
    if !(width > 0.0 && width.is_finite()) {
        return vec![HistogramBin {
            from_usd: min,
            to_usd: max,
            count: sorted.len() as u64,
        }];
    }
    let mut bins: Vec<HistogramBin> = (0..HISTOGRAM_BINS)
        .map(|i| HistogramBin {
            from_usd: min + width * i as f64,
            to_usd: if i + 1 == HISTOGRAM_BINS {
                max
            } else {
                min + width * (i + 1) as f64
            },
            count: 0,
        })
        .collect();
    for &x in sorted {
        let i = (((x - min) / width).floor().max(0.0) as usize).min(HISTOGRAM_BINS - 1);
        bins[i].count += 1;
    }
    bins
}

/// Runs [`MonteCarlo`] to the end in one go.
pub fn uncertainty(
    s: &Scenario,
    ranges: &[UncertainRange],
    samples: usize,
    seed: u64,
) -> Uncertainty {
    let mut mc = MonteCarlo::new(s, ranges, samples, seed);
    mc.step(usize::MAX);
    mc.result()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn xoshiro_reference_stream() {
        // xoshiro256** from the state {1, 2, 3, 4}: the reference implementation's first outputs.
        let mut r = Rng([1, 2, 3, 4]);
        assert_eq!(r.next_u64(), 11_520);
        assert_eq!(r.next_u64(), 0);
        assert_eq!(r.next_u64(), 1_509_978_240);
        assert_eq!(r.next_u64(), 1_215_971_899_390_074_240);
    }

    #[test]
    fn triangular_quantiles() {
        // low 0, likely 1, high 2: the median is 1; u = 0.125 -> sqrt(0.125 x 2 x 1) = 0.5.
        assert_eq!(triangular(0.5, 0.0, 1.0, 2.0), 1.0);
        assert_eq!(triangular(0.125, 0.0, 1.0, 2.0), 0.5);
        assert_eq!(triangular(0.3, 5.0, 5.0, 5.0), 5.0);
        // Likely at an end: low 0, likely 0, high 1 -> 1 - sqrt(1 - u).
        assert_eq!(triangular(0.75, 0.0, 0.0, 1.0), 0.5);
    }
}
