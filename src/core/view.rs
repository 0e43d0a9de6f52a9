//! What to render, as plain data, so it can be tested without a browser.

use crate::core::engine::Engine;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChecklistItem {
    pub step_id: String,
    pub title: String,
    pub body: Option<String>,
    pub done: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Checklist {
    pub guide_id: String,
    pub title: String,
    pub items: Vec<ChecklistItem>,
}

impl Checklist {
    pub fn done_count(&self) -> usize {
        self.items.iter().filter(|i| i.done).count()
    }
}

/// The checklist to show now: the highest-priority guide that is not finished yet.
pub fn checklist(engine: &Engine) -> Option<Checklist> {
    let progress = engine.progress();
    let mut guides: Vec<_> = engine.guides().guides.iter().collect();
    guides.sort_by_key(|g| core::cmp::Reverse(g.priority)); // stable: file order breaks ties
    guides.into_iter().find_map(|g| {
        let items: Vec<ChecklistItem> = g
            .steps
            .iter()
            .map(|s| ChecklistItem {
                step_id: s.id.clone(),
                title: s.title.clone(),
                body: s.body.clone(),
                done: progress.is_done(&g.id, &s.id),
            })
            .collect();
        let finished = items.iter().all(|i| i.done);
        (!finished).then(|| Checklist {
            guide_id: g.id.clone(),
            title: g.title.clone(),
            items,
        })
    })
}
