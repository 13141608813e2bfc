//! The command line's words: which command, with which options and arguments.

use lexopt::prelude::*;
use llm_tco::model;

pub const USAGE: &str = "usage:
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

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Format {
    Json,
    Md,
}

/// What to do. A new command is one more variant here and one more arm in `run`.
#[derive(Debug, Clone, PartialEq)]
pub enum Command {
    Eval {
        scenario: String,
        format: Format,
        samples: usize,
        seed: u64,
        usage: Option<String>,
    },
    Presets {
        format: Format,
    },
    Import {
        files: Vec<String>,
        format: Format,
    },
    Help,
}

/// A usage problem: what is wrong, then the usage.
fn usage(problem: String) -> Vec<String> {
    vec![problem, USAGE.into()]
}

/// The options every command accepts, and the positional arguments, in any order.
struct Parsed {
    format: Format,
    samples: usize,
    seed: u64,
    usage: Option<String>,
    positional: Vec<String>,
}

fn parse_rest(parser: &mut lexopt::Parser) -> Result<Parsed, Vec<String>> {
    let mut p = Parsed {
        format: Format::Json,
        samples: model::DEFAULT_SAMPLES,
        seed: model::DEFAULT_SEED,
        usage: None,
        positional: Vec::new(),
    };
    while let Some(arg) = parser.next().map_err(|e| usage(e.to_string()))? {
        match arg {
            Short('f') | Long("format") => {
                p.format = match text(parser, "--format")?.as_str() {
                    "json" => Format::Json,
                    "md" | "markdown" => Format::Md,
                    other => {
                        return Err(usage(format!(
                            "--format: must be json or md, not \"{other}\""
                        )));
                    }
                }
            }
            Long("samples") => {
                let value = text(parser, "--samples")?;
                p.samples = match value.parse::<usize>() {
                    Ok(n) if n <= model::MAX_SAMPLES => n,
                    _ => {
                        return Err(usage(format!(
                            "--samples: must be a whole number from 0 to {}, not \"{value}\"",
                            model::MAX_SAMPLES
                        )));
                    }
                }
            }
            Long("seed") => {
                let value = text(parser, "--seed")?;
                p.seed = value.parse::<u64>().map_err(|_| {
                    usage(format!(
                        "--seed: must be a whole number from 0 to {}, not \"{value}\"",
                        u64::MAX
                    ))
                })?;
            }
            Long("usage") => p.usage = Some(text(parser, "--usage")?),
            Value(v) => p
                .positional
                .push(v.string().map_err(|e| usage(e.to_string()))?),
            other => return Err(usage(other.unexpected().to_string())),
        }
    }
    Ok(p)
}

/// An option's value as text.
fn text(parser: &mut lexopt::Parser, name: &str) -> Result<String, Vec<String>> {
    let value = parser
        .value()
        .map_err(|_| usage(format!("{name}: needs a value")))?;
    value
        .string()
        .map_err(|_| usage(format!("{name}: the value is not valid UTF-8")))
}

/// Reads the command line (without the program name).
pub fn parse(args: impl IntoIterator<Item = std::ffi::OsString>) -> Result<Command, Vec<String>> {
    let mut parser = lexopt::Parser::from_args(args);
    let command = match parser.next().map_err(|e| usage(e.to_string()))? {
        Some(Value(c)) => c.string().map_err(|e| usage(e.to_string()))?,
        Some(Long("help") | Short('h')) => return Ok(Command::Help),
        Some(other) => return Err(usage(other.unexpected().to_string())),
        None => return Err(vec![USAGE.into()]),
    };
    let p = parse_rest(&mut parser)?;
    match command.as_str() {
        "eval" => match <[String; 1]>::try_from(p.positional) {
            Ok([scenario]) => Ok(Command::Eval {
                scenario,
                format: p.format,
                samples: p.samples,
                seed: p.seed,
                usage: p.usage,
            }),
            Err(_) => Err(usage("eval: give exactly one SCENARIO".into())),
        },
        _ if p.usage.is_some() => Err(usage("--usage: only eval takes it".into())),
        "import" if p.positional.is_empty() => {
            Err(usage("import: give one or more usage export files".into()))
        }
        "import" => Ok(Command::Import {
            files: p.positional,
            format: p.format,
        }),
        "presets" if p.positional.is_empty() => Ok(Command::Presets { format: p.format }),
        "presets" => Err(usage("presets: takes no arguments".into())),
        "help" => Ok(Command::Help),
        other => Err(usage(format!("unknown command \"{other}\""))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_str(args: &[&str]) -> Result<Command, Vec<String>> {
        parse(args.iter().map(Into::into))
    }

    #[test]
    fn options_in_any_order_and_both_spellings() {
        assert_eq!(
            parse_str(&["eval", "--seed=5", "-", "-f", "md", "--samples", "300"]),
            Ok(Command::Eval {
                scenario: "-".into(),
                format: Format::Md,
                samples: 300,
                seed: 5,
                usage: None,
            })
        );
        assert_eq!(
            parse_str(&["presets", "--format=markdown"]),
            Ok(Command::Presets { format: Format::Md })
        );
        assert_eq!(parse_str(&["help"]), Ok(Command::Help));
        assert_eq!(
            parse_str(&["import", "a.json", "--format", "md", "b.json"]),
            Ok(Command::Import {
                files: vec!["a.json".into(), "b.json".into()],
                format: Format::Md,
            })
        );
    }

    #[test]
    fn problems_name_the_option() {
        let first = |args: &[&str]| parse_str(args).unwrap_err()[0].clone();
        assert_eq!(
            first(&["eval", "--format", "xml", "-"]),
            "--format: must be json or md, not \"xml\""
        );
        assert!(first(&["eval", "--samples", "-1", "-"]).starts_with("--samples: must be"));
        assert!(first(&["eval", "--seed", "x", "-"]).starts_with("--seed: must be"));
        assert_eq!(first(&["eval", "--seed"]), "--seed: needs a value");
        assert_eq!(
            first(&["eval", "a", "b"]),
            "eval: give exactly one SCENARIO"
        );
        assert_eq!(first(&["presets", "x"]), "presets: takes no arguments");
        assert_eq!(
            first(&["import"]),
            "import: give one or more usage export files"
        );
        assert_eq!(
            first(&["presets", "--usage", "u.csv"]),
            "--usage: only eval takes it"
        );
        assert_eq!(first(&["frobnicate"]), "unknown command \"frobnicate\"");
        assert_eq!(parse_str(&[]).unwrap_err(), vec![USAGE.to_string()]);
    }
}
