//! Tells when the page's DOM has changed, at most once per interval: elements that render
//! late are noticed without polling every frame, and a busy page costs one check per interval.

use gloo::timers::callback::Timeout;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// Checks are coalesced: one per this many ms while the DOM keeps changing.
const COALESCE_MS: u32 = 50;

pub struct DomWatch {
    observer: web_sys::MutationObserver,
    _callback: Closure<dyn FnMut()>,
    _pending: Rc<RefCell<Option<Timeout>>>,
}

impl Drop for DomWatch {
    fn drop(&mut self) {
        self.observer.disconnect();
    }
}

pub fn watch(on_change: impl Fn() + 'static) -> Option<DomWatch> {
    let document = web_sys::window()?.document()?;
    let pending: Rc<RefCell<Option<Timeout>>> = Rc::default();
    let on_change = Rc::new(on_change);
    let p = pending.clone();
    let callback = Closure::<dyn FnMut()>::new(move || {
        if p.borrow().is_some() {
            return;
        }
        let (slot, run) = (p.clone(), on_change.clone());
        *p.borrow_mut() = Some(Timeout::new(COALESCE_MS, move || {
            slot.borrow_mut().take();
            run();
        }));
    });
    let observer = web_sys::MutationObserver::new(callback.as_ref().unchecked_ref()).ok()?;
    let init = web_sys::MutationObserverInit::new();
    init.set_child_list(true);
    init.set_subtree(true);
    init.set_attributes(true);
    // What shows or hides an element without adding it: `open` is how a <dialog> or <details>
    // appears, and a tour step pointing into one waits for it. `lang`: an app switching its
    // language. `inert` and `aria-hidden`: a host's modal shutting the widget out.
    let filter = js_sys::Array::new();
    for name in [
        "class",
        "hidden",
        "style",
        "open",
        "lang",
        "inert",
        "aria-hidden",
    ] {
        filter.push(&name.into());
    }
    init.set_attribute_filter(&filter);
    let root: web_sys::Node = document.document_element()?.into();
    observer.observe_with_options(&root, &init).ok()?;
    Some(DomWatch {
        observer,
        _callback: callback,
        _pending: pending,
    })
}
