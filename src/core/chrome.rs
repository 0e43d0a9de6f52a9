//! The widget's own words (its buttons, counter and labels): English, unless the guide file's
//! `locales` give them for the user's locale as `ui.*` keys, like any other text.

use crate::core::guide::GuideFile;

/// Every `ui.*` key, its English text, and the placeholders the text must keep.
pub const KEYS: [(&str, &str, &[&str]); 11] = [
    ("ui.back", "Back", &[]),
    ("ui.next", "Next", &[]),
    ("ui.done", "Done", &[]),
    ("ui.counter", "{n} of {total}", &["{n}", "{total}"]),
    ("ui.announce", "Step {n} of {total}", &["{n}", "{total}"]),
    ("ui.close", "Close this guide", &[]),
    ("ui.dismiss", "Dismiss this checklist", &[]),
    ("ui.progress", "Progress", &[]),
    ("ui.first_win", "Your first win", &[]),
    ("ui.tip", "Tip: {title}", &["{title}"]),
    ("ui.all_done", "You're all set", &[]),
];

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Chrome {
    pub back: String,
    pub next: String,
    pub done: String,
    counter: String,
    announce: String,
    pub close: String,
    pub dismiss: String,
    pub progress: String,
    pub first_win: String,
    tip: String,
    pub all_done: String,
}

impl Chrome {
    /// The words for `locale` (its exact tag, then its language), English where not given.
    pub fn for_locale(file: &GuideFile, locale: &str) -> Chrome {
        Chrome::from_words(|key, english| crate::core::view::text(file, locale, key, english))
    }

    fn from_words(word: impl Fn(&str, &str) -> String) -> Chrome {
        let [back, next, done, counter, announce, close, dismiss, progress, first_win, tip, all_done] =
            KEYS.map(|(key, english, _)| word(key, english));
        Chrome {
            back,
            next,
            done,
            counter,
            announce,
            close,
            dismiss,
            progress,
            first_win,
            tip,
            all_done,
        }
    }

    /// "2 of 5": the step's place (1-based) among the tour's steps.
    pub fn counter(&self, n: usize, total: usize) -> String {
        numbered(&self.counter, n, total)
    }

    /// "Step 2 of 5", said by screen readers before the step's title.
    pub fn announce(&self, n: usize, total: usize) -> String {
        numbered(&self.announce, n, total)
    }

    /// "Tip: Invite your team", the name of a hotspot's dot.
    pub fn tip(&self, title: &str) -> String {
        self.tip.replace("{title}", title)
    }
}

impl Default for Chrome {
    /// English.
    fn default() -> Chrome {
        Chrome::from_words(|_, english| english.to_string())
    }
}

fn numbered(template: &str, n: usize, total: usize) -> String {
    template
        .replace("{n}", &n.to_string())
        .replace("{total}", &total.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file_with(locales: &str) -> GuideFile {
        let text = format!(
            r#"{{"version": 1, "locales": {locales}, "guides": [{{"id": "g", "title": "G", "steps": [{{"id": "a", "title": "A"}}]}}]}}"#
        );
        crate::core::guide::load(&text).file.expect("a valid file")
    }

    #[test]
    fn english_unless_the_locale_gives_the_words() {
        let file = file_with(r#"{"ar": {"ui.next": "التالي", "ui.counter": "{n} من {total}"}}"#);
        // (locale, next, counter of step 2 of 5)
        for (locale, next, counter) in [
            ("ar", "التالي", "2 من 5"),
            ("ar-EG", "التالي", "2 من 5"),
            ("fr", "Next", "2 of 5"),
            ("", "Next", "2 of 5"),
        ] {
            let c = Chrome::for_locale(&file, locale);
            assert_eq!(c.next, next, "{locale}");
            assert_eq!(c.counter(2, 5), counter, "{locale}");
            assert_eq!(c.back, "Back", "{locale}: not translated, so English");
        }
    }

    #[test]
    fn placeholders_are_filled_wherever_they_sit() {
        let c = Chrome::default();
        assert_eq!(c.announce(1, 3), "Step 1 of 3");
        assert_eq!(c.tip("Invite your team"), "Tip: Invite your team");
        let file = file_with(r#"{"de": {"ui.counter": "Schritt {n}/{total}"}}"#);
        assert_eq!(Chrome::for_locale(&file, "de").counter(4, 4), "Schritt 4/4");
    }
}
