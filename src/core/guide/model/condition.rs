//! What completes a step, and tests on event properties and user traits.

use crate::core::guide::scalar::Scalar;
use crate::core::json::FromNode;
use crate::core::sorted::SortedMap;
use serde::{Deserialize, Serialize};

/// What the user must do for a step to count as done. Exactly one trigger
/// (`event`, `click`, `url`, `appears`, `filled` or `manual`).
#[derive(Debug, Clone, PartialEq, Default, Deserialize, Serialize, FromNode)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Condition {
    /// A tracked event name, e.g. "Project Created".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub event: Option<String>,
    /// With `event`: conditions on its properties.
    #[serde(default, rename = "where", skip_serializing_if = "SortedMap::is_empty")]
    pub filters: SortedMap<Rule>,
    /// With `event`: how many times it must happen. Default 1.
    #[cfg_attr(feature = "schema", schemars(range(min = 1)))]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub count: Option<u32>,
    /// A click on an element matching this CSS selector.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub click: Option<String>,
    /// A visit to a URL matching this pattern.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// An element matching this CSS selector appearing in the page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub appears: Option<String>,
    /// A form field matching this CSS selector being filled in.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub filled: Option<String>,
    /// Only a button or `wowpath('complete', id)` completes the step.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub manual: bool,
}

/// A test on one value (an event property or a user trait). Every operator given must hold.
#[derive(Debug, Clone, PartialEq, Default, Deserialize, Serialize, FromNode)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Rule {
    /// The value is exactly this.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub equals: Option<Scalar>,
    /// The value is anything but this (or absent).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub not_equals: Option<Scalar>,
    /// The value is one of these.
    #[serde(default, rename = "in", skip_serializing_if = "Option::is_none")]
    pub one_of: Option<Vec<Scalar>>,
    /// A string value contains this text (case-insensitive), or a list contains this item.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contains: Option<Scalar>,
    /// The value is present (true) or absent (false).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub exists: Option<bool>,
    /// A number greater than this.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gt: Option<f64>,
    /// A number greater than or equal to this.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gte: Option<f64>,
    /// A number less than this.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lt: Option<f64>,
    /// A number less than or equal to this.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lte: Option<f64>,
    /// A date value (ISO 8601 or epoch ms) is at most this many days before now.
    #[cfg_attr(feature = "schema", schemars(range(min = 0.0)))]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub within_days: Option<f64>,
    /// A date value is more than this many days before now.
    #[cfg_attr(feature = "schema", schemars(range(min = 0.0)))]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub older_than_days: Option<f64>,
}
