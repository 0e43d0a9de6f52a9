//! A step's picture: where it may come from and the size it keeps while it loads.

use super::Ctx;
use crate::core::guide::model::Image;
use crate::core::markdown::is_picture_src;

/// Larger than any screen; a bigger figure is nearly always a typo.
pub const MAX_SIDE: u32 = 10_000;

pub fn check(ctx: &mut Ctx<'_>, at: &str, image: &Image) {
    src(ctx, &format!("{at}/src"), &image.src);
    for (side, value) in [("width", image.width), ("height", image.height)] {
        if value.is_some_and(|v| v == 0 || v > MAX_SIDE) {
            let p = format!("{at}/{side}");
            let found = ctx.source(&p);
            ctx.error(
                "out_of_range",
                &p,
                format!(
                    "{side} is {found}: expected 1 to {MAX_SIDE} (the picture's {side} in pixels)"
                ),
            );
        }
    }
    if image.width.is_some() != image.height.is_some() {
        ctx.warn("incomplete_size", at, "give both `width` and `height` (the picture's size in pixels) or neither: with one alone, the card cannot keep the picture's room while it loads, so it moves when it arrives".into());
    }
}

/// A picture's address (in the step or in a translation): http(s) or a path, nothing else.
pub fn src(ctx: &mut Ctx<'_>, at: &str, src: &str) {
    let lower = src.trim_start().to_ascii_lowercase();
    if !is_picture_src(src) {
        ctx.error("invalid_url", at, format!("`{src}` is not an address a picture may come from: expected an https:// address or a path such as \"/img/reports.png\""));
    } else if lower.starts_with("http:") {
        ctx.warn("insecure_url", at, format!("`{src}` is an http:// address: browsers block it on https:// pages (mixed content); use https://"));
    }
}
