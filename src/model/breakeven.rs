//! The first monthly volume at which self-hosting costs no more than the API, found on
//! the real staircase.

use super::api::ApiLine;
use super::report::{Breakeven, Crossing};
use super::self_host::Line;

/// The search ceiling: the largest monthly volume a scenario allows.
pub const MAX_MONTHLY_REQUESTS: f64 = 1.0e11;

/// Self-host cost minus API cost at `v` requests.
fn gap(api: &ApiLine, line: &Line, v: f64) -> f64 {
    line.cost(v) - api.cost(v)
}

/// The first whole `v` in `1..=MAX_MONTHLY_REQUESTS` with self-host cost <= API cost.
///
/// Inside step k (volumes (k-1)C+1 ..= kC, C the whole capacity of a replica) the gap
/// falls linearly at m = API price - self-host price per request, and at each step edge
/// it jumps up by a replica's price c. So when m > 0 the lowest gap of step k is at its
/// top, kC, and that lowest gap is linear in k with slope c - m C: if replicas cost less
/// than the API requests they carry, it falls with k and the first step that reaches
/// zero is found by binary search over k (no walk over up to 1e11 steps); otherwise only
/// step 1 can. Inside the step the crossing is solved from the straight line and then
/// checked on the cost functions themselves so that rounding can never report a volume
/// where the comparison does not hold. When m <= 0 the gap never falls, so volume 1
/// decides.
pub fn first_volume(api: &ApiLine, line: &Line) -> Option<f64> {
    let cap = line.capacity_requests.max(1.0);
    let m = api.usd_per_request() - line.per_request_usd;
    if m.is_nan() || m <= 0.0 {
        return (gap(api, line, 1.0) <= 0.0).then_some(1.0);
    }
    let steps = (MAX_MONTHLY_REQUESTS / cap).ceil().max(1.0);
    let top_gap = |k: f64| gap(api, line, k * cap);
    let k = if top_gap(1.0) <= 0.0 {
        1.0
    } else if line.per_replica_usd - m * cap >= 0.0 || top_gap(steps) > 0.0 {
        return None;
    } else {
        // Invariant: top_gap(lo) > 0, top_gap(hi) <= 0.
        let (mut lo, mut hi) = (1.0_f64, steps);
        while hi - lo > 1.0 {
            let mid = ((lo + hi) / 2.0).floor();
            if top_gap(mid) <= 0.0 {
                hi = mid
            } else {
                lo = mid
            }
        }
        hi
    };
    let step_lo = (k - 1.0) * cap + 1.0;
    let step_hi = k * cap;
    let at_lo = gap(api, line, step_lo);
    let mut v = if at_lo <= 0.0 {
        step_lo
    } else {
        (step_lo + (at_lo / m).ceil()).min(step_hi)
    };
    // Rounding guard: a few unit steps settle the exact first volume.
    for _ in 0..8 {
        if v > step_lo && gap(api, line, v - 1.0) <= 0.0 {
            v -= 1.0;
        } else if gap(api, line, v) > 0.0 && v < step_hi {
            v += 1.0;
        } else {
            break;
        }
    }
    (v <= MAX_MONTHLY_REQUESTS && gap(api, line, v) <= 0.0).then_some(v)
}

/// The last whole volume, from `first` (a volume where self-hosting costs no more), at
/// which self-hosting costs no more than the API before it costs more for good; `None`
/// when it stays no dearer at some volume of every step up to the search ceiling.
///
/// The lowest gap of step k is at its top when m > 0 (the gap falls inside a step) and at
/// its bottom otherwise; either way it is linear in k with slope c - m C. When that slope
/// is not positive self-hosting wins again on every later step. Otherwise the last step
/// whose lowest gap is <= 0 is found by binary search over k, and the last volume inside
/// it by binary search on the cost functions themselves (the gap is monotone in a step).
pub fn last_volume(api: &ApiLine, line: &Line, first: f64) -> Option<f64> {
    let cap = line.capacity_requests.max(1.0);
    let m = api.usd_per_request() - line.per_request_usd;
    if m.is_nan() || line.per_replica_usd - m * cap <= 0.0 {
        return None;
    }
    let steps = (MAX_MONTHLY_REQUESTS / cap).ceil().max(1.0);
    let bottom = |k: f64| ((k - 1.0) * cap + 1.0).min(MAX_MONTHLY_REQUESTS);
    let top = |k: f64| (k * cap).min(MAX_MONTHLY_REQUESTS);
    let lowest = |k: f64| gap(api, line, if m > 0.0 { top(k) } else { bottom(k) });
    if lowest(steps) <= 0.0 {
        return None;
    }
    // Invariant: lowest(lo) <= 0 (the step of `first`), lowest(hi) > 0.
    let (mut lo, mut hi) = (line.serving_replicas(first).max(1.0), steps);
    while hi - lo > 1.0 {
        let mid = ((lo + hi) / 2.0).floor();
        if lowest(mid) <= 0.0 {
            lo = mid
        } else {
            hi = mid
        }
    }
    if m > 0.0 {
        return Some(top(lo));
    }
    // The gap rises through the step: the last volume with gap <= 0.
    let (mut win, mut lose) = (bottom(lo).max(first), top(lo) + 1.0);
    if gap(api, line, top(lo)) <= 0.0 {
        return Some(top(lo));
    }
    while lose - win > 1.0 {
        let mid = ((win + lose) / 2.0).floor();
        if gap(api, line, mid) <= 0.0 {
            win = mid
        } else {
            lose = mid
        }
    }
    Some(win)
}

