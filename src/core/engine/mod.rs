//! Decides, for one user, which guide and step to show now, and recognises when they have
//! done something. Pure: `(state, input) -> effects`; the browser adapter feeds inputs (events,
//! clicks, URL changes, elements appearing, time) and carries out the effects.

mod acts;
mod assign;
mod explain;
mod progress;
mod replay;
mod resume;
mod rules;
mod schedule;
mod tour;
mod triggers;

pub use acts::{Act, ActError};
pub use tour::DismissedBy;
pub use triggers::{Observed, Watched};

#[cfg(test)]
mod engine_tests;
#[cfg(test)]
mod progress_tests;

pub use assign::{group, unit, variant, Group};
pub use explain::Decision;
pub use progress::{step_key, GuideRecord, Progress, PROGRESS_VERSION};
pub use rules::{all_pass, field_passes, passes};

use crate::core::guide::{Guide, GuideFile};
use crate::core::json::{write_escaped, Node};
use crate::core::sorted::SortedSet;
use crate::core::time::Millis;

/// Something the adapter must do because of an input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Send this onboarding event; `properties` is a JSON object's text.
    Emit {
        event: &'static str,
        properties: String,
    },
    /// Progress changed: store it.
    Persist,
    /// What is shown changed: render again.
    Render,
}

/// Who is using the page right now.
#[derive(Debug, Clone, Default)]
pub struct User {
    /// The signed-in user's id, or the anonymous id.
    pub key: String,
    /// Traits from `identify`, as a JSON object.
    pub traits: Option<Node>,
}

/// One user's onboarding state over one guide file.
pub struct Engine {
    file: GuideFile,
    project: String,
    user: User,
    session: String,
    path: String,
    progress: Progress,
    /// The guide shown now, by index into `file.guides`.
    active: Option<usize>,
    /// A guide completed on this page while it showed: its checklist stays on screen, every
    /// step ticked, until the user closes it, another guide shows or the page is left, so the
    /// moment it is done is seen rather than having it vanish.
    finished: Option<usize>,
    /// A guide shown again by an explicit start though its history would keep it hidden
    /// (`replay.rs`).
    replay: Option<usize>,
    /// The tour step the user moved to with next/back, if any (index into the guide's steps).
    cursor: Option<usize>,
    /// The guide this tab showed when its last page was left, while it has not yet been
    /// weighed against the others (`Start::showing`).
    resume: Option<usize>,
    /// Guides whose start condition happened on this page.
    triggered: SortedSet<String>,
    /// Tour steps whose anchor could not be found.
    missing: SortedSet<String>,
    /// Steps already reported as viewed on this page.
    viewed: SortedSet<String>,
    cooldown_until: Millis,
}

/// What the engine needs from the page when it starts.
pub struct Start {
    pub project: String,
    pub user: User,
    pub session: String,
    pub path: String,
    pub progress: Progress,
    pub now: Millis,
    /// What `Engine::showing` said last in this tab, kept across its page loads: the guide on
    /// screen when the last page was left comes back first.
    pub showing: Option<String>,
}

fn props(pairs: &[(&str, &str)], numbers: &[(&str, u64)]) -> String {
    let mut out = String::from("{");
    for (k, v) in pairs {
        if out.len() > 1 {
            out.push(',');
        }
        write_escaped(&mut out, k);
        out.push(':');
        write_escaped(&mut out, v);
    }
    for (k, v) in numbers {
        if out.len() > 1 {
            out.push(',');
        }
        write_escaped(&mut out, k);
        out.push(':');
        out.push_str(&v.to_string());
    }
    out.push('}');
    out
}

impl Engine {
    pub fn new(file: GuideFile, start: Start) -> (Engine, Vec<Effect>) {
        let resume = resume::guide_to_resume(&file, &start);
        let mut engine = Engine {
            file,
            project: start.project,
            user: start.user,
            session: start.session,
            path: start.path,
            progress: start.progress,
            active: None,
            finished: None,
            replay: None,
            cursor: None,
            resume,
            triggered: SortedSet::new(),
            missing: SortedSet::new(),
            viewed: SortedSet::new(),
            cooldown_until: 0,
        };
        let mut effects = Vec::new();
        if engine.progress.first_seen.is_none() {
            engine.progress.first_seen = Some(start.now);
            effects.push(Effect::Persist);
        }
        effects.extend(engine.report_group());
        effects.extend(engine.on_url(&engine.path.clone(), start.now));
        effects.extend(engine.reschedule(start.now));
        (engine, effects)
    }

