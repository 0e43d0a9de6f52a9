//! The checklist: a launcher showing progress (2/5) that opens a panel of the steps, done ones
//! ticked, each with its call to action; the wow step is marked with a small star. Once every
//! step is done it says so, ticked, until the user closes it.

use super::dom::{attr, button, el, text_el};
use super::{on_click, text, OnAction, UiAction};
use crate::core::engine::DismissedBy;
use crate::core::view::Checklist;
use crate::web::mount::Mount;
use crate::web::own_events::Subscription;

/// The rendered checklist; its listeners go when it is dropped or replaced.
pub struct ChecklistUi {
    _listeners: Vec<Subscription>,
    dock: web_sys::HtmlElement,
}

impl Drop for ChecklistUi {
    fn drop(&mut self) {
        self.dock.remove();
    }
}

pub fn render(
    mount: &Mount,
    view: &Checklist,
    open: bool,
    on_action: OnAction,
) -> Option<ChecklistUi> {
    let d = &mount.document;
    let (done, total) = (view.done_count(), view.items.len());
    let mut listeners = Vec::new();
    let dock = el(d, "div", "dock")?;

    let panel = el(d, "section", "panel")?;
    panel.set_id("wowpath-checklist");
    panel.set_hidden(!open);
    attr(&panel, "aria-labelledby", "wowpath-checklist-title");
    attr(&panel, "data-guide", &view.guide_id);
    let head = el(d, "div", "head")?;
    let title = text_el(d, "h2", "", &view.title)?;
    title.set_id("wowpath-checklist-title");
    head.append_child(&title).ok()?;
    let child = text_el(d, "span", "count", &format!("{done}/{total}"))?;
    head.append_child(&child).ok()?;
    if view.dismissible {
        let close = button(d, "close", "×")?;
        let label = if view.finished {
            &view.chrome.close
        } else {
            &view.chrome.dismiss
        };
        attr(&close, "aria-label", label);
        listeners.push(on_click(
            mount,
            &close,
            &on_action,
            UiAction::Dismiss {
                guide_id: view.guide_id.clone(),
                by: DismissedBy::CloseButton,
            },
        ));
        head.append_child(&close).ok()?;
    }
    panel.append_child(&head).ok()?;

    let bar = el(d, "div", "bar")?;
    attr(&bar, "role", "progressbar");
    attr(&bar, "aria-valuemin", "0");
    attr(&bar, "aria-valuemax", &total.to_string());
    attr(&bar, "aria-valuenow", &done.to_string());
    attr(&bar, "aria-label", &view.chrome.progress);
    let fill = el(d, "i", "")?;
    let _ = fill.style().set_property(
        "width",
        &format!("{}%", (done * 100).checked_div(total).unwrap_or(0)),
    );
    bar.append_child(&fill).ok()?;
    panel.append_child(&bar).ok()?;
    if view.finished {
        let all_done = text_el(d, "p", "finished", &view.chrome.all_done)?;
        panel.append_child(&all_done).ok()?;
        mount.announce_once(&view.chrome.all_done);
    }

    let list = el(d, "ol", "")?;
    for item in &view.items {
        let li = el(d, "li", if item.done { "done" } else { "" })?;
        attr(&li, "data-step", &item.step_id);
        let check = text_el(d, "span", "check", if item.done { "✓" } else { "" })?;
        attr(&check, "aria-hidden", "true");
        li.append_child(&check).ok()?;
        let title = text_el(d, "span", "title", &item.title)?;
        if item.wow {
            let star = text_el(d, "span", "wow", "★")?;
            attr(&star, "title", &view.chrome.first_win);
            title.append_child(&star).ok()?;
        }
        li.append_child(&title).ok()?;
        let status = text_el(
            d,
            "span",
            "sr",
            if item.done {
                ", done"
            } else {
                ", not done yet"
            },
        )?;
        title.append_child(&status).ok()?;
        // Why before what: the user reads what the step is for, then the button that does it.
        if let Some(body) = &item.body {
            let child = text::body(d, "body", body)?;
            li.append_child(&child).ok()?;
        }
        if !item.done && !item.buttons.is_empty() {
            let row = el(d, "div", "cta")?;
            for b in &item.buttons {
                let btn = button(d, "", &b.label)?;
                let action = UiAction::from_button(
                    b.action,
                    &view.guide_id,
                    &item.step_id,
                    b.url.as_deref(),
                    b.guide.as_deref(),
                );
                listeners.push(on_click(mount, &btn, &on_action, action));
                row.append_child(&btn).ok()?;
            }
            li.append_child(&row).ok()?;
        }
        list.append_child(&li).ok()?;
    }
    panel.append_child(&list).ok()?;
    dock.append_child(&panel).ok()?;

    let launcher = button(d, "launcher", &format!("{} · {done}/{total}", view.title))?;
    attr(
        &launcher,
        "aria-expanded",
        if open { "true" } else { "false" },
    );
    attr(&launcher, "aria-controls", "wowpath-checklist");
    listeners.push(on_click(
        mount,
        &launcher,
        &on_action,
        UiAction::TogglePanel,
    ));
    dock.append_child(&launcher).ok()?;
    mount.root.append_child(&dock).ok()?;
    Some(ChecklistUi {
        _listeners: listeners,
        dock,
    })
}
