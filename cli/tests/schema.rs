//! The committed JSON Schema is the one the model generates, and the example guide files
//! together use every field and every named value it describes.

use serde_json::Value;
use std::collections::BTreeSet;
use std::path::Path;
use wowpath::core::guide::{schema_json, SCHEMA_PATH};

fn root() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/.."))
}

#[test]
fn the_committed_schema_is_up_to_date() {
    let committed = std::fs::read_to_string(root().join(SCHEMA_PATH)).unwrap_or_default();
    assert!(
        committed == schema_json(),
        "{SCHEMA_PATH} is stale (the guide model changed): regenerate it with `cargo xtask schema` and commit it"
    );
}

/// The schemas a value may match: `anyOf`/`oneOf` (optional and enum types) resolved, and
/// each `$ref` named by its definition, so a type used in several places (a rule) counts as
/// one feature set wherever it is used.
fn alternatives<'a>(
    defs: &'a Value,
    schema: &'a Value,
    path: &str,
    out: &mut Vec<(&'a Value, String)>,
) {
    if let Some(r) = schema.get("$ref").and_then(Value::as_str) {
        let name = r.trim_start_matches("#/$defs/");
        return alternatives(defs, &defs[name], name, out);
    }
    let branches = schema.get("anyOf").or_else(|| schema.get("oneOf"));
    match branches.and_then(Value::as_array) {
        Some(list) => list.iter().for_each(|b| alternatives(defs, b, path, out)),
        None => out.push((schema, path.to_string())),
    }
}

/// Every `path.field` and `path=value` the schema allows.
fn features(defs: &Value, schema: &Value, path: &str, out: &mut BTreeSet<String>, depth: usize) {
    assert!(depth < 20, "the guide model has no recursive types");
    let mut alts = Vec::new();
    alternatives(defs, schema, path, &mut alts);
    for (s, path) in alts {
        for v in s
            .get("enum")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            out.insert(format!("{path}={v}"));
        }
        if let Some(v) = s.get("const") {
            out.insert(format!("{path}={v}"));
        }
        for (k, sub) in s
            .get("properties")
            .and_then(Value::as_object)
            .into_iter()
            .flatten()
        {
            out.insert(format!("{path}.{k}"));
            features(defs, sub, &format!("{path}.{k}"), out, depth + 1);
        }
        if let Some(items) = s.get("items") {
            features(defs, items, &format!("{path}[]"), out, depth + 1);
        }
        if let Some(extra) = s.get("additionalProperties").filter(|a| a.is_object()) {
            features(defs, extra, &format!("{path}.*"), out, depth + 1);
        }
    }
}

/// The features a guide file uses, named as `features` names them.
fn used(defs: &Value, schema: &Value, value: &Value, path: &str, out: &mut BTreeSet<String>) {
    let mut alts = Vec::new();
    alternatives(defs, schema, path, &mut alts);
    for (s, path) in alts {
        let named = s
            .get("enum")
            .and_then(Value::as_array)
            .is_some_and(|e| e.contains(value))
            || s.get("const") == Some(value);
        if named {
            out.insert(format!("{path}={value}"));
        }
        if let (Some(props), Some(obj)) = (
            s.get("properties").and_then(Value::as_object),
            value.as_object(),
        ) {
            for (k, v) in obj {
                if let Some(sub) = props.get(k) {
                    out.insert(format!("{path}.{k}"));
                    used(defs, sub, v, &format!("{path}.{k}"), out);
                }
            }
        }
        if let (Some(items), Some(list)) = (s.get("items"), value.as_array()) {
            list.iter()
                .for_each(|v| used(defs, items, v, &format!("{path}[]"), out));
        }
        if let (Some(extra), Some(obj)) = (
            s.get("additionalProperties").filter(|a| a.is_object()),
            value.as_object(),
        ) {
            obj.values()
                .for_each(|v| used(defs, extra, v, &format!("{path}.*"), out));
        }
    }
}

#[test]
fn the_examples_together_use_every_feature_of_the_language() {
    let schema: Value = serde_json::from_str(&schema_json()).expect("the schema is JSON");
    let defs = &schema["$defs"];
    let mut all = BTreeSet::new();
    features(defs, &schema, "", &mut all, 0);
    let mut seen = BTreeSet::new();
    let dir = root().join("examples/guides");
    for entry in std::fs::read_dir(&dir).expect("examples/guides") {
        let text = std::fs::read_to_string(entry.expect("entry").path()).expect("readable");
        let value: Value = serde_json::from_str(&text).expect("an example is JSON");
        used(defs, &schema, &value, "", &mut seen);
    }
    let missing: Vec<&String> = all.difference(&seen).collect();
    assert!(missing.is_empty(), "no example uses: {missing:#?}");
    assert!(
        all.len() > 90,
        "the walk found the language ({} features)",
        all.len()
    );
}
