//! `tco`: the command-line face of the model.
//!
//! ```text
//! tco eval [--format json|md] [--samples N] [--seed N] SCENARIO
//!                                        SCENARIO: a JSON file, `-` for stdin, or a share link
//! tco presets [--format json|md]
//! tco import [--format json|md] FILE...   a provider's usage export -> the workload
//! ```
//! Exit codes: 0 success, 2 bad input or usage (each problem on stderr, naming its field).

use std::fmt::Write as _;
use std::io::Read as _;
use std::process::ExitCode;

use llm_tco::catalog;
use llm_tco::import;
use llm_tco::model::{self, Report};
use llm_tco::scenario::{FieldError, Scenario};

const USAGE: &str = "usage:
  tco eval [--format json|md] [--samples N] [--seed N] [--usage FILE] SCENARIO
      SCENARIO is a scenario JSON file (partial allowed), - for stdin,
      or a share link (a URL, ?query or key=value&... text);
      --samples and --seed set the Monte Carlo run (default 10000 samples, seed 42);
      --usage lays the workload read from a usage export over the scenario
  tco presets [--format json|md]
  tco import [--format json|md] FILE...
      reads usage exports of one provider (usage and cost files combine) and
      prints the workload they show
  tco help";

#[derive(Clone, Copy, PartialEq)]
enum Format {
    Json,
    Md,
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(out) => {
            print!("{out}");
            ExitCode::SUCCESS
        }
        Err(lines) => {
            for l in lines {
                eprintln!("{l}");
            }
            ExitCode::from(2)
        }
    }
}

/// Options of a command, split from its positional arguments.
struct Flags<'a> {
    format: Format,
    samples: usize,
    seed: u64,
    rest: Vec<&'a str>,
}

/// Splits `--format X`, `--samples N`, `--seed N` (or `--name=value`) from the positional
/// arguments.
fn parse_flags(args: &[String]) -> Result<Flags<'_>, Vec<String>> {
    let mut flags = Flags {
        format: Format::Json,
        samples: model::DEFAULT_SAMPLES,
        seed: model::DEFAULT_SEED,
        rest: Vec::new(),
    };
    let mut i = 0;
    while i < args.len() {
        let a = args[i].as_str();
        let (name, inline) = match a.split_once('=') {
            Some((n, v)) if n.starts_with("--") => (n, Some(v)),
            _ => (a, None),
        };
        let name = if name == "-f" { "--format" } else { name };
        if !matches!(name, "--format" | "--samples" | "--seed") {
            flags.rest.push(a);
            i += 1;
            continue;
        }
        let value = match inline {
            Some(v) => v,
            None => {
                i += 1;
                args.get(i).map(String::as_str).unwrap_or("")
            }
        };
        match name {
            "--format" => match value {
                "json" => flags.format = Format::Json,
                "md" | "markdown" => flags.format = Format::Md,
                other => {
                    return Err(vec![
                        format!("--format: must be json or md, not \"{other}\""),
                        USAGE.into(),
                    ]);
                }
            },
            "--samples" => match value.parse::<usize>() {
                Ok(n) if n <= model::MAX_SAMPLES => flags.samples = n,
                _ => {
                    return Err(vec![
                        format!(
                            "--samples: must be a whole number from 0 to {}, not \"{value}\"",
                            model::MAX_SAMPLES
                        ),
                        USAGE.into(),
                    ]);
                }
            },
            _ => match value.parse::<u64>() {
                Ok(n) => flags.seed = n,
                Err(_) => {
                    return Err(vec![
                        format!(
                            "--seed: must be a whole number from 0 to {}, not \"{value}\"",
                            u64::MAX
                        ),
                        USAGE.into(),
                    ]);
                }
            },
        }
        i += 1;
    }
    Ok(flags)
}

/// What `tco eval` prints besides the report.
struct Analyses {
    sensitivity: model::Sensitivity,
    uncertainty: model::Uncertainty,
    flip_points: model::FlipPoints,
    hybrid: model::HybridComparison,
}

impl Analyses {
    fn new(s: &Scenario, flags: &Flags) -> Self {
        Self {
            sensitivity: model::sensitivity(s, model::DEFAULT_SWING_PCT),
            uncertainty: model::uncertainty(
                s,
                &model::default_ranges(s),
                flags.samples,
                flags.seed,
            ),
            flip_points: model::flip_points(s),
            hybrid: model::hybrid_strategies(s),
        }
    }
}

