//! Self-hosting on rented cloud GPUs and on owned servers, both as staircases in volume.

use super::guard::{guard, input};
use super::inputs::Resolved;
use super::power::Power;
use super::report::{CostCategory, CostItem};
use crate::scenario::{Billing, HOURS_PER_MONTH, Scenario};

/// A self-hosted monthly cost as a function of monthly requests `v`:
/// `fixed_usd + per_replica_usd x ceil(v / capacity_requests) + per_request_usd x v`.
/// The ceiling is the staircase: one request past a replica's capacity buys a whole one.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Line {
    /// Costs that do not depend on volume, redundancy replicas included.
    pub fixed_usd: f64,
    pub per_replica_usd: f64,
    /// Continuous part (scale-to-zero billing).
    pub per_request_usd: f64,
    /// Whole requests a month one serving replica takes (>= 1), planned for the peak:
    /// what sizes the fleet.
    pub capacity_requests: f64,
    /// Whole requests a month one replica serves running at its planned utilisation all
    /// its active hours, without the peak's headroom (>= `capacity_requests`): what its
    /// busy hours and an overflow replica's base load are measured against.
    pub full_capacity_requests: f64,
}

impl Line {
    /// Serving replicas for `v` requests: none for no traffic, else at least one.
    pub fn serving_replicas(&self, v: f64) -> f64 {
        if v > 0.0 {
            (v / self.capacity_requests).ceil()
        } else {
            0.0
        }
    }

    pub fn cost(&self, v: f64) -> f64 {
        self.fixed_usd + self.per_replica_usd * self.serving_replicas(v) + self.per_request_usd * v
    }
}

/// Requests a month one replica serves at a throughput, as exact as the inputs allow.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ReplicaCapacity {
    /// Average monthly requests it can carry while still absorbing the peak.
    pub monthly_requests: f64,
    /// The same in whole requests (>= 1): one request more needs another replica.
    pub capacity_requests: f64,
    /// Whole requests (>= 1) at full planned speed over the active hours, peak left out.
    pub full_capacity_requests: f64,
}

impl ReplicaCapacity {
    /// Output tokens/s over tokens per request, times the utilisation target, the active
    /// hours and 3,600 s, over the peak-to-average ratio. The integers are multiplied
    /// first and divided once, and a result within a relative 1e-12 of a whole number is
    /// that number, so a capacity the inputs make whole (2.8 requests/s x 730 h x 3,600 =
    /// 7,358,400) is not floored to one request less by binary rounding. The tolerance is
    /// a few thousand times f64's rounding of these few operations and far below a
    /// request: a looser one would round up capacities that are really short of a whole
    /// request (35,600,202.97 is 35,600,202 requests, not 35,600,203).
    pub fn new(tokens_per_sec: f64, r: &Resolved) -> Self {
        let work = tokens_per_sec * r.planning_utilization_pct * r.active_hours * 3600.0;
        let per_request = r.output_tokens * 100.0;
        let full = snap(guard(work / per_request));
        let monthly_requests = snap(guard(work / (per_request * r.peak_to_average)));
        Self {
            monthly_requests,
            capacity_requests: monthly_requests.floor().max(1.0),
            full_capacity_requests: full.floor().max(1.0),
        }
    }
}

/// `x` rounded to the nearest whole number when it is within a relative 1e-12 of it.
fn snap(x: f64) -> f64 {
    let whole = x.round();
    if (x - whole).abs() <= 1.0e-12 * whole.abs().max(1.0) {
        whole
    } else {
        x
    }
}

/// Rented GPUs billed by the hour.
#[derive(Debug, Clone, PartialEq)]
pub struct Rented {
    pub line: Line,
    pub usd_per_gpu_hour: f64,
    pub gpus_per_replica: f64,
    pub billing: Billing,
    pub redundancy_replicas: f64,
    /// Monthly cost of one replica kept warm (redundancy, hybrid fallback).
    pub warm_replica_usd: f64,
    pub warm_gpu_hours_per_replica: f64,
    /// Scale-to-zero only: GPU-hours billed per request.
    pub gpu_hours_per_request: f64,
    pub overheads: Overheads,
}

