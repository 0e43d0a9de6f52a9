//! The file-wide settings: version, holdout, theme, wow milestone, locale settings.

use super::condition::check_rules;
use super::values::{check_colour, check_font, check_locale_tag};
use super::{suggest_id, Ctx};
use crate::core::guide::model::{GuideFile, FORMAT_VERSION};
use crate::core::guide::stamp::{self, StampCheck};

/// The highest base z-index that still leaves room for the widget's layers above it.
pub const MAX_Z_INDEX: u32 = 2_147_483_000;

pub fn check(ctx: &mut Ctx<'_>, file: &GuideFile) {
    if file.version != FORMAT_VERSION {
        let found = ctx.source("/version");
        ctx.error(
            "unsupported_version",
            "/version",
            format!("version {found} is not supported: expected {FORMAT_VERSION}, the version this widget reads"),
        );
    }
    if !(0.0..=0.5).contains(&file.holdout) {
        let found = ctx.source("/holdout");
        ctx.error(
            "out_of_range",
            "/holdout",
            format!("holdout is {found}: expected a fraction from 0 to 0.5 (0.1 keeps 10% of users out of every guide)"),
        );
    }
    if file.guides.is_empty() {
        ctx.warn(
            "empty",
            "/guides",
            "the file has no guides: nothing will be shown".into(),
        );
    }
    if file
        .signup_trait
        .as_deref()
        .is_some_and(|t| t.trim().is_empty())
    {
        ctx.error(
            "empty",
            "/signup_trait",
            "`signup_trait` cannot be empty: leave it out to use `created_at`".into(),
        );
    }
    if let Some(tag) = &file.default_locale {
        if let Err(m) = check_locale_tag(tag) {
            ctx.error("invalid_locale", "/default_locale", m);
        }
    }
    theme(ctx, file);
    wow(ctx, file);
    stamp(ctx);
}

/// A stamp that does not match costs speed, never correctness: the file is checked in the
/// browser instead, so these are warnings.
fn stamp(ctx: &mut Ctx<'_>) {
    let pointer = "/checked";
    match stamp::check(ctx.text, ctx.root) {
        StampCheck::Missing | StampCheck::Matches => {}
        StampCheck::Malformed => ctx.warn(
            "invalid_stamp",
            pointer,
            format!("`checked` is not a stamp written by `wowpath check --stamp` (\"{}\" and 16 hex digits): run that command to write it, or remove the field", stamp::PREFIX),
        ),
        StampCheck::Stale => ctx.warn(
            "stale_stamp",
            pointer,
            "the file changed after `wowpath check --stamp` wrote this stamp, so every page checks it again in the browser, downloading the validator; run `wowpath check --stamp` on the file again".into(),
        ),
    }
}

fn theme(ctx: &mut Ctx<'_>, file: &GuideFile) {
    let t = &file.theme;
    for (name, colour) in [
        ("accent", &t.accent),
        ("background", &t.background),
        ("text", &t.text),
    ] {
        if let Some(Err(m)) = colour.as_deref().map(check_colour) {
            ctx.error("invalid_colour", &format!("/theme/{name}"), m);
        }
    }
    super::contrast::check(ctx, t);
    if let Some(Err(m)) = t.font.as_deref().map(check_font) {
        ctx.error("invalid_font", "/theme/font", m);
    }
    if t.radius.is_some_and(|r| r > 32) {
        let found = ctx.source("/theme/radius");
        ctx.error(
            "out_of_range",
            "/theme/radius",
            format!("radius is {found}: expected 0 to 32 pixels"),
        );
    }
    if t.z_index.is_some_and(|z| z > MAX_Z_INDEX) {
        let found = ctx.source("/theme/z_index");
        ctx.error(
            "out_of_range",
            "/theme/z_index",
            format!("z_index is {found}: expected 0 to {MAX_Z_INDEX}, leaving room for the widget's layers"),
        );
    }
}

fn wow(ctx: &mut Ctx<'_>, file: &GuideFile) {
    let Some(wow) = &file.wow else { return };
    match (&wow.step, &wow.event) {
        (None, None) => ctx.error(
            "missing_field",
            "/wow",
            "`wow` needs `step` (\"guide-id/step-id\") or `event` (an event name)".into(),
        ),
        (Some(_), Some(_)) => ctx.error(
            "conflicting_fields",
            "/wow/event",
            "`wow` has both `step` and `event`: keep one, the moment of first value is one thing"
                .into(),
        ),
        _ => {}
    }
    if let Some(event) = &wow.event {
        if event.trim().is_empty() {
            ctx.error(
                "empty",
                "/wow/event",
                "the wow event name cannot be empty".into(),
            );
        }
    }
    if !wow.filters.is_empty() && wow.event.is_none() {
        ctx.error(
            "conflicting_fields",
            "/wow/where",
            "`where` filters an event's properties: it needs `event`".into(),
        );
    }
    check_rules(ctx, "/wow/where", &wow.filters);
    let Some(step) = &wow.step else { return };
    let Some((g, s)) = step.split_once('/') else {
        ctx.error(
            "invalid_reference",
            "/wow/step",
            format!("`{step}` is not a step reference: expected \"guide-id/step-id\""),
        );
        return;
    };
    let Some(guide) = file.guides.iter().find(|x| x.id == g) else {
        let hint = suggest_id(g, file.guides.iter().map(|x| x.id.as_str()));
        ctx.error(
            "unknown_reference",
            "/wow/step",
            format!("wow step names guide `{g}`, which does not exist: {hint}"),
        );
        return;
    };
    if !guide.steps.iter().any(|x| x.id == s) {
        let hint = suggest_id(s, guide.steps.iter().map(|x| x.id.as_str()));
        ctx.error(
            "unknown_reference",
            "/wow/step",
            format!("wow step names step `{s}`, which guide `{g}` does not have: {hint}"),
        );
    }
}
