//! Theme colours that would be hard to read. The widget never shows them as written (it moves
//! them towards black or white until they reach WCAG AA, see `core::palette`), so these are
//! warnings: the author learns the ratio, what is shown instead, and how to keep their colour.

use super::Ctx;
use crate::core::colour::{contrast, parse, ratio_text, readable, Rgba, TEXT_RATIO};
use crate::core::guide::model::Theme;
use crate::core::palette::LIGHT;

/// Checked against the theme's background, or the default white one: in dark mode the widget
/// adapts colours by itself, and one theme colour cannot read on both white and dark grey.
pub fn check(ctx: &mut Ctx<'_>, theme: &Theme) {
    let background = theme.background.as_deref().and_then(parse);
    let bg = background.map_or(LIGHT.bg, |c| c.over(LIGHT.bg));
    let on = match &theme.background {
        Some(css) if background.is_some() => format!("on background `{css}`"),
        _ => "on the default white background".to_string(),
    };
    if let Some((css, text)) = measured(&theme.text, bg) {
        let message = |ratio: &str, shown: &str, direction: &str| {
            format!(
                "text `{css}` {on} is {ratio}, below the 4.5:1 WCAG AA asks of text: the widget \
                 shows `{shown}` instead; pick a {direction} text colour, such as `{shown}`, to have yours shown"
            )
        };
        low(ctx, "/theme/text", text, bg, message);
    }
    if let Some((css, accent)) = measured(&theme.accent, bg) {
        let message = |ratio: &str, shown: &str, direction: &str| {
            format!(
                "accent `{css}` {on} is {ratio}, below the 4.5:1 WCAG AA asks of links and outlined \
                 buttons: the widget shows them in `{shown}` instead (filled buttons keep your accent, \
                 with black or white text, whichever reads better); pick a {direction} accent, such as \
                 `{shown}`, to have yours shown"
            )
        };
        low(ctx, "/theme/accent", accent, bg, message);
    }
}

fn measured(css: &Option<String>, bg: Rgba) -> Option<(&str, Rgba)> {
    let css = css.as_deref()?;
    Some((css, parse(css)?.over(bg)))
}

/// Warns at `pointer` when `colour` on `bg` is under 4.5:1, with `message(ratio, shown, direction)`.
fn low(
    ctx: &mut Ctx<'_>,
    pointer: &str,
    colour: Rgba,
    bg: Rgba,
    message: impl Fn(&str, &str, &str) -> String,
) {
    let ratio = contrast(colour, bg);
    if ratio >= TEXT_RATIO {
        return;
    }
    let shown = readable(colour, bg, TEXT_RATIO);
    let direction = if shown.luminance() < colour.luminance() {
        "darker"
    } else {
        "lighter"
    };
    ctx.warn(
        "low_contrast",
        pointer,
        message(&ratio_text(ratio), &shown.hex(), direction),
    );
}
