//! The guide on screen, kept for this tab (sessionStorage): the tab's next page load, a reload
//! or a link to the next page of a tour, brings it back (`Start::showing`). A new tab weighs
//! the guides afresh.

use super::Runtime;
use crate::core::engine::Engine;
use crate::web::page;

impl Runtime {
    /// What this tab's last page left on screen.
    pub(super) fn showing_in_tab(&self) -> Option<String> {
        let showing = page::tab_value(&self.options.key("showing"));
        self.state.borrow_mut().showing_kept = showing.clone();
        showing
    }

    /// Called whenever what shows may have changed; storage is written only when it has.
    pub(super) fn keep_showing(&self) {
        let showing = self
            .state
            .borrow()
            .engine
            .as_ref()
            .and_then(Engine::showing);
        let mut st = self.state.borrow_mut();
        if st.showing_kept != showing {
            page::keep_for_tab(&self.options.key("showing"), showing.as_deref());
            st.showing_kept = showing;
        }
    }
}