/// The report with the analyses added as top-level keys.
fn eval_json(report: &Report, a: &Analyses) -> Result<String, Vec<String>> {
    let err = |e: serde_json::Error| vec![format!("cannot write JSON: {e}")];
    let mut value = serde_json::to_value(report).map_err(err)?;
    if let serde_json::Value::Object(map) = &mut value {
        map.insert(
            "sensitivity".into(),
            serde_json::to_value(&a.sensitivity).map_err(err)?,
        );
        map.insert(
            "uncertainty".into(),
            serde_json::to_value(&a.uncertainty).map_err(err)?,
        );
        map.insert(
            "flip_points".into(),
            serde_json::to_value(&a.flip_points).map_err(err)?,
        );
        map.insert(
            "hybrid".into(),
            serde_json::to_value(&a.hybrid).map_err(err)?,
        );
    }
    json(&value)
}

fn run(args: &[String]) -> Result<String, Vec<String>> {
    let Some(command) = args.first() else {
        return Err(vec![USAGE.into()]);
    };
    let flags = parse_flags(&args[1..])?;
    let (format, rest) = (flags.format, &flags.rest);
    match command.as_str() {
        "eval" => {
            let (usage, rest) = usage_flag(rest)?;
            let [input] = rest.as_slice() else {
                return Err(vec!["eval: give exactly one SCENARIO".into(), USAGE.into()]);
            };
            let mut scenario = load(input)
                .map_err(|errors| errors.iter().map(ToString::to_string).collect::<Vec<_>>())?;
            if let Some(file) = usage {
                scenario = with_usage(&scenario, file)?;
            }
            let report = model::evaluate(&scenario);
            let analyses = Analyses::new(&scenario, &flags);
            Ok(match format {
                Format::Json => eval_json(&report, &analyses)?,
                Format::Md => markdown(&scenario, &report, &analyses),
            })
        }
        "presets" => {
            if !rest.is_empty() {
                return Err(vec!["presets: takes no arguments".into(), USAGE.into()]);
            }
            Ok(match format {
                Format::Json => json(&catalog::presets())?,
                Format::Md => presets_markdown(),
            })
        }
        "import" => {
            if rest.is_empty() {
                return Err(vec![
                    "import: give one or more usage export files".into(),
                    USAGE.into(),
                ]);
            }
            let derived = read_usage(rest)?;
            Ok(match format {
                Format::Json => json(&import::report::to_json(&derived))?,
                Format::Md => import::report::to_markdown(&derived),
            })
        }
        "help" | "--help" | "-h" => Ok(format!("{USAGE}\n")),
        other => Err(vec![format!("unknown command \"{other}\""), USAGE.into()]),
    }
}

/// Splits `--usage FILE` (or `--usage=FILE`) from the arguments of `eval`.
fn usage_flag<'a>(rest: &[&'a str]) -> Result<(Option<&'a str>, Vec<&'a str>), Vec<String>> {
    let mut usage = None;
    let mut others = Vec::new();
    let mut args = rest.iter();
    while let Some(&a) = args.next() {
        if a == "--usage" {
            usage = Some(
                *args
                    .next()
                    .ok_or_else(|| vec!["--usage: give a FILE".to_string()])?,
            );
        } else if let Some(file) = a.strip_prefix("--usage=") {
            usage = Some(file);
        } else {
            others.push(a);
        }
    }
    Ok((usage, others))
}

/// Reads usage exports (files of one provider) into the workload they show.
fn read_usage(paths: &[&str]) -> Result<import::Derived, Vec<String>> {
    let mut files = Vec::with_capacity(paths.len());
    for path in paths {
        let size = std::fs::metadata(path)
            .map_err(|e| vec![format!("{path}: {e}")])?
            .len();
        if size > import::MAX_FILE_BYTES as u64 {
            return Err(vec![format!(
                "{path}: the file is {:.1} MB; at most {} MB is read (export a shorter period)",
                size as f64 / 1_048_576.0,
                import::MAX_FILE_BYTES / 1_048_576
            )]);
        }
        files.push(std::fs::read(path).map_err(|e| vec![format!("{path}: {e}")])?);
    }
    let bytes: Vec<&[u8]> = files.iter().map(Vec::as_slice).collect();
    import::import(&bytes).map_err(|e| {
        let name = e
            .file
            .and_then(|i| paths.get(i.checked_sub(1)?))
            .or(paths.first().filter(|_| paths.len() == 1));
        vec![e.describe(name.copied())]
    })
}

/// The scenario with the workload of a usage export laid over it; says on stderr which
/// fields the export set and which it did not have.
fn with_usage(scenario: &Scenario, file: &str) -> Result<Scenario, Vec<String>> {
    let derived = read_usage(&[file])?;
    let mut value = scenario.to_value();
    let applied = import::apply_to_scenario_json(&mut value, &derived);
    eprintln!("{file}: set {}", applied.join(", "));
    let missing = import::report::not_in_file(&derived);
    if !missing.is_empty() {
        eprintln!(
            "{file}: not in the export, left as they were: {}",
            missing.join(", ")
        );
    }
    Scenario::from_value(&value).map_err(|errors| errors.iter().map(ToString::to_string).collect())
}

