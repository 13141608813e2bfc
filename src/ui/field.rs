//! One input of the scenario, drawn from its entry in the field table.

use leptos::prelude::*;
use serde_json::Value;

use super::catalog_note::CatalogNote;
use super::state::{AppState, use_state};
use crate::catalog;
use crate::scenario::fields::{CatalogList, FieldKind, FieldSpec};

/// The text a number shows in its box: grouped thousands, no trailing zeros.
fn number_text(x: f64) -> String {
    if x.fract() == 0.0 && x.abs() >= 10_000.0 && x.abs() < 1e15 {
        crate::format::grouped(x, 0)
    } else {
        // Shortest text that reads back as the same number.
        format!("{x}")
    }
}

fn value_text(value: &Value) -> String {
    match value {
        Value::Null => String::new(),
        Value::Number(n) => n.as_f64().map(number_text).unwrap_or_default(),
        Value::String(s) => s.clone(),
        Value::Bool(b) => b.to_string(),
        other => other.to_string(),
    }
}

/// Display names for choice ids.
fn choice_label(id: &str) -> String {
    match id {
        "fp16" => "FP16 / BF16".into(),
        "fp8" => "FP8".into(),
        "int8" => "INT8".into(),
        "int4" => "INT4".into(),
        "fp4" => "FP4 (MXFP4 / NVFP4)".into(),
        "must_stay_internal" => "Must stay inside the organisation".into(),
        "internal" => "Internal (external processing allowed)".into(),
        "public" => "Not sensitive".into(),
        other => {
            let mut s = other.replace('_', " ");
            if let Some(first) = s.get(0..1) {
                s.replace_range(0..1, &first.to_uppercase());
            }
            s
        }
    }
}

fn catalog_options(list: CatalogList) -> Vec<(String, String)> {
    match list {
        CatalogList::ApiModels => {
            let mut v: Vec<(String, String)> = catalog::api_models()
                .iter()
                .map(|m| (m.id.clone(), format!("{} ({})", m.name, m.provider)))
                .collect();
            if !v.iter().any(|(id, _)| id == "custom") {
                v.push(("custom".into(), "Custom prices".into()));
            }
            v
        }
        CatalogList::OpenModels => catalog::open_models()
            .iter()
            .map(|m| (m.id.clone(), m.name.clone()))
            .collect(),
        CatalogList::Gpus => catalog::gpus()
            .iter()
            .map(|g| (g.id.clone(), g.name.clone()))
            .collect(),
        CatalogList::Presets => catalog::presets()
            .iter()
            .map(|p| (p.id.clone(), p.name.clone()))
            .collect(),
    }
}

/// A labelled input for one scenario field: its unit, help, catalog note and, when the
/// value is refused, a message naming what is allowed.
#[component]
pub fn Field(
    /// The field's entry in the table.
    spec: &'static FieldSpec,
) -> impl IntoView {
    let state = use_state();
    let path = spec.path;
    let id = format!("f-{}", path.replace('.', "-"));
    let help_id = format!("{id}-help");
    let err_id = format!("{id}-err");
    let pointer = crate::scenario::json_pointer(path);
    let current = Memo::new(move |_| {
        state
            .scenario_value
            .with(|v| v.pointer(&pointer).cloned().unwrap_or(Value::Null))
    });
    let error = Memo::new(move |_| state.errors.with(|e| e.get(path).cloned()));
    let draft = RwSignal::new(None::<String>);
    Effect::new(move |_| {
        state.epoch.track();
        draft.set(None);
    });

    let typed = Typed {
        spec,
        state,
        current,
        error,
        draft,
    };
    let control = control_view(typed, id.clone(), help_id.clone(), err_id.clone());

    let unit = (!spec.unit.is_empty()).then(|| view! { <span class="unit">{spec.unit}</span> });
    view! {
        <div class="field" class:invalid=move || error.with(Option::is_some) data-field=path>
            <label for=id>{spec.label}</label>
            {unit}
            {control}
            <div class="help" id=help_id>{spec.help}<CatalogNote path=path/></div>
            <p class="error" id=err_id role="alert">{move || error.get().map(|m| format!("{}: {m}.", spec.label))}</p>
        </div>
    }
}

/// The control that edits a field, by its kind.
fn control_view(typed: Typed, id: String, help_id: String, err_id: String) -> AnyView {
    let Typed {
        spec,
        state,
        current,
        error,
        ..
    } = typed;
    let path = spec.path;
    let shown = move || typed.shown();
    let on_text = move |text: String| typed.on_text(text);
    match spec.kind {
        FieldKind::Bool => view! {
            <input id=id.clone() type="checkbox" aria-describedby=help_id.clone()
                prop:checked=move || current.get() == Value::Bool(true)
                on:change=move |ev| state.set_field(path, Value::Bool(event_target_checked(&ev)))/>
        }
        .into_any(),
        FieldKind::Choice(ids) => {
            let options = ids.iter().map(|i| (i.to_string(), choice_label(i))).collect::<Vec<_>>();
            select_view(id.clone(), help_id.clone(), options, current, state, path).into_any()
        }
        FieldKind::Catalog(list) => {
            select_view(id.clone(), help_id.clone(), catalog_options(list), current, state, path).into_any()
        }
        FieldKind::Number { min, max, .. } => {
            let slider = slider_for(spec, min, max);
            let placeholder = move || placeholder_for(state, path);
            view! {
                <div class="number">
                    <input id=id.clone() type="text" inputmode="decimal" autocomplete="off"
                        aria-describedby=format!("{help_id} {err_id}")
                        aria-invalid=move || error.with(|e| if e.is_some() { "true" } else { "false" })
                        placeholder=placeholder
                        prop:value=shown
                        on:input=move |ev| on_text(event_target_value(&ev))/>
                    {slider.map(|(lo, hi, log)| slider_view(typed, lo, hi, log))}
                </div>
            }
            .into_any()
        }
        FieldKind::Text { .. } => view! {
            <input id=id.clone() type="text" autocomplete="off" aria-describedby=format!("{help_id} {err_id}")
                aria-invalid=move || error.with(|e| if e.is_some() { "true" } else { "false" })
                prop:value=shown
                on:input=move |ev| on_text(event_target_value(&ev))/>
        }
        .into_any(),
    }
}

