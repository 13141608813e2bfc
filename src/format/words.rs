//! Sentences from the model's facts, every amount in the display currency: the summary,
//! the reasons, the hybrid's split and the flip points.

use super::money::Money;
use super::number::{count, grouped, replicas, share};
use crate::model::{
    Capacity, Favours, FlipFact, Headline, Reason, ReasonFact, SelfHostKind, Split, VolumeBand,
};
use crate::scenario::{DataSensitivity, TrafficPattern};

fn kind(k: SelfHostKind) -> &'static str {
    k.id()
}

/// Where self-hosting breaks even, or the range it costs no more in when it costs more
/// again at volume.
fn breaks_even(b: Option<f64>, until: Option<f64>) -> String {
    match (b, until) {
        (Some(from), Some(to)) => format!(
            "costs no more only between {} and {} requests a month",
            count(from),
            count(to)
        ),
        _ => format!("breaks even at {}", breakeven(b)),
    }
}

fn breakeven(b: Option<f64>) -> String {
    match b {
        Some(v) => format!("{} requests a month", count(v)),
        None => "no volume up to 100 billion requests a month".into(),
    }
}

/// The answer in one sentence.
pub fn headline(h: &Headline, m: &Money) -> String {
    match *h {
        Headline::Conflicted => "Self-host, but not as configured: the data must stay inside and the model does not fit the chosen GPUs.".into(),
        Headline::Api { api_usd, breakeven_requests, cheaper_until } => format!(
            "Start with the API: {} a month today; self-hosting {}.",
            m.format(api_usd),
            breaks_even(breakeven_requests, cheaper_until)
        ),
        Headline::SelfHost { self_host, self_host_usd, api_usd } => format!(
            "Self-host on {} GPUs: {} a month against {} for the API.",
            kind(self_host),
            m.format(self_host_usd),
            m.format(api_usd)
        ),
        Headline::Hybrid { strategy, self_host, hybrid_usd, api_usd } => format!(
            "Run a {} hybrid with {} GPUs: {} a month against {} for the API.",
            strategy.id(),
            kind(self_host),
            m.format(hybrid_usd),
            m.format(api_usd)
        ),
    }
}

/// One reason in one plain sentence with its numbers.
pub fn reason(r: &Reason, m: &Money) -> String {
    let f = &r.fact;
    match f {
        ReasonFact::DataSensitivity { sensitivity } => data_sensitivity(*sensitivity).into(),
        ReasonFact::SelfHostInfeasible { why } => format!(
            "Self-hosting is not possible as configured: {}",
            why.as_deref().unwrap_or("the model does not fit the GPUs.")
        ),
        ReasonFact::Cost { self_host, api_usd, self_host_usd, tie_pct } => {
            cost(r.favours, *self_host, (*api_usd, *self_host_usd), *tie_pct, m)
        }
        ReasonFact::HybridCheaper { strategy, hybrid_usd, cheaper_pure_usd } => format!(
            "The {} hybrid costs {} a month, {} less than the cheaper pure option.",
            strategy.id(),
            m.format(*hybrid_usd),
            share((1.0 - hybrid_usd / cheaper_pure_usd) * 100.0)
        ),
        ReasonFact::Volume { band, self_host, monthly_requests, breakeven_requests, cheaper_until } => {
            volume(*band, *self_host, *monthly_requests, breaks_even(*breakeven_requests, *cheaper_until))
        }
        ReasonFact::TrafficPattern { pattern } => traffic(*pattern).into(),
        ReasonFact::FrontierCapability { with_cost_case: true } => "Frontier capability and cost efficiency are both needed: keep the frontier API for the hard cases and self-host the rest.".into(),
        ReasonFact::FrontierCapability { with_cost_case: false } => "The use case needs frontier capability that open-weight models may not match.".into(),
        ReasonFact::GpuOpsExperience { has: true } => "The team has run GPU inference, so self-hosting is within reach.".into(),
        ReasonFact::GpuOpsExperience { has: false } => "The team has no GPU or ML-ops experience: self-hosting means hiring or learning it first.".into(),
        ReasonFact::TimeToMarket => "Time to market is critical: an API ships in days, a self-hosted deployment in weeks or months.".into(),
        ReasonFact::FineTuning => "Extensive customisation such as fine-tuning is easiest on a model you host.".into(),
        ReasonFact::LongTermCost {
            lowest,
            self_host,
            horizon_months,
            lowest_usd,
            other_usd,
        } => long_term(*lowest, *self_host, *horizon_months, (*lowest_usd, *other_usd), m),
        ReasonFact::UseCasesDiffer => "The use cases differ: route each to the API or the self-hosted model that suits it.".into(),
        ReasonFact::Resilience => "Resilience matters: a hybrid keeps a second provider to fail over to.".into(),
        ReasonFact::LatencySlo { slo_ms } => format!(
            "A latency target of {slo_ms:.0} ms is below the 50-200 ms an API round trip adds."
        ),
        ReasonFact::ApiOptimisations {
            unoptimised_usd,
            optimised_usd,
            breakeven_before,
            breakeven_after,
        } => optimisations(
            (*unoptimised_usd, *optimised_usd),
            (*breakeven_before, *breakeven_after),
            m,
        ),
    }
}

