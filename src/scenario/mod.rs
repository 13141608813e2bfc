//! The scenario: every input of the calculator, in the canonical JSON form of the design.
//!
//! It is the one contract between the share link, the page, the command line and the
//! model. Every field has a default, so `{}` is a valid scenario; a partial scenario is
//! laid over the preset it names (or the default preset) by [`Scenario::from_json`].

pub mod fields;

pub use fields::{FIELDS, FieldKind, FieldSpec, field};

use serde::{Deserialize, Serialize};
use serde_json::Value;

/// The schema version this build writes. Older versions are migrated on load.
pub const CURRENT_VERSION: u32 = 1;

/// Hours in a billing month (365 x 24 / 12).
pub const HOURS_PER_MONTH: f64 = 730.0;

/// A whole scenario.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Scenario {
    pub version: u32,
    /// Id of the preset the scenario starts from.
    pub preset: String,
    /// Free text; only ever shown as text.
    pub name: String,
    pub workload: Workload,
    pub api: Api,
    pub self_host: SelfHost,
    pub cloud: Cloud,
    pub owned: Owned,
    pub hybrid: Hybrid,
    pub org: Org,
    pub criteria: Criteria,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Workload {
    pub monthly_requests: f64,
    pub input_tokens_per_request: f64,
    pub output_tokens_per_request: f64,
    /// Hours a month the workload is served; 730 means always busy.
    pub active_hours_per_month: f64,
    /// Peak request rate over the average rate within the active hours (>= 1).
    pub peak_to_average: f64,
    /// Compound monthly growth of volume over the horizon.
    pub monthly_growth_pct: f64,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub latency_slo_ms: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Api {
    /// Catalog id of the API model, or `custom`.
    pub model: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub input_usd_per_mtok: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub output_usd_per_mtok: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cached_input_usd_per_mtok: Option<f64>,
    /// Share of (remaining) input tokens billed at the cached price.
    pub cache_hit_pct: f64,
    /// Share of requests sent through the batch API.
    pub batch_share_pct: f64,
    /// Discount of the batch API on list prices.
    pub batch_discount_pct: f64,
    /// Input tokens saved by prompt optimisation.
    pub prompt_reduction_pct: f64,
    pub fixed_usd_per_month: f64,
    pub ops_fte: f64,
    pub implementation_usd: f64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Quantization {
    Fp16,
    Fp8,
    Int8,
    Int4,
}

impl Quantization {
    pub const ALL: [Quantization; 4] = [Self::Fp16, Self::Fp8, Self::Int8, Self::Int4];

    /// Bits per weight.
    pub fn bits(self) -> f64 {
        match self {
            Self::Fp16 => 16.0,
            Self::Fp8 | Self::Int8 => 8.0,
            Self::Int4 => 4.0,
        }
    }

    pub fn id(self) -> &'static str {
        match self {
            Self::Fp16 => "fp16",
            Self::Fp8 => "fp8",
            Self::Int8 => "int8",
            Self::Int4 => "int4",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct SelfHost {
    /// Catalog id of the open-weight model.
    pub model: String,
    pub quantization: Quantization,
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

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Pricing {
    OnDemand,
    Reserved,
    Spot,
}

impl Pricing {
    pub const ALL: [Pricing; 3] = [Self::OnDemand, Self::Reserved, Self::Spot];
    pub fn id(self) -> &'static str {
        match self {
            Self::OnDemand => "on_demand",
            Self::Reserved => "reserved",
            Self::Spot => "spot",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Billing {
    /// 730 billed hours per instance.
    AlwaysOn,
    /// Billed for the active hours only.
    ActiveWindow,
    /// Billed for busy time plus a warm-up buffer.
    ScaleToZero,
}

impl Billing {
    pub const ALL: [Billing; 3] = [Self::AlwaysOn, Self::ActiveWindow, Self::ScaleToZero];
    pub fn id(self) -> &'static str {
        match self {
            Self::AlwaysOn => "always_on",
            Self::ActiveWindow => "active_window",
            Self::ScaleToZero => "scale_to_zero",
        }
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

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum HybridStrategy {
    Routing,
    Overflow,
    Fallback,
}

impl HybridStrategy {
    pub const ALL: [HybridStrategy; 3] = [Self::Routing, Self::Overflow, Self::Fallback];
    pub fn id(self) -> &'static str {
        match self {
            Self::Routing => "routing",
            Self::Overflow => "overflow",
            Self::Fallback => "fallback",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Hybrid {
    pub strategy: HybridStrategy,
    /// Share of requests routed to self-hosting (routing strategy).
    pub self_host_share_pct: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Org {
    pub loaded_fte_usd_per_month: f64,
    pub horizon_months: u32,
    pub discount_rate_pct: f64,
    /// Display currency code (ISO 4217); the model computes in USD.
    pub currency: String,
    /// Units of the display currency per US dollar.
    pub usd_exchange_rate: f64,
}

/// How sensitive the data is: the one hard constraint of the decision.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DataSensitivity {
    /// External processing is fine.
    Public,
    /// External processing is allowed under a data-processing agreement, but in-house is preferred.
    Internal,
    /// Data must not leave the organisation (GDPR, HIPAA, residency).
    MustStayInternal,
}

impl DataSensitivity {
    pub const ALL: [DataSensitivity; 3] = [Self::Public, Self::Internal, Self::MustStayInternal];
    pub fn id(self) -> &'static str {
        match self {
            Self::Public => "public",
            Self::Internal => "internal",
            Self::MustStayInternal => "must_stay_internal",
        }
    }
}

/// Traffic shape over the year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TrafficPattern {
    Predictable,
    Seasonal,
    Unpredictable,
}

impl TrafficPattern {
    pub const ALL: [TrafficPattern; 3] = [Self::Predictable, Self::Seasonal, Self::Unpredictable];
    pub fn id(self) -> &'static str {
        match self {
            Self::Predictable => "predictable",
            Self::Seasonal => "seasonal",
            Self::Unpredictable => "unpredictable",
        }
    }
}

/// The decision framework's questions.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Criteria {
    pub data_sensitivity: DataSensitivity,
    pub traffic_pattern: TrafficPattern,
    /// The use case needs frontier (closed-model) capability.
    pub frontier_capability_needed: bool,
    /// The team has GPU and ML-ops experience.
    pub gpu_ops_experience: bool,
    pub time_to_market_critical: bool,
    /// Extensive customisation such as fine-tuning is needed.
    pub fine_tuning_needed: bool,
    pub long_term_cost_priority: bool,
    /// Several use cases with different needs.
    pub use_cases_differ: bool,
    pub resilience_priority: bool,
}

impl Default for Scenario {
    fn default() -> Self {
        Self {
            version: CURRENT_VERSION,
            preset: "document-processing".into(),
            name: String::new(),
            workload: Workload::default(),
            api: Api::default(),
            self_host: SelfHost::default(),
            cloud: Cloud::default(),
            owned: Owned::default(),
            hybrid: Hybrid::default(),
            org: Org::default(),
            criteria: Criteria::default(),
        }
    }
}

impl Default for Workload {
    fn default() -> Self {
        Self {
            monthly_requests: 1_000_000.0,
            input_tokens_per_request: 2_000.0,
            output_tokens_per_request: 300.0,
            active_hours_per_month: HOURS_PER_MONTH,
            peak_to_average: 1.5,
            monthly_growth_pct: 0.0,
            latency_slo_ms: None,
        }
    }
}

impl Default for Api {
    fn default() -> Self {
        Self {
            model: "claude-3.5-sonnet".into(),
            input_usd_per_mtok: None,
            output_usd_per_mtok: None,
            cached_input_usd_per_mtok: None,
            cache_hit_pct: 0.0,
            batch_share_pct: 0.0,
            batch_discount_pct: 50.0,
            prompt_reduction_pct: 0.0,
            fixed_usd_per_month: 0.0,
            ops_fte: 0.05,
            implementation_usd: 5_000.0,
        }
    }
}

impl Default for SelfHost {
    fn default() -> Self {
        Self {
            model: "llama-3.1-70b".into(),
            quantization: Quantization::Fp8,
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

impl Default for Hybrid {
    fn default() -> Self {
        Self {
            strategy: HybridStrategy::Routing,
            self_host_share_pct: 50.0,
        }
    }
}

impl Default for Org {
    fn default() -> Self {
        Self {
            loaded_fte_usd_per_month: 16_000.0,
            horizon_months: 36,
            discount_rate_pct: 8.0,
            currency: "USD".into(),
            usd_exchange_rate: 1.0,
        }
    }
}

impl Default for Criteria {
    fn default() -> Self {
        Self {
            data_sensitivity: DataSensitivity::Public,
            traffic_pattern: TrafficPattern::Predictable,
            frontier_capability_needed: false,
            gpu_ops_experience: false,
            time_to_market_critical: false,
            fine_tuning_needed: false,
            long_term_cost_priority: false,
            use_cases_differ: false,
            resilience_priority: false,
        }
    }
}

/// One rejected input: the canonical field path and what is allowed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldError {
    /// Canonical dotted path, e.g. `workload.monthly_requests`.
    pub field: String,
    pub message: String,
}

impl std::fmt::Display for FieldError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.field, self.message)
    }
}

impl Scenario {
    /// The scenario as a JSON value (the canonical form).
    pub fn to_value(&self) -> Value {
        // Serialising plain structs of numbers, strings and enums cannot fail.
        serde_json::to_value(self).unwrap_or(Value::Null)
    }

    /// Builds a scenario from a partial canonical JSON value, laid over the preset it
    /// names (or the default preset). Every problem is reported with its field; nothing panics.
    pub fn from_value(partial: &Value) -> Result<Scenario, Vec<FieldError>> {
        let Value::Object(map) = partial else {
            return Err(vec![FieldError {
                field: "(scenario)".into(),
                message: "must be a JSON object".into(),
            }]);
        };
        let version = match map.get("version") {
            None => CURRENT_VERSION,
            Some(v) => match v.as_u64() {
                Some(n) if n >= 1 && n <= CURRENT_VERSION as u64 => n as u32,
                Some(n) if n > CURRENT_VERSION as u64 => {
                    return Err(vec![FieldError {
                        field: "version".into(),
                        message: format!(
                            "version {n} is newer than this calculator understands (1 to {CURRENT_VERSION})"
                        ),
                    }]);
                }
                _ => {
                    return Err(vec![FieldError {
                        field: "version".into(),
                        message: format!("must be a whole number from 1 to {CURRENT_VERSION}"),
                    }]);
                }
            },
        };
        let _ = version; // Only version 1 exists so far: nothing to migrate.

        let preset_id = match map.get("preset") {
            None => Scenario::default().preset,
            Some(Value::String(s)) => s.clone(),
            Some(_) => {
                return Err(vec![FieldError {
                    field: "preset".into(),
                    message: "must be the id of a preset".into(),
                }]);
            }
        };
        let Some(base) = crate::catalog::preset_scenario(&preset_id) else {
            return Err(vec![FieldError {
                field: "preset".into(),
                message: format!(
                    "unknown preset \"{}\"; allowed: {}",
                    preset_id,
                    crate::catalog::preset_ids().join(", ")
                ),
            }]);
        };
        let mut merged = base.to_value();
        merge(&mut merged, partial);
        if let Value::Object(m) = &mut merged {
            m.insert("version".into(), Value::from(CURRENT_VERSION));
        }
        // Checked field by field before serde sees the value, so that a wrong type or a
        // value out of range is reported with its field and range (serde's own message
        // names the value, not the field), and `240.0` is read as the whole number it is.
        let mut errors = Vec::new();
        for spec in FIELDS {
            if let Some(slot) = merged.pointer_mut(&json_pointer(spec.path)) {
                whole_number_as_integer(spec, slot);
            }
            if let Err(e) = spec.check(&merged) {
                errors.push(e);
            }
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        let scenario: Scenario = serde_json::from_value(merged).map_err(|e| {
            let message = e.to_string();
            let leaf = serde_error_field(&message);
            vec![FieldError {
                field: key_path(partial, &leaf).unwrap_or(leaf),
                message,
            }]
        })?;
        scenario.validate()?;
        Ok(scenario)
    }

    /// Parses canonical JSON text (see [`Scenario::from_value`]).
    /// A leading UTF-8 byte-order mark, which some editors write, is skipped.
    pub fn from_json(text: &str) -> Result<Scenario, Vec<FieldError>> {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let value: Value = serde_json::from_str(text).map_err(|e| {
            vec![FieldError {
                field: "(scenario)".into(),
                message: format!("not valid JSON: {e}"),
            }]
        })?;
        Scenario::from_value(&value)
    }

    /// Checks every field against its allowed values and ranges.
    pub fn validate(&self) -> Result<(), Vec<FieldError>> {
        let value = self.to_value();
        let errors: Vec<FieldError> = FIELDS
            .iter()
            .filter_map(|spec| spec.check(&value).err())
            .collect();
        if errors.is_empty() {
            Ok(())
        } else {
            Err(errors)
        }
    }

    /// Reads one field by canonical path (`null` when an optional field is absent).
    pub fn get(&self, path: &str) -> Value {
        self.to_value()
            .pointer(&json_pointer(path))
            .cloned()
            .unwrap_or(Value::Null)
    }

    /// Sets one field by canonical path, checking the value against the field's spec.
    /// On error the scenario is left unchanged.
    pub fn set(&mut self, path: &str, value: Value) -> Result<(), FieldError> {
        let Some(spec) = field(path) else {
            return Err(FieldError {
                field: path.into(),
                message: "unknown field".into(),
            });
        };
        let mut whole = self.to_value();
        put(&mut whole, path, value);
        self.replace_checked(whole, spec)
    }

    /// Sets several fields, as [`Scenario::set`] for each in turn would: a value its field
    /// refuses is skipped with its error and the others apply. One JSON round trip in all
    /// instead of one per field (a preset's frozen link text sets dozens at start-up).
    pub fn set_many<'a>(
        &mut self,
        items: impl IntoIterator<Item = (&'a str, Value)>,
    ) -> Vec<FieldError> {
        let items: Vec<(&str, Value)> = items.into_iter().collect();
        let mut whole = self.to_value();
        let mut errors = Vec::new();
        for (path, value) in &items {
            let Some(spec) = field(path) else {
                errors.push(FieldError {
                    field: (*path).into(),
                    message: "unknown field".into(),
                });
                continue;
            };
            match spec.check_value(value) {
                Ok(()) => put(&mut whole, path, value.clone()),
                Err(e) => errors.push(e),
            }
        }
        match serde_json::from_value::<Scenario>(whole) {
            Ok(parsed) => *self = parsed,
            // A combination the types refuse although each field passed its check: one at
            // a time, which names the field.
            Err(_) => {
                errors.clear();
                for (path, value) in items {
                    if let Err(e) = self.set(path, value) {
                        errors.push(e);
                    }
                }
            }
        }
        errors
    }

    fn replace_checked(&mut self, whole: Value, spec: &FieldSpec) -> Result<(), FieldError> {
        spec.check(&whole)?;
        let parsed: Scenario = serde_json::from_value(whole).map_err(|_| FieldError {
            field: spec.path.into(),
            message: spec.allowed(),
        })?;
        *self = parsed;
        Ok(())
    }
}

/// Writes `value` at `path` of a scenario's JSON; an optional field absent from the
/// serialised form is inserted in its parent.
fn put(whole: &mut Value, path: &str, value: Value) {
    if let Some(slot) = whole.pointer_mut(&json_pointer(path)) {
        *slot = value;
        return;
    }
    let (parent, leaf) = path.rsplit_once('.').unwrap_or(("", path));
    let target = if parent.is_empty() {
        Some(whole)
    } else {
        whole.pointer_mut(&json_pointer(parent))
    };
    if let Some(Value::Object(m)) = target {
        m.insert(leaf.into(), value);
    }
}

/// An integer field's `24.0` becomes `24`, which the u32 behind it accepts.
fn whole_number_as_integer(spec: &FieldSpec, slot: &mut Value) {
    if let (FieldKind::Number { integer: true, .. }, Some(x)) = (spec.kind, slot.as_f64())
        && slot.is_f64()
        && x.fract() == 0.0
        && (0.0..=f64::from(u32::MAX)).contains(&x)
    {
        *slot = Value::from(x as u64);
    }
}

/// `workload.monthly_requests` -> `/workload/monthly_requests`.
pub fn json_pointer(path: &str) -> String {
    let mut p = String::with_capacity(path.len() + 1);
    for part in path.split('.') {
        p.push('/');
        p.push_str(part);
    }
    p
}

/// Deep-merges `over` into `base`: objects merge key by key, anything else replaces.
pub fn merge(base: &mut Value, over: &Value) {
    match (base, over) {
        (Value::Object(b), Value::Object(o)) => {
            for (k, v) in o {
                match b.get_mut(k) {
                    Some(slot) => merge(slot, v),
                    None => {
                        b.insert(k.clone(), v.clone());
                    }
                }
            }
        }
        (slot, v) => *slot = v.clone(),
    }
}

/// The dotted path of the first key called `key` in `value` (depth first): serde names
/// an unknown nested field by its own name only, the reader needs where it is.
fn key_path(value: &Value, key: &str) -> Option<String> {
    let Value::Object(m) = value else {
        return None;
    };
    if m.contains_key(key) {
        return Some(key.to_string());
    }
    m.iter()
        .find_map(|(k, v)| key_path(v, key).map(|rest| format!("{k}.{rest}")))
}

/// serde's messages name the field with "unknown field `x`" or "invalid type ... for key";
/// keep the field when it can be found, else the whole scenario.
fn serde_error_field(message: &str) -> String {
    if let Some(start) = message.find('`')
        && let Some(len) = message[start + 1..].find('`')
    {
        return message[start + 1..start + 1 + len].to_string();
    }
    "(scenario)".into()
}
