//! Small helpers for building the widget's elements.

use wasm_bindgen::JsCast;
use web_sys::{Document, HtmlElement};

pub fn el(document: &Document, tag: &str, class: &str) -> Option<HtmlElement> {
    let el: HtmlElement = document.create_element(tag).ok()?.dyn_into().ok()?;
    if !class.is_empty() {
        el.set_class_name(class);
    }
    Some(el)
}

/// An element whose content is `text`, as text.
pub fn text_el(document: &Document, tag: &str, class: &str, text: &str) -> Option<HtmlElement> {
    let e = el(document, tag, class)?;
    e.set_text_content(Some(text));
    Some(e)
}

pub fn attr(el: &HtmlElement, name: &str, value: &str) {
    let _ = el.set_attribute(name, value);
}

pub fn button(document: &Document, class: &str, label: &str) -> Option<HtmlElement> {
    let b = text_el(document, "button", class, label)?;
    attr(&b, "type", "button");
    Some(b)
}
