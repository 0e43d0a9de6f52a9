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

/// Work to run once, by whichever of its triggers comes first.
type Work = Rc<Cell<Option<Box<dyn FnOnce()>>>>;

/// If the next frame has not come within this long (a page loaded in a background tab gets
/// none), `after_next_frame` runs its work anyway.
const FRAME_WAIT_MS: u32 = 200;

/// Runs `f` in a task after the page's next frame, so the work waits for what the last task
/// drew to reach the screen; or after `FRAME_WAIT_MS` without a frame. Dropping the returned
/// guard cancels it.
pub fn after_next_frame(f: impl FnOnce() + 'static) -> AfterFrame {
    let work: Work = Rc::new(Cell::new(Some(Box::new(f))));
    let (for_frame, for_timer) = (work.clone(), work.clone());
    let next: Rc<std::cell::RefCell<Option<NextTask>>> = Rc::default();
    let next_in_frame = next.clone();
    let frame = Closure::once_into_js(move || {
        let task = in_next_task(move || {
            if let Some(f) = for_frame.take() {
                f();
            }
        });
        *next_in_frame.borrow_mut() = Some(task);
    });
    if let Some(window) = web_sys::window() {
        let _ = window.request_animation_frame(frame.unchecked_ref());
    }
    let timer = gloo::timers::callback::Timeout::new(FRAME_WAIT_MS, move || {
        if let Some(f) = for_timer.take() {
            f();
        }
    });
    AfterFrame {
        work,
        _next: next,
        _timer: timer,
    }
}

/// Work planned by `after_next_frame`; dropping it cancels the work.
pub struct AfterFrame {
    work: Work,
    _next: Rc<std::cell::RefCell<Option<NextTask>>>,
    _timer: gloo::timers::callback::Timeout,
}

impl Drop for AfterFrame {
    fn drop(&mut self) {
        self.work.take();
    }
}
