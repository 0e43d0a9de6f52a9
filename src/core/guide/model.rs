//! The guide language, version 1. These types are the single source of truth: the reader, the
//! validator, the JSON Schema and the README's reference all follow them.

use super::scalar::Scalar;
use crate::core::json::FromNode;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The format version this build reads.
pub const FORMAT_VERSION: u32 = 1;

/// A whole guide file.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize, FromNode)]
#[serde(deny_unknown_fields)]
pub struct GuideFile {
    /// Editors use this to find the JSON Schema; the widget ignores it.
    #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
    /// Format version; must be 1.
    pub version: u32,
    /// What marks a user's first real value ("wow"). Reaching it is recorded once per user.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub wow: Option<Wow>,
    /// Fraction of users (0 to 0.5) who see no guides, so the lift of onboarding can be measured. Default 0.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub holdout: f64,
    /// Minutes to wait after a guide ends before another starts by itself. Default 0.
    #[serde(default, skip_serializing_if = "is_default")]
    pub cooldown_minutes: u32,
    /// The trait holding the user's sign-up date, for `signed_up_within_days`. Default `created_at`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signup_trait: Option<String>,
    #[serde(default, skip_serializing_if = "is_default")]
    pub theme: Theme,
    /// Language of the texts written in the guides. Default `en`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub default_locale: Option<String>,
    /// Translations: locale → key (`guide.title`, `guide.step.title`, `guide.step.body`,
    /// `guide.step.buttons.N`) → text.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub locales: BTreeMap<String, BTreeMap<String, String>>,
    pub guides: Vec<Guide>,
}

fn is_zero(x: &f64) -> bool {
    *x == 0.0
}

fn is_default<T: Default + PartialEq>(x: &T) -> bool {
    *x == T::default()
}

/// The step or event that marks a user's first real value.
#[derive(Debug, Clone, PartialEq, Default, Deserialize, Serialize, FromNode)]
#[serde(deny_unknown_fields)]
pub struct Wow {
    /// `guide-id/step-id`: completing this step is the wow moment.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub step: Option<String>,
    /// A tracked event that is the wow moment.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub event: Option<String>,
    /// Conditions on the event's properties.
    #[serde(default, rename = "where", skip_serializing_if = "BTreeMap::is_empty")]
    pub filters: BTreeMap<String, Rule>,
}

/// The look of the widget, as CSS custom properties inside its shadow root.
#[derive(Debug, Clone, PartialEq, Default, Deserialize, Serialize, FromNode)]
#[serde(deny_unknown_fields)]
pub struct Theme {
    /// Buttons, progress and highlights, e.g. `#5b5bd6`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub accent: Option<String>,
    /// Panel background; default white (dark grey in dark mode).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub background: Option<String>,
    /// Text colour.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// Corner radius in pixels (0 to 32). Default 10.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub radius: Option<u32>,
    /// A CSS font-family list. Default: the system UI font.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub font: Option<String>,
    /// The lowest z-index the widget's layers use (0 to 2147483000), for pages whose own
    /// overlays sit very high. Default 2147483000.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub z_index: Option<u32>,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize, FromNode)]
#[serde(deny_unknown_fields)]
pub struct Guide {
    /// Unique within the file; letters, digits, `-` and `_`.
    pub id: String,
    pub title: String,
    /// Higher shows first when several guides could show. Default 0.
    #[serde(default, skip_serializing_if = "is_default")]
    pub priority: i32,
    /// Who and where this guide is for. Default: everyone, everywhere.
    #[serde(default, skip_serializing_if = "is_default")]
    pub target: Target,
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
    /// Variants of the guide for an experiment; users are assigned by a stable hash.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub variants: Vec<Variant>,
    pub steps: Vec<Step>,
}

fn yes() -> bool {
    true
}

fn is_true(b: &bool) -> bool {
    *b
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize, Serialize, FromNode)]
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
#[serde(deny_unknown_fields)]
pub struct Target {
    /// URL path patterns: `*` matches within one segment, `**` across segments, e.g. `/app/**`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub url: Vec<String>,
    /// Conditions on the traits given to `identify`.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub traits: BTreeMap<String, Rule>,
    /// Only users who signed up within this many days (see `signup_trait`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signed_up_within_days: Option<f64>,
}

