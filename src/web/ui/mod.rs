//! Draws the view: the checklist, the current tour step (tooltip, hotspot or modal) with its
//! spotlight, and a polite live region. Guide text is only ever inserted as text nodes.

mod anchor;
mod card;
mod card_content;
mod checklist;
mod dom;
mod focus;
mod picture;
mod spotlight;
mod text;

pub use anchor::{find as find_anchor, search_for as search_anchor};
pub use card::StepUi;
pub use checklist::ChecklistUi;

use super::mount::Mount;
use super::own_events::{Kind, Subscription};
use crate::core::engine::DismissedBy;
use crate::core::guide::Action;
use crate::core::view::View;
use std::rc::Rc;

/// What the user asked for through the widget's controls.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum UiAction {
    TogglePanel,
    Next,
    Back,
    Dismiss {
        guide_id: String,
        by: DismissedBy,
    },
    /// Completes `guide/step`.
    Complete {
        key: String,
    },
    GoTo {
        url: String,
    },
    StartGuide {
        guide_id: String,
    },
}

impl UiAction {
    pub fn from_button(
        action: Action,
        guide_id: &str,
        step_id: &str,
        url: Option<&str>,
        guide: Option<&str>,
    ) -> UiAction {
        match action {
            Action::Next => UiAction::Next,
            Action::Back => UiAction::Back,
            Action::Dismiss => UiAction::Dismiss {
                guide_id: guide_id.to_string(),
                by: DismissedBy::Button,
            },
            Action::Complete => UiAction::Complete {
                key: format!("{guide_id}/{step_id}"),
            },
            Action::GoToUrl => UiAction::GoTo {
                url: url.unwrap_or_default().to_string(),
            },
            Action::StartGuide => UiAction::StartGuide {
                guide_id: guide.unwrap_or_default().to_string(),
            },
        }
    }
}

pub type OnAction = Rc<dyn Fn(UiAction)>;

/// A click on `target` asks for `action`.
fn on_click(
    mount: &Mount,
    target: &web_sys::HtmlElement,
    on_action: &OnAction,
    action: UiAction,
) -> Subscription {
    let on_action = on_action.clone();
    mount
        .events
        .on(target, Kind::Click, move |_| on_action(action.clone()))
}

/// Applies the theme and direction, then draws the checklist. Tour steps are drawn by
/// `StepUi::show` once their anchor is known.
pub fn render_checklist(
    mount: &Mount,
    view: &View,
    open: bool,
    on_action: OnAction,
) -> Option<ChecklistUi> {
    mount.apply_theme(&view.theme, view.rtl);
    let checklist = view.checklist.as_ref()?;
    checklist::render(mount, checklist, open, on_action)
}
