//! The widget's colours for one colour scheme, from the built-in defaults and a guide's
//! `theme`. Whatever the theme says, every pair the widget paints reaches WCAG AA: text
//! 4.5:1 on its background, controls and focus rings 3:1. A theme colour that falls short is
//! moved towards black or white just far enough, keeping its hue.

use crate::core::colour::{self, contrast, parse, readable, Rgba, TEXT_RATIO, UI_RATIO};
use crate::core::guide::Theme;

/// Every colour style.css takes from `--wp-l-NAME` (light) or `--wp-d-NAME` (dark).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Palette {
    /// Fills: the launcher, primary buttons, done ticks, the progress bar.
    pub accent: Rgba,
    /// Text and ticks on `accent`.
    pub on_accent: Rgba,
    /// The panel's and card's surface.
    pub bg: Rgba,
    /// Titles and step bodies.
    pub fg: Rgba,
    /// Secondary text: counts, checklist bodies, done titles, the close button.
    pub muted: Rgba,
    /// Borders that are a control's only outline: secondary buttons, open checklist rings.
    pub edge: Rgba,
    /// The accent as text and rings: links, outlined buttons, focus rings, the hotspot dot.
    pub link: Rgba,
    /// The wow step's star.
    pub star: Rgba,
}

/// The defaults, as style.css declares them (a test holds the two together).
pub const LIGHT: Palette = Palette {
    accent: Rgba::rgb(0x4f, 0x46, 0xe5),
    on_accent: Rgba::rgb(0xff, 0xff, 0xff),
    bg: Rgba::rgb(0xff, 0xff, 0xff),
    fg: Rgba::rgb(0x1f, 0x23, 0x30),
    muted: Rgba::rgb(0x5d, 0x64, 0x75),
    edge: Rgba::rgb(0x8a, 0x90, 0xa0),
    link: Rgba::rgb(0x4f, 0x46, 0xe5),
    star: Rgba::rgb(0xa0, 0x6a, 0x1b),
};
pub const DARK: Palette = Palette {
    accent: Rgba::rgb(0x8b, 0x87, 0xff),
    on_accent: Rgba::rgb(0x10, 0x12, 0x1a),
    bg: Rgba::rgb(0x1d, 0x20, 0x29),
    fg: Rgba::rgb(0xec, 0xee, 0xf4),
    muted: Rgba::rgb(0xb4, 0xb9, 0xc6),
    edge: Rgba::rgb(0x6e, 0x74, 0x87),
    link: Rgba::rgb(0x8b, 0x87, 0xff),
    star: Rgba::rgb(0xb8, 0x7b, 0x22),
};

impl Palette {
    /// The CSS custom property names' endings and their values.
    pub fn properties(&self) -> [(&'static str, String); 8] {
        [
            ("accent", self.accent.hex()),
            ("on-accent", self.on_accent.hex()),
            ("bg", self.bg.hex()),
            ("fg", self.fg.hex()),
            ("muted", self.muted.hex()),
            ("edge", self.edge.hex()),
            ("link", self.link.hex()),
            ("star", self.star.hex()),
        ]
    }
}

/// Whether the theme sets any colour (otherwise style.css's defaults stand as they are).
pub fn has_colours(theme: &Theme) -> bool {
    theme.accent.is_some() || theme.background.is_some() || theme.text.is_some()
}

/// A theme colour the palette can measure, flattened onto `below` if translucent.
fn measured(css: &Option<String>, below: Rgba) -> Option<Rgba> {
    Some(parse(css.as_deref()?)?.over(below))
}

/// The colours for the scheme whose defaults are `scheme`, with `theme` applied.
pub fn themed(theme: &Theme, scheme: &Palette) -> Palette {
    let bg = measured(&theme.background, scheme.bg).unwrap_or(scheme.bg);
    // A themed background takes the defaults made for its own lightness: a dark brand
    // background gets the dark scheme's text even when the page is light.
    let base = if theme.background.is_none() {
        scheme
    } else if contrast(LIGHT.fg, bg) >= contrast(DARK.fg, bg) {
        &LIGHT
    } else {
        &DARK
    };
    let accent = measured(&theme.accent, bg).unwrap_or(base.accent);
    let on_accent = if contrast(base.on_accent, accent) >= TEXT_RATIO {
        base.on_accent
    } else {
        colour::best_on(accent)
    };
    Palette {
        accent,
        on_accent,
        bg,
        fg: readable(measured(&theme.text, bg).unwrap_or(base.fg), bg, TEXT_RATIO),
        muted: readable(base.muted, bg, TEXT_RATIO),
        edge: readable(base.edge, bg, UI_RATIO),
        link: readable(accent, bg, TEXT_RATIO),
        star: readable(base.star, bg, TEXT_RATIO),
    }
}

#[cfg(test)]
mod tests;
