//! The guide language, version 1. These types are the single source of truth: the reader, the
//! validator, the JSON Schema and the README's reference all follow them.

use crate::core::json::FromNode;
use crate::core::sorted::SortedMap;
use serde::{Deserialize, Serialize};

mod condition;
mod guide;
mod step;

pub use condition::{Condition, Rule};
pub use guide::{Frequency, Guide, Schedule, Start, Target, Variant};
pub use step::{Action, Button, Image, Placement, Step, StepKind};

/// The format version this build reads.
pub const FORMAT_VERSION: u32 = 1;

/// A whole guide file.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize, FromNode)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct GuideFile {
    /// Editors use this to find the JSON Schema; the widget ignores it.
    #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
    /// Written by `wowpath check --stamp`: a hash of the file as it was checked. While it
    /// matches, the widget reads the file without downloading its validator.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub checked: Option<String>,
    /// Format version; must be 1.
    #[cfg_attr(feature = "schema", schemars(range(min = 1, max = 1)))]
    pub version: u32,
    /// What marks a user's first real value ("wow"). Reaching it is recorded once per user.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub wow: Option<Wow>,
    /// Fraction of users (0 to 0.5) who see no guides, so the lift of onboarding can be measured. Default 0.
    #[cfg_attr(feature = "schema", schemars(range(min = 0.0, max = 0.5)))]
    #[serde(default, skip_serializing_if = "is_zero")]
    pub holdout: f64,
    /// Minutes to wait after a guide ends before another starts by itself. Default 0.
    #[serde(default, skip_serializing_if = "is_default")]
    pub cooldown_minutes: u32,
    /// The trait holding the user's sign-up date, for `signed_up_within_days`. Default `created_at`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signup_trait: Option<String>,
    /// Colours, corner radius, font and stacking of the widget.
    #[serde(default, skip_serializing_if = "is_default")]
    pub theme: Theme,
    /// Language of the texts written in the guides. Default `en`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub default_locale: Option<String>,
    /// Translations: locale → key (`guide.title`, `guide.step.title`, `guide.step.body`,
    /// `guide.step.buttons.N`) → text.
    #[serde(default, skip_serializing_if = "SortedMap::is_empty")]
    pub locales: SortedMap<SortedMap<String>>,
    /// The guides, in no particular order (`priority` decides which shows first).
    pub guides: Vec<Guide>,
}

pub(super) fn yes() -> bool {
    true
}

pub(super) fn is_true(b: &bool) -> bool {
    *b
}

fn is_zero(x: &f64) -> bool {
    *x == 0.0
}

pub(super) fn is_default<T: Default + PartialEq>(x: &T) -> bool {
    *x == T::default()
}

/// The step or event that marks a user's first real value.
#[derive(Debug, Clone, PartialEq, Default, Deserialize, Serialize, FromNode)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Wow {
    /// `guide-id/step-id`: completing this step is the wow moment.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub step: Option<String>,
    /// A tracked event that is the wow moment.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub event: Option<String>,
    /// Conditions on the event's properties.
    #[serde(default, rename = "where", skip_serializing_if = "SortedMap::is_empty")]
    pub filters: SortedMap<Rule>,
}

/// The look of the widget, as CSS custom properties inside its shadow root.
#[derive(Debug, Clone, PartialEq, Default, Deserialize, Serialize, FromNode)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
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
    #[cfg_attr(feature = "schema", schemars(range(min = 0, max = 32)))]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub radius: Option<u32>,
    /// A CSS font-family list. Default: the system UI font.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub font: Option<String>,
    /// The lowest z-index the widget's layers use (0 to 2147483000), for pages whose own
    /// overlays sit very high. Default 2147483000.
    #[cfg_attr(feature = "schema", schemars(range(min = 0, max = 2147483000)))]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub z_index: Option<u32>,
}
