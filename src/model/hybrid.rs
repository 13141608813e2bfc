//! The hybrid: part of the traffic on the API, part self-hosted on the cheaper of rented
//! and owned GPUs.

use super::api::ApiLine;
use super::facts::SelfHostKind;
use super::self_host::{Line, Owned, Rented};
use crate::scenario::HybridStrategy;

/// A hybrid at one volume.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct HybridCalc {
    pub usd: f64,
    pub kind: SelfHostKind,
    pub api_requests: f64,
    pub self_host_requests: f64,
    /// Self-hosted replicas kept, redundancy included (0 when the self-hosted part is off).
    pub self_host_replicas: f64,
    /// Serving replicas chosen by the overflow search.
    pub overflow_replicas: Option<f64>,
    pub uses_api: bool,
    pub uses_self_host: bool,
    /// The API part's cost and the self-hosted part's cost (both 0 when not used).
    pub api_usd: f64,
    pub self_host_usd: f64,
}

/// The pieces a hybrid is made of.
pub struct Parts<'a> {
    pub api: &'a ApiLine,
    pub rented: &'a Rented,
    pub owned: &'a Owned,
}

impl Parts<'_> {
    fn line(&self, kind: SelfHostKind) -> &Line {
        match kind {
            SelfHostKind::Rented => &self.rented.line,
            SelfHostKind::Owned => &self.owned.line,
        }
    }

    fn redundancy(&self) -> f64 {
        self.rented.redundancy_replicas
    }

    /// One replica kept warm with the self-hosting fixed costs, without redundancy.
    fn standby_usd(&self, kind: SelfHostKind) -> f64 {
        match kind {
            SelfHostKind::Rented => {
                let r = self.rented;
                r.line.fixed_usd - r.redundancy_replicas * r.warm_replica_usd + r.warm_replica_usd
            }
            SelfHostKind::Owned => {
                let o = self.owned;
                o.line.fixed_usd - o.redundancy_replicas * o.line.per_replica_usd
                    + o.line.per_replica_usd
            }
        }
    }

    /// The hybrid at `v` requests a month. `kind` fixes the self-hosted deployment (the
    /// TCO keeps the one chosen today); `None` takes the cheaper at this volume.
    pub fn at(
        &self,
        v: f64,
        strategy: HybridStrategy,
        share_pct: f64,
        kind: Option<SelfHostKind>,
    ) -> HybridCalc {
        let kinds: &[SelfHostKind] = match kind {
            Some(SelfHostKind::Rented) => &[SelfHostKind::Rented],
            Some(SelfHostKind::Owned) => &[SelfHostKind::Owned],
            None => &[SelfHostKind::Rented, SelfHostKind::Owned],
        };
        let mut best: Option<HybridCalc> = None;
        for &k in kinds {
            let c = match strategy {
                HybridStrategy::Routing => self.routing(v, share_pct, k),
                HybridStrategy::Overflow => self.overflow(v, k),
                HybridStrategy::Fallback => self.fallback(v, k),
            };
            if best.is_none_or(|b| c.usd < b.usd) {
                best = Some(c);
            }
        }
        best.unwrap_or_else(|| self.fallback(v, SelfHostKind::Rented))
    }

    /// A fixed share goes to self-hosting, sized for that share alone. A share of 0 or
    /// 100% runs only one side, so its fixed costs are not paid twice.
    fn routing(&self, v: f64, share_pct: f64, kind: SelfHostKind) -> HybridCalc {
        let share = (share_pct / 100.0).clamp(0.0, 1.0);
        let self_host_requests = v * share;
        let api_requests = v - self_host_requests;
        let uses_api = share < 1.0;
        let uses_self_host = share > 0.0;
        let line = self.line(kind);
        let api_usd = if uses_api {
            self.api.cost(api_requests)
        } else {
            0.0
        };
        let self_host_usd = if uses_self_host {
            line.cost(self_host_requests)
        } else {
            0.0
        };
        let replicas = if uses_self_host {
            line.serving_replicas(self_host_requests) + self.redundancy()
        } else {
            0.0
        };
        HybridCalc {
            usd: api_usd + self_host_usd,
            kind,
            api_requests,
            self_host_requests,
            self_host_replicas: replicas,
            overflow_replicas: None,
            uses_api,
            uses_self_host,
            api_usd,
            self_host_usd,
        }
    }

    /// Overflow: k serving replicas run full on the base load and the API takes what rises
    /// above them, the peaks. A replica planned for the peak carries `capacity_requests`
    /// on average, but in overflow it runs at its full speed all the active hours, so k
    /// replicas take up to k x `full_capacity_requests`. k = 0 is the pure API and k = n
    /// (the fleet sized for all traffic and its peaks) pure self-hosting, so the best k is
    /// never worse than either. The cost is linear in k between 1 and the k that takes all
    /// traffic, v / full capacity, and rises after it, so the minimum over every whole k
    /// is at 0, 1, either side of that k, n - 1 or n.
    fn overflow(&self, v: f64, kind: SelfHostKind) -> HybridCalc {
        let line = self.line(kind);
        let n = line.serving_replicas(v);
        let all = v / line.full_capacity_requests.max(1.0);
        let mut best = self.overflow_with(v, 0.0, kind);
        for k in [1.0, all.floor(), all.ceil(), n - 1.0, n] {
            if k >= 1.0 && k <= n {
                let c = self.overflow_with(v, k, kind);
                if c.usd < best.usd {
                    best = c;
                }
            }
        }
        best
    }

    /// Overflow with exactly `k` serving replicas (public for the brute-force test).
    pub fn overflow_with(&self, v: f64, k: f64, kind: SelfHostKind) -> HybridCalc {
        let line = self.line(kind);
        let self_host_requests = (k * line.full_capacity_requests).min(v);
        let api_requests = v - self_host_requests;
        let uses_self_host = k > 0.0;
        let uses_api = api_requests > 0.0 || !uses_self_host;
        let api_usd = if uses_api {
            self.api.cost(api_requests)
        } else {
            0.0
        };
        let self_host_usd = if uses_self_host {
            line.fixed_usd + line.per_replica_usd * k + line.per_request_usd * self_host_requests
        } else {
            0.0
        };
        HybridCalc {
            usd: api_usd + self_host_usd,
            kind,
            api_requests,
            self_host_requests,
            self_host_replicas: if uses_self_host {
                k + self.redundancy()
            } else {
                0.0
            },
            overflow_replicas: Some(k),
            uses_api,
            uses_self_host,
            api_usd,
            self_host_usd,
        }
    }

    /// Fallback: the API takes all traffic; one self-hosted replica is kept warm.
    fn fallback(&self, v: f64, kind: SelfHostKind) -> HybridCalc {
        let api_usd = self.api.cost(v);
        let self_host_usd = self.standby_usd(kind);
        HybridCalc {
            usd: api_usd + self_host_usd,
            kind,
            api_requests: v,
            self_host_requests: 0.0,
            self_host_replicas: 1.0,
            overflow_replicas: None,
            uses_api: true,
            uses_self_host: true,
            api_usd,
            self_host_usd,
        }
    }
}

