//! Translations: tags, keys that must name a text of the file, and strings one locale has and
//! another lacks.

use super::step::body_links;
use super::values::check_locale_tag;
use super::Ctx;
use crate::core::chrome;
use crate::core::guide::model::GuideFile;
use crate::core::guide::structure::escape;
use crate::core::sorted::SortedSet;
use crate::core::suggest::closest;

/// Every key a translation may use: `guide.title`, `guide.step.title`, `guide.step.body`,
/// `guide.step.buttons.N` (N counts from 0), `guide.step.image.src` and `.alt`, and the widget's own words (`ui.next`…).
pub fn keys(file: &GuideFile) -> SortedSet<String> {
    let mut keys = SortedSet::new();
    for (key, _, _) in chrome::KEYS {
        keys.insert(key.to_string());
    }
    for g in &file.guides {
        keys.insert(format!("{}.title", g.id));
        for s in &g.steps {
            keys.insert(format!("{}.{}.title", g.id, s.id));
            keys.insert(format!("{}.{}.body", g.id, s.id));
            if s.image.is_some() {
                keys.insert(format!("{}.{}.image.src", g.id, s.id));
                keys.insert(format!("{}.{}.image.alt", g.id, s.id));
            }
            for b in 0..s.buttons.len() {
                keys.insert(format!("{}.{}.buttons.{b}", g.id, s.id));
            }
        }
    }
    keys
}

pub fn check(ctx: &mut Ctx<'_>, file: &GuideFile) {
    if file.locales.is_empty() {
        return;
    }
    let known = keys(file);
    for (tag, strings) in &file.locales {
        let at = format!("/locales/{}", escape(tag));
        if let Err(m) = check_locale_tag(tag) {
            ctx.error("invalid_locale", &at, m);
        }
        for (key, text) in strings {
            let p = format!("{at}/{}", escape(key));
            if !known.contains(key) {
                let hint = match closest(key, known.iter().map(String::as_str)) {
                    Some(k) => format!("did you mean `{k}`?"),
                    None => "keys are `guide.title`, `guide.step.title`, `guide.step.body`, `guide.step.buttons.N`, `guide.step.image.alt` and the widget's words (`ui.next`, `ui.counter`…)".into(),
                };
                ctx.error_at_key(
                    "unknown_locale_key",
                    &p,
                    format!("`{key}` names no text in this file: {hint}"),
                );
            } else if key.ends_with(".body") {
                body_links(ctx, &p, text);
            } else if key.ends_with(".image.src") {
                super::image::src(ctx, &p, text);
            } else {
                placeholders(ctx, &p, key, text);
            }
        }
    }
    let translated: SortedSet<&String> = file
        .locales
        .values()
        .flat_map(|strings| strings.keys())
        .filter(|k| known.contains(*k))
        .collect();
    for (tag, strings) in &file.locales {
        let missing: Vec<&&String> = translated
            .iter()
            .filter(|k| !strings.contains_key(k))
            .collect();
        if missing.is_empty() {
            continue;
        }
        let listed: Vec<String> = missing.iter().take(5).map(|k| format!("`{k}`")).collect();
        let more = if missing.len() > 5 {
            format!(" and {} more", missing.len() - 5)
        } else {
            String::new()
        };
        ctx.warn(
            "missing_translation",
            &format!("/locales/{}", escape(tag)),
            format!(
                "locale `{tag}` lacks {} that another locale translates: {}{more}; `{tag}` users see the default text there",
                plural(missing.len()),
                listed.join(", ")
            ),
        );
    }
}

fn plural(n: usize) -> String {
    if n == 1 {
        "1 string".into()
    } else {
        format!("{n} strings")
    }
}

/// A translation of the widget's words that drops a placeholder (`{n}`, `{total}`, `{title}`)
/// would show without the number or title it stands for.
fn placeholders(ctx: &mut Ctx<'_>, p: &str, key: &str, text: &str) {
    let Some((_, english, needed)) = chrome::KEYS.iter().find(|(k, _, _)| *k == key) else {
        return;
    };
    for placeholder in needed.iter().filter(|n| !text.contains(**n)) {
        ctx.warn(
            "missing_placeholder",
            p,
            format!("`{key}` has no `{placeholder}`: the English is \"{english}\"; without it users see no value there"),
        );
    }
}
