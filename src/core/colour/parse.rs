//! CSS colour text to sRGB: hex, `rgb()`/`rgba()`, `hsl()`/`hsla()`, `hwb()` and the named
//! colours. The wide-gamut forms (`lab()`, `lch()`, `oklab()`, `oklch()`) are valid in a theme
//! but not measured here: `None`, and the widget uses them as written.

use super::{named, Rgba};
use crate::core::json::decimal_to_f64;

pub fn parse(css: &str) -> Option<Rgba> {
    let c = css.trim().to_ascii_lowercase();
    if let Some(digits) = c.strip_prefix('#') {
        return hex(digits);
    }
    if let Some((name, rest)) = c.split_once('(') {
        let args = split_args(rest.strip_suffix(')')?)?;
        return match name {
            "rgb" | "rgba" => rgb(&args),
            "hsl" | "hsla" => hsl(&args),
            "hwb" => hwb(&args),
            _ => None,
        };
    }
    hex(named::hex(&c)?)
}

fn hex(digits: &str) -> Option<Rgba> {
    if !digits.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    let nibble = |i: usize| u8::from_str_radix(digits.get(i..=i)?, 16).ok();
    let byte = |i: usize| u8::from_str_radix(digits.get(i..i + 2)?, 16).ok();
    let (r, g, b, a) = match digits.len() {
        3 | 4 => (
            nibble(0)? * 17,
            nibble(1)? * 17,
            nibble(2)? * 17,
            if digits.len() == 4 {
                nibble(3)? * 17
            } else {
                255
            },
        ),
        6 | 8 => (
            byte(0)?,
            byte(2)?,
            byte(4)?,
            if digits.len() == 8 { byte(6)? } else { 255 },
        ),
        _ => return None,
    };
    Some(Rgba {
        a: f64::from(a) / 255.0,
        ..Rgba::rgb(r, g, b)
    })
}

/// Three channels and an optional alpha, written `a, b, c, d` or `a b c / d`.
fn split_args(args: &str) -> Option<Vec<&str>> {
    let (channels, alpha) = match args.split_once('/') {
        Some((c, a)) => (c, Some(a.trim())),
        None => (args, None),
    };
    let mut out: Vec<&str> = channels
        .split(|ch: char| ch == ',' || ch.is_ascii_whitespace())
        .filter(|s| !s.is_empty())
        .collect();
    out.extend(alpha);
    (3..=4).contains(&out.len()).then_some(out)
}

/// A CSS number (`50`, `.5`, `-1.5e2`), read without `str::parse::<f64>`, whose tables would
/// add ~25 KB to the widget.
fn number(text: &str) -> Option<f64> {
    let unsigned = text.strip_prefix(['+', '-']).unwrap_or(text);
    let (mantissa, exponent) = match unsigned.split_once(['e', 'E']) {
        Some((m, e)) => (m, Some(e.strip_prefix(['+', '-']).unwrap_or(e))),
        None => (unsigned, None),
    };
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    let mantissa_ok = match mantissa.split_once('.') {
        Some((whole, fraction)) => {
            (digits(whole) || whole.is_empty())
                && (digits(fraction) || fraction.is_empty())
                && whole.len() + fraction.len() > 0
        }
        None => digits(mantissa),
    };
    (mantissa_ok && exponent.is_none_or(digits))
        .then(|| decimal_to_f64(text.strip_prefix('+').unwrap_or(text).as_bytes()))
}

/// A number, or a percentage of `full`.
fn value(arg: &str, full: f64) -> Option<f64> {
    match arg.strip_suffix('%') {
        Some(p) => Some(number(p)? / 100.0 * full),
        None => number(arg),
    }
}

fn alpha(args: &[&str]) -> Option<f64> {
    match args.get(3) {
        Some(a) => Some(value(a, 1.0)?.clamp(0.0, 1.0)),
        None => Some(1.0),
    }
}

/// A hue in degrees (`deg`, `turn`, `rad`, `grad` or a plain number).
fn hue(arg: &str) -> Option<f64> {
    let (digits, per_degree) = if let Some(n) = arg.strip_suffix("deg") {
        (n, 1.0)
    } else if let Some(n) = arg.strip_suffix("grad") {
        (n, 0.9)
    } else if let Some(n) = arg.strip_suffix("rad") {
        (n, 180.0 / std::f64::consts::PI)
    } else if let Some(n) = arg.strip_suffix("turn") {
        (n, 360.0)
    } else {
        (arg, 1.0)
    };
    Some(modulo(number(digits)? * per_degree, 360.0))
}

fn rgb(args: &[&str]) -> Option<Rgba> {
    let channel = |i: usize| Some((value(args.get(i)?, 255.0)? / 255.0).clamp(0.0, 1.0));
    Some(Rgba {
        r: channel(0)?,
        g: channel(1)?,
        b: channel(2)?,
        a: alpha(args)?,
    })
}

/// Saturation and lightness as percentages, or (modern syntax) numbers from 0 to 100.
fn percent(arg: &str) -> Option<f64> {
    Some((number(arg.strip_suffix('%').unwrap_or(arg))? / 100.0).clamp(0.0, 1.0))
}

/// CSS Color 4's `hslToRgb`.
fn hsl_channels(h: f64, s: f64, l: f64) -> [f64; 3] {
    let f = |n: f64| {
        let k = modulo(n + h / 30.0, 12.0);
        let a = s * l.min(1.0 - l);
        l - a * (k - 3.0).min(9.0 - k).clamp(-1.0, 1.0)
    };
    [f(0.0), f(8.0), f(4.0)]
}

fn hsl(args: &[&str]) -> Option<Rgba> {
    let [r, g, b] = hsl_channels(hue(args[0])?, percent(args[1])?, percent(args[2])?);
    Some(Rgba {
        r,
        g,
        b,
        a: alpha(args)?,
    })
}

/// CSS Color 4's `hwbToRgb`.
fn hwb(args: &[&str]) -> Option<Rgba> {
    let (h, w, k) = (hue(args[0])?, percent(args[1])?, percent(args[2])?);
    if w + k >= 1.0 {
        let grey = w / (w + k);
        return Some(Rgba {
            r: grey,
            g: grey,
            b: grey,
            a: alpha(args)?,
        });
    }
    let [r, g, b] = hsl_channels(h, 1.0, 0.5).map(|c| c * (1.0 - w - k) + w);
    Some(Rgba {
        r,
        g,
        b,
        a: alpha(args)?,
    })
}

/// `a` modulo `m`, always from 0 to `m` (with `floor`, a single wasm instruction, where `%` and
/// `rem_euclid` on floats would bring in libm's `fmod`).
fn modulo(a: f64, m: f64) -> f64 {
    a - m * (a / m).floor()
}
