//! Notices URL changes in single-page apps without getting in the host router's way: the
//! Navigation API where the browser has it (nothing of the page is touched), otherwise a
//! transparent wrapper around `history.pushState`/`replaceState` plus `popstate` and
//! `hashchange`. Everything is undone on drop.

use gloo::events::EventListener;
use js_sys::{Function, Reflect};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

pub struct NavigationWatch {
    _listeners: Vec<EventListener>,
    _patches: Vec<HistoryPatch>,
}

/// One wrapped `history` method; puts the original back when dropped.
struct HistoryPatch {
    history: JsValue,
    name: &'static str,
    original: Function,
    wrapper: Closure<dyn FnMut(JsValue, JsValue, JsValue) -> Result<JsValue, JsValue>>,
}

impl Drop for HistoryPatch {
    fn drop(&mut self) {
        // Only if nobody wrapped it after us: never undo another script's wrapper.
        let current = Reflect::get(&self.history, &self.name.into()).unwrap_or(JsValue::UNDEFINED);
        if current == *self.wrapper.as_ref() {
            let _ = Reflect::set(&self.history, &self.name.into(), &self.original);
        }
    }
}

fn patch(
    history: &JsValue,
    name: &'static str,
    notify: std::rc::Rc<dyn Fn()>,
) -> Option<HistoryPatch> {
    let original: Function = Reflect::get(history, &name.into()).ok()?.dyn_into().ok()?;
    let (target, call) = (history.clone(), original.clone());
    let wrapper = Closure::<dyn FnMut(JsValue, JsValue, JsValue) -> Result<JsValue, JsValue>>::new(
        move |state, title, url| {
            // The host's call happens first and exactly as made; errors go back to the host.
            let result = call.call3(&target, &state, &title, &url)?;
            notify();
            Ok(result)
        },
    );
    Reflect::set(history, &name.into(), wrapper.as_ref()).ok()?;
    Some(HistoryPatch {
        history: history.clone(),
        name,
        original,
        wrapper,
    })
}

/// Calls `on_change` after every change of the page's URL.
pub fn watch(on_change: impl Fn() + 'static) -> Option<NavigationWatch> {
    let window = web_sys::window()?;
    let notify: std::rc::Rc<dyn Fn()> = std::rc::Rc::new(on_change);
    let navigation = Reflect::get(&window, &"navigation".into())
        .ok()
        .filter(|n| n.is_object());
    if let Some(target) = navigation.and_then(|n| n.dyn_into::<web_sys::EventTarget>().ok()) {
        let n = notify.clone();
        let listener = EventListener::new(&target, "currententrychange", move |_| n());
        return Some(NavigationWatch {
            _listeners: vec![listener],
            _patches: Vec::new(),
        });
    }
    let history: JsValue = window.history().ok()?.into();
    let patches = ["pushState", "replaceState"]
        .into_iter()
        .filter_map(|name| patch(&history, name, notify.clone()))
        .collect();
    let (a, b) = (notify.clone(), notify);
    let listeners = vec![
        EventListener::new(&window, "popstate", move |_| a()),
        EventListener::new(&window, "hashchange", move |_| b()),
    ];
    Some(NavigationWatch {
        _listeners: listeners,
        _patches: patches,
    })
}
