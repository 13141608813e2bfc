//! Each format's traps, and bad files: every refusal names the problem and, where there is
//! one, the row.

mod common;

use common::usage::SAMPLES;
use llm_tco::import::{self, Derived, ImportError, MAX_FILE_BYTES};
use llm_tco::scenario::Scenario;

fn ok(text: &str) -> Derived {
    import::import(&[text.as_bytes()]).unwrap_or_else(|e| panic!("{e}"))
}

fn refused(text: &str) -> String {
    match import::import(&[text.as_bytes()]) {
        Ok(d) => panic!("accepted: {d:?}"),
        Err(e) => e.to_string(),
    }
}

#[track_caller]
fn says(message: &str, parts: &[&str]) {
    for p in parts {
        assert!(message.contains(p), "{message:?} lacks {p:?}");
    }
}

/// An OpenAI usage page of hourly buckets from 2026-11-02 00:00 UTC (1,793,577,600).
fn openai(results: &[&str]) -> String {
    let buckets: Vec<String> = results
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let start = 1_793_577_600 + 3600 * i as i64;
            format!(
                r#"{{"object":"bucket","start_time":{start},"end_time":{},"results":[{r}]}}"#,
                start + 3600
            )
        })
        .collect();
    format!(
        r#"{{"object":"page","data":[{}],"has_more":false}}"#,
        buckets.join(",")
    )
}

const OPENROUTER_HEADER: &str = "generation_id,created_at,cost_total,tokens_prompt,tokens_completion,tokens_reasoning,tokens_cached,model_permaslug\n";

fn openrouter(rows: &[&str]) -> String {
    format!("{OPENROUTER_HEADER}{}\n", rows.join("\n"))
}

#[test]
fn openai_cached_tokens_are_never_added_on_top() {
    // Old shape (no cache-write field): input 1,000 includes 400 cached -> 40 %, 1,000 a request.
    let d = ok(&openai(&[
        r#"{"object":"organization.usage.completions.result","input_tokens":1000,"input_cached_tokens":400,"output_tokens":100,"num_model_requests":1,"model":"gpt-4o"}"#,
    ]));
    assert_eq!(d.input_tokens_per_request, Some(1000.0));
    assert_eq!(d.cached_input_share_pct, Some(40.0));
    // Without `batch` in the grouping, batch traffic is unknown, not zero.
    assert_eq!(d.batch, None);
    let m = refused(&openai(&[
        r#"{"object":"organization.usage.completions.result","input_tokens":1000,"input_cached_tokens":900,"input_cache_write_tokens":200,"output_tokens":100,"num_model_requests":1}"#,
    ]));
    says(&m, &["bucket 1, result 1", "exceed input_tokens"]);
}

#[test]
fn daily_buckets_give_no_load_profile() {
    // One daily bucket: volumes per month are known, the hourly shape is not.
    let page = r#"{"data":[{"start_time":1793577600,"end_time":1793664000,"results":[
        {"object":"organization.usage.completions.result","input_tokens":2400,"output_tokens":240,"num_model_requests":24,"model":"gpt-4o-mini"}]}]}"#;
    let d = ok(page);
    // 24 requests in 24 h -> 24 x 730 / 24 = 730 a month.
    assert_eq!(d.requests_per_month, Some(730.0));
    assert_eq!(
        (&d.profile, d.active_hours_per_month, d.peak_to_average),
        (&None, None, None)
    );
    assert_eq!(
        import::report::not_in_file(&d),
        [
            "workload.active_hours_per_month",
            "workload.peak_to_average",
            "api.batch_share_pct"
        ]
    );
}

#[test]
fn anthropic_cost_amounts_are_cents() {
    let usage = r#"{"data":[{"starting_at":"2026-11-02T00:00:00Z","ending_at":"2026-11-03T00:00:00Z","results":[
        {"uncached_input_tokens":100,"cache_read_input_tokens":0,"output_tokens":10,"model":"claude-3-5-haiku-20241022"}]}]}"#;
    let cost = |amount: &str| {
        format!(
            r#"{{"data":[{{"starting_at":"2026-11-02T00:00:00Z","ending_at":"2026-11-03T00:00:00Z","results":[{{"currency":"USD","amount":{amount}}}]}}]}}"#
        )
    };
    // "2400" cents over one day = $24 a day -> 24 x 730 / 24 = $730 a month.
    let d = import::import(&[usage.as_bytes(), cost("\"2400\"").as_bytes()]).expect("reads");
    assert_eq!(d.spend_usd_per_month, Some(730.0));
    let e = import::import(&[usage.as_bytes(), cost("\"24,00\"").as_bytes()]).unwrap_err();
    assert_eq!(e.file, Some(2));
    says(
        &e.to_string(),
        &["file 2: bucket 1, result 1", "\"24,00\"", "not a number"],
    );
}

