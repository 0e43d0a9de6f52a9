//! Loading the guide file and carrying out the engine's effects.

use super::Runtime;
use crate::core::engine::{Effect, Engine, Start, User};
use crate::core::guide::{self, Severity};
use crate::core::json::write_escaped;
use crate::web::{console, page};
use std::rc::{Rc, Weak};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::{spawn_local, JsFuture};

/// Fetches the guide file at `url`, then applies it. `requested`: the same request, already
/// made by the JavaScript module while this one was still downloading.
pub(super) fn fetch(rt: Weak<Runtime>, url: String, requested: Option<js_sys::Promise>) {
    spawn_local(async move {
        let text = match fetch_text(&url, requested).await {
            Ok(text) => text,
            Err(e) => {
                console::error(&format!(
                    "{url}: could not load the guide file: {e}; no guides are shown"
                ));
                return;
            }
        };
        if let Some(rt) = rt.upgrade() {
            rt.apply_guides(&text, &url);
        }
    });
}

/// `no-cache`: the browser revalidates with the server (ETag / Last-Modified) on every load,
/// so an edited guide file shows at once while an unchanged one costs a 304.
async fn fetch_text(url: &str, requested: Option<js_sys::Promise>) -> Result<String, String> {
    let request = match requested {
        Some(request) => request,
        None => {
            let window = web_sys::window().ok_or("no window")?;
            let init = web_sys::RequestInit::new();
            init.set_cache(web_sys::RequestCache::NoCache);
            window.fetch_with_str_and_init(url, &init)
        }
    };
    let response = JsFuture::from(request)
        .await
        .map_err(|e| console::describe(&e))?;
    let response: web_sys::Response = response
        .dyn_into()
        .map_err(|_| "not a response".to_string())?;
    if !response.ok() {
        return Err(format!("HTTP {}", response.status()));
    }
    let text = JsFuture::from(response.text().map_err(|e| console::describe(&e))?)
        .await
        .map_err(|e| console::describe(&e))?;
    text.as_string()
        .ok_or_else(|| "the body is not text".to_string())
}

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
    /// Validates guide text; shows nothing and reports every problem when it is broken.
    pub(super) fn apply_guides(self: &Rc<Self>, text: &str, source: &str) {
        let loaded = guide::load(text);
        for d in &loaded.diagnostics {
            match d.severity {
                Severity::Error => console::error(&format!("{source}:{d}")),
                Severity::Warning => console::warn(&format!("{source}:{d}")),
            }
        }
        let Some(file) = loaded.file else {
            let first = loaded
                .diagnostics
                .first()
                .map(|d| d.to_string())
                .unwrap_or_default();
            let count = loaded
                .diagnostics
                .iter()
                .filter(|d| d.severity == Severity::Error)
                .count()
                .to_string();
            self.enqueue(
                "track",
                Some("Onboarding Guide Config Invalid"),
                &props(&[
                    ("source", source),
                    ("errors", &count),
                    ("first_error", &first),
                ]),
            );
            return;
        };
        let user = User {
            key: self.user_key(),
            traits: self.load_traits(),
        };
        let start = Start {
            project: self.options.write_key.clone(),
            user,
            session: self.session_id(),
            path: page::path(),
            progress: self.load_progress(),
            now: page::now_ms(),
        };
        let (engine, effects) = Engine::new(file, start);
        self.state.borrow_mut().engine = Some(engine);
        self.watch_page();
        // The checklist is drawn once: by the effects when they ask for it, else here.
        let drawn_by_effects = effects.iter().any(|e| matches!(e, Effect::Render));
        self.run(effects);
        if !drawn_by_effects {
            self.render();
        }
    }

    /// Carries out what the engine decided.
    pub(super) fn run(self: &Rc<Self>, effects: Vec<Effect>) {
        if effects.is_empty() {
            return;
        }
        let (mut persist, mut render) = (false, false);
        for effect in effects {
            match effect {
                Effect::Emit { event, properties } => {
                    self.enqueue("track", Some(event), &properties)
                }
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
            return vec!["no guides loaded".to_string()];
        };
        engine
            .explain(page::now_ms())
            .into_iter()
            .map(|(id, d)| format!("  {id}: {d}"))
            .collect()
    }
}
