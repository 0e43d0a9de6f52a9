//! Syntax of the small values a guide file holds: ids, colours, fonts, locale tags.

use crate::core::colour::named;

/// Ids name guides, steps and variants in references and translation keys.
pub fn check_id(id: &str) -> Result<(), String> {
    if id.is_empty() {
        return Err("an id cannot be empty".into());
    }
    if id.len() > 64 {
        return Err("an id is at most 64 characters".into());
    }
    match id
        .chars()
        .find(|c| !(c.is_ascii_alphanumeric() || *c == '-' || *c == '_'))
    {
        Some(c) => Err(format!(
            "id `{id}` contains `{c}`: use letters, digits, `-` and `_` only"
        )),
        None => Ok(()),
    }
}

/// CSS colour functions whose arguments are numbers, percentages, angles and `/`.
const COLOUR_FUNCTIONS: &[&str] = &[
    "rgb", "rgba", "hsl", "hsla", "hwb", "lab", "lch", "oklab", "oklch",
];

const COLOUR_HELP: &str = "expected a CSS colour such as `#5b5bd6`, `rgb(91 91 214)` or `tomato`";

/// A CSS colour the widget can put in a custom property as it is (no `var()`, no `;`).
pub fn check_colour(colour: &str) -> Result<(), String> {
    let c = colour.trim().to_ascii_lowercase();
    if let Some(hex) = c.strip_prefix('#') {
        return if matches!(hex.len(), 3 | 4 | 6 | 8) && hex.bytes().all(|b| b.is_ascii_hexdigit()) {
            Ok(())
        } else {
            Err(format!(
                "`{colour}` is not a hex colour: write 3, 4, 6 or 8 hex digits after `#`"
            ))
        };
    }
    if let Some((name, args)) = c.split_once('(') {
        let args_ok = args.strip_suffix(')').is_some_and(|a| {
            a.bytes()
                .all(|b| b.is_ascii_alphanumeric() || b" .,%/+-".contains(&b))
        });
        return if COLOUR_FUNCTIONS.contains(&name) && args_ok {
            Ok(())
        } else {
            Err(format!("`{colour}` is not a colour: {COLOUR_HELP}"))
        };
    }
    if named::hex(&c).is_some() {
        return Ok(());
    }
    match crate::core::suggest::closest(&c, named::names()) {
        Some(n) => Err(format!("unknown colour `{colour}`: did you mean `{n}`?")),
        None => Err(format!("unknown colour `{colour}`: {COLOUR_HELP}")),
    }
}

/// A font-family list: names, quoted names and commas, nothing that could end the property.
pub fn check_font(font: &str) -> Result<(), String> {
    if font.trim().is_empty() {
        return Err("the font cannot be empty: leave it out for the system font".into());
    }
    match font
        .chars()
        .find(|c| !(c.is_alphanumeric() || " ,-_.'\"".contains(*c)))
    {
        Some(c) => Err(format!(
            "`{c}` in a font list: write family names separated by commas, \
             e.g. `\"Inter\", system-ui, sans-serif`"
        )),
        None => Ok(()),
    }
}

/// A BCP 47 language tag as browsers report them: `en`, `pt-BR`, `zh-Hant-TW`.
pub fn check_locale_tag(tag: &str) -> Result<(), String> {
    let mut parts = tag.split('-');
    let lang = parts.next().unwrap_or("");
    let lang_ok = (2..=3).contains(&lang.len()) && lang.bytes().all(|b| b.is_ascii_alphabetic());
    let rest_ok =
        parts.all(|p| (1..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphanumeric()));
    if lang_ok && rest_ok {
        Ok(())
    } else {
        Err(format!(
            "`{tag}` is not a language tag: expected one such as `fr`, `pt-BR` or `ar`"
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colours() {
        for ok in [
            "#5b5bd6",
            "#fff",
            "#FFFA",
            "#11223344",
            "tomato",
            "RebeccaPurple",
            "rgb(91 91 214)",
            "rgba(0, 0, 0, .5)",
            "hsl(240deg 60% 60% / 50%)",
            "oklch(0.7 0.1 200)",
            "transparent",
        ] {
            assert_eq!(check_colour(ok), Ok(()), "{ok}");
        }
        for bad in [
            "#12",
            "#ggg",
            "red;x",
            "url(x)",
            "rgb(1,2,3",
            "var(--x)",
            "rgb(1;2)",
            "blu",
            "",
        ] {
            assert!(check_colour(bad).is_err(), "{bad}");
        }
        assert_eq!(
            check_colour("tomatoe"),
            Err("unknown colour `tomatoe`: did you mean `tomato`?".into())
        );
    }

    #[test]
    fn fonts_ids_and_locales() {
        assert!(check_font("\"Inter\", system-ui, sans-serif").is_ok());
        assert!(check_font("x; color: red").is_err());
        assert!(check_font("a{").is_err());
        assert!(check_id("first-project_2").is_ok());
        assert!(check_id("a.b").is_err());
        assert!(check_id("").is_err());
        for ok in ["en", "pt-BR", "zh-Hant-TW", "ar"] {
            assert!(check_locale_tag(ok).is_ok(), "{ok}");
        }
        for bad in ["", "e", "english", "en_US", "en-", "fr--x"] {
            assert!(check_locale_tag(bad).is_err(), "{bad}");
        }
    }
}
