//! Where a tooltip goes: rectangles in, position out. Pure, like Floating UI's core: the
//! adapter measures the anchor, the tooltip and the viewport and passes them in.
//! The pipeline: place on the preferred side → flip when it does not fit → shift along the
//! edge to stay in the viewport → point the arrow at the anchor.

use crate::core::guide::Placement;

#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Rect {
    pub x: f64,
    pub y: f64,
    pub width: f64,
    pub height: f64,
}

impl Rect {
    /// Whether there is anything to point at: an element under `display: none` (itself or an
    /// ancestor) measures as an empty rect.
    pub fn has_box(&self) -> bool {
        self.width > 0.0 || self.height > 0.0
    }

    /// The smallest rect holding both: a hotspot's open card is placed against its anchor and
    /// its dot together, so that the card sits beside the element rather than over it.
    pub fn union(&self, other: &Rect) -> Rect {
        let (x, y) = (self.x.min(other.x), self.y.min(other.y));
        Rect {
            x,
            y,
            width: self.right().max(other.right()) - x,
            height: self.bottom().max(other.bottom()) - y,
        }
    }

    pub fn right(&self) -> f64 {
        self.x + self.width
    }
    pub fn bottom(&self) -> f64 {
        self.y + self.height
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    Top,
    Bottom,
    Left,
    Right,
}

impl Side {
    fn opposite(self) -> Side {
        match self {
            Side::Top => Side::Bottom,
            Side::Bottom => Side::Top,
            Side::Left => Side::Right,
            Side::Right => Side::Left,
        }
    }
    fn is_vertical(self) -> bool {
        matches!(self, Side::Top | Side::Bottom)
    }
    pub fn as_str(self) -> &'static str {
        match self {
            Side::Top => "top",
            Side::Bottom => "bottom",
            Side::Left => "left",
            Side::Right => "right",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    Start,
    Center,
    End,
}

/// The result: the tooltip's top-left corner, the side it ended on, and where along that edge
/// the arrow's centre sits (from the tooltip's left or top edge).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Placed {
    pub x: f64,
    pub y: f64,
    pub side: Side,
    pub arrow: f64,
}

/// Gap between anchor and tooltip, room kept to the viewport's edges, and the arrow's
/// distance from the tooltip's corners (px).
pub const OFFSET: f64 = 10.0;
pub const PADDING: f64 = 8.0;
pub const ARROW_INSET: f64 = 14.0;

pub fn split(placement: Placement, rtl: bool) -> (Side, Align) {
    use Placement::*;
    let (side, align) = match placement {
        Top => (Side::Top, Align::Center),
        TopStart => (Side::Top, Align::Start),
        TopEnd => (Side::Top, Align::End),
        Bottom => (Side::Bottom, Align::Center),
        BottomStart => (Side::Bottom, Align::Start),
        BottomEnd => (Side::Bottom, Align::End),
        Left => (Side::Left, Align::Center),
        LeftStart => (Side::Left, Align::Start),
        LeftEnd => (Side::Left, Align::End),
        Right => (Side::Right, Align::Center),
        RightStart => (Side::Right, Align::Start),
        RightEnd => (Side::Right, Align::End),
    };
    if !rtl {
        return (side, align);
    }
    // Right to left: "start" is the right-hand edge and left and right trade places.
    let side = match side {
        Side::Left => Side::Right,
        Side::Right => Side::Left,
        s => s,
    };
    let align = match (side.is_vertical(), align) {
        (true, Align::Start) => Align::End,
        (true, Align::End) => Align::Start,
        (_, a) => a,
    };
    (side, align)
}

/// Room on each side of the anchor inside the viewport, minus the gap and padding.
fn room(side: Side, a: &Rect, v: &Rect) -> f64 {
    let r = match side {
        Side::Top => a.y - v.y,
        Side::Bottom => v.bottom() - a.bottom(),
        Side::Left => a.x - v.x,
        Side::Right => v.right() - a.right(),
    };
    r - OFFSET - PADDING
}

fn coords(side: Side, align: Align, a: &Rect, w: f64, h: f64) -> (f64, f64) {
    let cross = |start: f64, len: f64, size: f64| match align {
        Align::Start => start,
        Align::Center => start + len / 2.0 - size / 2.0,
        Align::End => start + len - size,
    };
    match side {
        Side::Top => (cross(a.x, a.width, w), a.y - h - OFFSET),
        Side::Bottom => (cross(a.x, a.width, w), a.bottom() + OFFSET),
        Side::Left => (a.x - w - OFFSET, cross(a.y, a.height, h)),
        Side::Right => (a.right() + OFFSET, cross(a.y, a.height, h)),
    }
}

fn clamp(value: f64, min: f64, max: f64) -> f64 {
    if max < min {
        min
    } else {
        value.max(min).min(max)
    }
}

/// Places a `width`×`height` tooltip next to `anchor` inside `viewport`.
pub fn place(
    anchor: Rect,
    width: f64,
    height: f64,
    viewport: Rect,
    placement: Placement,
    rtl: bool,
) -> Placed {
    let (preferred, align) = split(placement, rtl);
    let need = |side: Side| if side.is_vertical() { height } else { width };
    let fits = |side: Side| room(side, &anchor, &viewport) >= need(side);
    let perpendicular = if preferred.is_vertical() {
        [Side::Right, Side::Left]
    } else {
        [Side::Bottom, Side::Top]
    };
    let candidates = [
        preferred,
        preferred.opposite(),
        perpendicular[0],
        perpendicular[1],
    ];
    // Flip: the first side with room; with no room anywhere, the side with the most.
    let side = candidates
        .into_iter()
        .find(|s| fits(*s))
        .unwrap_or_else(|| {
            let spare = |s: Side| room(s, &anchor, &viewport) - need(s);
            candidates.into_iter().fold(
                preferred,
                |best, s| if spare(s) > spare(best) { s } else { best },
            )
        });
    let align = if side.is_vertical() == preferred.is_vertical() {
        align
    } else {
        Align::Center
    };
    let (x, y) = coords(side, align, &anchor, width, height);
    // Shift: stay inside the viewport along the edge (and across it when nothing fits).
    let x = clamp(x, viewport.x + PADDING, viewport.right() - PADDING - width);
    let y = clamp(
        y,
        viewport.y + PADDING,
        viewport.bottom() - PADDING - height,
    );
    let arrow = if side.is_vertical() {
        clamp(
            anchor.x + anchor.width / 2.0 - x,
            ARROW_INSET,
            width - ARROW_INSET,
        )
    } else {
        clamp(
            anchor.y + anchor.height / 2.0 - y,
            ARROW_INSET,
            height - ARROW_INSET,
        )
    };
    Placed { x, y, side, arrow }
}

/// The point where a hotspot's dot sits: the anchor's top end corner, inside the viewport.
pub fn hotspot(anchor: Rect, viewport: Rect, rtl: bool) -> (f64, f64) {
    let x = if rtl { anchor.x } else { anchor.right() };
    (
        clamp(x, viewport.x + PADDING, viewport.right() - PADDING),
        clamp(anchor.y, viewport.y + PADDING, viewport.bottom() - PADDING),
    )
}

/// The size of a hotspot's dot, centred on `hotspot`'s point.
pub const DOT: f64 = 16.0;

/// A hotspot's dot, as a box.
pub fn hotspot_dot(anchor: Rect, viewport: Rect, rtl: bool) -> Rect {
    let (x, y) = hotspot(anchor, viewport, rtl);
    Rect {
        x: x - DOT / 2.0,
        y: y - DOT / 2.0,
        width: DOT,
        height: DOT,
    }
}

/// Whether any part of `a` is inside the viewport.
pub fn visible(a: &Rect, viewport: &Rect) -> bool {
    a.right() > viewport.x
        && a.x < viewport.right()
        && a.bottom() > viewport.y
        && a.y < viewport.bottom()
        && a.width > 0.0
        && a.height > 0.0
}

#[cfg(test)]
mod tests;
