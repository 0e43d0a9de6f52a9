//! Draws the checklist from its view data. Guide text is only ever set as text, never parsed
//! as HTML, so nothing in a guide file can inject markup or script into the host page.

use super::mount::Mount;
use crate::core::view::Checklist;
use gloo::events::EventListener;
use web_sys::HtmlElement;

/// The rendered checklist; its listeners are removed when it is dropped or replaced.
pub struct ChecklistUi {
    _listeners: Vec<EventListener>,
}

fn text(el: &HtmlElement, s: &str) -> HtmlElement {
    el.set_text_content(Some(s));
    el.clone()
}

/// Renders `view` into the mount, replacing what was there. `on_toggle` runs when the user
/// opens or closes the panel.
pub fn checklist(
    mount: &Mount,
    view: &Checklist,
    open: bool,
    on_toggle: impl Fn() + 'static,
) -> Option<ChecklistUi> {
    let root = &mount.root;
    root.set_text_content(None);
    let done = view.done_count();
    let total = view.items.len();

    let panel = mount.create("section", "panel")?;
    panel.set_id("wowpath-checklist");
    panel.set_hidden(!open);
    let _ = panel.set_attribute("aria-label", &view.title);
    let _ = panel.set_attribute("data-guide", &view.guide_id);
    let head = mount.create("div", "head")?;
    head.append_child(&text(&mount.create("h2", "")?, &view.title))
        .ok()?;
    head.append_child(&text(
        &mount.create("span", "count")?,
        &format!("{done}/{total}"),
    ))
    .ok()?;
    panel.append_child(&head).ok()?;

    let bar = mount.create("div", "bar")?;
    let fill = mount.create("i", "")?;
    let _ = fill.style().set_property(
        "width",
        &format!("{}%", if total == 0 { 0 } else { done * 100 / total }),
    );
    bar.append_child(&fill).ok()?;
    panel.append_child(&bar).ok()?;

    let list = mount.create("ol", "")?;
    for item in &view.items {
        let li = mount.create("li", if item.done { "done" } else { "" })?;
        let _ = li.set_attribute("data-step", &item.step_id);
        let check = text(
            &mount.create("span", "check")?,
            if item.done { "✓" } else { "" },
        );
        let _ = check.set_attribute("aria-hidden", "true");
        li.append_child(&check).ok()?;
        let title = text(&mount.create("span", "title")?, &item.title);
        li.append_child(&title).ok()?;
        if let Some(body) = &item.body {
            li.append_child(&text(&mount.create("p", "body")?, body))
                .ok()?;
        }
        let state = if item.done { "done" } else { "not done" };
        let _ = li.set_attribute("aria-label", &format!("{}: {state}", item.title));
        list.append_child(&li).ok()?;
    }
    panel.append_child(&list).ok()?;
    root.append_child(&panel).ok()?;

    let launcher = text(
        &mount.create("button", "launcher")?,
        &format!("{} · {done}/{total}", view.title),
    );
    let _ = launcher.set_attribute("type", "button");
    let _ = launcher.set_attribute("aria-expanded", if open { "true" } else { "false" });
    let _ = launcher.set_attribute("aria-controls", "wowpath-checklist");
    root.append_child(&launcher).ok()?;
    let listener = EventListener::new(&launcher, "click", move |_| on_toggle());
    Some(ChecklistUi {
        _listeners: vec![listener],
    })
}
