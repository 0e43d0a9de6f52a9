//! The widget's one element in the host page: a shadow root (host CSS cannot reach in, ours
//! cannot leak out) whose content sits in the top layer (no host z-index can cover it).

use wasm_bindgen::JsCast;
use web_sys::{Document, Element, HtmlElement, ShadowRoot};

const STYLE: &str = include_str!("style.css");

/// Removes the widget from the page when dropped.
pub struct Mount {
    host: Element,
    pub document: Document,
    /// The top-layer container everything is rendered into.
    pub root: HtmlElement,
}

impl Mount {
    pub fn new() -> Option<Mount> {
        let document = web_sys::window()?.document()?;
        let host = document.create_element("wowpath-root").ok()?;
        let shadow: ShadowRoot = host
            .attach_shadow(&web_sys::ShadowRootInit::new(web_sys::ShadowRootMode::Open))
            .ok()?;
        adopt_style(&document, &shadow)?;
        let root: HtmlElement = document.create_element("div").ok()?.dyn_into().ok()?;
        root.set_class_name("root");
        // `manual`: light dismiss and other popovers never close it behind our back.
        let _ = root.set_popover(Some("manual"));
        shadow.append_child(&root).ok()?;
        let parent: Element = match document.body() {
            Some(body) => body.into(),
            None => document.document_element()?,
        };
        parent.append_child(&host).ok()?;
        // Without popover support (old browsers) the fixed position still applies.
        let _ = root.show_popover();
        Some(Mount {
            host,
            document,
            root,
        })
    }

    pub fn create(&self, tag: &str, class: &str) -> Option<HtmlElement> {
        let el: HtmlElement = self.document.create_element(tag).ok()?.dyn_into().ok()?;
        if !class.is_empty() {
            el.set_class_name(class);
        }
        Some(el)
    }
}

/// A constructed stylesheet, not a `<style>` element: pages whose Content-Security-Policy
/// forbids inline styles still style the widget, with no `'unsafe-inline'` needed.
fn adopt_style(document: &Document, shadow: &ShadowRoot) -> Option<()> {
    match web_sys::CssStyleSheet::new() {
        Ok(sheet) => {
            sheet.replace_sync(STYLE).ok()?;
            shadow.set_adopted_style_sheets(&js_sys::Array::of1(&sheet));
        }
        Err(_) => {
            // Browsers without constructable stylesheets.
            let style = document.create_element("style").ok()?;
            style.set_text_content(Some(STYLE));
            shadow.append_child(&style).ok()?;
        }
    }
    Some(())
}

impl Drop for Mount {
    fn drop(&mut self) {
        self.host.remove();
    }
}
