//! Self-hosting: the open model on its GPUs, rented by the hour or bought.

use serde::{Deserialize, Serialize};

use crate::catalog::{Pricing, Quantization};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct SelfHost {
    /// Catalog id of the open-weight model.
    pub model: String,
    pub quantization: Quantization,
    /// Precision of the KV cache; 8 bits halves its memory and the bytes each decode
    /// step reads from it.
    pub kv_cache_dtype: KvCache,
    /// Catalog id of the GPU.
    pub gpu: String,
    /// Tensor-parallel degree; sized from memory fit when absent.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub gpus_per_replica: Option<u32>,
    /// A measured figure; wins over the catalog and the estimate.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub output_tokens_per_sec_per_replica: Option<f64>,
    /// Share of peak throughput used for planning.
    pub planning_utilization_pct: f64,
    /// Extra replicas for failover (N+k).
    pub redundancy_replicas: u32,
    pub infra_usd_per_month: f64,
    pub ops_fte: f64,
    pub implementation_usd: f64,
}

crate::choice_enum! {
    /// Precision of the cached keys and values.
    pub enum KvCache {
        /// 16 bits per element (FP16 or BF16), what serving engines keep by default.
        Fp16,
        /// 8 bits per element (FP8).
        Fp8,
    }
}

crate::choice_enum! {
    /// How rented GPUs are billed.
    pub enum Billing {
        /// 730 billed hours per instance.
        AlwaysOn,
        /// Billed for the active hours only.
        ActiveWindow,
        /// Billed for busy time plus a warm-up buffer.
        ScaleToZero,
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Cloud {
    /// Overrides the catalog price for the pricing tier.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub usd_per_gpu_hour: Option<f64>,
    pub pricing: Pricing,
    pub billing: Billing,
    /// Extra billed time for scale-to-zero warm-up.
    pub runtime_buffer_pct: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Owned {
    /// Overrides the catalog purchase price.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub gpu_price_usd: Option<f64>,
    pub server_usd_per_gpu: f64,
    pub installation_usd: f64,
    pub life_years: f64,
    pub residual_pct: f64,
    pub cost_of_capital_pct: f64,
    pub maintenance_pct_per_year: f64,
    pub electricity_usd_per_kwh: f64,
    pub pue: f64,
    pub avg_power_load_pct: f64,
    pub facility_usd_per_month: f64,
}

impl Default for SelfHost {
    fn default() -> Self {
        Self {
            model: "llama-3.1-70b".into(),
            quantization: Quantization::Fp8,
            kv_cache_dtype: KvCache::Fp16,
            gpu: "h100-sxm".into(),
            gpus_per_replica: None,
            output_tokens_per_sec_per_replica: None,
            planning_utilization_pct: 70.0,
            redundancy_replicas: 0,
            infra_usd_per_month: 300.0,
            ops_fte: 0.25,
            implementation_usd: 30_000.0,
        }
    }
}

impl Default for Cloud {
    fn default() -> Self {
        Self {
            usd_per_gpu_hour: None,
            pricing: Pricing::OnDemand,
            billing: Billing::AlwaysOn,
            runtime_buffer_pct: 10.0,
        }
    }
}

impl Default for Owned {
    fn default() -> Self {
        Self {
            gpu_price_usd: None,
            server_usd_per_gpu: 5_000.0,
            installation_usd: 5_000.0,
            life_years: 4.0,
            residual_pct: 20.0,
            cost_of_capital_pct: 8.0,
            maintenance_pct_per_year: 5.0,
            electricity_usd_per_kwh: 0.13,
            pue: 1.4,
            avg_power_load_pct: 60.0,
            facility_usd_per_month: 200.0,
        }
    }
}
