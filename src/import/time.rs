//! Timestamps: RFC 3339 / ISO 8601 text (`2026-11-02T14:00:00Z`, `2026-11-02 09:05:12.345`,
//! `2026-11-02`) and unix seconds, all turned into unix seconds UTC. A file must keep to one
//! time zone: exports are written in UTC, and a file mixing zones has been stitched together
//! by hand, so which hour a row belongs to cannot be trusted.

use super::rows::ImportError;

/// Earliest and latest years read; outside them a timestamp is a typo or a placeholder.
const FIRST_YEAR: i64 = 2000;
const LAST_YEAR: i64 = 2100;

pub(super) const HOUR_S: i64 = 3600;
pub(super) const DAY_S: i64 = 86_400;

/// The time zone a timestamp was written in: `None` when it has none (the format's documented
/// UTC), else its offset from UTC in minutes (`Z` is 0).
pub(super) type Zone = Option<i32>;

/// Days since 1970-01-01 of a civil date (H. Hinnant's `days_from_civil`).
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The civil date of a day count since 1970-01-01 (H. Hinnant's `civil_from_days`).
fn civil_from_days(z: i64) -> (i64, i64, i64) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (
        if m <= 2 {
            yoe + era * 400 + 1
        } else {
            yoe + era * 400
        },
        m,
        d,
    )
}

fn digits(s: &str, from: usize, len: usize) -> Option<i64> {
    let part = s.get(from..from + len)?;
    if part.bytes().all(|b| b.is_ascii_digit()) {
        part.parse().ok()
    } else {
        None
    }
}

/// Parses `YYYY-MM-DD[(T| )HH:MM[:SS[.fff]]][Z|±HH:MM|±HHMM]`.
pub(super) fn parse(text: &str) -> Option<(i64, Zone)> {
    let s = text.trim();
    let (y, mo, d) = (digits(s, 0, 4)?, digits(s, 5, 2)?, digits(s, 8, 2)?);
    if s.get(4..5) != Some("-") || s.get(7..8) != Some("-") {
        return None;
    }
    if !(FIRST_YEAR..=LAST_YEAR).contains(&y) || !(1..=12).contains(&mo) || d < 1 {
        return None;
    }
    let days = days_from_civil(y, mo, d);
    if civil_from_days(days) != (y, mo, d) {
        return None;
    }
    let mut rest = s.get(10..)?;
    let mut secs = 0;
    if let Some(t) = rest.strip_prefix(['T', ' ']) {
        let (h, mi) = (digits(t, 0, 2)?, digits(t, 3, 2)?);
        if t.get(2..3) != Some(":") || h > 23 || mi > 59 {
            return None;
        }
        secs = h * HOUR_S + mi * 60;
        rest = t.get(5..)?;
        if let Some(t) = rest.strip_prefix(':') {
            let sec = digits(t, 0, 2)?;
            if sec > 60 {
                return None;
            }
            secs += sec.min(59);
            rest = t.get(2..)?;
            if let Some(frac) = rest.strip_prefix('.') {
                let n = frac.bytes().take_while(u8::is_ascii_digit).count();
                if n == 0 {
                    return None;
                }
                rest = frac.get(n..)?;
            }
        }
    }
    let zone = zone(rest)?;
    Some((
        days * DAY_S + secs - i64::from(zone.unwrap_or(0)) * 60,
        zone,
    ))
}

fn zone(rest: &str) -> Option<Zone> {
    match rest {
        "" => Some(None),
        "Z" | "z" => Some(Some(0)),
        _ => {
            let sign = match rest.get(..1)? {
                "+" => 1,
                "-" => -1,
                _ => return None,
            };
            let body = rest.get(1..)?;
            let (h, m) = match body.len() {
                5 if body.get(2..3) == Some(":") => (digits(body, 0, 2)?, digits(body, 3, 2)?),
                4 => (digits(body, 0, 2)?, digits(body, 2, 2)?),
                _ => return None,
            };
            if h > 23 || m > 59 {
                return None;
            }
            i32::try_from(sign * (h * 60 + m)).ok().map(Some)
        }
    }
}

