//! Reading the guide file (fetched by `guide_fetch.rs` or given inline) and carrying out the
//! engine's effects.

use super::Runtime;
use crate::core::engine::{Effect, Engine, Start, User};
use crate::core::guide;
use crate::core::json::write_escaped;
use crate::web::{console, page};
use std::rc::Rc;

/// How console messages name a guide file given to `init` rather than fetched.
pub(super) const INLINE: &str = "inline guides";

pub(super) fn props(pairs: &[(&str, &str)]) -> String {
    let mut out = String::from("{");
    for (i, (k, v)) in pairs.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        write_escaped(&mut out, k);
        out.push(':');
        write_escaped(&mut out, v);
    }
    out.push('}');
    out
}

impl Runtime {
    /// Reads the guide file in a task of its own: starting up, reading the file and the first
    /// draw would otherwise make one long task, and on a slow machine hold up the host page's
    /// input for that long. Calls meanwhile wait for it (`early.rs`).
    pub(super) fn apply_guides_soon(self: &Rc<Self>, text: String, source: String) {
        let weak = Rc::downgrade(self);
        let pending = crate::web::soon::in_next_task(move || {
            if let Some(rt) = weak.upgrade() {
                rt.state.borrow_mut().read_pending = None;
                rt.apply_guides(&text, &source);
            }
        });
        self.state.borrow_mut().read_pending = Some(pending);
    }

    /// Reads guide text: at once when its stamp matches, else once the validator, downloaded
    /// for it, has passed it (`guide_check.rs`).
    pub(super) fn apply_guides(self: &Rc<Self>, text: &str, source: &str) {
        match guide::read_stamped(text) {
            Some(file) => {
                if self.debug {
                    console::debug(&format!(
                        "{source}: its stamp matches, so it was read without downloading the validator"
                    ));
                }
                self.start_engine(file);
            }
            None => self.check_then_apply(text.to_string(), source.to_string()),
        }
    }

    /// The validator refused the file: nothing is shown, and the page and the collector hear
    /// why. `first`: the first diagnostic as the console printed it.
    pub(super) fn refuse_guides(self: &Rc<Self>, source: &str, errors: usize, first: &str) {
        let which = match source {
            INLINE => "given to init",
            url => url,
        };
        self.guides_failed(&format!("{which} has errors, listed in the console"));
        self.emit(
            "Onboarding Guide Config Invalid",
            &props(&[
                ("source", source),
                ("errors", &errors.to_string()),
                ("first_error", first),
            ]),
        );
    }

    /// Starts guiding with a file that was read and passed.
    pub(super) fn start_engine(self: &Rc<Self>, file: guide::GuideFile) {
        self.hold_events();
        let user = User {
            key: self.user_key(),
            traits: self.load_traits(),
        };
        let (path, at) = {
            let mut st = self.state.borrow_mut();
            (st.start_path.take(), st.start_at.take())
        };
        let start = Start {
            project: self.options.write_key.clone(),
            user,
            session: self.session_id(),
            path: path.unwrap_or_else(page::path),
            progress: self.load_progress(),
            now: at.unwrap_or_else(page::now_ms),
            showing: self.showing_in_tab(),
        };
        let (engine, effects) = Engine::new(file, start);
        self.state.borrow_mut().engine = Some(engine);
        self.watch_page();
        // The checklist is drawn once: by the effects when they ask for it, else here.
        let drawn_by_effects = effects.iter().any(|e| matches!(e, Effect::Render));
        self.run(effects);
        self.replay_early_calls();
        if !drawn_by_effects {
            self.render();
        }
        self.release_after_draw();
    }

    /// Carries out what the engine decided.
    pub(super) fn run(self: &Rc<Self>, effects: Vec<Effect>) {
        if effects.is_empty() {
            return;
        }
        let (mut persist, mut render) = (false, false);
        for effect in effects {
            match effect {
                Effect::Emit { event, properties } => self.emit(event, &properties),
                Effect::Persist => persist = true,
                Effect::Render => render = true,
            }
        }
        if persist {
            self.save_progress();
        }
        if render {
            self.render();
        }
        self.explain_if_debugging();
    }

    /// Feeds the engine and carries out the result, without holding the state borrowed while
    /// effects run (they may call back into the runtime).
    pub(super) fn with_engine(self: &Rc<Self>, f: impl FnOnce(&mut Engine) -> Vec<Effect>) {
        let effects = self
            .state
            .borrow_mut()
            .engine
            .as_mut()
            .map(f)
            .unwrap_or_default();
        self.run(effects);
    }

    /// In debug mode, logs why each guide is or is not showing whenever that changes.
    fn explain_if_debugging(&self) {
        if !self.debug {
            return;
        }
        let lines = self.explain_lines();
        let mut last = self.last_explained.borrow_mut();
        if *last != lines {
            console::debug(&format!("guides now:\n{}", lines.join("\n")));
            *last = lines;
        }
    }

    pub fn explain_lines(&self) -> Vec<String> {
        let st = self.state.borrow();
        let Some(engine) = st.engine.as_ref() else {
            let why = match st.early {
                Some(_) => "the guide file is still loading",
                None => "no guides loaded",
            };
            return vec![why.to_string()];
        };
        engine
            .explain(page::now_ms())
            .into_iter()
            .map(|(id, d)| format!("  {id}: {d}"))
            .collect()
    }
}
