use super::*;
use crate::core::guide::Placement::{self, *};
use proptest::prelude::*;

const VIEW: Rect = Rect {
    x: 0.0,
    y: 0.0,
    width: 1000.0,
    height: 800.0,
};
const ANCHOR: Rect = Rect {
    x: 400.0,
    y: 300.0,
    width: 200.0,
    height: 40.0,
};
const W: f64 = 240.0;
const H: f64 = 100.0;

#[test]
fn every_placement_with_room_lands_where_asked() {
    let table: [(Placement, f64, f64, Side); 12] = [
        (Top, 380.0, 190.0, Side::Top),
        (TopStart, 400.0, 190.0, Side::Top),
        (TopEnd, 360.0, 190.0, Side::Top),
        (Bottom, 380.0, 350.0, Side::Bottom),
        (BottomStart, 400.0, 350.0, Side::Bottom),
        (BottomEnd, 360.0, 350.0, Side::Bottom),
        (Left, 150.0, 270.0, Side::Left),
        (LeftStart, 150.0, 300.0, Side::Left),
        (LeftEnd, 150.0, 240.0, Side::Left),
        (Right, 610.0, 270.0, Side::Right),
        (RightStart, 610.0, 300.0, Side::Right),
        (RightEnd, 610.0, 240.0, Side::Right),
    ];
    for (placement, x, y, side) in table {
        let p = place(ANCHOR, W, H, VIEW, placement, false);
        assert_eq!((p.x, p.y, p.side), (x, y, side), "{placement:?}");
    }
}

#[test]
fn flips_to_the_opposite_side_when_there_is_no_room() {
    let near_top = Rect { y: 20.0, ..ANCHOR };
    let p = place(near_top, W, H, VIEW, Top, false);
    assert_eq!((p.side, p.y), (Side::Bottom, 70.0));
    let near_right = Rect {
        x: 900.0,
        width: 50.0,
        ..ANCHOR
    };
    assert_eq!(place(near_right, W, H, VIEW, Right, false).side, Side::Left);
}

#[test]
fn shifts_along_the_edge_and_keeps_the_arrow_on_the_anchor() {
    let at_left_edge = Rect {
        x: 0.0,
        width: 60.0,
        ..ANCHOR
    };
    let p = place(at_left_edge, W, H, VIEW, Bottom, false);
    assert_eq!(p.x, PADDING);
    assert_eq!(
        p.arrow,
        30.0 - PADDING,
        "arrow points at the anchor's centre"
    );
}

#[test]
fn right_to_left_mirrors_sides_and_alignment() {
    assert_eq!(split(Left, true), (Side::Right, Align::Center));
    assert_eq!(split(BottomStart, true), (Side::Bottom, Align::End));
    let p = place(ANCHOR, W, H, VIEW, BottomStart, true);
    assert_eq!(p.x, 360.0);
}

#[test]
fn a_small_screen_uses_the_side_with_the_most_room() {
    let phone = Rect {
        x: 0.0,
        y: 0.0,
        width: 360.0,
        height: 640.0,
    };
    let anchor = Rect {
        x: 20.0,
        y: 280.0,
        width: 320.0,
        height: 60.0,
    };
    let p = place(anchor, 340.0, 200.0, phone, Left, false);
    assert_eq!(p.side, Side::Bottom);
    assert!(p.x >= PADDING && p.x + 340.0 <= 360.0 - PADDING + 1e-9);
}

fn rect(max: f64) -> impl Strategy<Value = Rect> {
    (0.0..max, 0.0..max, 1.0..300.0, 1.0..200.0).prop_map(|(x, y, width, height)| Rect {
        x,
        y,
        width,
        height,
    })
}

fn placement() -> impl Strategy<Value = Placement> {
    prop::sample::select(vec![
        Top,
        TopStart,
        TopEnd,
        Bottom,
        BottomStart,
        BottomEnd,
        Left,
        LeftStart,
        LeftEnd,
        Right,
        RightStart,
        RightEnd,
    ])
}

proptest! {
    /// Whenever the tooltip fits in the viewport at all, it is placed entirely inside it, and
    /// its arrow lies on its edge within the anchor's extent whenever the two overlap along it.
    #[test]
    fn stays_inside_the_viewport_and_points_at_the_anchor(anchor in rect(900.0), w in 80.0..400.0, h in 40.0..300.0, p in placement(), rtl in any::<bool>()) {
        let view = Rect { x: 0.0, y: 0.0, width: 1000.0, height: 800.0 };
        let placed = place(anchor, w, h, view, p, rtl);
        prop_assert!(placed.x >= PADDING - 1e-9 && placed.x + w <= view.width - PADDING + 1e-9);
        prop_assert!(placed.y >= PADDING - 1e-9 && placed.y + h <= view.height - PADDING + 1e-9);
        let (edge_len, start, a_start, a_len) = if matches!(placed.side, Side::Top | Side::Bottom) {
            (w, placed.x, anchor.x, anchor.width)
        } else {
            (h, placed.y, anchor.y, anchor.height)
        };
        prop_assert!(placed.arrow >= ARROW_INSET - 1e-9 && placed.arrow <= edge_len - ARROW_INSET + 1e-9);
        let arrow_at = start + placed.arrow;
        let overlap = a_start + a_len > start + ARROW_INSET && a_start < start + edge_len - ARROW_INSET;
        if overlap {
            prop_assert!(arrow_at >= a_start - 1e-9 && arrow_at <= a_start + a_len + 1e-9, "arrow at {arrow_at} outside anchor {a_start}..{}", a_start + a_len);
        }
    }
}

#[test]
fn an_empty_rect_has_no_box_but_a_line_does() {
    let r = |width, height| Rect {
        x: 40.0,
        y: 40.0,
        width,
        height,
    };
    assert!(
        !r(0.0, 0.0).has_box(),
        "display: none measures 0 × 0 at any position"
    );
    assert!(
        r(0.0, 20.0).has_box(),
        "a vertical rule is something to point at"
    );
    assert!(r(120.0, 0.0).has_box());
    assert!(r(120.0, 32.0).has_box());
}

#[test]
fn an_open_hotspot_card_sits_beside_its_element_and_dot_never_over_them() {
    let overlaps = |a: Rect, b: Rect| {
        a.x < b.right() && b.x < a.right() && a.y < b.bottom() && b.y < a.bottom()
    };
    for rtl in [false, true] {
        let dot = hotspot_dot(ANCHOR, VIEW, rtl);
        let both = ANCHOR.union(&dot);
        for r in [ANCHOR, dot] {
            assert!(
                both.x <= r.x
                    && both.y <= r.y
                    && both.right() >= r.right()
                    && both.bottom() >= r.bottom(),
                "{both:?} holds {r:?}"
            );
        }
        for p in [
            Top, TopStart, Bottom, BottomEnd, Left, LeftStart, Right, RightEnd,
        ] {
            let placed = place(both, W, H, VIEW, p, rtl);
            let card = Rect {
                x: placed.x,
                y: placed.y,
                width: W,
                height: H,
            };
            assert!(
                !overlaps(card, ANCHOR),
                "{p:?} rtl={rtl}: {card:?} covers the element"
            );
            assert!(
                !overlaps(card, dot),
                "{p:?} rtl={rtl}: {card:?} covers the dot"
            );
        }
    }
}
