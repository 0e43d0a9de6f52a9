//! A guide: who it is for, when it starts, how often, its experiment variants and steps.

use super::{is_default, is_true, yes, Rule, Step};
use crate::core::json::FromNode;
use crate::core::sorted::SortedMap;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize, FromNode)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Guide {
    /// Unique within the file; letters, digits, `-` and `_`.
    pub id: String,
    /// Heads the checklist and names the guide in reports.
    pub title: String,
    /// Higher shows first when several guides could show. Default 0.
    #[serde(default, skip_serializing_if = "is_default")]
    pub priority: i32,
    /// Who and where this guide is for. Default: everyone, everywhere.
    #[serde(default, skip_serializing_if = "is_default")]
    pub target: Target,
    /// How often the guide shows: `once`, `until_completed` (default) or `every_session`.
    #[serde(default, skip_serializing_if = "is_default")]
    pub frequency: Frequency,
    /// When the guide starts. Default: as soon as its target matches.
    #[serde(default, skip_serializing_if = "is_default")]
    pub start: Start,
    /// Guides that must be completed before this one starts.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub requires: Vec<String>,
    /// Whether the user may dismiss the guide. Default true.
    #[serde(default = "yes", skip_serializing_if = "is_true")]
    pub dismissible: bool,
    /// When the guide may show (an announcement's run, say). Default: always.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub schedule: Option<Schedule>,
    /// Variants of the guide for an experiment; users are assigned by a stable hash.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub variants: Vec<Variant>,
    /// What the user is guided through, in order.
    pub steps: Vec<Step>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize, Serialize, FromNode)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Frequency {
    /// Shown once; dismissing or completing ends it for good.
    Once,
    /// Shown on every visit until all its steps are done (the default).
    #[default]
    UntilCompleted,
    /// Shown again in every new browser session until completed.
    EverySession,
}

/// Who and where a guide is for. Every condition given must hold.
#[derive(Debug, Clone, PartialEq, Default, Deserialize, Serialize, FromNode)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Target {
    /// URL path patterns: `*` matches within one segment, `**` across segments, e.g. `/app/**`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub url: Vec<String>,
    /// Conditions on the traits given to `identify`.
    #[serde(default, skip_serializing_if = "SortedMap::is_empty")]
    pub traits: SortedMap<Rule>,
    /// Only users who signed up within this many days (see `signup_trait`).
    #[cfg_attr(feature = "schema", schemars(range(min = 0.0)))]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signed_up_within_days: Option<f64>,
}

/// When a guide starts. At most one field; none means "as soon as the target matches".
#[derive(Debug, Clone, PartialEq, Default, Deserialize, Serialize, FromNode)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Start {
    /// Starts when this event is tracked.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub event: Option<String>,
    /// Starts when the user visits a URL matching this pattern.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Starts only through `wowpath('start', guideId)` or a button.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub manual: bool,
}

/// The period a guide may show in, as ISO 8601 dates: `2026-12-01` (midnight UTC) or a time with
/// its offset, `2026-12-01T09:00:00+01:00`. At least one of the two.
#[derive(Debug, Clone, PartialEq, Eq, Default, Deserialize, Serialize, FromNode)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Schedule {
    /// Not shown before this moment.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<String>,
    /// Not shown from this moment on, even to users in the middle of it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub until: Option<String>,
}

/// One arm of an experiment.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize, FromNode)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Variant {
    /// Unique within the guide; reported as the `group` of every event.
    pub id: String,
    /// Relative share of users (1 to 100).
    #[cfg_attr(feature = "schema", schemars(range(min = 1, max = 100)))]
    pub weight: u32,
    /// The step ids this variant shows, in order. Default: all steps. Empty: the guide is not shown.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub steps: Option<Vec<String>>,
}
