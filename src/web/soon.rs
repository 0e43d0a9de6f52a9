//! Running something in a task of its own, ahead of the page's other waiting tasks.

use std::cell::Cell;
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// A task planned by `in_next_task`; dropping it cancels the task.
pub struct NextTask {
    cancelled: Rc<Cell<bool>>,
}

impl Drop for NextTask {
    fn drop(&mut self) {
        self.cancelled.set(true);
    }
}

/// Runs `f` in a new task: through `scheduler.postTask` at `user-blocking` priority where the
/// browser has it, so it does not queue behind the host page's own tasks; else `setTimeout(0)`.
pub fn in_next_task(f: impl FnOnce() + 'static) -> NextTask {
    let cancelled = Rc::new(Cell::new(false));
    let seen = cancelled.clone();
    let callback = Closure::once_into_js(move || {
        if !seen.get() {
            f();
        }
    });
    if !post_task(&callback) {
        if let Some(window) = web_sys::window() {
            let _ = window.set_timeout_with_callback(callback.unchecked_ref());
        }
    }
    NextTask { cancelled }
}

fn post_task(callback: &wasm_bindgen::JsValue) -> bool {
    let Some(scheduler) = super::js::prop(&js_sys::global(), "scheduler") else {
        return false;
    };
    let Some(post) = super::js::method(&scheduler, "postTask") else {
        return false;
    };
    let options = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&options, &"priority".into(), &"user-blocking".into());
    match post.call2(&scheduler, callback, &options) {
        Ok(promise) => {
            super::promise::ignore_rejection(&promise);
            true
        }
        Err(_) => false,
    }
}
