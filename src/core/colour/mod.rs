//! Colours as WCAG 2 measures them: sRGB values read from the CSS a guide's theme may hold,
//! relative luminance, contrast ratio, and the nearest colour that reaches a given ratio.
//! Pure maths, so the validator and the widget agree on every figure.

pub mod named;
mod parse;

pub use parse::parse;

/// An sRGB colour, channels from 0 to 1 (gamma-encoded, as CSS writes them).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rgba {
    pub r: f64,
    pub g: f64,
    pub b: f64,
    pub a: f64,
}

/// The contrast WCAG 2 asks of body text (1.4.3) and of controls and focus rings (1.4.11).
pub const TEXT_RATIO: f64 = 4.5;
pub const UI_RATIO: f64 = 3.0;

pub const BLACK: Rgba = Rgba::rgb(0, 0, 0);
pub const WHITE: Rgba = Rgba::rgb(255, 255, 255);

impl Rgba {
    pub const fn rgb(r: u8, g: u8, b: u8) -> Rgba {
        Rgba {
            r: r as f64 / 255.0,
            g: g as f64 / 255.0,
            b: b as f64 / 255.0,
            a: 1.0,
        }
    }

    /// This colour painted over an opaque `below` (source-over), so it is opaque too.
    pub fn over(self, below: Rgba) -> Rgba {
        let a = self.a.clamp(0.0, 1.0);
        let blend = |top: f64, bottom: f64| top * a + bottom * (1.0 - a);
        Rgba {
            r: blend(self.r, below.r),
            g: blend(self.g, below.g),
            b: blend(self.b, below.b),
            a: 1.0,
        }
    }

    /// `1 - t` of this colour and `t` of `other`, as `color-mix(in srgb)` does; rounded to
    /// 8 bits per channel, what the widget writes and the browser paints.
    pub fn mix(self, other: Rgba, t: f64) -> Rgba {
        let m = |x: f64, y: f64| ((x + (y - x) * t) * 255.0).round() / 255.0;
        Rgba {
            r: m(self.r, other.r),
            g: m(self.g, other.g),
            b: m(self.b, other.b),
            a: 1.0,
        }
    }

    /// WCAG 2 relative luminance.
    pub fn luminance(self) -> f64 {
        let linear = |c: f64| {
            if c <= 0.04045 {
                c / 12.92
            } else {
                pow_2_4((c + 0.055) / 1.055)
            }
        };
        0.2126 * linear(self.r) + 0.7152 * linear(self.g) + 0.0722 * linear(self.b)
    }

    /// `#rrggbb` (opaque colours only: the widget flattens before writing).
    pub fn hex(self) -> String {
        let byte = |c: f64| (c.clamp(0.0, 1.0) * 255.0).round() as u8;
        format!(
            "#{:02x}{:02x}{:02x}",
            byte(self.r),
            byte(self.g),
            byte(self.b)
        )
    }
}

/// `x` to the power 2.4 for `x` in 0..=1, as `x² · x^0.4` with the fifth root by Newton's method:
/// `powf` would bring libm's `pow` into the widget. Exact to f64 precision (the iteration starts
/// above the root and falls to it; WCAG's inputs are never below 0.09, where 8 steps suffice).
fn pow_2_4(x: f64) -> f64 {
    if x <= 0.0 {
        return 0.0;
    }
    let mut root = 1.0f64;
    for _ in 0..24 {
        let r4 = root * root * root * root;
        root = (4.0 * root + x / r4) / 5.0;
    }
    let fifth_squared = root * root;
    x * x * fifth_squared
}

/// The WCAG 2 contrast ratio of two opaque colours, from 1 to 21.
pub fn contrast(a: Rgba, b: Rgba) -> f64 {
    let (la, lb) = (a.luminance(), b.luminance());
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

/// A ratio as people read it, `4.4:1`, cut (never rounded up) to one decimal, without
/// bringing the float formatter into the widget.
pub fn ratio_text(ratio: f64) -> String {
    let tenths = (ratio * 10.0).floor() as u32;
    format!("{}.{}:1", tenths / 10, tenths % 10)
}

/// `colour` itself when it has `min` contrast against `against`; otherwise the least mix of
/// it with black or white that does (the hue is kept as far as the ratio allows). One of the
/// two always reaches 4.5:1: black or white against any colour is at least 4.58:1.
pub fn readable(colour: Rgba, against: Rgba, min: f64) -> Rgba {
    if contrast(colour, against) >= min {
        return colour;
    }
    const STEPS: u32 = 64;
    let first_passing = |towards: Rgba| {
        (1..=STEPS)
            .map(|i| colour.mix(towards, f64::from(i) / f64::from(STEPS)))
            .position(|c| contrast(c, against) >= min)
            .map(|i| {
                (
                    i,
                    colour.mix(towards, f64::from(i as u32 + 1) / f64::from(STEPS)),
                )
            })
    };
    match (first_passing(BLACK), first_passing(WHITE)) {
        (Some((i, dark)), Some((j, light))) => {
            if i <= j {
                dark
            } else {
                light
            }
        }
        (Some((_, c)), None) | (None, Some((_, c))) => c,
        // Unreachable for min ≤ 4.58; the better extreme otherwise.
        (None, None) => best_on(against),
    }
}

/// Black or white, whichever contrasts more with `background`.
pub fn best_on(background: Rgba) -> Rgba {
    if contrast(BLACK, background) >= contrast(WHITE, background) {
        BLACK
    } else {
        WHITE
    }
}

#[cfg(test)]
mod tests;
