//! Decides, for one user, what to show and recognises when they have done something.
//! `(state, input) -> effects`: the browser adapter feeds inputs and carries out the effects.

mod progress;

pub use progress::{Progress, PROGRESS_VERSION};

use crate::core::guide::GuideFile;
use crate::core::time::Millis;

/// Something the adapter must do because of an input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// A step became complete: report it and persist progress.
    StepCompleted {
        guide_id: String,
        step_id: String,
        step_index: usize,
    },
    /// Every step of a guide is complete.
    GuideCompleted { guide_id: String },
    /// The view changed: render again.
    Render,
}

/// One user's onboarding state over one guide file.
pub struct Engine {
    guides: GuideFile,
    progress: Progress,
}

impl Engine {
    pub fn new(guides: GuideFile, progress: Progress) -> Self {
        Engine { guides, progress }
    }

    pub fn guides(&self) -> &GuideFile {
        &self.guides
    }

    pub fn progress(&self) -> &Progress {
        &self.progress
    }

    /// Switches to another user's progress (after `identify` or `reset`).
    pub fn set_progress(&mut self, progress: Progress) {
        self.progress = progress;
    }

    /// The host app reported an event (`wowpath('track', name, props)`).
    pub fn on_track(&mut self, event: &str, now: Millis) -> Vec<Effect> {
        let mut hits = Vec::new();
        for guide in &self.guides.guides {
            for (i, step) in guide.steps.iter().enumerate() {
                let matches =
                    step.complete_when.as_ref().and_then(|c| c.event.as_deref()) == Some(event);
                if matches {
                    hits.push((guide.id.clone(), step.id.clone(), i));
                }
            }
        }
        let mut effects = Vec::new();
        for (guide_id, step_id, i) in hits {
            effects.extend(self.complete(&guide_id, &step_id, i, now));
        }
        effects
    }

    /// `wowpath('complete', stepId)`: completes every step with that id.
    pub fn on_complete(&mut self, step_id: &str, now: Millis) -> Vec<Effect> {
        let hits: Vec<(String, usize)> = self
            .guides
            .guides
            .iter()
            .filter_map(|g| {
                g.steps
                    .iter()
                    .position(|s| s.id == step_id)
                    .map(|i| (g.id.clone(), i))
            })
            .collect();
        hits.into_iter()
            .flat_map(|(g, i)| self.complete(&g, step_id, i, now))
            .collect()
    }

    fn complete(
        &mut self,
        guide_id: &str,
        step_id: &str,
        step_index: usize,
        now: Millis,
    ) -> Vec<Effect> {
        if !self.progress.mark_done(guide_id, step_id, now) {
            return Vec::new(); // already done: completion is idempotent
        }
        let mut effects = vec![
            Effect::StepCompleted {
                guide_id: guide_id.into(),
                step_id: step_id.into(),
                step_index,
            },
            Effect::Render,
        ];
        let all_done = self
            .guides
            .guides
            .iter()
            .find(|g| g.id == guide_id)
            .is_some_and(|g| g.steps.iter().all(|s| self.progress.is_done(&g.id, &s.id)));
        if all_done {
            effects.push(Effect::GuideCompleted {
                guide_id: guide_id.into(),
            });
        }
        effects
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::guide::load;

    fn engine() -> Engine {
        let text = r#"{"version":1,"guides":[{"id":"g","title":"T","steps":[
            {"id":"a","title":"A","complete_when":{"event":"Project Created"}},
            {"id":"b","title":"B"}]}]}"#;
        Engine::new(load(text).file.expect("valid"), Progress::default())
    }

    #[test]
    fn a_matching_event_completes_its_step_once() {
        let mut e = engine();
        let effects = e.on_track("Project Created", 5);
        assert_eq!(
            effects[0],
            Effect::StepCompleted {
                guide_id: "g".into(),
                step_id: "a".into(),
                step_index: 0
            }
        );
        assert!(e.progress().is_done("g", "a"));
        assert!(e.on_track("Project Created", 9).is_empty());
        assert_eq!(e.progress().done_at("g", "a"), Some(5));
    }

    #[test]
    fn other_events_do_nothing_and_the_last_step_completes_the_guide() {
        let mut e = engine();
        assert!(e.on_track("Something Else", 1).is_empty());
        e.on_track("Project Created", 2);
        let effects = e.on_complete("b", 3);
        assert!(effects.contains(&Effect::GuideCompleted {
            guide_id: "g".into()
        }));
    }
}
