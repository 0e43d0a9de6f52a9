use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The format version this build reads.
pub const FORMAT_VERSION: u32 = 1;

/// A whole guide file.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct GuideFile {
    /// Editors use this to find the JSON Schema; the widget ignores it.
    #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
    /// Format version; must be 1.
    pub version: u32,
    /// What marks a user's first real value.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub wow: Option<Condition>,
    /// Fraction of users (0 to 0.5) who see no guides, to measure the lift of onboarding. Default 0.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub holdout: f64,
    #[serde(default)]
    pub guides: Vec<Guide>,
}

fn is_zero(x: &f64) -> bool {
    *x == 0.0
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Guide {
    /// Unique within the file; letters, digits, `-` and `_`.
    pub id: String,
    pub title: String,
    /// Higher shows first when several guides could show. Default 0.
    #[serde(default)]
    pub priority: i32,
    #[serde(default)]
    pub frequency: Frequency,
    pub steps: Vec<Step>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Frequency {
    /// Shown once; dismissing or completing ends it.
    Once,
    /// Shown on every visit until all its steps are done (the default).
    #[default]
    UntilCompleted,
    /// Shown again in every new browser session.
    EverySession,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Step {
    /// Unique within the guide.
    pub id: String,
    #[serde(default)]
    pub kind: StepKind,
    pub title: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub body: Option<String>,
    /// When the step counts as done. Without it, only `wowpath('complete', id)` completes it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub complete_when: Option<Condition>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum StepKind {
    #[default]
    Checklist,
}

/// A condition on what the user does.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Condition {
    /// A tracked event name, e.g. "Project Created".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub event: Option<String>,
}

/// Keyed by `guide.step` or `guide.title`; reserved for locale strings.
pub type Strings = BTreeMap<String, String>;
