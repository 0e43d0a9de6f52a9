//! Moving through tours and guides by hand: explicit starts, dismissals, next and back, and
//! anchors that go missing or turn up again.

use super::{step_key, Effect, Engine};
use crate::core::guide::StepKind;
use crate::core::time::Millis;

/// How a guide was closed: the `via` of `Onboarding Guide Dismissed`, so a team can tell
/// a considered "no thanks" from a click beside the step.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DismissedBy {
    /// The card's or the checklist's × button.
    CloseButton,
    /// A guide button whose action is `dismiss`.
    Button,
    /// The Esc key.
    Escape,
    /// A click on the dimmed page around a step.
    Outside,
    /// `wowpath('dismiss', guideId)`.
    Api,
}

impl DismissedBy {
    pub fn as_str(self) -> &'static str {
        match self {
            DismissedBy::CloseButton => "close",
            DismissedBy::Button => "button",
            DismissedBy::Escape => "escape",
            DismissedBy::Outside => "outside",
            DismissedBy::Api => "api",
        }
    }
}

impl Engine {
    /// `wowpath('start', guideId)` or a `start_guide` button: shows it now if it may show;
    /// with `replay`, also if the user is done with it (`replay.rs`).
    pub fn start(&mut self, guide_id: &str, replay: bool, now: Millis) -> Vec<Effect> {
        let Some(i) = self.file.guides.iter().position(|g| g.id == guide_id) else {
            return Vec::new();
        };
        self.triggered.insert(guide_id.to_string());
        if self.start_blocker(i, now, replay).is_some() || self.active == Some(i) {
            return self.reschedule(now);
        }
        // Past `start_blocker`, all that can still hide it is the user's history with it.
        let replaying = replay && self.blocker(i, now).is_some_and(|d| d.replayable());
        // An explicit start goes ahead of whatever shows; that guide comes back afterwards.
        self.active = Some(i);
        self.finished = None;
        self.replay = None;
        self.cursor = None;
        if replaying {
            self.begin_replay(i);
        }
        let mut effects = vec![Effect::Render];
        // How often people come back to a guide tells a team where the product is hard.
        if self.replay == Some(i) {
            effects.push(self.emit("Onboarding Guide Replayed", &[("guide_id", guide_id)], &[]));
        }
        effects.extend(self.start_guide(i, now));
        effects.extend(self.reschedule(now));
        effects
    }

    /// The user closed the guide, in the way `by` says.
    pub fn dismiss(&mut self, guide_id: &str, by: DismissedBy, now: Millis) -> Vec<Effect> {
        let Some(i) = self.file.guides.iter().position(|g| g.id == guide_id) else {
            return Vec::new();
        };
        // A completed guide (finished here, or replayed) is put away, not declined.
        if self.puts_away(i) {
            self.finished = None;
            self.replay = None;
            let mut effects = vec![Effect::Render];
            effects.extend(self.reschedule(now));
            return effects;
        }
        if !self.file.guides[i].dismissible {
            return Vec::new();
        }
        if self.replay == Some(i) {
            self.replay = None;
        }
        let session = self.session.clone();
        let step = self
            .current_tour_step()
            .filter(|(g, _)| *g == i)
            .map(|(_, s)| self.file.guides[i].steps[s].id.clone())
            .unwrap_or_default();
        let record = self.progress.guide_mut(guide_id);
        record.dismissed_at = Some(now);
        record.dismissed_session = Some(session);
        self.cooldown_until = now + u64::from(self.file.cooldown_minutes) * 60_000;
        let mut effects = vec![
            Effect::Persist,
            Effect::Render,
            self.emit(
                "Onboarding Guide Dismissed",
                &[
                    ("guide_id", guide_id),
                    ("step_id", &step),
                    ("via", by.as_str()),
                ],
                &[],
            ),
        ];
        effects.extend(self.reschedule(now));
        effects
    }