    pub fn file(&self) -> &GuideFile {
        &self.file
    }

    pub fn progress(&self) -> &Progress {
        &self.progress
    }

    pub fn path(&self) -> &str {
        &self.path
    }

    pub fn group(&self) -> Group {
        group(&self.project, &self.user.key, self.file.holdout)
    }

    /// The guide shown now.
    pub fn active(&self) -> Option<&Guide> {
        self.active.and_then(|i| self.file.guides.get(i))
    }

    /// The guide completed on this page that still shows its ticked checklist.
    pub fn finished(&self) -> Option<&Guide> {
        self.finished.and_then(|i| self.file.guides.get(i))
    }

    fn emit(&self, event: &'static str, pairs: &[(&str, &str)], numbers: &[(&str, u64)]) -> Effect {
        let index = pairs
            .iter()
            .find(|(k, _)| *k == "guide_id")
            .and_then(|(_, id)| self.file.guides.iter().position(|g| g.id == *id));
        let guide = index.map(|i| &self.file.guides[i]);
        let group = self.group();
        // The holdout never sees a variant, so its events name none.
        let variant = index
            .filter(|_| group == Group::Treatment)
            .and_then(|i| self.variant_of(i));
        let mut all: Vec<(&str, &str)> = Vec::with_capacity(pairs.len() + 4);
        for &(k, v) in pairs {
            all.push((k, v));
            // Each id is followed by its name as the guide file writes it, untranslated, so
            // reports and the tools the events flow into read the same for every user; and a
            // guide's by the variant the user sees, so every funnel can be split by it.
            match (k, guide) {
                ("guide_id", Some(g)) => {
                    all.push(("guide_title", &g.title));
                    if let Some(v) = variant {
                        all.push(("variant", &v.id));
                    }
                }
                ("step_id", Some(g)) => {
                    if let Some(s) = g.steps.iter().find(|s| s.id == v) {
                        all.push(("step_title", &s.title));
                    }
                }
                _ => {}
            }
        }
        all.push(("group", group.as_str()));
        Effect::Emit {
            event,
            properties: props(&all, numbers),
        }
    }

    /// Another user signed in (or out): switch to their progress and traits.
    pub fn set_user(&mut self, user: User, progress: Progress, now: Millis) -> Vec<Effect> {
        self.user = user;
        self.progress = progress;
        self.active = None;
        self.finished = None;
        self.replay = None;
        self.cursor = None;
        self.resume = None;
        let mut effects = vec![Effect::Persist];
        if self.progress.first_seen.is_none() {
            self.progress.first_seen = Some(now);
        }
        effects.extend(self.report_group());
        effects.extend(self.reschedule(now));
        effects.push(Effect::Render);
        effects
    }

    /// Every user, treatment or holdout, says once which group they are in, whether or not a
    /// guide ever shows: that is what the lift over the holdout is measured on. Said again if
    /// the group changes (an anonymous user signs in and is assigned by their user id).
    fn report_group(&mut self) -> Vec<Effect> {
        let group = self.group().as_str();
        if self.progress.group.as_deref() == Some(group) {
            return Vec::new();
        }
        self.progress.group = Some(group.to_string());
        vec![
            Effect::Persist,
            self.emit("Onboarding Group Assigned", &[], &[]),
        ]
    }

    /// New traits for the same user (`identify` again): targeting is evaluated again.
    pub fn set_traits(&mut self, traits: Node, now: Millis) -> Vec<Effect> {
        self.user.traits = Some(traits);
        self.reschedule(now)
    }

    /// Progress made elsewhere (another tab or device) arrived: merge it in.
    pub fn merge_progress(&mut self, other: &Progress, now: Millis) -> Vec<Effect> {
        let before = self.progress.clone();
        self.progress.merge(other);
        if self.progress == before {
            return Vec::new();
        }
        let mut effects = vec![Effect::Persist, Effect::Render];
        effects.extend(self.reschedule(now));
        effects
    }

    /// Why each guide is or is not showing.
    pub fn explain(&self, now: Millis) -> Vec<(String, Decision)> {
        (0..self.file.guides.len())
            .map(|i| {
                let id = self.file.guides[i].id.clone();
                let decision = match self.blocker(i, now) {
                    Some(d) => d,
                    None if self.active == Some(i) => Decision::Showing,
                    None => Decision::Waiting {
                        behind: self.active().map(|g| g.id.clone()).unwrap_or_default(),
                    },
                };
                (id, decision)
            })
            .collect()
    }
}