/// When a guide starts. At most one field; none means "as soon as the target matches".
#[derive(Debug, Clone, PartialEq, Default, Deserialize, Serialize, FromNode)]
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

/// One arm of an experiment.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize, FromNode)]
#[serde(deny_unknown_fields)]
pub struct Variant {
    pub id: String,
    /// Relative share of users (1 to 100).
    pub weight: u32,
    /// The step ids this variant shows, in order. Default: all steps. Empty: the guide is not shown.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub steps: Option<Vec<String>>,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize, FromNode)]
#[serde(deny_unknown_fields)]
pub struct Step {
    /// Unique within the guide.
    pub id: String,
    #[serde(default, skip_serializing_if = "is_default")]
    pub kind: StepKind,
    pub title: String,
    /// Plain text or a small safe markdown subset: `**bold**`, `*italics*`, `[links](https://…)`
    /// and `- ` lists. Never HTML.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub body: Option<String>,
    /// CSS selector of the element a tooltip or hotspot points at (required for those kinds).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub anchor: Option<String>,
    /// Where a tooltip sits relative to its anchor. Default `bottom`; flips when there is no room.
    #[serde(default, skip_serializing_if = "is_default")]
    pub placement: Placement,
    /// Dim the page around the anchor. Default true for tooltips.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub spotlight: Option<bool>,
    /// Let clicks through the spotlight reach the anchor. Default true.
    #[serde(default = "yes", skip_serializing_if = "is_true")]
    pub click_through: bool,
    /// Show the step only on URLs matching this pattern.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// How long to wait for a late anchor before reporting it missing (ms). Default 5000.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub wait_ms: Option<u32>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub buttons: Vec<Button>,
    /// Steps of this guide that must be done first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub requires: Vec<String>,
    /// When the step counts as done. Without it, a button or `wowpath('complete', id)` completes it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub complete_when: Option<Condition>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize, Serialize, FromNode)]
#[serde(rename_all = "snake_case")]
pub enum StepKind {
    /// An item of the checklist (the default).
    #[default]
    Checklist,
    /// A popover pointing at an element, part of a tour.
    Tooltip,
    /// A pulsing dot on an element that opens the step when clicked.
    Hotspot,
    /// A centred dialog for announcements.
    Modal,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize, Serialize, FromNode)]
#[serde(rename_all = "kebab-case")]
pub enum Placement {
    Top,
    TopStart,
    TopEnd,
    #[default]
    Bottom,
    BottomStart,
    BottomEnd,
    Left,
    LeftStart,
    LeftEnd,
    Right,
    RightStart,
    RightEnd,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize, FromNode)]
#[serde(deny_unknown_fields)]
pub struct Button {
    pub label: String,
    pub action: Action,
    /// For `go_to_url`: where to go (a path or an https URL).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// For `start_guide`: the guide to start.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub guide: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, FromNode)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    Next,
    Back,
    Dismiss,
    /// Completes this step.
    Complete,
    GoToUrl,
    StartGuide,
}

/// What the user must do for a step to count as done. Exactly one trigger
/// (`event`, `click`, `url`, `appears`, `filled` or `manual`).
#[derive(Debug, Clone, PartialEq, Default, Deserialize, Serialize, FromNode)]
#[serde(deny_unknown_fields)]
pub struct Condition {
    /// A tracked event name, e.g. "Project Created".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub event: Option<String>,
    /// With `event`: conditions on its properties.
    #[serde(default, rename = "where", skip_serializing_if = "BTreeMap::is_empty")]
    pub filters: BTreeMap<String, Rule>,
    /// With `event`: how many times it must happen. Default 1.
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
#[serde(deny_unknown_fields)]
pub struct Rule {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub equals: Option<Scalar>,
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
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gt: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gte: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lt: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lte: Option<f64>,
    /// A date value (ISO 8601 or epoch ms) is at most this many days before now.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub within_days: Option<f64>,
    /// A date value is more than this many days before now.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub older_than_days: Option<f64>,
}