fn data_sensitivity(s: DataSensitivity) -> &'static str {
    match s {
        DataSensitivity::MustStayInternal => {
            "Data must stay inside the organisation (GDPR, HIPAA, residency), which rules out sending it all to an external API."
        }
        DataSensitivity::Internal => {
            "The data is internal: an API needs a data-processing agreement, and keeping it in-house is preferred."
        }
        DataSensitivity::Public => "Data sensitivity does not prohibit external processing.",
    }
}

fn traffic(p: TrafficPattern) -> &'static str {
    match p {
        TrafficPattern::Predictable => "Predictable traffic keeps self-hosted GPUs busy.",
        TrafficPattern::Seasonal => {
            "Seasonal peaks suit a hybrid: self-host the base load and let the API absorb the peaks."
        }
        TrafficPattern::Unpredictable => {
            "Unpredictable traffic would leave GPUs idle; per-token billing follows demand."
        }
    }
}

/// The cost comparison, worded by the side the model found cheaper.
fn cost(favours: Favours, k: SelfHostKind, usd: (f64, f64), tie_pct: f64, m: &Money) -> String {
    let (k, (api_usd, self_host_usd)) = (kind(k), usd);
    let savings = api_usd - self_host_usd;
    match favours {
        Favours::SelfHost => format!(
            "Self-hosting on {k} GPUs costs {} a month against {} for the API, saving {} ({}).",
            m.format(self_host_usd),
            m.format(api_usd),
            m.format(savings),
            share(if api_usd > 0.0 {
                savings / api_usd * 100.0
            } else {
                0.0
            })
        ),
        Favours::Api => format!(
            "The API costs {} a month against {} for self-hosting on {k} GPUs, {} less.",
            m.format(api_usd),
            m.format(self_host_usd),
            m.format(-savings)
        ),
        _ => format!(
            "The API ({} a month) and self-hosting on {k} GPUs ({}) cost within {} of each other.",
            m.format(api_usd),
            m.format(self_host_usd),
            share(tie_pct)
        ),
    }
}

/// `be` says where self-hosting breaks even (see [`breaks_even`]).
fn volume(band: VolumeBand, k: SelfHostKind, v: f64, be: String) -> String {
    let (k, v) = (kind(k), count(v));
    match band {
        VolumeBand::ApiRange => format!(
            "{v} requests a month is under the roughly 500,000 where APIs are usually the better start; self-hosting on {k} GPUs {be}."
        ),
        VolumeBand::SelfHostRange => format!(
            "{v} requests a month is above the 1-2 million where self-hosting usually pays; here it {be}."
        ),
        VolumeBand::Considering => format!(
            "{v} requests a month is in the 1-2 million band where self-hosting becomes worth considering; here it {be}."
        ),
        VolumeBand::Between => format!(
            "{v} requests a month is between the usual API and self-hosting ranges; self-hosting on {k} GPUs {be}."
        ),
    }
}

/// The lowest present cost over the horizon (`usd`: it and the next best's).
fn long_term(
    lowest: Favours,
    self_host: SelfHostKind,
    horizon_months: u32,
    usd: (f64, f64),
    m: &Money,
) -> String {
    let (what, other) = match lowest {
        Favours::SelfHost => (
            format!("self-hosting on {} GPUs", kind(self_host)),
            "the API",
        ),
        Favours::Hybrid => ("the hybrid".to_string(), "the API"),
        _ => ("the API".to_string(), "the best alternative"),
    };
    format!(
        "Long-term cost comes first: over {horizon_months} months {what} has the lowest present cost, {} ({other} {}).",
        m.format(usd.0),
        m.format(usd.1)
    )
}

/// What the API optimisations cut (`usd`: the bill without and with them) and the
/// breakeven before and after.
fn optimisations(usd: (f64, f64), breakevens: (Option<f64>, Option<f64>), m: &Money) -> String {
    let ((unoptimised_usd, optimised_usd), (before, after)) = (usd, breakevens);
    let cut = (1.0 - optimised_usd / unoptimised_usd) * 100.0;
    let moved = if before == after {
        format!("the self-hosting breakeven stays at {}", breakeven(after))
    } else {
        format!(
            "move the self-hosting breakeven from {} to {}",
            breakeven(before),
            breakeven(after)
        )
    };
    format!(
        "Caching, prompt reduction and batching cut the API bill by {} ({} to {} a month) and {moved}.",
        share(cut),
        m.format(unoptimised_usd),
        m.format(optimised_usd)
    )
}