/// The slider beside a number box: `lo` to `hi`, on a log scale when `log`. It is a
/// pointer shortcut for the box, hidden from assistive technology.
fn slider_view(typed: Typed, lo: f64, hi: f64, log: bool) -> impl IntoView {
    let Typed {
        spec,
        state,
        current,
        draft,
        ..
    } = typed;
    let to_slider = move || {
        let x = current.get().as_f64().unwrap_or(lo);
        if log {
            x.max(1.0).log10().to_string()
        } else {
            x.to_string()
        }
    };
    let (smin, smax, step) = if log {
        (lo.log10(), hi.log10(), 0.01)
    } else {
        (lo, hi, 1.0)
    };
    view! {
        <input type="range" class="slider" tabindex="-1" aria-hidden="true"
            min=smin.to_string() max=smax.to_string() step=step.to_string()
            prop:value=to_slider
            on:input=move |ev| {
                super::perf::input_started();
                let raw: f64 = event_target_value(&ev).parse().unwrap_or(lo);
                let x = if log { round_nice(10f64.powf(raw)) } else { raw };
                draft.set(None);
                state.set_field(spec.path, Value::from(x));
            }/>
    }
}

/// A field's value as the visitor types it.
#[derive(Clone, Copy)]
struct Typed {
    spec: &'static FieldSpec,
    state: AppState,
    /// The field's value in the scenario.
    current: Memo<Value>,
    /// Why the last value typed was refused.
    error: Memo<Option<String>>,
    /// What the visitor typed, kept while it is refused or reads as the stored value, so
    /// the box never rewrites text under the cursor.
    draft: RwSignal<Option<String>>,
}

impl Typed {
    fn on_text(self, text: String) {
        super::perf::input_started();
        match self.spec.parse_text(&text) {
            Ok(value) => {
                self.draft.set(Some(text));
                self.state.set_field(self.spec.path, value);
            }
            Err(e) => {
                self.draft.set(Some(text));
                self.state.set_error(self.spec.path, e.message);
            }
        }
    }

    /// The text in the box.
    fn shown(self) -> String {
        let cur = self.current.get();
        match self.draft.get() {
            Some(d) if self.error.with(Option::is_some) => d,
            Some(d) if self.spec.parse_text(&d).ok().as_ref() == Some(&cur) => d,
            _ => value_text(&cur),
        }
    }
}

fn select_view(
    id: String,
    help_id: String,
    options: Vec<(String, String)>,
    current: Memo<Value>,
    state: super::state::AppState,
    path: &'static str,
) -> impl IntoView {
    view! {
        <select id=id aria-describedby=help_id
            prop:value=move || current.get().as_str().unwrap_or_default().to_string()
            on:change=move |ev| state.set_field(path, Value::String(event_target_value(&ev)))>
            {options.into_iter().map(|(value, label)| {
                let v = value.clone();
                view! { <option value=value selected=move || current.with(|c| c.as_str() == Some(v.as_str()))>{label}</option> }
            }).collect_view()}
        </select>
    }
}

/// A slider for percentages and for monthly requests (on a log scale).
fn slider_for(spec: &FieldSpec, min: f64, max: f64) -> Option<(f64, f64, bool)> {
    match spec.path {
        "workload.monthly_requests" => Some((1_000.0, 1.0e9, true)),
        _ if spec.unit == "%" && min == 0.0 && max == 100.0 => Some((0.0, 100.0, false)),
        "self_host.planning_utilization_pct" => Some((1.0, 100.0, false)),
        _ => None,
    }
}

/// Two significant figures, so a log slider lands on readable volumes.
fn round_nice(x: f64) -> f64 {
    if x <= 0.0 || !x.is_finite() {
        return 0.0;
    }
    let magnitude = 10f64.powf(x.log10().floor() - 1.0);
    (x / magnitude).round() * magnitude
}

/// What an empty optional number falls back to, shown as the placeholder.
fn placeholder_for(state: super::state::AppState, path: &str) -> String {
    let report = state.report;
    match path {
        "api.input_usd_per_mtok" => {
            report.with(|r| format!("catalog: {}", r.options.api.input_usd_per_mtok))
        }
        "api.output_usd_per_mtok" => {
            report.with(|r| format!("catalog: {}", r.options.api.output_usd_per_mtok))
        }
        "api.cached_input_usd_per_mtok" => {
            report.with(|r| format!("catalog: {}", r.options.api.cached_input_usd_per_mtok))
        }
        "cloud.usd_per_gpu_hour" => {
            report.with(|r| format!("catalog: {}", r.options.rented.usd_per_gpu_hour))
        }
        "owned.gpu_price_usd" => {
            report.with(|r| format!("catalog: {}", r.options.owned.gpu_price_usd))
        }
        "self_host.gpus_per_replica" => {
            report.with(|r| format!("auto: {}", r.capacity.gpus_per_replica))
        }
        "self_host.output_tokens_per_sec_per_replica" => report.with(|r| {
            format!(
                "{}: {:.0}",
                r.capacity.throughput_source, r.capacity.output_tokens_per_sec_per_replica
            )
        }),
        "workload.latency_slo_ms" => "none".into(),
        _ => String::new(),
    }
}
