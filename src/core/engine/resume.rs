//! The guide on screen comes back first on the tab's next page load: a reload, or a link that
//! loads the page of a tour's next step. The tab keeps what `showing` says (the adapter stores
//! it per tab) and gives it back as `Start::showing`.

use super::{Engine, Start};
use crate::core::guide::GuideFile;

/// The guide `start.showing` names, if it is this user's and the file still has it.
pub(super) fn guide_to_resume(file: &GuideFile, start: &Start) -> Option<usize> {
    let kept = start.showing.as_deref()?;
    // Matched by prefix: guide ids have no `/`, user ids may.
    let id = kept
        .strip_prefix(start.user.key.as_str())?
        .strip_prefix('/')?;
    file.guides.iter().position(|g| g.id == id)
}

impl Engine {
    /// The user and the guide on screen, as `user/guide`, for the tab to keep across its page
    /// loads; `None` when no guide shows.
    pub fn showing(&self) -> Option<String> {
        let guide = self.active()?;
        let mut showing = self.user.key.clone();
        showing.push('/');
        showing.push_str(&guide.id);
        Some(showing)
    }
}