impl Rented {
    pub fn new(s: &Scenario, r: &Resolved, gpus_per_replica: u32, tokens_per_sec: f64) -> Self {
        let cap = ReplicaCapacity::new(tokens_per_sec, r);
        let g = f64::from(gpus_per_replica);
        let price = r.usd_per_gpu_hour;
        let billing = s.cloud.billing;
        let buffer = input(s.cloud.runtime_buffer_pct, 0.0, 1.0e4, 0.0) / 100.0;
        // A warm replica is billed for every hour it is up: the whole month when always
        // on, else the active window.
        let warm_hours = if billing == Billing::AlwaysOn {
            HOURS_PER_MONTH
        } else {
            r.active_hours
        };
        let warm_gpu_hours_per_replica = g * warm_hours;
        let warm_replica_usd = warm_gpu_hours_per_replica * price;
        let gpu_hours_per_request = match billing {
            // Scale to zero bills busy time only: the hours the work takes at the planned
            // utilisation (v / full capacity x active hours per replica), plus the warm-up
            // buffer. The peak decides how many replicas run at once, not how long the
            // work takes, so it is left out here. Continuous in v: more demand never
            // costs less.
            Billing::ScaleToZero => {
                g * r.active_hours * (1.0 + buffer) / cap.full_capacity_requests
            }
            Billing::AlwaysOn | Billing::ActiveWindow => 0.0,
        };
        let (per_replica_usd, per_request_usd) = match billing {
            Billing::ScaleToZero => (0.0, gpu_hours_per_request * price),
            Billing::AlwaysOn | Billing::ActiveWindow => (warm_replica_usd, 0.0),
        };
        let redundancy_replicas = f64::from(r.redundancy_replicas);
        let overheads = Overheads::new(s, r);
        Self {
            line: Line {
                // Failover replicas stay warm whatever the billing: they must take over at once.
                fixed_usd: redundancy_replicas * warm_replica_usd + overheads.monthly_usd(),
                per_replica_usd,
                per_request_usd,
                capacity_requests: cap.capacity_requests,
                full_capacity_requests: cap.full_capacity_requests,
            },
            usd_per_gpu_hour: price,
            gpus_per_replica: g,
            billing,
            redundancy_replicas,
            warm_replica_usd,
            warm_gpu_hours_per_replica,
            gpu_hours_per_request,
            overheads,
        }
    }

    /// GPU-hours billed a month at `v` requests (the same hours the cost multiplies).
    pub fn billed_gpu_hours(&self, v: f64) -> f64 {
        let serving = match self.billing {
            Billing::ScaleToZero => self.gpu_hours_per_request * v,
            _ => self.warm_gpu_hours_per_replica * self.line.serving_replicas(v),
        };
        serving + self.redundancy_replicas * self.warm_gpu_hours_per_replica
    }

    pub fn breakdown(&self, v: f64, ops_fte: f64, horizon_months: f64) -> Vec<CostItem> {
        let n = self.line.serving_replicas(v);
        let serving = self.line.per_replica_usd * n + self.line.per_request_usd * v;
        let label = match self.billing {
            Billing::AlwaysOn => format!(
                "GPU time: {} x {} GPUs x 730 h",
                super::text::replicas(n),
                self.gpus_per_replica
            ),
            Billing::ActiveWindow => {
                format!(
                    "GPU time: {} x {} GPUs x active hours",
                    super::text::replicas(n),
                    self.gpus_per_replica
                )
            }
            Billing::ScaleToZero => "GPU time: busy hours plus warm-up buffer".to_string(),
        };
        vec![
            CostItem {
                category: CostCategory::GpuTime,
                item: label,
                usd: serving,
            },
            CostItem {
                category: CostCategory::Redundancy,
                item: format!(
                    "Redundancy: {} kept warm",
                    super::text::replicas(self.redundancy_replicas)
                ),
                usd: self.redundancy_replicas * self.warm_replica_usd,
            },
        ]
        .into_iter()
        .chain(self.overheads.lines(ops_fte, horizon_months))
        .collect()
    }
}