/// How a hybrid splits the traffic, in one sentence.
pub fn split(s: &Split, m: &Money) -> String {
    match *s {
        Split::Routing { self_host, share_pct, self_host_requests, replicas: n } => format!(
            "Routing sends {} of requests ({}) to {} on {} GPUs and the rest to the API.",
            share(share_pct),
            count(self_host_requests),
            replicas(n),
            kind(self_host)
        ),
        Split::Overflow { self_host, replicas: n, self_host_requests, api_requests } => format!(
            "Overflow keeps {} on {} GPUs busy with {} requests and sends the {} that exceed them to the API, the cheapest whole number of replicas.",
            replicas(n),
            kind(self_host),
            count(self_host_requests),
            count(api_requests)
        ),
        Split::OverflowAllSelfHosted { self_host, replicas: n } => format!(
            "Overflow finds it cheapest to self-host everything on {} on {} GPUs.",
            replicas(n),
            kind(self_host)
        ),
        Split::OverflowAllApi => "Overflow finds it cheapest to send everything to the API: no number of self-hosted replicas pays at this volume.".into(),
        Split::Fallback { self_host } => format!(
            "Fallback sends all requests to the API and keeps one warm replica on {} GPUs to take over if the API fails.",
            kind(self_host)
        ),
        Split::ReverseFallback { self_host, requests, replicas: n, api_fixed_usd } => format!(
            "Reverse fallback serves all {} requests on {} on {} GPUs and keeps the API ready to take over, paying its fixed costs ({}) but tokens only while it stands in.",
            count(requests),
            self_hosted_replicas(n),
            kind(self_host),
            m.format(api_fixed_usd)
        ),
    }
}

fn self_hosted_replicas(n: f64) -> String {
    if n == 1.0 {
        "1 self-hosted replica".into()
    } else {
        format!("{} self-hosted replicas", count(n))
    }
}

/// Where one input flips the comparison, in one sentence.
pub fn flip(f: &FlipFact, m: &Money) -> String {
    match *f {
        FlipFact::VolumeReached { at, today } => format!(
            "Self-hosting costs no more than the API from {} requests a month (today {}).",
            count(at),
            count(today)
        ),
        FlipFact::VolumeAhead { at, today } => format!(
            "Self-hosting would cost no more than the API from {} requests a month (today {}).",
            count(at),
            count(today)
        ),
        FlipFact::VolumeNever { ceiling, today } => format!(
            "Self-hosting costs more than the API at every volume up to {} requests a month (today {}).",
            count(ceiling),
            count(today)
        ),
        FlipFact::ApiBillsNoTokens => "The API's prices do not move the comparison: it bills no tokens at today's volume.".into(),
        FlipFact::ApiFixedAboveSelfHost { api_fixed_usd, self_host_usd } => format!(
            "No API price makes the API cheaper: its fixed costs alone ({}) exceed self-hosting's {} a month.",
            m.format(api_fixed_usd),
            m.format(self_host_usd)
        ),
        FlipFact::ApiNeverDearEnough { max_usd_per_mtok } => format!(
            "Self-hosting stays dearer than the API at any API price up to {} per million tokens.",
            m.format(max_usd_per_mtok)
        ),
        FlipFact::ApiPrice { multiplier, usd_per_mtok, of_input } => {
            api_price(multiplier, usd_per_mtok, of_input, m)
        }
        FlipFact::OwnedAlreadyCheaper => "Owned servers already cost no more than the API, so the GPU hour price does not flip the answer.".into(),
        FlipFact::NoGpuHoursBilled => "No GPU hours are billed at today's volume, so their price does not move the comparison.".into(),
        FlipFact::FreeGpuHoursNotEnough => "Even free GPU hours would not make rented GPUs cheaper than the API.".into(),
        FlipFact::GpuNeverDearEnough { max_usd, today_usd } => format!(
            "Rented GPUs stay no dearer than the API at any price up to {} an hour (today {}).",
            m.format(max_usd),
            m.format(today_usd)
        ),
        FlipFact::GpuPrice { usd, today_usd } if usd < today_usd => format!(
            "Rented GPUs would have to cost {} an hour or less (today {}) for self-hosting to win.",
            m.format(usd),
            m.format(today_usd)
        ),
        FlipFact::GpuPrice { usd, today_usd } => format!(
            "Rented GPUs could cost up to {} an hour (today {}) before the API becomes cheaper.",
            m.format(usd),
            m.format(today_usd)
        ),
    }
}

