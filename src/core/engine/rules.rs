//! Whether a value (a user trait or an event property) passes a rule of the guide language.

use crate::core::guide::{Rule, Scalar};
use crate::core::json::{Node, Value};
use crate::core::sorted::SortedMap;
use crate::core::time::{parse_iso8601, Millis};

const DAY_MS: f64 = 86_400_000.0;

fn scalar_eq(value: &Value, s: &Scalar) -> bool {
    match (value, s) {
        (Value::String(a), Scalar::String(b)) => a == b,
        (Value::Number(a), Scalar::Number(b)) => a == b,
        (Value::Bool(a), Scalar::Bool(b)) => a == b,
        // Traits often arrive as text ("3") where the guide says 3: compare as numbers then.
        (Value::String(_), Scalar::Number(b)) => number(value) == Some(*b),
        _ => false,
    }
}

fn number(value: &Value) -> Option<f64> {
    match value {
        Value::Number(n) => Some(*n),
        Value::String(s) => crate::core::json::parse(s.trim())
            .ok()
            .and_then(|n| n.as_f64()),
        _ => None,
    }
}

/// A date as ms since the epoch: an ISO 8601 string or a number of ms.
fn date(value: &Value) -> Option<Millis> {
    match value {
        Value::String(s) => parse_iso8601(s),
        Value::Number(n) if *n >= 0.0 => Some(*n as Millis),
        _ => None,
    }
}

fn contains(value: &Value, needle: &Scalar) -> bool {
    match (value, needle) {
        (Value::String(hay), Scalar::String(n)) => {
            hay.to_ascii_lowercase().contains(&n.to_ascii_lowercase())
        }
        (Value::Array(items), n) => items.iter().any(|i| scalar_eq(&i.value, n)),
        _ => false,
    }
}

/// Every operator of the rule must hold. A missing value passes only `exists: false` and
/// `not_equals`.
pub fn passes(rule: &Rule, value: Option<&Node>, now: Millis) -> bool {
    let present = value.filter(|n| !matches!(n.value, Value::Null));
    if let Some(exists) = rule.exists {
        if exists != present.is_some() {
            return false;
        }
    }
    let Some(node) = present else {
        let needs_value = rule.equals.is_some()
            || rule.one_of.is_some()
            || rule.contains.is_some()
            || [
                rule.gt,
                rule.gte,
                rule.lt,
                rule.lte,
                rule.within_days,
                rule.older_than_days,
            ]
            .iter()
            .any(Option::is_some);
        return !needs_value;
    };
    let v = &node.value;
    let checks = [
        rule.equals.as_ref().map(|s| scalar_eq(v, s)),
        rule.not_equals.as_ref().map(|s| !scalar_eq(v, s)),
        rule.one_of
            .as_ref()
            .map(|list| list.iter().any(|s| scalar_eq(v, s))),
        rule.contains.as_ref().map(|s| contains(v, s)),
        rule.gt.map(|x| number(v).is_some_and(|n| n > x)),
        rule.gte.map(|x| number(v).is_some_and(|n| n >= x)),
        rule.lt.map(|x| number(v).is_some_and(|n| n < x)),
        rule.lte.map(|x| number(v).is_some_and(|n| n <= x)),
        rule.within_days
            .map(|d| date(v).is_some_and(|t| t <= now && (now - t) as f64 <= d * DAY_MS)),
        rule.older_than_days
            .map(|d| date(v).is_some_and(|t| t < now && (now - t) as f64 > d * DAY_MS)),
    ];
    checks.iter().all(|c| c.unwrap_or(true))
}

/// Whether an object (traits or properties) passes every rule, keyed by field name. A dotted
/// name reaches into nested objects (`company.size`).
pub fn all_pass(rules: &SortedMap<Rule>, object: Option<&Node>, now: Millis) -> bool {
    rules
        .iter()
        .all(|(name, rule)| field_passes(name, rule, object, now))
}

/// Whether the field `name` of an object passes `rule`.
pub fn field_passes(name: &str, rule: &Rule, object: Option<&Node>, now: Millis) -> bool {
    let value = object.and_then(|o| name.split('.').try_fold(o, |node, part| node.get(part)));
    passes(rule, value, now)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::json::parse;

    fn rule(text: &str) -> Rule {
        let node = parse(text).expect("rule json");
        crate::core::json::from_node(&node).expect("rule")
    }

    const NOW: Millis = 1_795_359_845_000; // 2026-11-22T15:04:05Z

    #[test]
    fn operators_table() {
        let table: &[(&str, &str, bool)] = &[
            (r#"{"equals":"trial"}"#, r#""trial""#, true),
            (r#"{"equals":"trial"}"#, r#""team""#, false),
            (r#"{"equals":3}"#, "3", true),
            (r#"{"equals":3}"#, r#""3""#, true),
            (r#"{"equals":true}"#, "true", true),
            (r#"{"not_equals":"trial"}"#, r#""team""#, true),
            (r#"{"in":["trial","team"]}"#, r#""team""#, true),
            (r#"{"in":["trial","team"]}"#, r#""free""#, false),
            (r#"{"contains":"ACME"}"#, r#""acme corp""#, true),
            (r#"{"contains":"admin"}"#, r#"["user","admin"]"#, true),
            (r#"{"contains":"admin"}"#, r#"["user"]"#, false),
            (r#"{"exists":true}"#, "0", true),
            (r#"{"exists":false}"#, "0", false),
            (r#"{"gte":1}"#, "1", true),
            (r#"{"gt":1}"#, "1", false),
            (r#"{"gt":1,"lt":10}"#, "5", true),
            (r#"{"lte":2.5}"#, r#""2.5""#, true),
            (r#"{"lt":2}"#, r#""many""#, false),
            (r#"{"within_days":7}"#, r#""2026-11-20T00:00:00Z""#, true),
            (r#"{"within_days":7}"#, r#""2026-11-01""#, false),
            (r#"{"older_than_days":7}"#, r#""2026-11-01""#, true),
            (r#"{"within_days":7}"#, "1795300000000", true),
            (r#"{"within_days":7}"#, r#""not a date""#, false),
        ];
        for (r, value, expected) in table {
            let v = parse(value).expect("value");
            assert_eq!(passes(&rule(r), Some(&v), NOW), *expected, "{r} on {value}");
        }
    }

    #[test]
    fn missing_values_pass_only_negative_rules() {
        assert!(passes(&rule(r#"{"exists":false}"#), None, NOW));
        assert!(passes(&rule(r#"{"not_equals":"x"}"#), None, NOW));
        assert!(!passes(&rule(r#"{"equals":"x"}"#), None, NOW));
        assert!(!passes(
            &rule(r#"{"gte":0}"#),
            Some(&parse("null").expect("null")),
            NOW
        ));
    }

    #[test]
    fn nested_fields_are_reached_with_dots() {
        let rules: SortedMap<Rule> = [("company.size".to_string(), rule(r#"{"gte":10}"#))].into();
        let traits = parse(r#"{"company":{"size":12}}"#).expect("traits");
        assert!(all_pass(&rules, Some(&traits), NOW));
        assert!(!all_pass(&rules, Some(&parse("{}").expect("empty")), NOW));
        assert!(!all_pass(&rules, None, NOW));
    }
}
