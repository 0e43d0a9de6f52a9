//! The stuck-users table as CSV (RFC 4180), for the customer success team's tools.

use crate::stats::stuck::StuckUser;
use crate::time::format_ms;

fn field(s: &str) -> String {
    // A leading = + - @ would run as a formula in spreadsheets: neutralise it.
    let s = if s.starts_with(['=', '+', '-', '@']) {
        format!("'{s}")
    } else {
        s.to_owned()
    };
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s
    }
}

/// Rows whose user, account, plan, guide or step (by id or title) contains `filter`
/// (case-insensitive; empty = all). The titles come last so columns read by position before
/// they were added keep their place.
pub fn stuck_users(users: &[StuckUser], filter: &str) -> String {
    let needle = filter.to_lowercase();
    let mut out = String::from(
        "user,account,plan,guide,stopped_at,steps_done,steps_total,started_at,last_seen,guide_title,stopped_at_title\r\n",
    );
    for u in users {
        let cells = [
            u.user.clone(),
            u.account.clone().unwrap_or_default(),
            u.plan.clone().unwrap_or_default(),
            u.guide_id.clone(),
            u.stopped_at.clone().unwrap_or_default(),
            u.guide_title.clone(),
            u.stopped_at_title.clone().unwrap_or_default(),
        ];
        if !needle.is_empty() && !cells.iter().any(|c| c.to_lowercase().contains(&needle)) {
            continue;
        }
        let mut line: Vec<String> = cells[..5].iter().map(|c| field(c)).collect();
        line.extend([
            u.steps_done.to_string(),
            u.steps_total.to_string(),
            format_ms(u.started_at),
            format_ms(u.last_seen),
        ]);
        line.extend(cells[5..].iter().map(|c| field(c)));
        out.push_str(&line.join(","));
        out.push_str("\r\n");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_are_quoted_and_formulas_defused() {
        assert_eq!(field("plain"), "plain");
        assert_eq!(field("a,b"), "\"a,b\"");
        assert_eq!(field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(field("=HYPERLINK(1)"), "'=HYPERLINK(1)");
    }
}
