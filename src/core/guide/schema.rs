//! The JSON Schema of the guide language, generated from the model types (feature `schema`):
//! committed as schema/guides.schema.json so editors autocomplete guide files.

/// Where the schema is committed, relative to the repository root.
pub const SCHEMA_PATH: &str = "schema/guides.schema.json";

/// The schema as pretty JSON text with a trailing newline, exactly as committed.
pub fn schema_json() -> String {
    let mut schema = schemars::schema_for!(super::GuideFile);
    schema.insert("title".into(), "wowpath guide file".into());
    let mut text = serde_json::to_string_pretty(&schema).unwrap_or_default();
    text.push('\n');
    text
}
