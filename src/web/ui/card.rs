//! A tour step on screen: a tooltip pointing at its anchor (with a spotlight), a hotspot dot
//! that opens it, or a centred modal. Dialog semantics, focus and keyboard come with it.

use super::card_content::build_card;
use super::dom::{attr, button, el};
use super::focus::{self, FocusReturn};
use super::spotlight::{px, set_box, Spotlight};
use super::{anchor, on_click, OnAction, UiAction};
use crate::core::engine::DismissedBy;
use crate::core::geometry;
use crate::core::guide::StepKind;
use crate::core::view::StepView;
use crate::web::mount::Mount;
use crate::web::own_events::{Kind, Subscription};
use web_sys::{Element, HtmlElement};

/// Half the arrow's side and the card's border width, as in style.css (px).
const ARROW_HALF: f64 = 6.0;
const CARD_BORDER: f64 = 1.0;

pub struct StepUi {
    pub key: String,
    view: StepView,
    rtl: bool,
    card: HtmlElement,
    arrow: HtmlElement,
    dot: Option<HtmlElement>,
    /// A modal's backdrop.
    shade: Option<HtmlElement>,
    spotlight: Option<Spotlight>,
    anchor: Option<Element>,
    _listeners: Vec<Subscription>,
    focus: Option<FocusReturn>,
    /// What the last placement was computed from: the anchor's box, the viewport, the card's size.
    placed: [f64; 10],
}

impl Drop for StepUi {
    fn drop(&mut self) {
        self.card.remove();
        for e in self.dot.iter().chain(self.shade.iter()) {
            e.remove();
        }
        self.focus.take(); // returns focus before the card's listeners go
    }
}

impl StepUi {
    /// Puts the step on screen. `anchor` is required for tooltips and hotspots. `had_focus`:
    /// the keyboard focus was in the widget when the step was asked for.
    pub fn show(
        mount: &Mount,
        view: &StepView,
        rtl: bool,
        anchor: Option<Element>,
        on_action: OnAction,
        had_focus: bool,
    ) -> Option<StepUi> {
        let mut listeners = Vec::new();
        let card = build_card(mount, view, &on_action, &mut listeners)?;
        let arrow = el(&mount.document, "div", "arrow")?;
        let spotlight = match view.kind {
            StepKind::Tooltip if view.spotlight => {
                Spotlight::new(&mount.document, &mount.root, view.click_through)
            }
            _ => None,
        };
        let mut shade = None;
        if view.kind == StepKind::Modal {
            let s = el(&mount.document, "div", "shade full")?;
            attr(&s, "aria-hidden", "true");
            mount.root.append_child(&s).ok()?;
            shade = Some(s);
        }
        let mut dot = None;
        if view.kind == StepKind::Hotspot {
            let d = button(&mount.document, "hotspot", "")?;
            attr(&d, "aria-label", &view.chrome.tip(&view.title));
            attr(&d, "aria-expanded", "false");
            let c = card.clone();
            let dd = d.clone();
            // Closed, the card keeps its layout (only `visibility` hides it), so it is
            // measured and placed beside the dot before it ever opens.
            listeners.push(mount.events.on(&d, Kind::Click, move |_| {
                let list = c.class_list();
                let open = list.toggle("closed").is_ok_and(|closed| !closed);
                attr(&dd, "aria-expanded", if open { "true" } else { "false" });
                if open {
                    let _ = c.focus();
                }
            }));
            let _ = card.class_list().add_1("closed");
            mount.root.append_child(&d).ok()?;
            dot = Some(d);
        }
        if view.kind == StepKind::Tooltip || view.kind == StepKind::Hotspot {
            card.append_child(&arrow).ok()?;
        }
        // A click on the dimmed page is a way out, as Esc is: the page is the user's.
        if view.dismissible {
            let panes = spotlight.iter().flat_map(|s| s.panes()).chain(shade.iter());
            for pane in panes {
                let (guide_id, by) = (view.guide_id.clone(), DismissedBy::Outside);
                let dismiss = UiAction::Dismiss { guide_id, by };
                listeners.push(on_click(mount, pane, &on_action, dismiss));
            }
        }
        let trap = view.kind == StepKind::Modal;
        listeners.push(focus::keys(
            mount,
            &card,
            on_action,
            view.guide_id.clone(),
            view.dismissible,
            rtl,
            trap,
        ));
        mount.root.append_child(&card).ok()?;
        mount.announce(&format!(
            "{}{}",
            if view.total > 1 {
                format!("{}: ", view.chrome.announce(view.position + 1, view.total))
            } else {
                String::new()
            },
            view.title
        ));
        let mut ui = StepUi {
            key: format!("{}/{}", view.guide_id, view.step_id),
            view: view.clone(),
            rtl,
            card,
            arrow,
            dot,
            shade,
            spotlight,
            anchor,
            _listeners: listeners,
            focus: None,
            placed: [f64::NAN; 10],
        };
        ui.reveal();
        ui.place();
        if view.kind != StepKind::Hotspot {
            // A step opened from the widget (Next, Back) takes the focus the widget had.
            let take = had_focus || view.kind == StepKind::Modal;
            ui.focus = Some(FocusReturn::take(&ui.card, take));
        }
        Some(ui)
    }

