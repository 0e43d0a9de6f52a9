//! The report as plain text, for `wowpath-collector report` (the same numbers the dashboard
//! draws).

use crate::stats::Report;
use crate::time::format_ms;
use std::fmt::Write;

/// A guide or step by name with its id beside it, or by id alone when it has no other name.
fn named(title: &str, id: &str) -> String {
    if title == id {
        id.to_owned()
    } else {
        format!("{title} ({id})")
    }
}

fn people(n: usize) -> String {
    if n == 1 {
        "1 person".to_owned()
    } else {
        format!("{n} people")
    }
}

fn pct(x: f64) -> String {
    format!("{:.1}%", x * 100.0)
}

fn dur(ms: Option<i64>) -> String {
    let Some(ms) = ms else { return "-".into() };
    let s = ms as f64 / 1000.0;
    match s {
        s if s < 60.0 => format!("{s:.0} s"),
        s if s < 3600.0 => format!("{:.1} min", s / 60.0),
        s if s < 86_400.0 => format!("{:.1} h", s / 3600.0),
        s => format!("{:.1} days", s / 86_400.0),
    }
}

pub fn render(r: &Report) -> String {
    let mut o = String::new();
    let exp = &r.experiment;
    let _ = writeln!(o, "EXPERIMENT: treatment vs holdout");
    if let Some(c) = exp.comparisons.first() {
        let _ = writeln!(o, "  {}", c.sentence);
    }
    let _ = writeln!(
        o,
        "  {:<22} {:>8} {:>8} {:>8}  {:<17} difference vs holdout (95% CI)",
        "group", "people", "wow", "rate", "95% interval"
    );
    for a in &exp.arms {
        let diff = exp
            .comparisons
            .iter()
            .find(|c| c.arm == a.label)
            .and_then(|c| c.difference.as_ref());
        let diff = diff.map_or(String::new(), |d| {
            format!(
                "{:+.1} pts ({:+.1} to {:+.1})",
                d.estimate * 100.0,
                d.low * 100.0,
                d.high * 100.0
            )
        });
        let ci = format!("{} - {}", pct(a.rate_low), pct(a.rate_high));
        let _ = writeln!(
            o,
            "  {:<22} {:>8} {:>8} {:>8}  {:<17} {}",
            a.label,
            a.people,
            a.wow,
            pct(a.rate),
            ci,
            diff
        );
    }
    if exp.unassigned > 0 {
        let _ = writeln!(
            o,
            "  ({} people not compared: no event besides their wow says their group)",
            exp.unassigned
        );
    }
    let w = &r.wow;
    let _ = writeln!(
        o,
        "\nTIME TO WOW: {} of {} people ({}), median {}, p90 {}",
        w.wow,
        w.people,
        pct(w.rate),
        dur(w.time_to_wow.median_ms),
        dur(w.time_to_wow.p90_ms)
    );
    for b in &w.histogram {
        let _ = writeln!(o, "  {:<10} {:>6}", b.label, b.count);
    }
    for g in &r.guides {
        let ways: Vec<String> = g
            .dismissed_via
            .iter()
            .map(|(via, n)| format!("{via} {n}"))
            .collect();
        let ways = if ways.is_empty() {
            String::new()
        } else {
            format!(": {}", ways.join(", "))
        };
        let _ = writeln!(
            o,
            "\nGUIDE {}{} ({} dismissed{ways}, {} replayed)",
            named(&g.title, &g.guide_id),
            g.variant
                .as_ref()
                .map_or(String::new(), |v| format!(", variant {v}")),
            g.dismissed,
            g.replayed
        );
        let _ = writeln!(
            o,
            "  {:<24} {:>8} {:>16} {:>10} {:>10}",
            "stage", "people", "drop-off", "median", "p90"
        );
        for (i, s) in g.stages.iter().enumerate() {
            let drop = if i == 0 {
                String::new()
            } else {
                format!("{} ({})", s.drop_off, pct(s.drop_off_rate))
            };
            let (m, p) = if i == 0 {
                (String::new(), String::new())
            } else {
                (dur(s.time.median_ms), dur(s.time.p90_ms))
            };
            let _ = writeln!(
                o,
                "  {:<24} {:>8} {:>16} {:>10} {:>10}",
                s.label, s.count, drop, m, p
            );
        }
    }
    let _ = writeln!(
        o,
        "\nSTUCK USERS: {} (no wow {} after starting)",
        r.stuck_users.len(),
        dur(Some(r.filters.stuck_after_ms))
    );
    for u in &r.stuck_users {
        let _ = writeln!(
            o,
            "  {:<24} account={:<16} plan={:<8} {}: stopped at {} ({}/{} done), last seen {}",
            u.user,
            u.account.as_deref().unwrap_or("-"),
            u.plan.as_deref().unwrap_or("-"),
            named(&u.guide_title, &u.guide_id),
            match (&u.stopped_at, &u.stopped_at_title) {
                (Some(id), Some(title)) => named(title, id),
                _ => "(all steps done)".to_owned(),
            },
            u.steps_done,
            u.steps_total,
            format_ms(u.last_seen)
        );
    }
    for a in &r.stuck_accounts {
        let _ = writeln!(
            o,
            "  account {}: {} stuck, most at {}",
            a.account,
            a.stuck_users,
            a.common_step.as_deref().unwrap_or("-")
        );
    }
    let h = &r.health;
    if !h.missing_targets.is_empty() || !h.invalid_files.is_empty() {
        let _ = writeln!(o, "\nPROBLEMS PEOPLE MET");
    }
    for m in &h.missing_targets {
        let _ = writeln!(
            o,
            "  anchor missing: {} / {}: `{}`{} on {} for {}, last {}",
            named(&m.guide_title, &m.guide_id),
            named(&m.step_title, &m.step_id),
            m.selector,
            if m.hidden {
                " (hidden on some pages)"
            } else {
                ""
            },
            m.urls.join(", "),
            people(m.people),
            format_ms(m.last_seen)
        );
    }
    for f in &h.invalid_files {
        let _ = writeln!(
            o,
            "  guide file refused: {}: {} for {}, last {}",
            f.source,
            f.first_error,
            people(f.people),
            format_ms(f.last_seen)
        );
    }
    o
}
