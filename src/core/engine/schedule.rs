//! Which guide shows now: targeting, frequency, prerequisites, start conditions, holdout,
//! variants and the cool-down, then one guide at a time by priority.

use super::{field_passes, passes, step_key, variant, Decision, Effect, Engine, Group};
use crate::core::guide::{Frequency, Rule, StepKind};
use crate::core::pattern::UrlPattern;
use crate::core::time::{parse_iso8601, Millis};

pub(crate) fn url_matches(pattern: &str, path: &str) -> bool {
    UrlPattern::parse(pattern).is_ok_and(|p| p.matches(path))
}

impl Engine {
    /// The variant this user sees of guide `i`, if the guide has variants.
    pub fn variant_of(&self, i: usize) -> Option<&crate::core::guide::Variant> {
        let guide = &self.file.guides[i];
        let weights: Vec<u32> = guide.variants.iter().map(|v| v.weight).collect();
        variant(&self.project, &guide.id, &self.user.key, &weights)
            .and_then(|v| guide.variants.get(v))
    }

    /// Indices of the steps of guide `i` this user sees, in order.
    pub fn steps_of(&self, i: usize) -> Vec<usize> {
        let guide = &self.file.guides[i];
        match self.variant_of(i).and_then(|v| v.steps.as_ref()) {
            Some(ids) => ids
                .iter()
                .filter_map(|id| guide.steps.iter().position(|s| &s.id == id))
                .collect(),
            None => (0..guide.steps.len()).collect(),
        }
    }

    pub fn guide_is_complete(&self, i: usize) -> bool {
        let guide = &self.file.guides[i];
        let steps = self.steps_of(i);
        !steps.is_empty()
            && steps
                .iter()
                .all(|&s| self.progress.is_done(&guide.id, &guide.steps[s].id))
    }

    /// The page is on one of guide `i`'s `target.url` patterns, or it has none.
    fn on_its_urls(&self, i: usize) -> bool {
        let urls = &self.file.guides[i].target.url;
        urls.is_empty() || urls.iter().any(|p| url_matches(p, &self.path))
    }

    pub(crate) fn has_checklist(&self, i: usize) -> bool {
        let steps = &self.file.guides[i].steps;
        self.steps_of(i)
            .iter()
            .any(|&s| steps[s].kind == StepKind::Checklist)
    }

    /// What keeps guide `i` from showing now, if anything.
    pub(crate) fn blocker(&self, i: usize, now: Millis) -> Option<Decision> {
        self.blocker_as(i, now, self.replay == Some(i))
    }

    /// The same, with `replaying` set when the guide's own history (completed, dismissed,
    /// shown once) is not to count.
    pub(crate) fn blocker_as(&self, i: usize, now: Millis, replaying: bool) -> Option<Decision> {
        let guide = &self.file.guides[i];
        let record = self.progress.guide(&guide.id);
        if self.group() == Group::Holdout {
            return Some(Decision::Holdout);
        }
        if let Some(v) = self
            .variant_of(i)
            .filter(|v| v.steps.as_ref().is_some_and(Vec::is_empty))
        {
            return Some(Decision::VariantWithoutSteps {
                variant: v.id.clone(),
            });
        }
        if let Some(history) = self.history_blocker(i).filter(|_| !replaying) {
            return Some(history);
        }
        if let Some(period) = &guide.schedule {
            let at = |date: &Option<String>| date.as_deref().and_then(parse_iso8601);
            if let Some(from) = at(&period.from).filter(|&from| now < from) {
                return Some(Decision::NotYet { from });
            }
            if let Some(until) = at(&period.until).filter(|&until| now >= until) {
                return Some(Decision::Ended { until });
            }
        }
        for required in &guide.requires {
            let done = self
                .file
                .guides
                .iter()
                .position(|g| &g.id == required)
                .is_some_and(|j| self.guide_is_complete(j));
            if !done && self.progress.guide(required).completed_at.is_none() {
                return Some(Decision::Prerequisite {
                    guide: required.clone(),
                });
            }
        }
        if !self.on_its_urls(i) {
            return Some(Decision::NotOnUrl {
                path: self.path.clone(),
            });
        }
        for (name, rule) in &guide.target.traits {
            if !field_passes(name, rule, self.user.traits.as_ref(), now) {
                return Some(Decision::Trait { name: name.clone() });
            }
        }
        if let Some(days) = guide.target.signed_up_within_days {
            let trait_name = self.file.signup_trait.as_deref().unwrap_or("created_at");
            let rule = Rule {
                within_days: Some(days),
                ..Rule::default()
            };
            let value = self.user.traits.as_ref().and_then(|t| t.get(trait_name));
            if !passes(&rule, value, now) {
                return Some(Decision::SignedUpTooLongAgo);
            }
        }
        let started = record.started_at.is_some() || self.triggered.contains(&guide.id);
        if !started {
            if let Some(event) = &guide.start.event {
                return Some(Decision::WaitingForEvent {
                    event: event.clone(),
                });
            }
            if let Some(pattern) = guide
                .start
                .url
                .as_ref()
                .filter(|p| !url_matches(p, &self.path))
            {
                return Some(Decision::WaitingForUrl {
                    pattern: pattern.clone(),
                });
            }
            if guide.start.manual {
                return Some(Decision::Manual);
            }
            if now < self.cooldown_until {
                return Some(Decision::Cooldown {
                    until: self.cooldown_until,
                });
            }
        }
        None
    }

