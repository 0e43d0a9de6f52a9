//! Recognising what the user did: tracked events, clicks, visits, elements appearing, fields
//! filled, buttons and manual completion. Completing is idempotent.

use super::schedule::url_matches;
use super::{all_pass, step_key, Effect, Engine};
use crate::core::guide::Condition;
use crate::core::json::Node;
use crate::core::time::Millis;

/// One thing that happened in the page, as the adapter observed it.
#[derive(Debug, Clone, Copy)]
pub enum Observed<'a> {
    Event {
        name: &'a str,
        properties: Option<&'a Node>,
    },
    /// A click on an element matching this selector (one of `watched().click`).
    Click(&'a str),
    Url(&'a str),
    /// An element matching this selector is in the page.
    Appeared(&'a str),
    /// A form field matching this selector has a value.
    Filled(&'a str),
}

/// The selectors the adapter must watch for, collected from every condition in the file.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Watched {
    pub click: Vec<String>,
    pub appears: Vec<String>,
    pub filled: Vec<String>,
}

fn condition_met(c: &Condition, seen: Observed<'_>, now: Millis) -> bool {
    match seen {
        Observed::Event { name, properties } => {
            c.event.as_deref() == Some(name) && all_pass(&c.filters, properties, now)
        }
        Observed::Click(sel) => c.click.as_deref() == Some(sel),
        Observed::Url(path) => c.url.as_ref().is_some_and(|p| url_matches(p, path)),
        Observed::Appeared(sel) => c.appears.as_deref() == Some(sel),
        Observed::Filled(sel) => c.filled.as_deref() == Some(sel),
    }
}

impl Engine {
    pub fn watched(&self) -> Watched {
        let mut w = Watched::default();
        for c in self
            .file
            .guides
            .iter()
            .flat_map(|g| &g.steps)
            .filter_map(|s| s.complete_when.as_ref())
        {
            for (list, sel) in [
                (&mut w.click, &c.click),
                (&mut w.appears, &c.appears),
                (&mut w.filled, &c.filled),
            ] {
                if let Some(sel) = sel.as_ref().filter(|s| !list.contains(s)) {
                    list.push(sel.clone());
                }
            }
        }
        w
    }

    /// Something happened: complete the steps it completes, start the guides it starts, and
    /// check the wow milestone.
    pub fn observe(&mut self, seen: Observed<'_>, now: Millis) -> Vec<Effect> {
        let mut effects = Vec::new();
        let triggered_count = self.triggered.len();
        let mut hits = Vec::new();
        for (g, guide) in self.file.guides.iter().enumerate() {
            for (s, step) in guide.steps.iter().enumerate() {
                if step
                    .complete_when
                    .as_ref()
                    .is_some_and(|c| condition_met(c, seen, now))
                {
                    hits.push((g, s));
                }
            }
        }
        for (g, s) in hits {
            let guide = &self.file.guides[g];
            let key = step_key(&guide.id, &guide.steps[s].id);
            let needed = guide.steps[s]
                .complete_when
                .as_ref()
                .and_then(|c| c.count)
                .unwrap_or(1)
                .max(1);
            if self.progress.is_done(&guide.id, &guide.steps[s].id) {
                continue;
            }
            if needed > 1 {
                let count = self.progress.counts.get_or_insert_with(&key, || 0);
                *count = count.saturating_add(1);
                effects.push(Effect::Persist);
                if *count < needed {
                    continue;
                }
            }
            effects.extend(self.complete_step(g, s, now));
        }
        if let Observed::Event { name, .. } = seen {
            let starts: Vec<String> = self
                .file
                .guides
                .iter()
                .filter(|g| g.start.event.as_deref() == Some(name))
                .map(|g| g.id.clone())
                .collect();
            self.triggered.extend(starts);
        }
        if let Observed::Url(path) = seen {
            self.path = path.to_string();
            self.cursor = None;
            let starts: Vec<String> = self
                .file
                .guides
                .iter()
                .filter(|g| g.start.url.as_ref().is_some_and(|p| url_matches(p, path)))
                .map(|g| g.id.clone())
                .collect();
            self.triggered.extend(starts);
            effects.push(Effect::Render);
        }
        effects.extend(self.check_wow_event(seen, now));
        // Most tracked events are no onboarding condition at all: then nothing that decides
        // what shows has changed, and deciding again would only cost the host page time.
        let triggered_before = triggered_count;
        if effects.is_empty() && self.triggered.len() == triggered_before {
            return effects;
        }
        effects.extend(self.reschedule(now));
        effects
    }

    pub(crate) fn on_url(&mut self, path: &str, now: Millis) -> Vec<Effect> {
        self.observe(Observed::Url(path), now)
    }

    /// The steps `id` names: `guide/step`, or a step id (that step in every guide that has it),
    /// as (guide, step) indexes.
    pub(crate) fn steps_named(&self, id: &str) -> Vec<(usize, usize)> {
        let (guide_filter, step_id) = match id.split_once('/') {
            Some((g, s)) => (Some(g), s),
            None => (None, id),
        };
        self.file
            .guides
            .iter()
            .enumerate()
            .filter(|(_, g)| guide_filter.is_none_or(|f| f == g.id))
            .filter_map(|(g, guide)| {
                guide
                    .steps
                    .iter()
                    .position(|s| s.id == step_id)
                    .map(|s| (g, s))
            })
            .collect()
    }

    /// `wowpath('complete', id)`: `guide/step` or a step id (every guide with that step).
    pub fn complete(&mut self, id: &str, now: Millis) -> Vec<Effect> {
        let hits = self.steps_named(id);
        let mut effects: Vec<Effect> = hits
            .into_iter()
            .flat_map(|(g, s)| self.complete_step(g, s, now))
            .collect();
        effects.extend(self.reschedule(now));
        effects
    }

    pub(crate) fn complete_step(&mut self, g: usize, s: usize, now: Millis) -> Vec<Effect> {
        let guide_id = self.file.guides[g].id.clone();
        let step_id = self.file.guides[g].steps[s].id.clone();
        if !self.progress.mark_done(&guide_id, &step_id, now) {
            return Vec::new();
        }
        if self.cursor == Some(s) && self.active == Some(g) {
            self.cursor = None;
        }
        let index = self.steps_of(g).iter().position(|&x| x == s).unwrap_or(s) as u64;
        let mut effects = vec![Effect::Persist, Effect::Render];
        // Steps done before their guide ever started are remembered (the guide will show them
        // ticked) but not reported: a guide's funnel counts what happened after it started.
        let started = self.progress.guide(&guide_id).started_at.is_some();
        if started {
            let pairs = [
                ("guide_id", guide_id.as_str()),
                ("step_id", step_id.as_str()),
            ];
            effects.push(self.emit(
                "Onboarding Step Completed",
                &pairs,
                &[("step_index", index)],
            ));
        }
        if started
            && self.guide_is_complete(g)
            && self.progress.guide(&guide_id).completed_at.is_none()
        {
            self.progress.guide_mut(&guide_id).completed_at = Some(now);
            // Done here and now, by this user: the checklist stays to say so.
            if self.active == Some(g) && self.has_checklist(g) {
                self.finished = Some(g);
            }
            self.cooldown_until = now + u64::from(self.file.cooldown_minutes) * 60_000;
            effects.push(self.emit(
                "Onboarding Guide Completed",
                &[("guide_id", &guide_id)],
                &[],
            ));
        }
        if self.file.wow.as_ref().and_then(|w| w.step.as_deref())
            == Some(step_key(&guide_id, &step_id).as_str())
        {
            effects.extend(self.reach_wow(now));
        }
        effects
    }

    fn check_wow_event(&mut self, seen: Observed<'_>, now: Millis) -> Vec<Effect> {
        let Observed::Event { name, properties } = seen else {
            return Vec::new();
        };
        let hit = self.file.wow.as_ref().is_some_and(|w| {
            w.event.as_deref() == Some(name) && all_pass(&w.filters, properties, now)
        });
        if hit {
            self.reach_wow(now)
        } else {
            Vec::new()
        }
    }

    /// The first real value: recorded once per user, with the time it took.
    fn reach_wow(&mut self, now: Millis) -> Vec<Effect> {
        if self.progress.wow_at.is_some() {
            return Vec::new();
        }
        self.progress.wow_at = Some(now);
        let took = now.saturating_sub(self.progress.first_seen.unwrap_or(now));
        vec![
            Effect::Persist,
            Effect::Render,
            self.emit("Onboarding Wow Reached", &[], &[("time_to_wow_ms", took)]),
        ]
    }
}