    /// The element the step points at, when it has one and it is in the page.
    pub fn anchor(&self) -> Option<&Element> {
        self.anchor.as_ref()
    }

    /// Calls `changed` when the step's picture has arrived or failed, so a tooltip is placed
    /// again at its new size. Nothing to follow without a picture.
    pub fn on_picture_settled(
        &self,
        changed: std::rc::Rc<dyn Fn()>,
    ) -> Vec<gloo::events::EventListener> {
        let img = self.card.query_selector("img.media").ok().flatten();
        let img = img.and_then(|i| wasm_bindgen::JsCast::dyn_into::<HtmlElement>(i).ok());
        img.map(|i| super::picture::on_settled(&i, changed).into())
            .unwrap_or_default()
    }

    /// Scrolls the anchor into view when it is off screen.
    fn reveal(&self) {
        let Some(a) = &self.anchor else { return };
        if !geometry::visible(&anchor::rect(a), &anchor::viewport()) {
            let options = web_sys::ScrollIntoViewOptions::new();
            options.set_block(web_sys::ScrollLogicalPosition::Center);
            options.set_inline(web_sys::ScrollLogicalPosition::Nearest);
            a.scroll_into_view_with_scroll_into_view_options(&options);
        }
    }

    /// Follows the anchor: called on scroll, resize and DOM changes.
    pub fn place(&mut self) {
        if self.view.kind == StepKind::Modal {
            return;
        }
        let Some(selector) = self.view.anchor.clone() else {
            return;
        };
        if !self.anchor.as_ref().is_some_and(|a| a.is_connected()) {
            // The host re-rendered its element: follow the new one.
            self.anchor = anchor::find(&selector);
        }
        let Some(a) = &self.anchor else { return };
        let (rect, viewport) = (anchor::rect(a), anchor::viewport());
        let (w, h) = (
            f64::from(self.card.offset_width()),
            f64::from(self.card.offset_height()),
        );
        // A live page changes all the time, mostly far from the anchor: when nothing the
        // placement depends on moved, the step stays as it is, with no style written.
        let inputs = [
            rect.x,
            rect.y,
            rect.width,
            rect.height,
            viewport.x,
            viewport.y,
            viewport.width,
            viewport.height,
            w,
            h,
        ];
        if self.placed == inputs {
            return;
        }
        self.placed = inputs;
        let shown = rect.has_box();
        let _ = if shown {
            self.card.style().remove_property("visibility").map(|_| ())
        } else {
            self.card.style().set_property("visibility", "hidden")
        };
        let dot_box = self.dot.as_ref().map(|dot| {
            let b = geometry::hotspot_dot(rect, viewport, self.rtl);
            set_box(dot, b.x, b.y, b.width, b.height);
            b
        });
        if let Some(s) = &self.spotlight {
            s.place(rect, viewport);
        }
        // A hotspot's card goes beside the element and its dot, not over the element.
        let target = dot_box.map_or(rect, |b| rect.union(&b));
        let p = geometry::place(target, w, h, viewport, self.view.placement, self.rtl);
        let style = self.card.style();
        let _ = style.set_property("left", &px(p.x));
        let _ = style.set_property("top", &px(p.y));
        attr(&self.card, "data-side", p.side.as_str());
        let arrow = self.arrow.style();
        let (along, across) = if matches!(p.side, geometry::Side::Top | geometry::Side::Bottom) {
            ("left", "top")
        } else {
            ("top", "left")
        };
        // `left`/`top` count from inside the card's border.
        let _ = arrow.set_property(along, &px(p.arrow - ARROW_HALF - CARD_BORDER));
        let _ = arrow.remove_property(across);
    }
}
