//! Finding a step's anchor: in the document, then inside open shadow roots (web components),
//! and measuring it in viewport coordinates.

use crate::core::geometry::Rect;
use wasm_bindgen::JsCast;
use web_sys::{Element, NodeList};

/// Open shadow roots nested deeper than this are not searched.
const MAX_SHADOW_DEPTH: usize = 4;

/// The document or an open shadow root.
enum Scope {
    Document(web_sys::Document),
    Shadow(web_sys::ShadowRoot),
}

impl Scope {
    fn query_all(&self, selector: &str) -> Option<NodeList> {
        match self {
            Scope::Document(d) => d.query_selector_all(selector).ok(),
            Scope::Shadow(s) => s.query_selector_all(selector).ok(),
        }
    }
}

/// Elements as a list can hold them; anything else is skipped.
fn elements(list: NodeList) -> impl Iterator<Item = Element> {
    (0..list.length()).filter_map(move |i| list.item(i)?.dyn_into::<Element>().ok())
}

/// Whether the element has a box to point at (a closed menu, the other half of a responsive
/// layout has none); the step's card hides by the same rule when its anchor loses its box.
fn rendered(element: &Element) -> bool {
    rect(element).has_box()
}

/// What a search found: the first rendered match, else how many matches had no box.
#[derive(Default)]
pub struct Found {
    pub element: Option<Element>,
    pub unrendered: u32,
}

fn search(scope: &Scope, selector: &str, depth: usize, found: &mut Found) {
    for element in scope.query_all(selector).into_iter().flat_map(elements) {
        if rendered(&element) {
            found.element = Some(element);
            return;
        }
        found.unrendered += 1;
    }
    if depth >= MAX_SHADOW_DEPTH {
        return;
    }
    let hosts = scope.query_all("*").into_iter().flat_map(elements);
    for host in hosts.filter(|e| e.local_name() != "wowpath-root") {
        if let Some(shadow) = host.shadow_root() {
            search(&Scope::Shadow(shadow), selector, depth + 1, found);
            if found.element.is_some() {
                return;
            }
        }
    }
}

/// The first rendered element matching `selector`, looking into open shadow roots when the
/// document has none: a page that keeps a hidden copy of a control (a mobile menu beside the
/// desktop one) gets its visible copy pointed at. An invalid selector finds nothing (guide
/// files are validated before).
pub fn search_for(selector: &str) -> Found {
    let mut found = Found::default();
    if let Some(document) = web_sys::window().and_then(|w| w.document()) {
        search(&Scope::Document(document), selector, 0, &mut found);
    }
    found
}

pub fn find(selector: &str) -> Option<Element> {
    search_for(selector).element
}

pub fn rect(element: &Element) -> Rect {
    let r = element.get_bounding_client_rect();
    Rect {
        x: r.x(),
        y: r.y(),
        width: r.width(),
        height: r.height(),
    }
}

/// The layout viewport, which `position: fixed` is relative to. Its size is the root element's
/// client size, except in quirks mode (a page without a doctype), where the root's is the height
/// of the page's content and the body's is the viewport's.
pub fn viewport() -> Rect {
    let (w, h) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| match d.compat_mode().as_str() {
            "BackCompat" => d.body().map(Element::from),
            _ => d.document_element(),
        })
        .map(|e| (f64::from(e.client_width()), f64::from(e.client_height())))
        .unwrap_or((0.0, 0.0));
    Rect {
        x: 0.0,
        y: 0.0,
        width: w,
        height: h,
    }
}
