//! A guide's schedule: real dates, and a period that is not empty.

use super::Ctx;
use crate::core::guide::model::Schedule;
use crate::core::time::{parse_iso8601, Millis};

pub fn check(ctx: &mut Ctx<'_>, at: &str, schedule: &Schedule) {
    if schedule.from.is_none() && schedule.until.is_none() {
        ctx.error(
            "missing_field",
            at,
            "a schedule needs `from`, `until` or both: ISO 8601 dates such as \"2026-12-01\""
                .into(),
        );
        return;
    }
    let from = date(ctx, &format!("{at}/from"), schedule.from.as_deref());
    let until = date(ctx, &format!("{at}/until"), schedule.until.as_deref());
    if let (Some(from), Some(until)) = (from, until) {
        if until <= from {
            ctx.error(
                "out_of_range",
                &format!("{at}/until"),
                format!(
                    "`until` ({}) is not after `from` ({}): the guide could never show",
                    schedule.until.as_deref().unwrap_or_default(),
                    schedule.from.as_deref().unwrap_or_default()
                ),
            );
        }
    }
}

fn date(ctx: &mut Ctx<'_>, at: &str, text: Option<&str>) -> Option<Millis> {
    let text = text?;
    let ms = parse_iso8601(text);
    if ms.is_none() {
        ctx.error("invalid_date", at, format!("`{text}` is not a date: expected ISO 8601, such as \"2026-12-01\" (midnight UTC) or \"2026-12-01T09:00:00+01:00\""));
    }
    ms
}
