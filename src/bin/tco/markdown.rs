//! `tco eval --format md` and `tco presets --format md`: the report as Markdown, every
//! amount in the scenario's display currency.

use std::fmt::Write as _;

use llm_tco::catalog;
use llm_tco::format::{Money, count, grouped, words};
use llm_tco::model::{Breakeven, Report};
use llm_tco::scenario::Scenario;

use crate::Analyses;

/// The whole report, then the analyses, the reasons and the warnings.
pub fn eval(s: &Scenario, r: &Report, a: &Analyses) -> String {
    let m = Money::from_org(&s.org);
    let mut out = String::new();
    head(&mut out, s, r, &m);
    options(&mut out, r, &m);
    breakevens(&mut out, r);
    tco(&mut out, r, &m);
    flips(&mut out, a, &m);
    sensitivity(&mut out, a, &m);
    uncertainty(&mut out, a, &m);
    hybrid(&mut out, a, &m);
    reasons(&mut out, r, &m);
    out
}

pub fn presets() -> String {
    let mut out = String::from("| id | name | description |\n|---|---|---|\n");
    for p in catalog::presets() {
        let _ = writeln!(out, "| `{}` | {} | {} |", p.id, p.name, p.description);
    }
    out
}

/// The currency's sign for column heads: "$", "€", "CHF".
fn unit(m: &Money) -> String {
    m.symbol().trim().to_string()
}

/// An input's value as typed: thousands separators from 100, else at most four decimals.
fn number(x: f64) -> String {
    if x.abs() >= 100.0 {
        count(x)
    } else {
        let s = format!("{x:.4}");
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    }
}

fn requests(b: &Breakeven) -> String {
    match (b.monthly_requests, b.not_below) {
        (Some(v), _) => count(v),
        (None, Some(n)) => format!("not below {}", count(n)),
        (None, None) => "-".into(),
    }
}

fn head(out: &mut String, s: &Scenario, r: &Report, m: &Money) {
    let title = if s.name.is_empty() {
        &s.preset
    } else {
        &s.name
    };
    let _ = writeln!(out, "# {title}\n");
    let _ = writeln!(
        out,
        "{} requests a month, {} input and {} output tokens each; API `{}`, self-hosted `{}` ({}) on `{}`.\n",
        count(s.workload.monthly_requests),
        s.workload.input_tokens_per_request,
        s.workload.output_tokens_per_request,
        s.api.model,
        s.self_host.model,
        s.self_host.quantization.id(),
        s.self_host.gpu
    );
    let d = &r.decision;
    let _ = writeln!(
        out,
        "**Recommendation: {}** ({:?} confidence, {}/100). {}\n",
        d.recommendation.id(),
        d.confidence,
        d.confidence_score,
        words::headline(&d.headline, m)
    );
}

fn options(out: &mut String, r: &Report, m: &Money) {
    let (o, c) = (&r.options, unit(m));
    let _ = writeln!(
        out,
        "| option | {c}/month | {c}/request | {c}/M tokens | replicas | GPUs |"
    );
    let _ = writeln!(out, "|---|---:|---:|---:|---:|---:|");
    let hybrid = format!("Hybrid ({})", o.hybrid.strategy.as_str());
    let replicas = o.hybrid.self_host_replicas.to_string();
    let fleet = |f: &llm_tco::model::Fleet| (f.replicas.to_string(), f.gpus.to_string());
    let (rented, owned) = (fleet(&o.rented.fleet), fleet(&o.owned.fleet));
    for (name, cost, replicas, gpus) in [
        ("API", &o.api.cost, "", ""),
        (
            "Rented",
            &o.rented.cost,
            rented.0.as_str(),
            rented.1.as_str(),
        ),
        ("Owned", &o.owned.cost, owned.0.as_str(), owned.1.as_str()),
        (hybrid.as_str(), &o.hybrid.cost, replicas.as_str(), ""),
    ] {
        let _ = writeln!(
            out,
            "| {name} | {} | {} | {} | {replicas} | {gpus} |",
            m.format(cost.monthly_usd),
            grouped(m.amount(cost.usd_per_request), 4),
            grouped(m.amount(cost.usd_per_mtok), 2),
        );
    }
    let _ = writeln!(
        out,
        "\nCheapest: **{}**; self-hosting saves {} a month against the API.\n",
        r.cheapest.id(),
        m.format(r.savings_vs_api_usd_per_month)
    );
}

