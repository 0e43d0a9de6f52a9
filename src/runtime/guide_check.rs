//! A guide file without a matching stamp goes to the validator (`web::validator`) before
//! anything is shown; calls made meanwhile keep waiting (`early.rs`), as for a file still on
//! its way.

use super::Runtime;
use crate::core::guide::{self, Severity, Verdict};
use crate::web::{console, validator};
use std::rc::Rc;
use wasm_bindgen_futures::spawn_local;

impl Runtime {
    pub(super) fn check_then_apply(self: &Rc<Self>, text: String, source: String) {
        let weak = Rc::downgrade(self);
        spawn_local(async move {
            let answer = validator::check(&text).await;
            // A runtime replaced by a later `init` meanwhile has nothing left to show.
            let Some(rt) = weak.upgrade() else {
                return;
            };
            let verdict = answer.and_then(|json| {
                Verdict::from_json(&json).ok_or_else(|| "its answer is not a verdict".to_string())
            });
            match verdict {
                Ok(verdict) => rt.obey(&verdict, &text, &source),
                Err(why) => {
                    console::error(&format!(
                        "{source}: the guide file could not be checked: the validator \
                         (wowpath_check_bg.wasm, beside the widget's module) failed: {why}; no \
                         guides are shown. Stamping the file with `wowpath check --stamp` lets \
                         the widget read it without the validator"
                    ));
                    rt.guides_failed(&format!("{source} could not be checked: {why}"));
                }
            }
        });
    }

    fn obey(self: &Rc<Self>, verdict: &Verdict, text: &str, source: &str) {
        for (severity, line) in &verdict.lines {
            match severity {
                Severity::Error => console::error(&format!("{source}:{line}")),
                Severity::Warning => console::warn(&format!("{source}:{line}")),
            }
        }
        if !verdict.ok {
            let first = verdict.lines.first().map(|(_, l)| l.as_str());
            self.refuse_guides(source, verdict.errors(), first.unwrap_or_default());
            return;
        }
        match guide::read_checked(text) {
            Some(file) => self.start_engine(file),
            None => {
                // Only a validator of another release than this module can get here.
                let why = "the validator passed the file but the widget cannot read it: \
                           wowpath_check.js and wowpath_bg.wasm must come from the same release";
                console::error(&format!("{source}: {why}"));
                self.refuse_guides(source, 1, why);
            }
        }
    }
}
