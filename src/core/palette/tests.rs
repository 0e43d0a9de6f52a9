use super::*;
use crate::core::colour::Rgba;

fn theme(accent: Option<&str>, background: Option<&str>, text: Option<&str>) -> Theme {
    Theme {
        accent: accent.map(String::from),
        background: background.map(String::from),
        text: text.map(String::from),
        ..Theme::default()
    }
}

/// Every pair the widget paints, with the ratio WCAG asks of it.
fn pairs(p: &Palette) -> [(&'static str, Rgba, Rgba, f64); 7] {
    [
        ("text", p.fg, p.bg, TEXT_RATIO),
        ("muted text", p.muted, p.bg, TEXT_RATIO),
        ("links and outlined buttons", p.link, p.bg, TEXT_RATIO),
        ("star", p.star, p.bg, TEXT_RATIO),
        ("button text", p.on_accent, p.accent, TEXT_RATIO),
        ("control borders", p.edge, p.bg, UI_RATIO),
        ("focus rings", p.fg, p.bg, UI_RATIO),
    ]
}

fn assert_readable(label: &str, p: &Palette) {
    for (what, a, b, min) in pairs(p) {
        let ratio = contrast(a, b);
        assert!(
            ratio >= min,
            "{label}: {what} {} on {} is {ratio:.2}",
            a.hex(),
            b.hex()
        );
    }
}

#[test]
fn the_defaults_meet_aa_in_both_schemes() {
    assert_readable("light", &LIGHT);
    assert_readable("dark", &DARK);
}

#[test]
fn no_theme_colour_leaves_the_defaults() {
    assert_eq!(themed(&Theme::default(), &LIGHT), LIGHT);
    assert_eq!(themed(&Theme::default(), &DARK), DARK);
    assert!(!has_colours(&Theme::default()));
}

#[test]
fn any_theme_reads_at_aa_in_both_schemes() {
    for (accent, background, text) in [
        (Some("#5b5bd6"), None, None),
        (Some("#ffd400"), Some("#f4f4f4"), Some("#9a9a9a")),
        (Some("#ffd400"), None, None),
        (Some("#777"), Some("#777"), Some("#777")),
        (Some("#7c3aed"), Some("#101828"), Some("#e4e7ec")),
        (None, Some("#101828"), None),
        (None, None, Some("#333")),
        (Some("white"), Some("white"), Some("white")),
        (Some("black"), Some("black"), Some("black")),
        (
            Some("rgb(0 200 0 / 30%)"),
            Some("#fff8"),
            Some("hsl(0 0% 50%)"),
        ),
        (Some("oklch(0.7 0.1 200)"), Some("lab(50 0 0)"), None),
    ] {
        let t = theme(accent, background, text);
        for (scheme, base) in [("light", &LIGHT), ("dark", &DARK)] {
            assert_readable(
                &format!("{accent:?}/{background:?}/{text:?} {scheme}"),
                &themed(&t, base),
            );
        }
    }
}

#[test]
fn readable_theme_colours_are_used_as_written() {
    let p = themed(
        &theme(Some("#5b5bd6"), Some("#fffaf0"), Some("#3a2a1a")),
        &LIGHT,
    );
    assert_eq!(
        (p.accent.hex(), p.link.hex()),
        ("#5b5bd6".into(), "#5b5bd6".into())
    );
    assert_eq!(
        (p.bg.hex(), p.fg.hex()),
        ("#fffaf0".into(), "#3a2a1a".into())
    );
}

#[test]
fn a_pale_accent_gets_dark_button_text_and_darker_links() {
    let p = themed(&theme(Some("#ffd400"), None, None), &LIGHT);
    assert_eq!(p.accent.hex(), "#ffd400", "the fill keeps the brand colour");
    assert_eq!(p.on_accent.hex(), "#000000");
    assert!(p.link.luminance() < p.accent.luminance());
}

#[test]
fn a_dark_theme_background_takes_the_dark_texts_even_in_light_mode() {
    let p = themed(&theme(None, Some("#101828"), None), &LIGHT);
    assert_eq!(p.fg, DARK.fg);
    assert_eq!(p.muted, DARK.muted);
}

#[test]
fn style_css_declares_the_same_defaults() {
    let css = include_str!("../../web/style.css");
    for (prefix, palette) in [("l", &LIGHT), ("d", &DARK)] {
        for (name, value) in palette.properties() {
            let declared = format!("--wp-{name}:var(--wp-{prefix}-{name},{value})");
            assert!(css.contains(&declared), "style.css lacks `{declared}`");
        }
    }
}
