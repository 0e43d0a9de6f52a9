//! Calls made while the guide file is on its way (`guidesUrl`). The engine does not exist yet,
//! so the calls that feed it wait, in order and with the time they were made, and are carried
//! out once the file has been read: an event tracked in that window still completes its step,
//! and `start`, `complete` and `dismiss` settle only when the file says whether what they name
//! exists.

use super::acts::Outcome;
use super::Runtime;
use crate::core::engine::{Act, Observed, Progress};
use crate::core::json::Node;
use crate::core::time::Millis;
use crate::web::{console, page};
use std::rc::Rc;
use wasm_bindgen::JsValue;

/// At most this many calls wait; beyond it the oldest are let go, with one warning.
const MAX_WAITING: usize = 1_000;

pub(super) enum EarlyCall {
    Event {
        name: String,
        properties: Option<Node>,
        at: Millis,
    },
    Act {
        act: Act,
        at: Millis,
        settle: Settle,
    },
    /// The user's progress from other devices, fetched from the collector.
    Progress(Progress),
    /// The page's URL changed to `path` (single-page apps).
    Url { path: String, at: Millis },
}

/// The `resolve` and `reject` of the Promise a waiting call returned.
pub(super) struct Settle {
    resolve: js_sys::Function,
    reject: js_sys::Function,
}

impl Settle {
    fn resolve(&self) {
        let _ = self.resolve.call0(&JsValue::UNDEFINED);
    }

    fn reject(&self, message: &str) {
        let error = js_sys::Error::new(&format!("wowpath: {message}"));
        let _ = self.reject.call1(&JsValue::UNDEFINED, &error);
    }
}

impl Runtime {
    /// From now until the guide file has been read (or has failed), feeding calls wait.
    pub(super) fn wait_for_guides(&self) {
        let mut st = self.state.borrow_mut();
        st.early = Some(Vec::new());
        st.guides_unusable = None;
        st.start_path = Some(page::path());
        st.start_at = Some(self.call_time());
    }

    /// The path the engine will be at once the waiting calls have been carried out.
    pub(super) fn path_after_waiting(&self) -> Option<String> {
        let st = self.state.borrow();
        let held = st.early.iter().flatten().rev().find_map(|call| match call {
            EarlyCall::Url { path, .. } => Some(path.clone()),
            _ => None,
        });
        held.or_else(|| st.start_path.clone())
    }

    pub(super) fn guides_loading(&self) -> bool {
        self.state.borrow().early.is_some()
    }

    /// Keeps `call` until the guide file has been read (only while `guides_loading`).
    pub(super) fn hold(&self, call: EarlyCall) {
        let mut st = self.state.borrow_mut();
        let overflowing = st.early.as_ref().is_some_and(|w| w.len() >= MAX_WAITING);
        let why =
            || format!("more than {MAX_WAITING} calls were made while the guide file was loading");
        if overflowing && !std::mem::replace(&mut st.early_overflowed, true) {
            console::warn(&format!(
                "{}: the oldest no longer count towards the guides (their events are still sent)",
                why()
            ));
        }
        let Some(waiting) = st.early.as_mut() else {
            return;
        };
        if overflowing {
            if let EarlyCall::Act { settle, act, .. } = waiting.remove(0) {
                settle.reject(&act.cannot(&why()));
            }
        }
        waiting.push(call);
    }

    /// A call made while the guide file loads: a Promise that settles once it has been read.
    pub(super) fn act_later(&self, act: Act, at: Millis) -> Outcome {
        let mut settle = None;
        let promise = js_sys::Promise::new(&mut |resolve, reject| {
            settle = Some(Settle { resolve, reject });
        });
        if let Some(settle) = settle {
            self.hold(EarlyCall::Act { act, at, settle });
        }
        Outcome::Later(promise)
    }

    /// Carries out the waiting calls, in order, now that the engine exists.
    pub(super) fn replay_early_calls(self: &Rc<Self>) {
        let Some(calls) = self.state.borrow_mut().early.take() else {
            return;
        };
        for call in calls {
            match call {
                EarlyCall::Event {
                    name,
                    properties,
                    at,
                } => self.with_engine(|e| {
                    let seen = Observed::Event {
                        name: &name,
                        properties: properties.as_ref(),
                    };
                    e.observe(seen, at)
                }),
                EarlyCall::Act { act, at, settle } => match self.act_now(&act, at) {
                    Ok(()) => settle.resolve(),
                    Err(why) => settle.reject(&why),
                },
                EarlyCall::Progress(remote) => {
                    self.with_engine(|e| e.merge_progress(&remote, page::now_ms()))
                }
                EarlyCall::Url { path, at } => self.on_navigation(path, at),
            }
        }
    }

    /// The guide file could not be loaded or is invalid: no guides run on this page.
    pub(super) fn guides_failed(&self, why: &str) {
        self.give_up_early_calls(why);
        self.stop_watching_navigation();
    }

    /// The waiting calls will not be carried out: nothing waits any more, and each call naming
    /// a guide or step, waiting or later, says why.
    pub(super) fn give_up_early_calls(&self, why: &str) {
        let calls = {
            let mut st = self.state.borrow_mut();
            st.guides_unusable = Some(why.to_string());
            st.early.take()
        };
        let Some(calls) = calls else {
            return;
        };
        for call in calls {
            if let EarlyCall::Act { act, settle, .. } = call {
                settle.reject(&act.cannot(&format!("the guide file {why}")));
            }
        }
    }
}
