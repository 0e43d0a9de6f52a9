//! Loading the guide file, carrying out the engine's effects, and rendering.

use super::Runtime;
use crate::core::engine::{Effect, Engine};
use crate::core::guide::{self, Severity};
use crate::core::json::write_escaped;
use crate::web::{console, render};
use std::rc::{Rc, Weak};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::{spawn_local, JsFuture};

/// Fetches the guide file at `url`, then applies it.
pub(super) fn fetch(rt: Weak<Runtime>, url: String) {
    spawn_local(async move {
        let text = match fetch_text(&url).await {
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

async fn fetch_text(url: &str) -> Result<String, String> {
    let window = web_sys::window().ok_or("no window")?;
    let response = JsFuture::from(window.fetch_with_str(url))
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

fn props(pairs: &[(&str, &str)]) -> String {
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
        let engine = Engine::new(file, self.load_progress());
        self.state.borrow_mut().engine = Some(engine);
        self.render();
    }

    pub(super) fn run(self: &Rc<Self>, effects: Vec<Effect>) {
        if effects.is_empty() {
            return;
        }
        self.save_progress();
        for effect in effects {
            match effect {
                Effect::StepCompleted {
                    guide_id,
                    step_id,
                    step_index,
                } => {
                    let index = step_index.to_string();
                    let p = props(&[
                        ("guide_id", &guide_id),
                        ("step_id", &step_id),
                        ("step_index", &index),
                    ]);
                    self.enqueue("track", Some("Onboarding Step Completed"), &p);
                }
                Effect::GuideCompleted { guide_id } => {
                    self.enqueue(
                        "track",
                        Some("Onboarding Guide Completed"),
                        &props(&[("guide_id", &guide_id)]),
                    );
                }
                Effect::Render => self.render(),
            }
        }
    }

    pub(super) fn render(self: &Rc<Self>) {
        let mut st = self.state.borrow_mut();
        let view = st.engine.as_ref().and_then(crate::core::view::checklist);
        st.ui = None;
        let Some(view) = view else {
            st.mount = None;
            return;
        };
        if st.mount.is_none() {
            st.mount = crate::web::mount::Mount::new();
        }
        let open = st.panel_open;
        let weak = Rc::downgrade(self);
        let ui = st.mount.as_ref().and_then(|m| {
            render::checklist(m, &view, open, move || {
                if let Some(rt) = weak.upgrade() {
                    rt.toggle_panel();
                }
            })
        });
        st.ui = ui;
    }

    fn toggle_panel(self: &Rc<Self>) {
        let open = {
            let mut st = self.state.borrow_mut();
            st.panel_open = !st.panel_open;
            st.panel_open
        };
        self.store
            .set(&self.options.key("open"), if open { "1" } else { "0" });
        self.render();
    }
}