impl Parts<'_> {
    /// The reverse of fallback: self-hosting takes all traffic on a fleet sized for it, and
    /// the API is kept ready to take over. The API's fixed costs (fees, operations,
    /// implementation) are paid every month; its tokens only while it stands in, which a
    /// monthly figure leaves out. `kind` as in [`Parts::at`].
    pub fn reverse_fallback(&self, v: f64, kind: Option<SelfHostKind>) -> HybridCalc {
        let kinds: &[SelfHostKind] = match kind {
            Some(SelfHostKind::Rented) => &[SelfHostKind::Rented],
            Some(SelfHostKind::Owned) => &[SelfHostKind::Owned],
            None => &[SelfHostKind::Rented, SelfHostKind::Owned],
        };
        let api_usd = self.api.fixed_usd();
        let mut best: Option<HybridCalc> = None;
        for &k in kinds {
            let line = self.line(k);
            let self_host_usd = line.cost(v);
            let c = HybridCalc {
                usd: api_usd + self_host_usd,
                kind: k,
                api_requests: 0.0,
                self_host_requests: v,
                self_host_replicas: line.serving_replicas(v) + self.redundancy(),
                overflow_replicas: None,
                uses_api: true,
                uses_self_host: true,
                api_usd,
                self_host_usd,
            };
            if best.is_none_or(|b| c.usd < b.usd) {
                best = Some(c);
            }
        }
        best.unwrap_or_else(|| self.fallback(v, SelfHostKind::Rented))
    }
}
