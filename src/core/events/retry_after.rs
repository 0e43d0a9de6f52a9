//! Reads an HTTP `Retry-After` header: either delta-seconds (`120`) or an HTTP date
//! (`Wed, 21 Oct 2015 07:28:00 GMT`, RFC 9110's IMF-fixdate).

use crate::core::time::Millis;

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// How long to wait from `now`, or `None` when the header cannot be read (the caller then
/// falls back to its own backoff). A date in the past means "now".
pub fn parse_retry_after(value: &str, now: Millis) -> Option<Millis> {
    let value = value.trim();
    if !value.is_empty() && value.bytes().all(|b| b.is_ascii_digit()) {
        return value.parse::<u64>().ok().map(|s| s.saturating_mul(1000));
    }
    http_date(value).map(|at| at.saturating_sub(now))
}

/// `Sun, 06 Nov 1994 08:49:37 GMT` as milliseconds since the epoch.
fn http_date(value: &str) -> Option<Millis> {
    let rest = value.split_once(", ")?.1;
    let mut parts = rest.split(' ');
    let day: u32 = parts.next()?.parse().ok()?;
    let month = parts.next()?;
    let month = MONTHS.iter().position(|m| *m == month)? as u32 + 1;
    let year: i64 = parts.next()?.parse().ok()?;
    let mut hms = parts.next()?.split(':');
    let mut next = || -> Option<u64> { hms.next()?.parse().ok() };
    let (h, m, s) = (next()?, next()?, next()?);
    if parts.next()? != "GMT" || parts.next().is_some() || day == 0 || day > 31 {
        return None;
    }
    if h > 23 || m > 59 || s > 60 {
        return None;
    }
    let days = days_from_civil(year, month, day);
    let secs = u64::try_from(days).ok()? * 86_400 + h * 3600 + m * 60 + s;
    Some(secs * 1000)
}

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
fn days_from_civil(y: i64, m: u32, d: u32) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y.rem_euclid(400);
    let mp = i64::from(if m > 2 { m - 3 } else { m + 9 });
    let doy = (153 * mp + 2) / 5 + i64::from(d) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

#[cfg(test)]
mod tests {
    use super::parse_retry_after;
    use crate::core::time::iso8601;

    #[test]
    fn seconds_and_dates_become_a_delay() {
        let now = 1_445_412_000_000; // 2015-10-21T07:20:00Z
        assert_eq!(iso8601(now), "2015-10-21T07:20:00.000Z");
        let table: [(&str, Option<u64>); 9] = [
            ("120", Some(120_000)),
            (" 0 ", Some(0)),
            ("Wed, 21 Oct 2015 07:28:00 GMT", Some(480_000)),
            ("Wed, 21 Oct 2015 07:00:00 GMT", Some(0)),
            (
                "Thu, 29 Feb 2024 00:00:00 GMT",
                Some(1_709_164_800_000 - now),
            ),
            ("-5", None),
            ("soon", None),
            ("Wed, 21 Oct 2015 07:28:00 PST", None),
            ("Wed, 32 Oct 2015 07:28:00 GMT", None),
        ];
        for (header, expected) in table {
            assert_eq!(parse_retry_after(header, now), expected, "{header}");
        }
    }
}
