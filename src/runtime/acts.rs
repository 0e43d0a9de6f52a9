//! `start`, `complete` and `dismiss`: each takes effect, is refused with the reason, or, while
//! the guide file is still loading, waits for it (`early.rs`) behind a Promise.

use super::Runtime;
use crate::core::engine::Act;
use crate::core::time::Millis;
use crate::web::page;
use std::rc::Rc;

/// What a call came to.
pub enum Outcome {
    Done,
    /// Why it did not, for the rejection.
    Refused(String),
    /// The guide file is still loading: the Promise settles once it has been read.
    Later(js_sys::Promise),
}

impl Runtime {
    pub fn request(self: &Rc<Self>, act: Act) -> Outcome {
        let now = page::now_ms();
        if self.guides_loading() {
            return self.act_later(act, now);
        }
        if let Some(why) = self.state.borrow().guides_unusable.as_deref() {
            return Outcome::Refused(act.cannot(&format!("the guide file {why}")));
        }
        match self.act_now(&act, now) {
            Ok(()) => Outcome::Done,
            Err(why) => Outcome::Refused(why),
        }
    }

    /// Carries `act` out against the loaded guides, or says why it cannot be.
    pub(super) fn act_now(self: &Rc<Self>, act: &Act, now: Millis) -> Result<(), String> {
        let checked = match self.state.borrow().engine.as_ref() {
            Some(engine) => engine.check(act, now).map_err(|e| e.to_string()),
            None => Err("no guides are loaded".to_string()),
        };
        checked?;
        self.with_engine(|e| e.act(act, now));
        Ok(())
    }
}
