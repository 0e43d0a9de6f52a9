//! Seeing a guide again: `start(guideId, { replay: true })` or a `start_guide` button on a
//! guide the user completed, dismissed or (for a `once` guide) saw in an earlier session shows
//! it once more from its first step, for an app's "Take the tour again" button. A replay lasts
//! until its tour has nothing left to show, the user closes it, another guide takes its place
//! or the page is left.

use super::schedule::url_matches;
use super::{Decision, Engine};
use crate::core::guide::StepKind;
use crate::core::time::Millis;

impl Decision {
    /// Whether a replay may show the guide again despite this.
    pub(crate) fn replayable(&self) -> bool {
        matches!(
            self,
            Decision::Completed | Decision::Dismissed | Decision::ShownInEarlierSession
        )
    }

    /// Whether this only waits for the guide's start, which an explicit start is.
    pub(crate) fn waits_for_start(&self) -> bool {
        matches!(
            self,
            Decision::WaitingForEvent { .. }
                | Decision::WaitingForUrl { .. }
                | Decision::Manual
                | Decision::Cooldown { .. }
        )
    }
}

impl Engine {
    /// Why an explicit start of guide `i` cannot show it now, if it cannot (with `replay`,
    /// even setting the user's history with it aside).
    pub(crate) fn start_blocker(&self, i: usize, now: Millis, replay: bool) -> Option<Decision> {
        match self.blocker(i, now) {
            Some(d) if replay && d.replayable() => self.blocker_as(i, now, true),
            other => other,
        }
    }

    /// Shows guide `i` as a replay: its tour begins at its first step on this page, done or not.
    pub(crate) fn begin_replay(&mut self, i: usize) {
        self.replay = Some(i);
        let guide = &self.file.guides[i];
        self.cursor = self.steps_of(i).into_iter().find(|&s| {
            let step = &guide.steps[s];
            step.kind != StepKind::Checklist
                && step.url.as_ref().is_none_or(|p| url_matches(p, &self.path))
        });
    }

    /// Ends the replay once another guide shows or its tour has nothing left to show (a
    /// checklist stays until it is closed).
    pub(crate) fn end_replay_if_over(&mut self) {
        let Some(r) = self.replay else { return };
        let nothing_left = !self.has_checklist(r) && self.current_tour_step().is_none();
        if self.active != Some(r) || nothing_left {
            self.replay = None;
        }
    }

    /// Whether closing guide `i` puts away a completed guide rather than declining it: no
    /// dismissal is recorded, and even a guide that is not `dismissible` may be closed.
    pub(crate) fn puts_away(&self, i: usize) -> bool {
        self.finished == Some(i) || (self.replay == Some(i) && self.guide_is_complete(i))
    }

    /// Whether the guide on screen is one the user has completed (its checklist all ticked).
    pub fn shows_finished(&self) -> bool {
        match self.active {
            None => self.finished.is_some(),
            Some(a) => self.replay == Some(a) && self.guide_is_complete(a),
        }
    }
}