#[test]
fn reasoning_is_unknown_when_a_row_does_not_report_it() {
    // The second row leaves tokens_reasoning empty: the share of the whole is unknown.
    let d = ok(&openrouter(&[
        "gen-1,2026-11-05 08:00:00.000,0.001,100,50,10,0,openai/gpt-4o-mini",
        "gen-2,2026-11-05 09:00:00.000,0.001,100,50,,0,openai/gpt-4o-mini",
    ]));
    assert_eq!(d.reasoning_share_of_output_pct, None);
    assert_eq!(d.requests_per_month, Some(2.0 * 730.0 / 24.0));
}

#[test]
fn litellm_file_of_failures_has_no_usable_rows() {
    let csv = "request_id,call_type,spend,prompt_tokens,completion_tokens,startTime,model,cache_hit,status\n\
               r1,acompletion,0,0,0,2026-11-02 09:00:00.000,gpt-4o,False,failure\n\
               r2,acompletion,0,10,5,2026-11-02 09:01:00.000,gpt-4o,True,success\n";
    says(
        &refused(csv),
        &[
            "no usable rows",
            "1 row(s) failed",
            "1 row(s) answered from LiteLLM's own response cache",
        ],
    );
}

#[test]
fn unknown_formats_are_named() {
    says(
        &refused("a,b\n1,2\n"),
        &["line 1", "unknown format", "FOCUS"],
    );
    says(&refused(r#"{"hello": "world"}"#), &["unknown format"]);
    says(&refused("just some text"), &["unknown format"]);
    says(
        &refused("start_time,end_time,start_time_iso,end_time_iso,num_model_requests\n"),
        &["OpenAI dashboard's CSV", "bucket_width=1h"],
    );
    says(
        &refused(
            r#"{"data":[{"start_time":1793577600,"end_time":1793581200,"results":[{"object":"organization.usage.embeddings.result","input_tokens":1}]}]}"#,
        ),
        &[
            "organization.usage.embeddings.result",
            "only completions usage",
        ],
    );
}

#[test]
fn truncated_and_malformed_files() {
    let json = std::str::from_utf8(SAMPLES[0]).expect("text");
    says(
        &refused(&json[..json.len() / 2]),
        &["ends early", "truncated"],
    );
    says(&refused(r#"{"data": [,]}"#), &["malformed JSON", "line 1"]);
    let csv = std::str::from_utf8(SAMPLES[4]).expect("text");
    // Cut inside the first row's quoted metadata cell.
    let cut = csv.find("usage_object").expect("metadata");
    says(
        &refused(&csv[..cut]),
        &["line 2", "never closed", "truncated"],
    );
    // A row with a cell too few.
    let short = openrouter(&["gen-1,2026-11-05 08:00:00.000,0.001,100,50,0,0"]);
    says(
        &refused(&short),
        &["line 2", "7 cells where the header has 8"],
    );
}

#[test]
fn files_with_no_usable_rows() {
    says(&refused(""), &["empty"]);
    says(&refused(OPENROUTER_HEADER), &["no usable rows"]);
    says(
        &refused(r#"{"data":[{"start_time":1793577600,"end_time":1793581200,"results":[]}]}"#),
        &["no usable rows", "every bucket"],
    );
    let e = import::import(&[SAMPLES[1]]).unwrap_err();
    says(&e.to_string(), &["no usage rows", "spend only"]);
}

#[test]
fn oversized_files_are_refused_before_reading() {
    let big = vec![b' '; 100 * 1024 * 1024];
    let e = import::import(&[&big]).unwrap_err();
    says(&e.to_string(), &["100.0 MB", "at most 50 MB"]);
    assert_eq!(MAX_FILE_BYTES, 50 * 1024 * 1024);
}

#[test]
fn formulas_and_markup_are_refused_not_interpreted() {
    let m = refused(&openrouter(&[
        "gen-1,2026-11-05 08:00:00.000,0.001,100,50,0,0,openai/gpt-4o-mini",
        "gen-2,2026-11-05 09:00:00.000,0.001,100,50,0,0,\"=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"",
    ]));
    says(
        &m,
        &[
            "line 3",
            "model_permaslug",
            "=HYPERLINK",
            "formula or markup",
        ],
    );
    let m = refused(&openrouter(&[
        "gen-1,2026-11-05 08:00:00.000,0.001,100,50,0,0,<img src=x onerror=alert(1)>",
    ]));
    says(&m, &["line 2", "formula or markup"]);
    let m = refused(&openrouter(&[
        "gen-1,2026-11-05 08:00:00.000,0.001,100,50,0,0,@SUM(1+1)",
    ]));
    says(&m, &["line 2", "formula or markup"]);
    // A model id that merely starts with @ is a name.
    let d = ok(&openrouter(&[
        "gen-1,2026-11-05 08:00:00.000,0.001,100,50,0,0,@cf/meta/llama-3-8b-instruct",
    ]));
    assert_eq!(d.models[0].model, "@cf/meta/llama-3-8b-instruct");
    let m = refused(&openrouter(&[
        "gen-1,2026-11-05 08:00:00.000,0.001,=1+1,50,0,0,gpt-4o",
    ]));
    says(
        &m,
        &[
            "line 2",
            "tokens_prompt",
            "spreadsheet formula",
            "never computed",
        ],
    );
}

#[test]
fn mixed_time_zones_are_refused() {
    let m = refused(&openrouter(&[
        "gen-1,2026-11-05 08:00:00.000,0.001,100,50,0,0,gpt-4o",
        "gen-2,2026-11-05T09:00:00+02:00,0.001,100,50,0,0,gpt-4o",
    ]));
    says(
        &m,
        &["line 3", "UTC+02:00", "no time zone", "mixed time zones"],
    );
    let m = refused(
        r#"{"data":[
        {"starting_at":"2026-11-02T14:00:00Z","ending_at":"2026-11-02T15:00:00Z","results":[{"uncached_input_tokens":1,"output_tokens":1}]},
        {"starting_at":"2026-11-02T16:00:00+01:00","ending_at":"2026-11-02T17:00:00+01:00","results":[{"uncached_input_tokens":1,"output_tokens":1}]}]}"#,
    );
    says(&m, &["bucket 2", "mixed time zones"]);
}

#[test]
fn bad_values_name_their_row() {
    says(
        &refused(&openrouter(&[
            "gen-1,2026-11-05 08:00:00.000,0.001,-100,50,0,0,gpt-4o",
        ])),
        &["line 2", "tokens_prompt", "cannot be negative"],
    );
    says(
        &refused(&openrouter(&[
            "gen-1,05/11/2026 08:00,0.001,100,50,0,0,gpt-4o",
        ])),
        &["line 2", "created_at", "not a date"],
    );
    says(
        &refused(&openrouter(&[
            "gen-1,2026-01-05 08:00:00.000,0.001,100,50,0,0,gpt-4o",
            "gen-2,2027-06-05 08:00:00.000,0.001,100,50,0,0,gpt-4o",
        ])),
        &["at most 366 days"],
    );
    says(
        &refused(&openrouter(&[
            "gen-1,2026-11-05 08:00:00.000,0.001,1e300,50,0,0,gpt-4o",
        ])),
        &["line 2", "tokens_prompt", "at most 10^15"],
    );
    let mut not_utf8 = b"a,b\n".to_vec();
    not_utf8.push(0xff);
    says(
        &import::import(&[&not_utf8]).unwrap_err().to_string(),
        &["not UTF-8", "offset 4"],
    );
}

#[test]
fn the_same_period_is_not_counted_twice() {
    let e = import::import(&[SAMPLES[2], SAMPLES[3], SAMPLES[2]]).unwrap_err();
    assert_eq!(e.file, Some(3));
    says(
        &e.to_string(),
        &["file 3: ", "file 1 already covers", "count twice"],
    );
    // Two pages of one export that follow each other combine: 14h-16h, then 16h-18h.
    let page = |from: u32| {
        format!(
            r#"{{"data":[{{"starting_at":"2026-11-02T{from}:00:00Z","ending_at":"2026-11-02T{}:00:00Z","results":[{{"uncached_input_tokens":100,"output_tokens":10}}]}}]}}"#,
            from + 2
        )
    };
    let d = import::import(&[page(14).as_bytes(), page(16).as_bytes()]).expect("reads");
    // 200 input tokens in one day -> 200 x 730 / 24.
    assert_eq!(d.input_tokens_per_month, 200.0 * 730.0 / 24.0);
}

#[test]
fn only_files_of_one_provider_combine() {
    let e = import::import(&[SAMPLES[0], SAMPLES[3]]).unwrap_err();
    assert_eq!(e.file, Some(2));
    says(
        &e.describe(Some("cost.json")),
        &[
            "cost.json: ",
            "Anthropic cost report",
            "OpenAI usage export",
        ],
    );
}

#[test]
fn no_prefix_of_any_sample_panics() {
    // Every cut of every sample either reads or is refused with a message.
    for sample in SAMPLES {
        for end in (0..sample.len()).step_by(5) {
            let result: Result<Derived, ImportError> = import::import(&[&sample[..end]]);
            if let Err(e) = result {
                assert!(!e.problem.is_empty());
            }
        }
    }
}

#[test]
fn damaged_samples_are_refused_or_give_sound_figures() {
    // Each sample with one byte replaced, at every seventh position, by a character that
    // matters to JSON or CSV: no panic, and whatever is accepted stays in range and lays
    // over a scenario that passes validation.
    for sample in SAMPLES {
        for at in (0..sample.len()).step_by(7) {
            for b in [b'"', b',', b'\n', b'9', b'-', b'{'] {
                let mut damaged = sample.to_vec();
                damaged[at] = b;
                let Ok(d) = import::import(&[&damaged]) else {
                    continue;
                };
                for x in [d.input_tokens_per_month, d.output_tokens_per_month] {
                    assert!(x.is_finite() && x >= 0.0);
                }
                for share in [d.cached_input_share_pct, d.reasoning_share_of_output_pct]
                    .into_iter()
                    .flatten()
                {
                    assert!((0.0..=100.0 + 1e-9).contains(&share), "{share}");
                }
                let mut scenario = serde_json::json!({});
                import::apply_to_scenario_json(&mut scenario, &d);
                assert!(Scenario::from_value(&scenario).is_ok(), "{scenario}");
            }
        }
    }
}
