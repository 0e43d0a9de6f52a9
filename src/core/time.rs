//! Timestamps as the Segment wire format wants them, without a date library.

use core::fmt::Write;

/// Milliseconds since the Unix epoch, UTC.
pub type Millis = u64;

/// `2026-11-22T15:04:05.123Z`
pub fn iso8601(ms: Millis) -> String {
    let secs = ms / 1000;
    let (y, m, d) = civil_from_days((secs / 86_400) as i64);
    let rem = secs % 86_400;
    let mut out = String::with_capacity(24);
    let _ = write!(
        out,
        "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}.{:03}Z",
        rem / 3600,
        rem / 60 % 60,
        rem % 60,
        ms % 1000
    );
    out
}

/// Days since 1970-01-01 to (year, month, day) in the proleptic Gregorian calendar
/// (Howard Hinnant's algorithm).
fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (yoe + era * 400 + i64::from(m <= 2), m, d)
}

/// Days from 1970-01-01 to a civil date (inverse of `civil_from_days`).
fn days_from_civil(y: i64, m: u32, d: u32) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y.rem_euclid(400);
    let mp = i64::from((m + 9) % 12);
    let doy = (153 * mp + 2) / 5 + i64::from(d) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn digits(s: &[u8], from: usize, len: usize) -> Option<u32> {
    let part = s.get(from..from + len)?;
    part.iter().try_fold(0u32, |acc, b| {
        b.is_ascii_digit().then(|| acc * 10 + u32::from(b - b'0'))
    })
}

/// Reads `2026-11-22`, `2026-11-22T15:04:05Z`, `…T15:04:05.123+02:00` as ms since the epoch
/// (UTC when no offset is given). Dates before 1970 yield `None`.
pub fn parse_iso8601(text: &str) -> Option<Millis> {
    let s = text.trim().as_bytes();
    let (y, m, d) = (digits(s, 0, 4)?, digits(s, 5, 2)?, digits(s, 8, 2)?);
    if s.get(4) != Some(&b'-')
        || s.get(7) != Some(&b'-')
        || !(1..=12).contains(&m)
        || !(1..=31).contains(&d)
    {
        return None;
    }
    let mut ms = days_from_civil(i64::from(y), m, d) * 86_400_000;
    if s.len() > 10 {
        if !matches!(s[10], b'T' | b't' | b' ') || s.get(13) != Some(&b':') {
            return None;
        }
        let (hh, mm) = (digits(s, 11, 2)?, digits(s, 14, 2)?);
        let mut i = 16;
        let mut secs = 0;
        if s.get(i) == Some(&b':') {
            secs = digits(s, 17, 2)?;
            i = 19;
        }
        let mut frac = 0i64;
        if s.get(i) == Some(&b'.') {
            i += 1;
            let mut scale = 100;
            while let Some(b) = s.get(i).filter(|b| b.is_ascii_digit()) {
                frac += i64::from(b - b'0') * scale;
                scale /= 10;
                i += 1;
            }
        }
        ms += i64::from(hh * 3600 + mm * 60 + secs) * 1000 + frac;
        match s.get(i) {
            None | Some(b'Z' | b'z') => {}
            Some(sign @ (b'+' | b'-')) => {
                let offset = i64::from(digits(s, i + 1, 2)? * 60 + digits(s, i + 4, 2)?) * 60_000;
                ms -= if *sign == b'+' { offset } else { -offset };
            }
            _ => return None,
        }
    }
    u64::try_from(ms).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_known_instants() {
        for (ms, s) in [
            (0, "1970-01-01T00:00:00.000Z"),
            (951_782_400_000, "2000-02-29T00:00:00.000Z"),
            (1_795_359_845_123, "2026-11-22T15:04:05.123Z"),
            (4_107_542_399_999, "2100-02-28T23:59:59.999Z"),
        ] {
            assert_eq!(iso8601(ms), s);
            assert_eq!(parse_iso8601(s), Some(ms), "{s}");
        }
    }

    #[test]
    fn reads_dates_offsets_and_refuses_nonsense() {
        assert_eq!(parse_iso8601("2026-11-22"), Some(1_795_305_600_000));
        assert_eq!(
            parse_iso8601("2026-11-22T17:04:05+02:00"),
            parse_iso8601("2026-11-22T15:04:05Z")
        );
        assert_eq!(
            parse_iso8601("2026-11-22 15:04"),
            Some(1_795_305_600_000 + (15 * 60 + 4) * 60_000)
        );
        for bad in [
            "",
            "yesterday",
            "2026-13-01",
            "2026/11/22",
            "1969-12-31",
            "2026-11-22T15",
        ] {
            assert_eq!(parse_iso8601(bad), None, "{bad}");
        }
    }
}
