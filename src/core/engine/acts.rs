//! The host's `start`, `complete` and `dismiss` calls: what they name, and whether the guide
//! file has it, so a typo in an id is an error the host sees rather than a call that does
//! nothing.

use super::{Effect, Engine};
use crate::core::time::Millis;

/// A call that acts on a guide or step named by the host.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Act {
    Start(String),
    /// `stepId` (that step in every guide that has it) or `guideId/stepId`.
    Complete(String),
    Dismiss(String),
}

impl Act {
    /// The call's name and the id it was given, for messages.
    pub fn verb_and_id(&self) -> (&'static str, &str) {
        match self {
            Act::Start(id) => ("start", id),
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
}

impl Engine {
    /// Why `act` cannot be carried out with this guide file, if it cannot.
    pub fn check(&self, act: &Act) -> Result<(), ActError> {
        let guides = &self.file.guides;
        let guide = |id: &str| guides.iter().find(|g| g.id == id);
        match act {
            Act::Start(id) => guide(id)
                .map(|_| ())
                .ok_or_else(|| ActError::NoGuide(id.clone())),
            Act::Dismiss(id) => match guide(id) {
                None => Err(ActError::NoGuide(id.clone())),
                // A finished checklist can always be put away, as its × button does.
                Some(g) if !g.dismissible && self.finished().is_none_or(|f| f.id != g.id) => {
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
            Act::Start(id) => self.start(id, now),
            Act::Complete(id) => self.complete(id, now),
            Act::Dismiss(id) => self.dismiss(id, super::DismissedBy::Api, now),
        }
    }
}
