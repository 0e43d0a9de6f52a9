//! Dims the page around the anchor without touching any host element: four panes around a
//! hole cut at the anchor's measured rectangle. Clicks on the dimmed panes stay in the
//! widget; the hole lets them through to the anchor unless `click_through` is off.

use super::dom::el;
use crate::core::geometry::Rect;
use web_sys::{Document, HtmlElement};

/// Room left around the anchor inside the hole (px).
const PAD: f64 = 4.0;

pub struct Spotlight {
    panes: [HtmlElement; 4],
    shield: Option<HtmlElement>,
}

impl Spotlight {
    pub fn new(
        document: &Document,
        parent: &HtmlElement,
        click_through: bool,
    ) -> Option<Spotlight> {
        let pane = || -> Option<HtmlElement> {
            let p = el(document, "div", "shade")?;
            let _ = p.set_attribute("aria-hidden", "true");
            parent.append_child(&p).ok()?;
            Some(p)
        };
        let panes = [pane()?, pane()?, pane()?, pane()?];
        let shield = if click_through {
            None
        } else {
            let s = el(document, "div", "shield")?;
            parent.append_child(&s).ok()?;
            Some(s)
        };
        Some(Spotlight { panes, shield })
    }

    /// The dimmed panes around the hole.
    pub fn panes(&self) -> &[HtmlElement] {
        &self.panes
    }

    /// Moves the hole to `anchor` inside `viewport`.
    pub fn place(&self, anchor: Rect, viewport: Rect) {
        let (l, t) = ((anchor.x - PAD).max(0.0), (anchor.y - PAD).max(0.0));
        let (r, b) = (
            (anchor.right() + PAD).min(viewport.width),
            (anchor.bottom() + PAD).min(viewport.height),
        );
        let boxes = [
            (0.0, 0.0, viewport.width, t),
            (0.0, b, viewport.width, (viewport.height - b).max(0.0)),
            (0.0, t, l, (b - t).max(0.0)),
            (r, t, (viewport.width - r).max(0.0), (b - t).max(0.0)),
        ];
        for (pane, (x, y, w, h)) in self.panes.iter().zip(boxes) {
            set_box(pane, x, y, w, h);
        }
        if let Some(shield) = &self.shield {
            set_box(shield, l, t, (r - l).max(0.0), (b - t).max(0.0));
        }
    }
}

pub fn set_box(e: &HtmlElement, x: f64, y: f64, w: f64, h: f64) {
    let s = e.style();
    let _ = s.set_property("left", &px(x));
    let _ = s.set_property("top", &px(y));
    let _ = s.set_property("width", &px(w));
    let _ = s.set_property("height", &px(h));
}

impl Drop for Spotlight {
    fn drop(&mut self) {
        for p in &self.panes {
            p.remove();
        }
        if let Some(s) = &self.shield {
            s.remove();
        }
    }
}

/// Whole pixels: formatting an f64 would bring Rust's float formatter into the widget.
pub fn px(v: f64) -> String {
    format!("{}px", v.round() as i64)
}
