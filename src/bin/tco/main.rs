//! `tco`: the command-line face of the model.
//!
//! ```text
//! tco eval [--format json|md] [--samples N] [--seed N] SCENARIO
//!                                        SCENARIO: a JSON file, `-` for stdin, or a share link
//! tco presets [--format json|md]
//! tco import [--format json|md] FILE...   a provider's usage export -> the workload
//! ```
//! Exit codes: 0 success, 2 bad input or usage (each problem on stderr, naming its field).
//! `args` reads the command line, `markdown` writes the Markdown report; this file runs
//! the commands.

mod args;
mod markdown;
mod usage;

use std::io::Read as _;
use std::process::ExitCode;

use args::{Command, Format, USAGE};
use llm_tco::catalog;
use llm_tco::format::{Money, json as words_json};
use llm_tco::model::{self, Report};
use llm_tco::scenario::{FieldError, Scenario};

fn main() -> ExitCode {
    match args::parse(std::env::args_os().skip(1)).and_then(run) {
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

/// What `tco eval` prints besides the report.
pub struct Analyses {
    pub sensitivity: model::Sensitivity,
    pub uncertainty: model::Uncertainty,
    pub flip_points: model::FlipPoints,
    pub hybrid: model::HybridComparison,
}

impl Analyses {
    fn new(s: &Scenario, samples: usize, seed: u64) -> Self {
        Self {
            sensitivity: model::sensitivity(s, model::DEFAULT_SWING_PCT),
            uncertainty: model::uncertainty(s, &model::default_ranges(s), samples, seed),
            flip_points: model::flip_points(s),
            hybrid: model::hybrid_strategies(s),
        }
    }
}

fn run(command: Command) -> Result<String, Vec<String>> {
    match command {
        Command::Eval {
            scenario,
            format,
            samples,
            seed,
            usage,
        } => {
            let mut scenario = load(&scenario)
                .map_err(|errors| errors.iter().map(ToString::to_string).collect::<Vec<_>>())?;
            if let Some(file) = usage {
                scenario = usage::lay_over(&scenario, &file)?;
            }
            let report = model::evaluate(&scenario);
            let analyses = Analyses::new(&scenario, samples, seed);
            match format {
                Format::Json => eval_json(&scenario, &report, &analyses),
                Format::Md => Ok(markdown::eval(&scenario, &report, &analyses)),
            }
        }
        Command::Presets { format } => match format {
            Format::Json => json(&catalog::presets()),
            Format::Md => Ok(markdown::presets()),
        },
        Command::Import { files, format } => {
            let derived = usage::read(&files)?;
            match format {
                Format::Json => json(&llm_tco::import::report::to_json(&derived)),
                Format::Md => Ok(llm_tco::import::report::to_markdown(&derived)),
            }
        }
        Command::Help => Ok(format!("{USAGE}\n")),
    }
}

/// The report with its sentences in the display currency, the analyses added as
/// top-level keys.
fn eval_json(s: &Scenario, report: &Report, a: &Analyses) -> Result<String, Vec<String>> {
    let m = Money::from_org(&s.org);
    let err = |e: serde_json::Error| vec![format!("cannot write JSON: {e}")];
    let mut value = words_json::report(report, &m);
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
            words_json::flip_points(&a.flip_points, &m),
        );
        map.insert("hybrid".into(), words_json::hybrid(&a.hybrid, &m));
    }
    json(&value)
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