fn json<T: serde::Serialize + ?Sized>(value: &T) -> Result<String, Vec<String>> {
    serde_json::to_string_pretty(value)
        .map(|s| s + "\n")
        .map_err(|e| vec![format!("cannot write JSON: {e}")])
}

fn looks_like_link(arg: &str) -> bool {
    arg.starts_with("http") || arg.starts_with('?') || arg.contains('=')
}

/// A scenario from a file, stdin or a share link; every problem names its field.
fn load(arg: &str) -> Result<Scenario, Vec<FieldError>> {
    let problem = |message: String| {
        vec![FieldError {
            field: "(input)".into(),
            message,
        }]
    };
    let text = if arg == "-" {
        let mut text = String::new();
        std::io::stdin()
            .read_to_string(&mut text)
            .map_err(|e| problem(format!("cannot read stdin: {e}")))?;
        text
    } else if std::path::Path::new(arg).is_file() {
        std::fs::read_to_string(arg).map_err(|e| problem(format!("cannot read {arg}: {e}")))?
    } else if looks_like_link(arg) {
        let decoded = llm_tco::link::decode(arg);
        return if decoded.notices.is_empty() {
            Ok(decoded.scenario)
        } else {
            Err(decoded.notices)
        };
    } else {
        return Err(problem(format!(
            "{arg}: no such file, and not a share link"
        )));
    };
    Scenario::from_json(&text)
}

fn money(x: f64) -> String {
    let whole = x.abs().round();
    let digits = format!("{whole:.0}");
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    if x < -0.5 {
        format!("-${out}")
    } else {
        format!("${out}")
    }
}

fn requests(x: Option<f64>, not_below: Option<f64>) -> String {
    match (x, not_below) {
        (Some(v), _) => money(v).trim_start_matches('$').to_string(),
        (None, Some(n)) => format!("not below {}", money(n).trim_start_matches('$')),
        (None, None) => "-".into(),
    }
}

fn markdown(s: &Scenario, r: &Report, a: &Analyses) -> String {
    let o = &r.options;
    let mut out = String::new();
    let title = if s.name.is_empty() {
        s.preset.as_str()
    } else {
        s.name.as_str()
    };
    let _ = writeln!(out, "# {title}\n");
    let _ = writeln!(
        out,
        "{} requests a month, {} input and {} output tokens each; API `{}`, self-hosted `{}` ({}) on `{}`.\n",
        money(s.workload.monthly_requests).trim_start_matches('$'),
        s.workload.input_tokens_per_request,
        s.workload.output_tokens_per_request,
        s.api.model,
        s.self_host.model,
        s.self_host.quantization.id(),
        s.self_host.gpu
    );
    let _ = writeln!(
        out,
        "**Recommendation: {}** ({:?} confidence, {}/100). {}\n",
        r.decision.recommendation.id(),
        r.decision.confidence,
        r.decision.confidence_score,
        r.decision.summary
    );
    let _ = writeln!(
        out,
        "| option | $/month | $/request | $/M tokens | replicas | GPUs |"
    );
    let _ = writeln!(out, "|---|---:|---:|---:|---:|---:|");
    let _ = writeln!(
        out,
        "| API | {} | {:.4} | {:.2} | | |",
        money(o.api.monthly_usd),
        o.api.usd_per_request,
        o.api.usd_per_mtok
    );
    let _ = writeln!(
        out,
        "| Rented | {} | {:.4} | {:.2} | {} | {} |",
        money(o.rented.monthly_usd),
        o.rented.usd_per_request,
        o.rented.usd_per_mtok,
        o.rented.replicas,
        o.rented.gpus
    );
    let _ = writeln!(
        out,
        "| Owned | {} | {:.4} | {:.2} | {} | {} |",
        money(o.owned.monthly_usd),
        o.owned.usd_per_request,
        o.owned.usd_per_mtok,
        o.owned.replicas,
        o.owned.gpus
    );
    let _ = writeln!(
        out,
        "| Hybrid ({}) | {} | {:.4} | {:.2} | {} | |",
        o.hybrid.strategy,
        money(o.hybrid.monthly_usd),
        o.hybrid.usd_per_request,
        o.hybrid.usd_per_mtok,
        o.hybrid.self_host_replicas
    );
    let _ = writeln!(
        out,
        "\nCheapest: **{}**; self-hosting saves {} a month against the API.\n",
        r.cheapest.id(),
        money(r.savings_vs_api_usd_per_month)
    );
    let b = &r.breakeven;
    let _ = writeln!(out, "| breakeven | requests/month |\n|---|---:|");
    let _ = writeln!(
        out,
        "| rented vs API | {} |",
        requests(b.rented_vs_api.monthly_requests, b.rented_vs_api.not_below)
    );
    let _ = writeln!(
        out,
        "| owned vs API | {} |",
        requests(b.owned_vs_api.monthly_requests, b.owned_vs_api.not_below)
    );
    let c = &r.capacity;
    let _ = writeln!(
        out,
        "\nCapacity: {} GPUs per replica, {:.0} output tokens/s per replica ({}), {} requests a month per replica.\n",
        c.gpus_per_replica,
        c.output_tokens_per_sec_per_replica,
        c.throughput_source,
        money(c.monthly_requests_per_replica).trim_start_matches('$')
    );
    let t = &r.tco;
    let _ = writeln!(
        out,
        "| over {} months | API | rented | owned | hybrid |\n|---|---:|---:|---:|---:|",
        t.months.len()
    );
    let _ = writeln!(
        out,
        "| total cash | {} | {} | {} | {} |",
        money(t.total_usd.api),
        money(t.total_usd.rented),
        money(t.total_usd.owned),
        money(t.total_usd.hybrid)
    );
    let _ = writeln!(
        out,
        "| NPV | {} | {} | {} | {} |",
        money(t.npv_usd.api),
        money(t.npv_usd.rented),
        money(t.npv_usd.owned),
        money(t.npv_usd.hybrid)
    );
    let month = |m: Option<u32>| m.map_or("never".to_string(), |m| format!("month {m}"));
    let _ = writeln!(
        out,
        "\nPayback against the API: owned {}, rented {}.\n",
        month(t.payback_month_owned),
        month(t.payback_month_rented)
    );
    analyses_markdown(&mut out, a);
    let _ = writeln!(out, "## Reasons\n");
    for reason in &r.decision.reasons {
        let _ = writeln!(
            out,
            "- `{}` ({:?}): {}",
            reason.criterion, reason.favours, reason.text
        );
    }
    if !r.warnings.is_empty() {
        let _ = writeln!(out, "\n## Warnings\n");
        for w in &r.warnings {
            let _ = writeln!(out, "- {w}");
        }
    }
    out
}

