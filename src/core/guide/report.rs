//! Diagnostics as JSON text, the one shape the CLI's `--json`, the playground and the widget's
//! `validate()` export all print.

use super::error::{Diagnostic, Severity};
use crate::core::json::write_escaped;
use core::fmt::Write;

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }
}

/// `[{"severity","code","pointer","line","column","message"}, …]`
pub fn diagnostics_json(diagnostics: &[Diagnostic]) -> String {
    let mut out = String::from("[");
    for (i, d) in diagnostics.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str("{\"severity\":");
        write_escaped(&mut out, d.severity.as_str());
        out.push_str(",\"code\":");
        write_escaped(&mut out, d.code);
        out.push_str(",\"pointer\":");
        write_escaped(&mut out, &d.pointer);
        let _ = write!(out, ",\"line\":{},\"column\":{}", d.at.line, d.at.col);
        out.push_str(",\"message\":");
        write_escaped(&mut out, &d.message);
        out.push('}');
    }
    out.push(']');
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::guide::load;

    #[test]
    fn diagnostics_become_json_that_reads_back() {
        let loaded = load("{\"version\":1,\"guides\":[],\"x<\":1}");
        let text = diagnostics_json(&loaded.diagnostics);
        assert_eq!(
            text,
            "[{\"severity\":\"error\",\"code\":\"unknown_field\",\"pointer\":\"/x\\u003c\",\"line\":1,\"column\":26,\
             \"message\":\"unknown field `x\\u003c`: expected one of `$schema`, `checked`, `version`, `wow`, `holdout`, \
             `cooldown_minutes`, `signup_trait`, `theme`, `default_locale`, `locales`, `guides`\"},\
             {\"severity\":\"warning\",\"code\":\"empty\",\"pointer\":\"/guides\",\"line\":1,\"column\":23,\
             \"message\":\"the file has no guides: nothing will be shown\"}]"
        );
        assert!(crate::core::json::parse(&text).is_ok());
    }
}