/// Unix seconds from a JSON number, checked against the years read.
pub(super) fn unix_seconds(
    v: Option<&serde_json::Value>,
    what: &str,
    at: &str,
) -> Result<i64, ImportError> {
    let lo = days_from_civil(FIRST_YEAR, 1, 1) * DAY_S;
    let hi = days_from_civil(LAST_YEAR + 1, 1, 1) * DAY_S;
    match v.and_then(serde_json::Value::as_i64) {
        Some(t) if (lo..hi).contains(&t) => Ok(t),
        _ => Err(ImportError::at(
            at,
            format!("\"{what}\" must be unix seconds between {FIRST_YEAR} and {LAST_YEAR}"),
        )),
    }
}

/// ISO 8601 text of unix seconds, UTC (`2026-11-02T00:00:00Z`).
pub fn iso(t: i64) -> String {
    let (y, m, d) = civil_from_days(t.div_euclid(DAY_S));
    let s = t.rem_euclid(DAY_S);
    format!(
        "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}Z",
        s / HOUR_S,
        s % HOUR_S / 60,
        s % 60
    )
}

fn zone_name(z: Zone) -> String {
    match z {
        None => "no time zone".into(),
        Some(0) => "UTC".into(),
        Some(m) => format!(
            "UTC{}{:02}:{:02}",
            if m < 0 { '-' } else { '+' },
            m.abs() / 60,
            m.abs() % 60
        ),
    }
}

/// Reads timestamps of one file and refuses a file that mixes time zones.
#[derive(Default)]
pub(super) struct Clock {
    first: Option<(Zone, String)>,
}

impl Clock {
    pub fn read(&mut self, text: &str, what: &str, at: &str) -> Result<i64, ImportError> {
        let (t, zone) = parse(text).ok_or_else(|| {
            let shown: String = text.trim().chars().take(40).collect();
            ImportError::at(
                at,
                format!(
                    "{what} is \"{shown}\", not a date and time like 2026-11-02T14:00:00Z between {FIRST_YEAR} and {LAST_YEAR}"
                ),
            )
        })?;
        match &self.first {
            None => self.first = Some((zone, at.to_string())),
            Some((z, first_at)) if *z != zone => {
                return Err(ImportError::at(
                    at,
                    format!(
                        "{what} is written in {} but {first_at} in {}: mixed time zones, so the hours cannot be trusted; export again in UTC",
                        zone_name(zone),
                        zone_name(*z)
                    ),
                ));
            }
            Some(_) => {}
        }
        Ok(t)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_shapes_exports_write() {
        // 2026-11-02 is day 20,759 since 1970: 20,759 x 86,400 = 1,793,577,600.
        assert_eq!(parse("2026-11-02"), Some((1_793_577_600, None)));
        assert_eq!(
            parse("2026-11-02T14:00:00Z"),
            Some((1_793_577_600 + 14 * 3600, Some(0)))
        );
        assert_eq!(
            parse("2026-11-02 09:05:12.345"),
            Some((1_793_577_600 + 9 * 3600 + 5 * 60 + 12, None))
        );
        // 16:00 at UTC+02:00 is 14:00 UTC.
        assert_eq!(
            parse("2026-11-02T16:00:00+02:00"),
            Some((1_793_577_600 + 14 * 3600, Some(120)))
        );
        assert_eq!(iso(1_793_577_600 + 14 * 3600), "2026-11-02T14:00:00Z");
    }

    #[test]
    fn refuses_impossible_dates() {
        for bad in [
            "2026-02-30",
            "2026-13-01",
            "1999-12-31",
            "2026-11-02T24:00:00Z",
            "2026-11-02T10:00:00+25:00",
            "2026-11-02T10:00:00.Z",
            "02/11/2026",
            "",
        ] {
            assert_eq!(parse(bad), None, "{bad}");
        }
    }
}
