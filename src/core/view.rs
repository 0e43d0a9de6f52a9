//! What to render, as plain data, so it can be tested without a browser. Texts are already
//! translated for the chosen locale.

use crate::core::chrome::Chrome;
use crate::core::engine::{step_key, Engine, Group};
use crate::core::guide::{Action, Button, GuideFile, Image, Placement, StepKind, Theme};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChecklistItem {
    pub step_id: String,
    pub title: String,
    pub body: Option<String>,
    pub done: bool,
    /// This step is the wow moment.
    pub wow: bool,
    /// Calls to action ("Show me", "Go to Team").
    pub buttons: Vec<ButtonView>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Checklist {
    pub guide_id: String,
    pub title: String,
    pub items: Vec<ChecklistItem>,
    pub dismissible: bool,
    /// Completed on this page: every step ticked, shown until the user closes it.
    pub finished: bool,
    /// The widget's own words, in the user's locale.
    pub chrome: Chrome,
}

impl Checklist {
    pub fn done_count(&self) -> usize {
        self.items.iter().filter(|i| i.done).count()
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ButtonView {
    pub label: String,
    pub action: Action,
    pub url: Option<String>,
    pub guide: Option<String>,
}

/// A tooltip, hotspot or modal to show now.
#[derive(Debug, Clone, PartialEq)]
pub struct StepView {
    pub guide_id: String,
    pub step_id: String,
    pub kind: StepKind,
    pub title: String,
    pub body: Option<String>,
    /// Its picture, with the address and text for the user's locale.
    pub image: Option<Image>,
    pub anchor: Option<String>,
    pub placement: Placement,
    pub spotlight: bool,
    pub click_through: bool,
    pub wait_ms: u32,
    pub buttons: Vec<ButtonView>,
    /// Whether it offers Next (Done on the last step): see `Engine::offers_next`.
    pub next: bool,
    /// 0-based position among the guide's tour steps, and their number.
    pub position: usize,
    pub total: usize,
    pub dismissible: bool,
    /// The widget's own words, in the user's locale.
    pub chrome: Chrome,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct View {
    pub checklist: Option<Checklist>,
    pub step: Option<StepView>,
    pub theme: Theme,
    /// Lay out right to left (Arabic, Hebrew, Persian, Urdu…).
    pub rtl: bool,
}

/// The text for `key` in `locale` (exact tag, then its language), else `fallback`.
pub(crate) fn text(file: &GuideFile, locale: &str, key: &str, fallback: &str) -> String {
    let primary = locale.split(['-', '_']).next().unwrap_or_default();
    [locale, primary]
        .iter()
        .find_map(|l| file.locales.get(l).and_then(|strings| strings.get(key)))
        .cloned()
        .unwrap_or_else(|| fallback.to_string())
}

fn buttons(file: &GuideFile, locale: &str, key: &str, buttons: &[Button]) -> Vec<ButtonView> {
    buttons
        .iter()
        .enumerate()
        .map(|(n, b)| ButtonView {
            label: text(file, locale, &format!("{key}.buttons.{n}"), &b.label),
            action: b.action,
            url: b.url.clone(),
            guide: b.guide.clone(),
        })
        .collect()
}

pub fn build(engine: &Engine, locale: &str) -> View {
    let file = engine.file();
    let mut view = View {
        theme: file.theme.clone(),
        rtl: crate::core::guide::is_rtl(locale),
        ..View::default()
    };
    if engine.group() == Group::Holdout {
        return view;
    }
    let finished = engine.shows_finished();
    let Some(guide) = engine.active().or_else(|| engine.finished()) else {
        return view;
    };
    let Some(g) = file.guides.iter().position(|x| x.id == guide.id) else {
        return view;
    };
    let steps = engine.steps_of(g);
    let progress = engine.progress();
    let wow_step = file.wow.as_ref().and_then(|w| w.step.clone());
    let items: Vec<ChecklistItem> = steps
        .iter()
        .map(|&s| &guide.steps[s])
        .filter(|s| s.kind == StepKind::Checklist)
        .map(|s| {
            let key = format!("{}.{}", guide.id, s.id);
            ChecklistItem {
                step_id: s.id.clone(),
                title: text(file, locale, &format!("{key}.title"), &s.title),
                body: s
                    .body
                    .as_ref()
                    .map(|b| text(file, locale, &format!("{key}.body"), b)),
                done: progress.is_done(&guide.id, &s.id),
                wow: wow_step.as_deref() == Some(step_key(&guide.id, &s.id).as_str()),
                buttons: buttons(file, locale, &key, &s.buttons),
            }
        })
        .collect();
    let title = text(file, locale, &format!("{}.title", guide.id), &guide.title);
    let chrome = Chrome::for_locale(file, locale);
    if !items.is_empty() {
        view.checklist = Some(Checklist {
            guide_id: guide.id.clone(),
            title: title.clone(),
            items,
            // A finished checklist can always be put away.
            dismissible: guide.dismissible || finished,
            finished,
            chrome: chrome.clone(),
        });
    }
    let tour = engine.tour_of(g);
    view.step = engine.current_tour_step().map(|(g, s)| {
        let step = &guide.steps[s];
        let key = format!("{}.{}", guide.id, step.id);
        StepView {
            guide_id: guide.id.clone(),
            step_id: step.id.clone(),
            kind: step.kind,
            title: text(file, locale, &format!("{key}.title"), &step.title),
            body: step
                .body
                .as_ref()
                .map(|b| text(file, locale, &format!("{key}.body"), b)),
            image: step.image.as_ref().map(|i| Image {
                src: text(file, locale, &format!("{key}.image.src"), &i.src),
                alt: text(file, locale, &format!("{key}.image.alt"), &i.alt),
                width: i.width,
                height: i.height,
            }),
            anchor: step.anchor.clone(),
            placement: step.placement,
            spotlight: step.spotlight.unwrap_or(step.kind == StepKind::Tooltip),
            click_through: step.click_through,
            wait_ms: step.wait_ms.unwrap_or(5000),
            buttons: buttons(file, locale, &key, &step.buttons),
            next: engine.offers_next(g, s),
            position: tour.iter().position(|&x| x == s).unwrap_or(0),
            total: tour.len(),
            dismissible: guide.dismissible,
            chrome,
        }
    });
    view
}

#[cfg(test)]
#[path = "view_tests.rs"]
mod tests;