    /// What the user's history with guide `i` says: completed, dismissed, or shown once.
    fn history_blocker(&self, i: usize) -> Option<Decision> {
        let guide = &self.file.guides[i];
        let record = self.progress.guide(&guide.id);
        if record.completed_at.is_some() || self.guide_is_complete(i) {
            return Some(Decision::Completed);
        }
        let dismissed_for_good =
            record.dismissed_at.is_some() && guide.frequency != Frequency::EverySession;
        if dismissed_for_good || record.dismissed_session.as_deref() == Some(self.session.as_str())
        {
            return Some(Decision::Dismissed);
        }
        if guide.frequency == Frequency::Once
            && record.session.as_ref().is_some_and(|s| *s != self.session)
        {
            return Some(Decision::ShownInEarlierSession);
        }
        None
    }

    /// Picks the guide to show (the one already showing stays while it can) and reports what
    /// starts and which step is viewed.
    pub(crate) fn reschedule(&mut self, now: Millis) -> Vec<Effect> {
        self.end_replay_if_over();
        let eligible: Vec<usize> = (0..self.file.guides.len())
            .filter(|&i| self.blocker(i, now).is_none())
            .collect();
        // The guide showing stays while it can; so does the one this tab showed when its last
        // page was left (a reload, or a link to the next page of a tour).
        let keep = self.active.or(self.resume).filter(|a| eligible.contains(a));
        let next = keep.or_else(|| {
            eligible
                .iter()
                .copied()
                .max_by_key(|&i| (self.file.guides[i].priority, usize::MAX - i))
        });
        let mut effects = Vec::new();
        if next.is_some() {
            self.resume = None;
        }
        if next != self.active {
            if next.is_some() {
                self.finished = None;
            }
            self.active = next;
            self.cursor = None;
            effects.push(Effect::Render);
            if let Some(i) = next {
                effects.extend(self.start_guide(i, now));
            }
        }
        // A finished checklist belongs to the part of the app its guide targeted.
        if self.finished.is_some_and(|f| !self.on_its_urls(f)) {
            self.finished = None;
            effects.push(Effect::Render);
        }
        effects.extend(self.report_view());
        effects
    }

    pub(crate) fn start_guide(&mut self, i: usize, now: Millis) -> Vec<Effect> {
        let id = self.file.guides[i].id.clone();
        let session = self.session.clone();
        let record = self.progress.guide_mut(&id);
        record.session = Some(session);
        if record.started_at.is_some() {
            return vec![Effect::Persist];
        }
        record.started_at = Some(now);
        vec![
            Effect::Persist,
            self.emit("Onboarding Guide Started", &[("guide_id", &id)], &[]),
        ]
    }

    /// The tour step (tooltip, hotspot or modal) of the active guide to show now.
    pub fn current_tour_step(&self) -> Option<(usize, usize)> {
        let i = self.active?;
        let guide = &self.file.guides[i];
        let tour = self.tour_of(i);
        if let Some(c) = self.cursor.filter(|c| tour.contains(c)) {
            return Some((i, c));
        }
        tour.into_iter()
            .find(|&s| {
                let step = &guide.steps[s];
                !self.progress.is_done(&guide.id, &step.id)
                    && step
                        .requires
                        .iter()
                        .all(|r| self.progress.is_done(&guide.id, r))
                    && step.url.as_ref().is_none_or(|p| url_matches(p, &self.path))
                    && !self.missing.contains(&step_key(&guide.id, &step.id))
            })
            .map(|s| (i, s))
    }

    fn report_view(&mut self) -> Vec<Effect> {
        let Some((i, s)) = self.current_tour_step() else {
            return Vec::new();
        };
        let guide = &self.file.guides[i];
        let key = step_key(&guide.id, &guide.steps[s].id);
        if !self.viewed.insert(key) {
            return Vec::new();
        }
        let position = self.steps_of(i).iter().position(|&x| x == s).unwrap_or(s) as u64;
        let (g, st) = (guide.id.clone(), guide.steps[s].id.clone());
        vec![self.emit(
            "Onboarding Step Viewed",
            &[("guide_id", &g), ("step_id", &st)],
            &[("step_index", position)],
        )]
    }
}