fn breakevens(out: &mut String, r: &Report) {
    let b = &r.breakeven;
    let _ = writeln!(out, "| breakeven | requests/month |\n|---|---:|");
    let _ = writeln!(out, "| rented vs API | {} |", requests(&b.rented_vs_api));
    let _ = writeln!(out, "| owned vs API | {} |", requests(&b.owned_vs_api));
    let c = &r.capacity;
    let _ = writeln!(
        out,
        "\nCapacity: {} GPUs per replica, {:.0} output tokens/s per replica ({}), {} requests a month per replica.\n",
        c.gpus_per_replica,
        c.output_tokens_per_sec_per_replica,
        c.throughput_source,
        count(c.monthly_requests_per_replica)
    );
    if c.feasible {
        let [batch, per_user, first_token] = llm_tco::format::words::operating_point(c);
        let _ = writeln!(
            out,
            "Operating point: {batch}, {per_user} per user, {first_token} to the first token.\n"
        );
    }
}

fn tco(out: &mut String, r: &Report, m: &Money) {
    let t = &r.tco;
    let _ = writeln!(
        out,
        "| over {} months | API | rented | owned | hybrid |\n|---|---:|---:|---:|---:|",
        t.months.len()
    );
    for (name, x) in [("total cash", &t.total_usd), ("NPV", &t.npv_usd)] {
        let _ = writeln!(
            out,
            "| {name} | {} | {} | {} | {} |",
            m.format(x.api),
            m.format(x.rented),
            m.format(x.owned),
            m.format(x.hybrid)
        );
    }
    let month = |m: Option<u32>| m.map_or("never".to_string(), |m| format!("month {m}"));
    let _ = writeln!(
        out,
        "\nPayback against the API: owned {}, rented {}.\n",
        month(t.payback_month_owned),
        month(t.payback_month_rented)
    );
}

fn flips(out: &mut String, a: &Analyses, m: &Money) {
    let _ = writeln!(out, "## What flips the answer\n");
    let f = &a.flip_points;
    for p in [&f.volume, &f.api_price, &f.gpu_price] {
        let _ = writeln!(out, "- {}", words::flip(&p.fact, m));
    }
}

fn sensitivity(out: &mut String, a: &Analyses, m: &Money) {
    let sn = &a.sensitivity;
    let _ = writeln!(out, "\n## Sensitivity (inputs +/- {}%)\n", sn.swing_pct);
    let _ = writeln!(
        out,
        "| input | low | high | savings at low | savings at high | breakeven at low | breakeven at high |"
    );
    let _ = writeln!(out, "|---|---:|---:|---:|---:|---:|---:|");
    let breakeven = |x: Option<f64>| x.map_or_else(|| "none".to_string(), count);
    for b in sn.bars.iter().take(8) {
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} | {} | {} |",
            b.label,
            number(b.low_value),
            number(b.high_value),
            m.format(b.savings_low_usd),
            m.format(b.savings_high_usd),
            breakeven(b.breakeven_low_requests),
            breakeven(b.breakeven_high_requests)
        );
    }
}

fn uncertainty(out: &mut String, a: &Analyses, m: &Money) {
    let u = &a.uncertainty;
    let _ = writeln!(
        out,
        "\n## Uncertainty ({} samples, seed {})\n",
        u.samples, u.seed
    );
    let _ = writeln!(
        out,
        "Monthly savings of self-hosting: P10 {}, P50 {}, P90 {} (mean {}); self-hosting is cheaper in {:.0}% of samples.\n",
        m.format(u.p10_usd),
        m.format(u.p50_usd),
        m.format(u.p90_usd),
        m.format(u.mean_usd),
        u.probability_self_host_cheaper * 100.0
    );
    let _ = writeln!(out, "| input | low | likely | high |\n|---|---:|---:|---:|");
    for r in &u.ranges {
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} |",
            r.label,
            number(r.low),
            number(r.likely),
            number(r.high)
        );
    }
}

fn hybrid(out: &mut String, a: &Analyses, m: &Money) {
    let h = &a.hybrid;
    let _ = writeln!(
        out,
        "\n## Hybrid strategies (chosen: {}, cheapest: {})\n",
        h.chosen.as_str(),
        h.cheapest.as_str()
    );
    let _ = writeln!(
        out,
        "| strategy | {}/month | self-hosted requests | API requests | replicas |\n|---|---:|---:|---:|---:|",
        unit(m)
    );
    for o in &h.strategies {
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} |",
            o.strategy.as_str(),
            m.format(o.monthly_usd),
            count(o.self_host_requests_per_month),
            count(o.api_requests_per_month),
            o.self_host_replicas
        );
    }
    out.push('\n');
}

fn reasons(out: &mut String, r: &Report, m: &Money) {
    let _ = writeln!(out, "## Reasons\n");
    for reason in &r.decision.reasons {
        let _ = writeln!(
            out,
            "- `{}` ({:?}): {}",
            reason.criterion,
            reason.favours,
            words::reason(reason, m)
        );
    }
    if !r.warnings.is_empty() {
        let _ = writeln!(out, "\n## Warnings\n");
        for w in &r.warnings {
            let _ = writeln!(out, "- {w}");
        }
    }
}
