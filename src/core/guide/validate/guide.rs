//! One guide: its id, targeting, start, prerequisites and experiment variants; then its steps.

use super::condition::{check_rules, pattern_at};
use super::values::check_id;
use super::{step, suggest_id, Ctx};
use crate::core::guide::model::{Guide, GuideFile};

pub fn check(ctx: &mut Ctx<'_>, file: &GuideFile, g: usize, guide: &Guide) {
    let at = format!("/guides/{g}");
    if let Err(m) = check_id(&guide.id) {
        ctx.error("invalid_id", &format!("{at}/id"), m);
    } else if file.guides[..g].iter().any(|x| x.id == guide.id) {
        ctx.error(
            "duplicate_id",
            &format!("{at}/id"),
            format!(
                "guide id `{}` is used twice: ids must be unique in the file",
                guide.id
            ),
        );
    }
    if guide.title.trim().is_empty() {
        ctx.error(
            "empty",
            &format!("{at}/title"),
            "the guide title cannot be empty: it heads the checklist".into(),
        );
    }
    for (i, url) in guide.target.url.iter().enumerate() {
        pattern_at(ctx, &format!("{at}/target/url/{i}"), url);
    }
    check_rules(ctx, &format!("{at}/target/traits"), &guide.target.traits);
    if guide.target.signed_up_within_days.is_some_and(|d| d <= 0.0) {
        let p = format!("{at}/target/signed_up_within_days");
        let found = ctx.source(&p);
        ctx.error(
            "out_of_range",
            &p,
            format!("signed_up_within_days is {found}: expected a number of days greater than 0"),
        );
    }
    if let Some(schedule) = &guide.schedule {
        super::schedule::check(ctx, &format!("{at}/schedule"), schedule);
    }
    let start = &guide.start;
    let ways: Vec<&str> = [
        ("event", start.event.is_some()),
        ("url", start.url.is_some()),
        ("manual", start.manual),
    ]
    .iter()
    .filter(|w| w.1)
    .map(|w| w.0)
    .collect();
    if let [first, second, ..] = ways.as_slice() {
        ctx.error(
            "conflicting_fields",
            &format!("{at}/start/{second}"),
            format!("`start` has both `{first}` and `{second}`: a guide starts one way; leave `start` out to start as soon as the target matches"),
        );
    }
    if let Some(url) = &start.url {
        pattern_at(ctx, &format!("{at}/start/url"), url);
    }
    if start.event.as_deref().is_some_and(|e| e.trim().is_empty()) {
        ctx.error(
            "empty",
            &format!("{at}/start/event"),
            "the start event name cannot be empty".into(),
        );
    }
    for (i, req) in guide.requires.iter().enumerate() {
        let p = format!("{at}/requires/{i}");
        if *req == guide.id {
            ctx.error(
                "self_reference",
                &p,
                format!("guide `{req}` requires itself: it could never start"),
            );
        } else if !file.guides.iter().any(|x| x.id == *req) {
            let hint = suggest_id(req, file.guides.iter().map(|x| x.id.as_str()));
            ctx.error(
                "unknown_reference",
                &p,
                format!(
                    "guide `{}` requires guide `{req}`, which does not exist: {hint}",
                    guide.id
                ),
            );
        }
    }
    variants(ctx, &at, guide);
    if guide.steps.is_empty() {
        ctx.error(
            "empty",
            &format!("{at}/steps"),
            "a guide needs at least one step".into(),
        );
    }
    for (s, st) in guide.steps.iter().enumerate() {
        step::check(ctx, file, guide, g, s, st);
    }
}

fn variants(ctx: &mut Ctx<'_>, at: &str, guide: &Guide) {
    if guide.variants.len() == 1 {
        ctx.warn(
            "single_variant",
            &format!("{at}/variants"),
            "an experiment with one variant compares nothing: add another or remove `variants`"
                .into(),
        );
    }
    for (v, variant) in guide.variants.iter().enumerate() {
        let vp = format!("{at}/variants/{v}");
        if let Err(m) = check_id(&variant.id) {
            ctx.error("invalid_id", &format!("{vp}/id"), m);
        } else if guide.variants[..v].iter().any(|x| x.id == variant.id) {
            ctx.error(
                "duplicate_id",
                &format!("{vp}/id"),
                format!(
                    "variant id `{}` is used twice in guide `{}`",
                    variant.id, guide.id
                ),
            );
        }
        if !(1..=100).contains(&variant.weight) {
            let found = ctx.source(&format!("{vp}/weight"));
            ctx.error(
                "out_of_range",
                &format!("{vp}/weight"),
                format!("weight is {found}: expected 1 to 100 (a relative share of users)"),
            );
        }
        for (i, id) in variant.steps.iter().flatten().enumerate() {
            let p = format!("{vp}/steps/{i}");
            if !guide.steps.iter().any(|s| s.id == *id) {
                let hint = suggest_id(id, guide.steps.iter().map(|s| s.id.as_str()));
                ctx.error(
                    "unknown_reference",
                    &p,
                    format!(
                        "variant `{}` shows step `{id}`, which guide `{}` does not have: {hint}",
                        variant.id, guide.id
                    ),
                );
            } else if variant.steps.iter().flatten().take(i).any(|x| x == id) {
                ctx.error(
                    "duplicate_id",
                    &p,
                    format!("variant `{}` lists step `{id}` twice", variant.id),
                );
            }
        }
    }
}