/// Monthly payment per dollar of capital that repays it over `months` at `rate_per_month`
/// while leaving `residual_share` of it as a balloon (the resale value):
/// PMT = r (PV - FV / (1 + r)^n) / (1 - (1 + r)^-n) with FV = residual x PV, divided by PV.
/// At a zero rate it is straight-line depreciation to the residual: (1 - residual) / n.
pub fn annuity_factor(rate_per_month: f64, months: f64, residual_share: f64) -> f64 {
    let months = months.max(1.0);
    if rate_per_month.abs() < 1.0e-12 {
        return (1.0 - residual_share) / months;
    }
    let growth = (1.0 + rate_per_month).powf(months);
    rate_per_month * (1.0 - residual_share / growth) / (1.0 - 1.0 / growth)
}

/// Owned servers: capital as an annuity, plus maintenance, power and the facility.
#[derive(Debug, Clone, PartialEq)]
pub struct Owned {
    pub line: Line,
    pub gpus_per_replica: f64,
    pub gpu_price_usd: f64,
    /// GPUs x (GPU price + server share) of one replica.
    pub capital_per_replica_usd: f64,
    pub installation_usd: f64,
    /// Monthly capital charge per dollar of capital (see [`annuity_factor`]).
    pub annuity_factor: f64,
    pub maintenance_per_month_share: f64,
    pub power: Power,
    pub redundancy_replicas: f64,
    pub facility_usd: f64,
    pub overheads: Overheads,
    pub life_months: f64,
    pub residual_share: f64,
    /// The cost of capital a month (the nominal annual rate / 12).
    pub rate_per_month: f64,
}

impl Owned {
    pub fn new(s: &Scenario, r: &Resolved, gpus_per_replica: u32, tokens_per_sec: f64) -> Self {
        let cap = ReplicaCapacity::new(tokens_per_sec, r);
        let o = &s.owned;
        let g = f64::from(gpus_per_replica);
        let server = input(o.server_usd_per_gpu, 0.0, 1.0e12, 0.0);
        let capital_per_replica_usd = g * (r.gpu_price_usd + server);
        let installation_usd = input(o.installation_usd, 0.0, 1.0e12, 0.0);
        let life_months = input(o.life_years, 0.05, 100.0, 4.0) * 12.0;
        let residual_share = input(o.residual_pct, 0.0, 100.0, 0.0) / 100.0;
        // The cost of capital is a nominal annual rate, paid monthly like a loan.
        let rate = input(o.cost_of_capital_pct, 0.0, 1.0e3, 0.0) / 100.0 / 12.0;
        let annuity_factor = annuity_factor(rate, life_months, residual_share);
        let maintenance_per_month_share =
            input(o.maintenance_pct_per_year, 0.0, 1.0e3, 0.0) / 100.0 / 12.0;
        // Every server draws its idle power all 730 hours whether or not traffic arrives;
        // the work adds the rest, per request.
        let power = Power::new(s, r, g, tokens_per_sec);
        let redundancy_replicas = f64::from(r.redundancy_replicas);
        let per_replica_usd = capital_per_replica_usd
            * (annuity_factor + maintenance_per_month_share)
            + power.idle_usd;
        let facility_usd = input(o.facility_usd_per_month, 0.0, 1.0e12, 0.0);
        let overheads = Overheads::new(s, r);
        let fixed_usd = installation_usd * (annuity_factor + maintenance_per_month_share)
            + redundancy_replicas * per_replica_usd
            + facility_usd
            + overheads.monthly_usd();
        Self {
            line: Line {
                fixed_usd,
                per_replica_usd,
                per_request_usd: power.usd_per_request,
                capacity_requests: cap.capacity_requests,
                full_capacity_requests: cap.full_capacity_requests,
            },
            gpus_per_replica: g,
            gpu_price_usd: r.gpu_price_usd,
            capital_per_replica_usd,
            installation_usd,
            annuity_factor,
            maintenance_per_month_share,
            power,
            redundancy_replicas,
            facility_usd,
            overheads,
            life_months,
            residual_share,
            rate_per_month: rate,
        }
    }