/// A plain number: thousands separators from 100, else at most four decimals.
fn number(x: f64) -> String {
    if x.abs() >= 100.0 {
        money(x).replacen('$', "", 1)
    } else {
        let s = format!("{x:.4}");
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    }
}

fn breakeven_cell(x: Option<f64>) -> String {
    x.map_or_else(|| "none".to_string(), |v| requests(Some(v), None))
}

fn analyses_markdown(out: &mut String, a: &Analyses) {
    let _ = writeln!(out, "## What flips the answer\n");
    for p in [
        &a.flip_points.volume,
        &a.flip_points.api_price,
        &a.flip_points.gpu_price,
    ] {
        let _ = writeln!(out, "- {}", p.text);
    }
    let sn = &a.sensitivity;
    let _ = writeln!(out, "\n## Sensitivity (inputs +/- {}%)\n", sn.swing_pct);
    let _ = writeln!(
        out,
        "| input | low | high | savings at low | savings at high | breakeven at low | breakeven at high |"
    );
    let _ = writeln!(out, "|---|---:|---:|---:|---:|---:|---:|");
    for b in sn.bars.iter().take(8) {
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} | {} | {} |",
            b.label,
            number(b.low_value),
            number(b.high_value),
            money(b.savings_low_usd),
            money(b.savings_high_usd),
            breakeven_cell(b.breakeven_low_requests),
            breakeven_cell(b.breakeven_high_requests)
        );
    }
    let u = &a.uncertainty;
    let _ = writeln!(
        out,
        "\n## Uncertainty ({} samples, seed {})\n",
        u.samples, u.seed
    );
    let _ = writeln!(
        out,
        "Monthly savings of self-hosting: P10 {}, P50 {}, P90 {} (mean {}); self-hosting is cheaper in {:.0}% of samples.\n",
        money(u.p10_usd),
        money(u.p50_usd),
        money(u.p90_usd),
        money(u.mean_usd),
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
    let h = &a.hybrid;
    let _ = writeln!(
        out,
        "\n## Hybrid strategies (chosen: {}, cheapest: {})\n",
        h.chosen, h.cheapest
    );
    let _ = writeln!(
        out,
        "| strategy | $/month | self-hosted requests | API requests | replicas |\n|---|---:|---:|---:|---:|"
    );
    for o in &h.strategies {
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} |",
            o.strategy,
            money(o.monthly_usd),
            requests(Some(o.self_host_requests_per_month), None),
            requests(Some(o.api_requests_per_month), None),
            o.self_host_replicas
        );
    }
    out.push('\n');
}

fn presets_markdown() -> String {
    let mut out = String::from("| id | name | description |\n|---|---|---|\n");
    for p in catalog::presets() {
        let _ = writeln!(out, "| `{}` | {} | {} |", p.id, p.name, p.description);
    }
    out
}
