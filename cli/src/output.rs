//! What `wowpath check` prints: `file:line:col: error[code] at /pointer: message` lines for
//! people, or one JSON object for programs.

use wowpath::core::guide::{diagnostics_json, Diagnostic, Severity};
use wowpath::core::json::write_escaped;

pub type Report<'a> = (&'a str, Vec<Diagnostic>);

fn count(ds: &[Diagnostic], severity: Severity) -> usize {
    ds.iter().filter(|d| d.severity == severity).count()
}

pub fn human(reports: &[Report<'_>]) -> String {
    let mut out = String::new();
    for (file, ds) in reports {
        for d in ds {
            let pointer = if d.pointer.is_empty() {
                "/"
            } else {
                &d.pointer
            };
            out.push_str(&format!(
                "{file}:{}: {}[{}] at {pointer}: {}\n",
                d.at,
                d.severity.as_str(),
                d.code,
                d.message
            ));
        }
        let (errors, warnings) = (count(ds, Severity::Error), count(ds, Severity::Warning));
        out.push_str(&match (errors, warnings) {
            (0, 0) => format!("{file}: ok\n"),
            _ => format!("{file}: {errors} error(s), {warnings} warning(s)\n"),
        });
    }
    out
}

pub fn json(reports: &[Report<'_>]) -> String {
    let mut out = String::from("{\"files\":[");
    for (i, (file, ds)) in reports.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str("{\"file\":");
        write_escaped(&mut out, file);
        out.push_str(&format!(
            ",\"errors\":{},\"warnings\":{},\"diagnostics\":{}}}",
            count(ds, Severity::Error),
            count(ds, Severity::Warning),
            diagnostics_json(ds)
        ));
    }
    out.push_str("]}");
    out
}
