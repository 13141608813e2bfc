//! The usage-export samples, one per format (tests/fixtures/usage/).

pub const SAMPLES: [&[u8]; 7] = [
    include_bytes!("../fixtures/usage/openai_usage_hourly.json"),
    include_bytes!("../fixtures/usage/openai_costs_daily.json"),
    include_bytes!("../fixtures/usage/anthropic_usage_hourly.json"),
    include_bytes!("../fixtures/usage/anthropic_cost_daily.json"),
    include_bytes!("../fixtures/usage/litellm_spend_logs.csv"),
    include_bytes!("../fixtures/usage/openrouter_activity.csv"),
    include_bytes!("../fixtures/usage/focus_ai_hourly.csv"),
];