fn api_price(multiplier: f64, usd_per_mtok: f64, of_input: bool, m: &Money) -> String {
    let which = if of_input { "input" } else { "output" };
    let price = format!("{} per M {which} tokens", m.format(usd_per_mtok));
    let change = (multiplier - 1.0) * 100.0;
    if multiplier == 1.0 {
        "Self-hosting and the API cost the same at today's API prices.".to_string()
    } else if multiplier < 1.0 {
        format!(
            "The API would have to cost {} less ({price}) for it to win.",
            share(-change)
        )
    } else if multiplier < 2.0 {
        format!(
            "The API would have to cost {} more ({price}) for self-hosting to win.",
            share(change)
        )
    } else {
        format!(
            "The API would have to cost {multiplier:.1} times as much ({price}) for self-hosting to win."
        )
    }
}

/// The operating point a replica runs at, in words: how many requests decode together and
/// what holds the batch there, the output tokens/s each request sees, and the time to the
/// first token.
pub fn operating_point(c: &Capacity) -> [String; 3] {
    let held = match c.batch_limited_by.as_str() {
        "memory" => "as many as memory holds",
        "scheduler" => "the serving engine's most",
        "per_user_speed" => "held by the reading speed",
        "time_to_first_token" => "held by the latency target",
        "concurrency" => "a fixed number in flight",
        // A model that does not fit is costed one sequence at a time.
        _ => "one at a time",
    };
    [
        format!("{} requests together ({held})", grouped(c.batch, 0)),
        format!(
            "{} output tokens/s",
            grouped(c.output_tokens_per_sec_per_user, 1)
        ),
        format!("{} ms", grouped(c.time_to_first_token_ms, 0)),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::format::json;
    use crate::model::evaluate;
    use crate::scenario::Scenario;

    fn eur() -> Money {
        Money {
            currency: "EUR".into(),
            rate: 0.9,
        }
    }

    #[test]
    fn sentences_quote_amounts_in_the_display_currency() {
        // $8,274 x 0.9 = €7,446.60 -> €7,447; $12,710 x 0.9 = €11,439.
        let h = Headline::SelfHost {
            self_host: SelfHostKind::Owned,
            self_host_usd: 8_274.0,
            api_usd: 12_710.0,
        };
        assert_eq!(
            headline(&h, &eur()),
            "Self-host on owned GPUs: €7,447 a month against €11,439 for the API."
        );
        // Saving $4,436 of $12,710 = 34.9%; $4,436 x 0.9 = €3,992.40 -> €3,992.
        let r = Reason {
            criterion: "cost".into(),
            favours: Favours::SelfHost,
            weight: 2.7,
            fact: ReasonFact::Cost {
                self_host: SelfHostKind::Owned,
                api_usd: 12_710.0,
                self_host_usd: 8_274.0,
                tie_pct: 10.0,
            },
        };
        assert_eq!(
            reason(&r, &eur()),
            "Self-hosting on owned GPUs costs €7,447 a month against €11,439 for the API, saving €3,992 (34.9%)."
        );
        // $4.11 x 0.9 = €3.699 -> €3.70; $2.00 x 0.9 = €1.80.
        let f = FlipFact::GpuPrice {
            usd: 4.11,
            today_usd: 2.0,
        };
        assert_eq!(
            flip(&f, &eur()),
            "Rented GPUs could cost up to €3.70 an hour (today €1.80) before the API becomes cheaper."
        );
    }

    #[test]
    fn a_report_in_euros_has_no_dollar_in_its_sentences() {
        let mut s = Scenario::default();
        s.org.currency = "EUR".into();
        s.org.usd_exchange_rate = 0.9;
        let r = evaluate(&s);
        let m = Money::from_org(&s.org);
        let v = json::report(&r, &m);
        let summary = v["decision"]["summary"].as_str().unwrap_or_default();
        let texts: Vec<&str> = v["decision"]["reasons"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|x| x["text"].as_str())
            .chain([
                summary,
                v["options"]["hybrid"]["explanation"].as_str().unwrap_or(""),
            ])
            .collect();
        assert_eq!(texts.len(), r.decision.reasons.len() + 2);
        for text in texts {
            assert!(!text.contains('$'), "{text}");
        }
        // Every amount in the summary is a card's monthly figure.
        let o = &r.options;
        let cards = [
            m.format(o.api.monthly_usd),
            m.format(o.rented.monthly_usd),
            m.format(o.owned.monthly_usd),
            m.format(o.hybrid.monthly_usd),
        ];
        let quoted: Vec<&str> = summary
            .split(' ')
            .filter(|w| w.starts_with('€'))
            .map(|w| w.trim_end_matches(['.', ';', ',']))
            .collect();
        assert!(!quoted.is_empty(), "{summary}");
        for amount in quoted {
            assert!(cards.iter().any(|c| c == amount), "{amount} in {summary}");
        }
    }
}
