//! A step: its kind, texts, anchor, buttons, prerequisites and completion condition.

use super::{is_default, is_true, yes, Condition};
use crate::core::json::FromNode;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize, FromNode)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Step {
    /// Unique within the guide.
    pub id: String,
    /// `checklist` (default), `tooltip`, `hotspot` or `modal`.
    #[serde(default, skip_serializing_if = "is_default")]
    pub kind: StepKind,
    /// The step's heading (plain text).
    pub title: String,
    /// Plain text or a small safe markdown subset: `**bold**`, `*italics*`, `[links](https://…)`
    /// and `- ` lists. Never HTML.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub body: Option<String>,
    /// A picture above the title of a tooltip, hotspot or modal (a screenshot, a diagram).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub image: Option<Image>,
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
    #[cfg_attr(feature = "schema", schemars(range(min = 0, max = 60000)))]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub wait_ms: Option<u32>,
    /// Buttons under the text, left to right.
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
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
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
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
/// Side of the anchor, then alignment along it: `top`, `top-start`, `top-end`, `bottom`…
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

#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize, FromNode)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Image {
    /// Where the picture is: an https:// address or a path such as `/img/reports.png`.
    pub src: String,
    /// What the picture shows, for people who cannot see it; `""` for a purely decorative one.
    pub alt: String,
    /// Its size in pixels: with both, the card keeps the picture's room while it loads, so it
    /// does not jump. It is shown scaled down to the card's width.
    #[cfg_attr(feature = "schema", schemars(range(min = 1, max = 10000)))]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub width: Option<u32>,
    #[cfg_attr(feature = "schema", schemars(range(min = 1, max = 10000)))]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub height: Option<u32>,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize, FromNode)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Button {
    /// The button's text.
    pub label: String,
    /// What a click does.
    pub action: Action,
    /// For `go_to_url`: where to go (a path or an https URL).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// For `start_guide`: the guide to start.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub guide: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, FromNode)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Action {
    /// Shows the next step of a tour.
    Next,
    /// Shows the previous step of a tour.
    Back,
    /// Closes the guide (if it is `dismissible`).
    Dismiss,
    /// Completes this step.
    Complete,
    /// Navigates to `url`.
    GoToUrl,
    /// Starts the guide named by `guide`.
    StartGuide,
}
