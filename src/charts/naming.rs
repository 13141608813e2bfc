//! What the charts and tables call each option, and whether it can run.

use super::look::Look;
use crate::model::{OptionId, Report};

/// The option's name in legends and tables.
pub fn label(id: OptionId) -> &'static str {
    match id {
        OptionId::Api => "Cloud API",
        OptionId::Rented => "Rented GPUs",
        OptionId::Owned => "Owned GPUs",
        OptionId::Hybrid => "Hybrid",
    }
}

/// Whether an option can run. Self-hosting cannot when the model does not fit the GPUs;
/// the hybrid then only when its routing sends nothing to self-hosting.
pub fn fits(report: &Report, id: OptionId) -> bool {
    let o = &report.options;
    match id {
        OptionId::Api => true,
        OptionId::Rented => o.rented.feasible,
        OptionId::Owned => o.owned.feasible,
        OptionId::Hybrid => {
            o.rented.feasible
                || o.hybrid.strategy == "routing" && o.hybrid.self_host_requests_per_month == 0.0
        }
    }
}

/// The series name: an option that cannot run keeps its legend entry, marked, and no data,
/// so the legend never silently loses an option.
pub fn series_name(report: &Report, id: OptionId) -> String {
    if fits(report, id) {
        label(id).to_string()
    } else {
        format!("{} (does not fit)", label(id))
    }
}

/// A table column for an option: "Rented GPUs (EUR)", "Rented GPUs (EUR, does not fit)".
pub(super) fn column(report: &Report, look: &Look, id: OptionId) -> String {
    let currency = &look.money.currency;
    match (fits(report, id), currency.is_empty()) {
        (true, true) => label(id).to_string(),
        (true, false) => format!("{} ({currency})", label(id)),
        (false, true) => format!("{} (does not fit)", label(id)),
        (false, false) => format!("{} ({currency}, does not fit)", label(id)),
    }
}
