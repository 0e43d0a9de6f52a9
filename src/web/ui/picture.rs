//! A step's picture. It arrives after the card is drawn: a tooltip is placed again once it has
//! its size, and a picture that cannot be loaded is hidden, with the reason in the console,
//! rather than shown as a broken-image icon.

use super::dom::{attr, el};
use crate::core::guide::Image;
use crate::web::console;
use gloo::events::EventListener;
use std::rc::Rc;
use web_sys::{Document, HtmlElement};

pub fn build(document: &Document, image: &Image) -> Option<HtmlElement> {
    if !crate::core::markdown::is_picture_src(&image.src) {
        return None;
    }
    let img = el(document, "img", "media")?;
    // The size first, so the room is kept from the start (`height: auto` in style.css turns
    // the two into an aspect ratio).
    if let (Some(w), Some(h)) = (image.width, image.height) {
        attr(&img, "width", &w.to_string());
        attr(&img, "height", &h.to_string());
    }
    attr(&img, "alt", &image.alt);
    attr(&img, "decoding", "async");
    attr(&img, "draggable", "false");
    attr(&img, "src", &image.src);
    Some(img)
}

/// Calls `changed` once the picture has arrived or failed (the card's size changed). One
/// closure for both events, as each distinct closure brings its own glue into the module.
pub fn on_settled(img: &HtmlElement, changed: Rc<dyn Fn()>) -> [EventListener; 2] {
    let listen = |kind: &'static str| {
        let (shown, changed) = (img.clone(), changed.clone());
        EventListener::once(img, kind, move |event| {
            if event.type_() == "error" {
                shown.set_hidden(true);
                let src = shown.get_attribute("src").unwrap_or_default();
                console::warn(&format!("the step's picture could not be loaded from `{src}`, so the step is shown without it: check `image.src`, and that your Content-Security-Policy's `img-src` allows that address"));
            }
            changed();
        })
    };
    [listen("load"), listen("error")]
}
