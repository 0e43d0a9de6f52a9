//! The card of a tour step as elements: dialog semantics, its progress, title, body and
//! buttons, each button wired to the action it stands for.

use super::dom::{attr, button, el, text_el};
use super::{on_click, text, OnAction, UiAction};
use crate::core::engine::DismissedBy;
use crate::core::guide::{Action, StepKind};
use crate::core::view::StepView;
use crate::web::mount::Mount;
use crate::web::own_events::Subscription;
use web_sys::HtmlElement;

fn buttons(
    mount: &Mount,
    view: &StepView,
    on_action: &OnAction,
    listeners: &mut Vec<Subscription>,
) -> Option<HtmlElement> {
    let d = &mount.document;
    let row = el(d, "div", "actions")?;
    let mut add = |label: &str, class: &str, action: UiAction| -> Option<()> {
        let b = button(d, class, label)?;
        listeners.push(on_click(mount, &b, on_action, action));
        row.append_child(&b).ok()?;
        Some(())
    };
    if view.buttons.is_empty() {
        if view.position > 0 {
            add(&view.chrome.back, "secondary", UiAction::Back)?;
        }
        if view.next {
            let last = view.position + 1 >= view.total;
            add(
                if last {
                    &view.chrome.done
                } else {
                    &view.chrome.next
                },
                "primary",
                UiAction::Next,
            )?;
        }
    }
    for (n, b) in view.buttons.iter().enumerate() {
        let class = if n + 1 == view.buttons.len() && b.action != Action::Dismiss {
            "primary"
        } else {
            "secondary"
        };
        add(
            &b.label,
            class,
            UiAction::from_button(
                b.action,
                &view.guide_id,
                &view.step_id,
                b.url.as_deref(),
                b.guide.as_deref(),
            ),
        )?;
    }
    Some(row)
}

pub(super) fn build_card(
    mount: &Mount,
    view: &StepView,
    on_action: &OnAction,
    listeners: &mut Vec<Subscription>,
) -> Option<HtmlElement> {
    let d = &mount.document;
    let class = match view.kind {
        StepKind::Modal => "card modal",
        _ => "card",
    };
    let card = el(d, "div", class)?;
    attr(&card, "role", "dialog");
    attr(
        &card,
        "aria-modal",
        if view.kind == StepKind::Modal {
            "true"
        } else {
            "false"
        },
    );
    attr(&card, "aria-labelledby", "wowpath-step-title");
    attr(&card, "tabindex", "-1");
    attr(
        &card,
        "data-step",
        &format!("{}/{}", view.guide_id, view.step_id),
    );
    if view.total > 1 {
        // Isolated, so the counter reads in its own direction (an English "1 of 2" on a
        // right-to-left card, not "of 2 1") while the line itself stays at the card's start.
        let child = el(d, "p", "progress")?;
        let counter = text_el(
            d,
            "bdi",
            "",
            &view.chrome.counter(view.position + 1, view.total),
        )?;
        child.append_child(&counter).ok()?;
        card.append_child(&child).ok()?;
    }
    let title = text_el(d, "h2", "", &view.title)?;
    title.set_id("wowpath-step-title");
    card.append_child(&title).ok()?;
    // Under the title, clear of the close button in the corner.
    if let Some(image) = &view.image {
        let img = super::picture::build(d, image)?;
        card.append_child(&img).ok()?;
    }
    if let Some(body) = &view.body {
        let b = text::body(d, "body", body)?;
        b.set_id("wowpath-step-body");
        attr(&card, "aria-describedby", "wowpath-step-body");
        card.append_child(&b).ok()?;
    }
    let child = buttons(mount, view, on_action, listeners)?;
    card.append_child(&child).ok()?;
    if view.dismissible {
        let close = button(d, "close", "×")?;
        attr(&close, "aria-label", &view.chrome.close);
        let by = DismissedBy::CloseButton;
        let guide_id = view.guide_id.clone();
        listeners.push(on_click(
            mount,
            &close,
            on_action,
            UiAction::Dismiss { guide_id, by },
        ));
        card.append_child(&close).ok()?;
    }
    Some(card)
}
