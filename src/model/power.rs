//! The electricity an owned replica draws: the whole server (GPUs and their share of the
//! host), idle whenever it is up and busy while it serves.

use super::guard::input;
use super::inputs::Resolved;
use crate::scenario::{HOURS_PER_MONTH, Scenario};

/// The host's draw (CPUs, memory, NVSwitches, network, fans) as a share of its GPUs' TDP
/// at full load. NVIDIA's DGX H100 datasheet gives 10.2 kW maximum for a system of eight
/// 700 W GPUs (5.6 kW): (10.2 - 5.6) / 5.6 = 0.82. The catalog has no per-server figure,
/// so every GPU takes this share.
pub const HOST_SHARE_OF_GPU_TDP: f64 = 0.82;

/// What an idle server draws as a share of its maximum. An assumption: an idle H100 reads
/// about 70 W of its 700 W in nvidia-smi, while CPUs, memory, fans and network keep much
/// of theirs; about 0.3 of the whole.
pub const IDLE_SHARE_OF_MAX: f64 = 0.3;

/// The power of one owned replica.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Power {
    /// Facility kW (PUE included) the replica draws idle, every hour of the month.
    pub idle_kw: f64,
    /// Facility kW it draws while serving at full speed.
    pub busy_kw: f64,
    /// Monthly cost of the idle draw.
    pub idle_usd: f64,
    /// Cost of the extra draw a request adds: busy minus idle kW over the replica-hours
    /// the request occupies at full speed.
    pub usd_per_request: f64,
    /// Extra kWh a request adds.
    pub kwh_per_request: f64,
}

impl Power {
    /// `tokens_per_sec` is the replica's output at full speed; `owned.avg_power_load_pct`
    /// is the server's draw while it serves, as a share of its maximum (never below idle).
    pub fn new(s: &Scenario, r: &Resolved, gpus_per_replica: f64, tokens_per_sec: f64) -> Self {
        let o = &s.owned;
        let max_kw = gpus_per_replica
            * r.gpu.tdp_watts
            * (1.0 + HOST_SHARE_OF_GPU_TDP)
            * input(o.pue, 1.0, 10.0, 1.0)
            / 1000.0;
        let load = (input(o.avg_power_load_pct, 0.0, 100.0, 0.0) / 100.0).max(IDLE_SHARE_OF_MAX);
        let price = input(o.electricity_usd_per_kwh, 0.0, 1.0e3, 0.0);
        let idle_kw = max_kw * IDLE_SHARE_OF_MAX;
        let busy_kw = max_kw * load;
        let hours_per_request = if tokens_per_sec > 0.0 && tokens_per_sec.is_finite() {
            r.output_tokens / (tokens_per_sec * 3600.0)
        } else {
            0.0
        };
        let kwh_per_request = (busy_kw - idle_kw) * hours_per_request;
        Self {
            idle_kw,
            busy_kw,
            idle_usd: idle_kw * HOURS_PER_MONTH * price,
            usd_per_request: kwh_per_request * price,
            kwh_per_request,
        }
    }

    /// Average facility kW of `replicas` serving `v` requests a month.
    pub fn average_kw(&self, replicas: f64, v: f64) -> f64 {
        replicas * self.idle_kw + v * self.kwh_per_request / HOURS_PER_MONTH
    }
}
