//! The host's `start`, `complete` and `dismiss` calls: what they name, and whether the guide
//! file has it, so a typo in an id is an error the host sees rather than a call that does
//! nothing.

use super::{Effect, Engine};
use crate::core::time::Millis;

/// A call that acts on a guide or step named by the host.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Act {
    /// `replay`: a guide the user completed, dismissed or saw once shows again.
    Start {
        id: String,
        replay: bool,
    },
    /// `stepId` (that step in every guide that has it) or `guideId/stepId`.
    Complete(String),
    Dismiss(String),
}

impl Act {
    /// The call's name and the id it was given, for messages.
    pub fn verb_and_id(&self) -> (&'static str, &str) {
        match self {
            Act::Start { id, .. } => ("start", id),
            Act::Complete(id) => ("complete", id),
            Act::Dismiss(id) => ("dismiss", id),
        }
    }

    /// The message for a call that could not be carried out, e.g. "cannot start `tour`: …".
    pub fn cannot(&self, why: &str) -> String {
        let (verb, id) = self.verb_and_id();
        format!("cannot {verb} `{id}`: {why}")
    }
}

/// Why a call cannot be carried out with this guide file.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ActError {
    #[error("there is no guide `{0}` in the guide file")]
    NoGuide(String),
    #[error("there is no step `{0}` in the guide file")]
    NoStep(String),
    #[error("guide `{0}` cannot be dismissed: its `dismissible` is false")]
    NotDismissible(String),
    /// `hint`: how to show it anyway, when the user's own history is what hides it.
    #[error("guide `{guide}` cannot show now: {why}{hint}")]
    CannotShow {
        guide: String,
        why: String,
        hint: &'static str,
    },
}

impl Engine {
    /// Why `act` cannot be carried out now with this guide file, if it cannot.
    pub fn check(&self, act: &Act, now: Millis) -> Result<(), ActError> {
        let index = |id: &str| self.file.guides.iter().position(|g| g.id == id);
        match act {
            Act::Start { id, replay } => match index(id) {
                None => Err(ActError::NoGuide(id.clone())),
                // The call is the guide's start, so only what else keeps it hidden counts.
                Some(i) => match self
                    .start_blocker(i, now, *replay)
                    .filter(|d| !d.waits_for_start())
                {
                    None => Ok(()),
                    Some(why) => Err(ActError::CannotShow {
                        guide: id.clone(),
                        hint: if why.replayable() {
                            " (to show it again, start it with { replay: true })"
                        } else {
                            ""
                        },
                        why: why.to_string(),
                    }),
                },
            },
            Act::Dismiss(id) => match index(id) {
                None => Err(ActError::NoGuide(id.clone())),
                // A completed guide can always be put away, as its × button does.
                Some(i) if !self.file.guides[i].dismissible && !self.puts_away(i) => {
                    Err(ActError::NotDismissible(id.clone()))
                }
                Some(_) => Ok(()),
            },
            Act::Complete(id) => match self.steps_named(id).is_empty() {
                false => Ok(()),
                true => Err(ActError::NoStep(id.clone())),
            },
        }
    }

    /// Carries out `act` (see `check` for whether it names anything).
    pub fn act(&mut self, act: &Act, now: Millis) -> Vec<Effect> {
        match act {
            Act::Start { id, replay } => self.start(id, *replay, now),
            Act::Complete(id) => self.complete(id, now),
            Act::Dismiss(id) => self.dismiss(id, super::DismissedBy::Api, now),
        }
    }
}
