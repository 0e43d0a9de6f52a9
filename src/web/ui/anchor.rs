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
    fn query(&self, selector: &str) -> Option<Element> {
        match self {
            Scope::Document(d) => d.query_selector(selector).ok().flatten(),
            Scope::Shadow(s) => s.query_selector(selector).ok().flatten(),
        }
    }

    fn all(&self) -> Option<NodeList> {
        match self {
            Scope::Document(d) => d.query_selector_all("*").ok(),
            Scope::Shadow(s) => s.query_selector_all("*").ok(),
        }
    }
}

fn search(scope: &Scope, selector: &str, depth: usize) -> Option<Element> {
    if let Some(found) = scope.query(selector) {
        return Some(found);
    }
    if depth >= MAX_SHADOW_DEPTH {
        return None;
    }
    let all = scope.all()?;
    (0..all.length())
        .filter_map(|i| all.item(i)?.dyn_into::<Element>().ok())
        .filter(|e| e.local_name() != "wowpath-root")
        .find_map(|e| {
            let shadow = e.shadow_root()?;
            search(&Scope::Shadow(shadow), selector, depth + 1)
        })
}

/// The first element matching `selector`, looking into open shadow roots when the document
/// itself has none. An invalid selector finds nothing (guide files are validated before).
pub fn find(selector: &str) -> Option<Element> {
    let document = web_sys::window()?.document()?;
    search(&Scope::Document(document), selector, 0)
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

/// The layout viewport, which `position: fixed` is relative to.
pub fn viewport() -> Rect {
    let (w, h) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
        .map(|e| (f64::from(e.client_width()), f64::from(e.client_height())))
        .unwrap_or((0.0, 0.0));
    Rect {
        x: 0.0,
        y: 0.0,
        width: w,
        height: h,
    }
}
