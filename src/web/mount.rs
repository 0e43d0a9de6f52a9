//! The widget's one element in the host page: a shadow root (host CSS cannot reach in, ours
//! cannot leak out) whose content sits in the top layer (no host z-index or stacking context
//! can cover it). The layer spans the viewport but lets every click through except on the
//! widget's own controls.

use crate::core::guide::Theme;
use crate::core::palette;
use crate::web::own_events::OwnEvents;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, HtmlElement, ShadowRoot};

const STYLE: &str = include_str!("style.css");

/// Removes the widget from the page when dropped.
pub struct Mount {
    host: Element,
    pub document: Document,
    /// The top-layer container everything is rendered into.
    pub root: HtmlElement,
    live: HtmlElement,
    /// The theme and direction last applied: every render passes them, and they rarely change.
    applied: std::cell::RefCell<Option<(Theme, bool)>>,
    /// The host's zoom last cancelled (1: none).
    host_zoom: std::cell::Cell<f64>,
    /// The widget's own clicks, keys and focus, kept from the host's listeners.
    pub events: OwnEvents,
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
        let live: HtmlElement = document.create_element("div").ok()?.dyn_into().ok()?;
        live.set_class_name("sr");
        let _ = live.set_attribute("aria-live", "polite");
        let _ = live.set_attribute("role", "status");
        root.append_child(&live).ok()?;
        shadow.append_child(&root).ok()?;
        let mount = Mount {
            host: host.clone(),
            document,
            root,
            live,
            applied: Default::default(),
            host_zoom: std::cell::Cell::new(1.0),
            events: OwnEvents::new(&host),
        };
        mount.enter(&home(&mount.document)?).then_some(mount)
    }

    /// Theme colours as custom properties (one set per colour scheme, each measured to reach
    /// WCAG AA by `core::palette`), the font and radius, and the writing direction.
    pub fn apply_theme(&self, theme: &Theme, rtl: bool) {
        let mut applied = self.applied.borrow_mut();
        if applied
            .as_ref()
            .is_some_and(|(t, r)| t == theme && *r == rtl)
        {
            return;
        }
        let was_coloured = applied
            .as_ref()
            .is_some_and(|(t, _)| palette::has_colours(t));
        *applied = Some((theme.clone(), rtl));
        let style = self.root.style();
        let coloured = palette::has_colours(theme);
        // Without theme colours the stylesheet's defaults apply: nothing to set or remove.
        let schemes = if coloured || was_coloured {
            [("--wp-l-", &palette::LIGHT), ("--wp-d-", &palette::DARK)].as_slice()
        } else {
            &[]
        };
        for &(prefix, scheme) in schemes {
            for (name, value) in palette::themed(theme, scheme).properties() {
                let property = format!("{prefix}{name}");
                if coloured {
                    let _ = style.set_property(&property, &value);
                } else {
                    let _ = style.remove_property(&property);
                }
            }
        }
        let _ = match &theme.font {
            Some(font) => style.set_property("--wp-font", font),
            None => style.remove_property("--wp-font").map(|_| ()),
        };
        let _ = match theme.radius {
            Some(r) => style.set_property("--wp-radius", &format!("{}px", r.min(32))),
            None => style.remove_property("--wp-radius").map(|_| ()),
        };
        let _ = self
            .root
            .set_attribute("dir", if rtl { "rtl" } else { "ltr" });
    }

    /// Cancels a CSS `zoom` the host applies to the widget (on `<html>`, `<body>` or our element):
    /// every position the widget computes is in viewport pixels, which a zoomed widget would scale
    /// again, leaving its cards off their anchors by the zoom factor.
    pub fn cancel_host_zoom(&self) {
        // Read on our own container, which has a box (the host element may have none): its
        // zoom is the host's times the inverse we set last, `1 / host_zoom`.
        let effective = super::js::prop(&self.root, "currentCSSZoom")
            .and_then(|z| z.as_f64())
            .filter(|z| z.is_finite() && *z > 0.0)
            .unwrap_or(1.0);
        let zoom = effective * self.host_zoom.get();
        if (zoom - self.host_zoom.get()).abs() < 1e-3 {
            return;
        }
        self.host_zoom.set(zoom);
        let style = self.root.style();
        let _ = if (zoom - 1.0).abs() < 1e-6 {
            style.remove_property("zoom").map(|_| ())
        } else {
            // Four decimals with integer formatting only: formatting an f64 would link in
            // the float printing code, about 8 KB of brotli.
            let inverse = (10_000.0 / zoom).round() as u64;
            style.set_property(
                "zoom",
                &format!("{}.{:04}", inverse / 10_000, inverse % 10_000),
            )
        };
    }

    /// While a tour step's anchor is inside the host's open modal `<dialog>`, everything outside
    /// that dialog is inert and under its backdrop: the widget's element then moves into the
    /// dialog and re-enters the top layer above it. Otherwise it lives at the end of `<body>`.
    pub fn follow_modal(&self, anchor: Option<&Element>) {
        self.stay_usable(anchor);
        let dialog = anchor.and_then(|a| a.closest("dialog:modal").ok().flatten());
        let Some(parent) = dialog.or_else(|| home(&self.document)) else {
            return;
        };
        let here = self.host.parent_node();
        if !here.is_some_and(|p| p.is_same_node(Some(&parent))) {
            self.enter(&parent);
        }
    }

    /// Modal libraries that do not use `<dialog>` (Headless UI, react-aria and the like) make
    /// everything outside their modal inert and hidden from assistive technology, the widget's
    /// element included. While a step points at an anchor that is not inert, so inside that
    /// modal, the widget takes `inert` and `aria-hidden` off its own element. They are not put
    /// back: by the time the step closes the modal has usually closed too, and its library has
    /// already restored what it changed.
    fn stay_usable(&self, anchor: Option<&Element>) {
        let usable = anchor.is_some_and(|a| a.closest("[inert]").ok().flatten().is_none());
        if usable {
            for name in ["inert", "aria-hidden"] {
                if self.host.has_attribute(name) {
                    let _ = self.host.remove_attribute(name);
                }
            }
        }
    }

    /// Appends the widget's element to `parent` and shows it in the top layer, on top: an open
    /// popover that is moved closes, and one shown last is above the others. Without popover
    /// support (old browsers) the fixed position still applies.
    fn enter(&self, parent: &Element) -> bool {
        let entered = parent.append_child(&self.host).is_ok();
        if entered {
            let _ = self.root.show_popover();
        }
        entered
    }

    /// Puts the widget back after the host replaced the element it was in: Turbo and similar
    /// libraries swap `<body>` on every navigation, and some apps rewrite `body.innerHTML`.
    /// Its shadow root and listeners come back with it; only the top layer must be re-entered.
    pub fn keep_attached(&self) {
        if !self.host.is_connected() {
            if let Some(parent) = home(&self.document) {
                self.enter(&parent);
            }
        }
    }

    /// Whether the keyboard focus is on one of the widget's controls.
    pub fn has_focus(&self) -> bool {
        self.document
            .active_element()
            .is_some_and(|e| e == self.host)
    }

    /// Says `text` politely to screen-reader users.
    pub fn announce(&self, text: &str) {
        self.live.set_text_content(Some(text));
    }

    /// Says `text` unless it was the last thing said: a redraw of the same state is silent.
    pub fn announce_once(&self, text: &str) {
        if self.live.text_content().as_deref() != Some(text) {
            self.announce(text);
        }
    }
}

/// Where the widget's element lives when no modal dialog needs it: the end of `<body>`.
fn home(document: &Document) -> Option<Element> {
    match document.body() {
        Some(body) => Some(body.into()),
        None => document.document_element(),
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