pub fn breakeven(api: &ApiLine, line: &Line, tokens_per_request: f64) -> Breakeven {
    match first_volume(api, line) {
        Some(v) => {
            let mut crossings = vec![Crossing {
                monthly_requests: v,
                self_host_cheaper: true,
            }];
            crossings.extend(last_volume(api, line, v).map(|last| Crossing {
                monthly_requests: last + 1.0,
                self_host_cheaper: false,
            }));
            Breakeven {
                monthly_requests: Some(v),
                monthly_tokens: Some(v * tokens_per_request),
                not_below: None,
                replicas: Some(line.serving_replicas(v) as u64),
                crossings,
            }
        }
        None => Breakeven {
            monthly_requests: None,
            monthly_tokens: None,
            not_below: Some(MAX_MONTHLY_REQUESTS),
            replicas: None,
            crossings: Vec::new(),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn api(fixed: f64, per_request: f64) -> ApiLine {
        ApiLine {
            input_usd_per_mtok: 0.0,
            output_usd_per_mtok: 0.0,
            cached_input_usd_per_mtok: 0.0,
            billed_input_tokens: 0.0,
            output_tokens: 1.0,
            batch_factor: 1.0,
            uncached_input_usd_per_request: per_request,
            cached_input_usd_per_request: 0.0,
            output_usd_per_request: 0.0,
            fixed_fees_usd: fixed,
            ops_usd: 0.0,
            implementation_usd_per_month: 0.0,
        }
    }

    /// Walks every volume: the first with self-host cost <= API cost.
    fn brute(a: &ApiLine, l: &Line, up_to: u32) -> Option<f64> {
        (1..=up_to).map(f64::from).find(|&v| l.cost(v) <= a.cost(v))
    }

    #[test]
    fn matches_brute_force_on_small_staircases() {
        let mut checked = 0;
        for cap in [1.0, 3.0, 7.0, 10.0, 37.0, 100.0] {
            for per_replica in [0.0, 5.0, 50.0, 99.0, 100.0, 101.0, 730.0] {
                for fixed in [0.0, 1.0, 30.0, 123.45, 700.05, 2_000.0] {
                    for per_request in [0.0, 0.5, 1.0, 1.7, 10.0] {
                        for continuous in [0.0, 0.3] {
                            for api_fixed in [0.0, 50.0] {
                                let a = api(api_fixed, per_request);
                                let l = Line {
                                    fixed_usd: fixed,
                                    per_replica_usd: per_replica,
                                    per_request_usd: continuous,
                                    capacity_requests: cap,
                                    full_capacity_requests: cap,
                                };
                                let fast = first_volume(&a, &l);
                                let slow = brute(&a, &l, 20_000);
                                match fast {
                                    Some(v) if v <= 20_000.0 => {
                                        assert_eq!(Some(v), slow, "{l:?} {a:?}")
                                    }
                                    Some(v) => assert!(
                                        slow.is_none()
                                            && l.cost(v) <= a.cost(v)
                                            && l.cost(v - 1.0) > a.cost(v - 1.0)
                                    ),
                                    None => assert_eq!(slow, None, "{l:?} {a:?}"),
                                }
                                checked += 1;
                            }
                        }
                    }
                }
            }
        }
        assert!(checked > 2_000);
    }

    #[test]
    fn last_volume_matches_brute_force_on_small_staircases() {
        let mut bounded = 0;
        for cap in [1.0, 3.0, 7.0, 10.0, 37.0] {
            for per_replica in [0.0, 5.0, 50.0, 101.0, 730.0] {
                for continuous in [0.0, 0.3, 2.0] {
                    for per_request in [0.0, 1.0, 1.7, 10.0] {
                        for api_fixed in [0.0, 50.0, 400.0] {
                            let a = api(api_fixed, per_request);
                            let l = Line {
                                fixed_usd: 30.0,
                                per_replica_usd: per_replica,
                                per_request_usd: continuous,
                                capacity_requests: cap,
                                full_capacity_requests: cap,
                            };
                            let Some(first) = first_volume(&a, &l) else {
                                continue;
                            };
                            let wins = |v: f64| l.cost(v) <= a.cost(v);
                            match last_volume(&a, &l, first) {
                                Some(last) => {
                                    assert!(wins(last) && last >= first, "{l:?} {a:?}");
                                    let later = (last as u32 + 1..=20_000).map(f64::from);
                                    assert!(!later.into_iter().any(wins), "{l:?} {a:?}");
                                    bounded += 1;
                                }
                                None => {
                                    // Self-hosting still wins somewhere in a late step.
                                    let k = (10_000.0 / cap).floor();
                                    let step = ((k - 1.0) * cap + 1.0) as u32..=(k * cap) as u32;
                                    assert!(step.map(f64::from).any(wins), "{l:?} {a:?}");
                                }
                            }
                        }
                    }
                }
            }
        }
        assert!(bounded > 50, "{bounded}");
    }

    #[test]
    fn huge_volumes_are_found_without_walking() {
        // $1 of fixed cost per replica of 1 request against an API at $1.000001 a request
        // after $1M of fixed self-hosting: the breakeven is at 1e12 / 1 -> beyond the ceiling.
        let a = api(0.0, 1.000_001);
        let l = Line {
            fixed_usd: 1.0e6,
            per_replica_usd: 1.0,
            per_request_usd: 0.0,
            capacity_requests: 1.0,
            full_capacity_requests: 1.0,
        };
        assert_eq!(first_volume(&a, &l), None);
        // Same with $1e4 fixed: 1e4 / 1e-6 = 1e10 requests.
        let l = Line {
            fixed_usd: 1.0e4,
            ..l
        };
        let v = first_volume(&a, &l).unwrap();
        assert!(l.cost(v) <= a.cost(v) && l.cost(v - 1.0) > a.cost(v - 1.0));
        assert!((v - 1.0e10).abs() < 1.0e4, "{v}");
    }
}
