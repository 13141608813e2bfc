//! Points for the breakeven chart: cost of each option against monthly volume.

use super::breakeven::MAX_MONTHLY_REQUESTS;
use super::guard::guard;
use super::hybrid::Parts;
use super::report::CurvePoint;
use crate::scenario::HybridStrategy;

/// Evenly spaced points on the log axis.
const GRID_POINTS: usize = 120;
/// Most staircase steps drawn with both edges.
const MAX_EDGE_STEPS: f64 = 120.0;
/// Upper bound on the points returned.
pub const MAX_POINTS: usize = 400;

/// Volumes from a twentieth of the smallest interesting volume (today's, each breakeven)
/// to twenty times the largest, within [1, 1e11], plus both sides of every replica step
/// in range (its capacity and one request past it) so that the staircase draws vertical.
pub fn curve(
    parts: &Parts,
    volume: f64,
    breakevens: [Option<f64>; 2],
    strategy: HybridStrategy,
    share_pct: f64,
) -> Vec<CurvePoint> {
    let mut marks = Vec::with_capacity(3);
    if volume >= 1.0 {
        marks.push(volume);
    }
    marks.extend(breakevens.iter().flatten().copied());
    let cap = parts.rented.line.capacity_requests.max(1.0);
    let smallest = marks.iter().copied().fold(f64::INFINITY, f64::min);
    let largest = marks.iter().copied().fold(0.0, f64::max);
    let (lo, hi) = if marks.is_empty() {
        (1.0, (cap * 10.0).clamp(1.0e3, MAX_MONTHLY_REQUESTS))
    } else {
        (
            (smallest / 20.0).max(1.0),
            (largest * 20.0).min(MAX_MONTHLY_REQUESTS),
        )
    };
    let hi = hi.max((lo * 10.0).min(MAX_MONTHLY_REQUESTS)).max(lo);

    let mut volumes: Vec<f64> = Vec::with_capacity(MAX_POINTS + 16);
    let (llo, lhi) = (lo.ln(), hi.ln());
    for i in 0..GRID_POINTS {
        let t = i as f64 / (GRID_POINTS - 1) as f64;
        volumes.push((llo + (lhi - llo) * t).exp().round().max(1.0));
    }
    for &m in &marks {
        volumes.push(m);
        if m > 1.0 {
            volumes.push(m - 1.0);
        }
    }
    let first_step = (lo / cap).ceil().max(1.0);
    let last_step = (hi / cap).floor();
    let edge = |k: f64, volumes: &mut Vec<f64>| {
        let top = k * cap;
        if top >= lo && top <= hi {
            volumes.push(top);
            if top + 1.0 <= hi {
                volumes.push(top + 1.0);
            }
        }
    };
    if last_step - first_step < MAX_EDGE_STEPS {
        let mut k = first_step;
        while k <= last_step {
            edge(k, &mut volumes);
            k += 1.0;
        }
    } else {
        // Too many steps to draw each: keep the ones next to the marked volumes.
        for &m in &marks {
            let k = (m / cap).ceil();
            for d in [-2.0, -1.0, 0.0, 1.0] {
                if k + d >= 1.0 {
                    edge(k + d, &mut volumes);
                }
            }
        }
    }
    volumes.retain(|v| v.is_finite() && *v >= 1.0 && *v <= MAX_MONTHLY_REQUESTS);
    volumes.sort_by(f64::total_cmp);
    volumes.dedup();
    volumes.truncate(MAX_POINTS);
    volumes
        .into_iter()
        .map(|v| CurvePoint {
            monthly_requests: v,
            api_usd: guard(parts.api.cost(v)),
            rented_usd: guard(parts.rented.line.cost(v)),
            owned_usd: guard(parts.owned.line.cost(v)),
            hybrid_usd: guard(parts.at(v, strategy, share_pct, None).usd),
        })
        .collect()
}