    /// A step that completes on Next: it has no completion condition of its own, or one that
    /// also accepts a button.
    fn completes_on_next(&self, g: usize, s: usize) -> bool {
        let step = &self.file.guides[g].steps[s];
        step.complete_when.as_ref().is_none_or(|c| c.manual)
    }

    /// The tour steps of guide `g` this user has, in order.
    pub(crate) fn tour_of(&self, g: usize) -> Vec<usize> {
        self.steps_of(g)
            .into_iter()
            .filter(|&x| self.file.guides[g].steps[x].kind != StepKind::Checklist)
            .collect()
    }

    /// Whether step `s` of guide `g` offers Next (Done on the last step). The last step that
    /// completes by what the user does (a click on its target, say) does not: Done could not
    /// end the tour, so the step ends when the user does it, or is closed.
    pub fn offers_next(&self, g: usize, s: usize) -> bool {
        self.tour_of(g).last() != Some(&s) || self.completes_on_next(g, s)
    }

    /// A tour's next button: completes a step that has no completion condition of its own.
    pub fn next(&mut self, now: Millis) -> Vec<Effect> {
        let Some((g, s)) = self.current_tour_step() else {
            return Vec::new();
        };
        if !self.offers_next(g, s) {
            return Vec::new();
        }
        let mut effects = Vec::new();
        if self.completes_on_next(g, s) {
            effects.extend(self.complete_step(g, s, now));
        }
        let tour = self.tour_of(g);
        self.cursor = tour
            .iter()
            .position(|&x| x == s)
            .and_then(|p| tour.get(p + 1))
            .copied();
        effects.push(Effect::Render);
        effects.extend(self.reschedule(now));
        effects
    }

    /// A tour's back button.
    pub fn back(&mut self, now: Millis) -> Vec<Effect> {
        let Some((g, s)) = self.current_tour_step() else {
            return Vec::new();
        };
        let tour = self.tour_of(g);
        if let Some(p) = tour.iter().position(|&x| x == s).filter(|p| *p > 0) {
            self.cursor = Some(tour[p - 1]);
        }
        let mut effects = vec![Effect::Render];
        effects.extend(self.reschedule(now));
        effects
    }

    /// The adapter could not find a tour step's anchor in time. `hidden_matches`: elements that
    /// match but have no box (`display: none`), which tells a PM the selector is right and the
    /// element was hidden, not absent.
    pub fn anchor_missing(
        &mut self,
        guide_id: &str,
        step_id: &str,
        selector: &str,
        hidden_matches: u32,
        now: Millis,
    ) -> Vec<Effect> {
        if !self.missing.insert(step_key(guide_id, step_id)) {
            return Vec::new();
        }
        let path = self.path.clone();
        let mut effects = vec![self.emit(
            "Onboarding Target Missing",
            &[
                ("guide_id", guide_id),
                ("step_id", step_id),
                ("selector", selector),
                ("url", &path),
            ],
            &[("hidden_matches", u64::from(hidden_matches))],
        )];
        effects.push(Effect::Render);
        effects.extend(self.reschedule(now));
        effects
    }

    /// Tour steps whose anchor was reported missing, with their selector, so the adapter can
    /// notice when one turns up after all.
    pub fn missing_anchors(&self) -> Vec<(String, String, String)> {
        self.file
            .guides
            .iter()
            .flat_map(|g| g.steps.iter().map(move |s| (g, s)))
            .filter(|(g, s)| self.missing.contains(&step_key(&g.id, &s.id)))
            .map(|(g, s)| {
                (
                    g.id.clone(),
                    s.id.clone(),
                    s.anchor.clone().unwrap_or_default(),
                )
            })
            .collect()
    }

    pub fn anchor_found(&mut self, guide_id: &str, step_id: &str, now: Millis) -> Vec<Effect> {
        if !self.missing.remove(&step_key(guide_id, step_id)) {
            return Vec::new();
        }
        let mut effects = vec![Effect::Render];
        effects.extend(self.reschedule(now));
        effects
    }
}
