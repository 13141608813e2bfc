//! `tco import` and `tco eval --usage`: reading usage exports from files.

use llm_tco::import;
use llm_tco::scenario::Scenario;

/// Reads usage exports (files of one provider) into the workload they show.
pub fn read(paths: &[String]) -> Result<import::Derived, Vec<String>> {
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
        vec![e.describe(name.map(String::as_str))]
    })
}

/// The scenario with the workload of a usage export laid over it; says on stderr which
/// fields the export set and which it did not have.
pub fn lay_over(scenario: &Scenario, file: &str) -> Result<Scenario, Vec<String>> {
    let derived = read(&[file.to_string()])?;
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