    /// What `capital` bought `age_months` ago is still worth on the schedule the monthly
    /// capital charge pays it off by: the balance a loan repaid by that charge still owes,
    /// B = C (1 + r)^a - PMT ((1 + r)^a - 1) / r, which reaches the residual value at the
    /// end of life (straight-line book value at a zero rate). Crediting it at the end of a
    /// horizon shorter than the life makes the cash view agree with the monthly charge.
    pub fn remaining_value(&self, capital: f64, age_months: f64) -> f64 {
        let life = self.life_months.max(1.0);
        let a = age_months.clamp(0.0, life);
        let r = self.rate_per_month;
        if r.abs() < 1.0e-12 {
            return capital * (1.0 - (1.0 - self.residual_share) * a / life);
        }
        let growth = (1.0 + r).powf(a);
        capital * (growth - self.annuity_factor * (growth - 1.0) / r)
    }

    /// Capital of a fleet of `replicas` (installation once).
    pub fn capital_usd(&self, replicas: f64) -> f64 {
        self.capital_per_replica_usd * replicas + self.installation_usd
    }

    pub fn breakdown(&self, v: f64, ops_fte: f64, horizon_months: f64) -> Vec<CostItem> {
        let replicas = self.line.serving_replicas(v) + self.redundancy_replicas;
        let capital = self.capital_usd(replicas);
        vec![
            CostItem {
                category: CostCategory::Capital,
                item: "Capital (annuity net of residual value)".into(),
                usd: capital * self.annuity_factor,
            },
            CostItem {
                category: CostCategory::Maintenance,
                item: "Maintenance".into(),
                usd: capital * self.maintenance_per_month_share,
            },
            CostItem {
                category: CostCategory::Power,
                item: "Power".into(),
                usd: replicas * self.power.idle_usd + v * self.power.usd_per_request,
            },
            CostItem {
                category: CostCategory::Facility,
                item: "Facility".into(),
                usd: self.facility_usd,
            },
        ]
        .into_iter()
        .chain(self.overheads.lines(ops_fte, horizon_months))
        .collect()
    }
}

/// What a self-hosted fleet costs a month whether rented or owned: infrastructure, the
/// operations staff, and the implementation spread over the horizon.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Overheads {
    pub infra_usd: f64,
    pub ops_usd: f64,
    pub implementation_usd_per_month: f64,
}

impl Overheads {
    pub fn new(s: &Scenario, r: &Resolved) -> Self {
        Self {
            infra_usd: input(s.self_host.infra_usd_per_month, 0.0, 1.0e12, 0.0),
            ops_usd: input(s.self_host.ops_fte, 0.0, 1.0e4, 0.0) * r.loaded_fte_usd_per_month,
            implementation_usd_per_month: input(s.self_host.implementation_usd, 0.0, 1.0e12, 0.0)
                / r.horizon_months,
        }
    }

    /// All three, a month.
    pub fn monthly_usd(&self) -> f64 {
        self.infra_usd + self.ops_usd + self.implementation_usd_per_month
    }

    /// Their lines of a cost breakdown.
    fn lines(&self, ops_fte: f64, horizon_months: f64) -> [CostItem; 3] {
        [
            CostItem {
                category: CostCategory::Infrastructure,
                item: "Infrastructure".into(),
                usd: self.infra_usd,
            },
            CostItem {
                category: CostCategory::Operations,
                item: format!("Operations ({ops_fte} FTE)"),
                usd: self.ops_usd,
            },
            CostItem {
                category: CostCategory::Implementation,
                item: format!("Implementation over {horizon_months} months"),
                usd: self.implementation_usd_per_month,
            },
        ]
    }
}

/// Requests over the fleet's planned capacity, in percent.
pub fn utilization_pct(v: f64, replicas: f64, capacity_requests: f64) -> f64 {
    if replicas > 0.0 {
        guard(v / (replicas * capacity_requests) * 100.0)
    } else {
        0.0
    }
}
