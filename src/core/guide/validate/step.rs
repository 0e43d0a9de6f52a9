//! One step: kind-specific fields, texts, buttons, prerequisites, completion.

use super::condition::{check_condition, pattern_at, selector_at};
use super::values::check_id;
use super::{suggest_id, Ctx};
use crate::core::guide::model::{Action, Button, Guide, GuideFile, Step, StepKind};
use crate::core::markdown::{is_safe_href, unsafe_links};

/// A late anchor is waited for at most this long (ms).
pub const MAX_WAIT_MS: u32 = 60_000;

pub fn check(ctx: &mut Ctx<'_>, file: &GuideFile, guide: &Guide, g: usize, s: usize, step: &Step) {
    let at = format!("/guides/{g}/steps/{s}");
    if let Err(m) = check_id(&step.id) {
        ctx.error("invalid_id", &format!("{at}/id"), m);
    } else if guide.steps[..s].iter().any(|x| x.id == step.id) {
        ctx.error(
            "duplicate_id",
            &format!("{at}/id"),
            format!(
                "step id `{}` is used twice in guide `{}`",
                step.id, guide.id
            ),
        );
    }
    if step.title.trim().is_empty() {
        ctx.error(
            "empty",
            &format!("{at}/title"),
            "the step title cannot be empty".into(),
        );
    }
    if let Some(body) = &step.body {
        body_links(ctx, &format!("{at}/body"), body);
    }
    if let Some(image) = &step.image {
        super::image::check(ctx, &format!("{at}/image"), image);
    }
    kind_fields(ctx, &at, step);
    if let Some(url) = &step.url {
        pattern_at(ctx, &format!("{at}/url"), url);
    }
    if step.wait_ms.is_some_and(|w| w > MAX_WAIT_MS) {
        let p = format!("{at}/wait_ms");
        let found = ctx.source(&p);
        ctx.error("out_of_range", &p, format!("wait_ms is {found}: expected 0 to {MAX_WAIT_MS} (milliseconds to wait for a late anchor)"));
    }
    for (b, button) in step.buttons.iter().enumerate() {
        check_button(ctx, file, guide, &format!("{at}/buttons/{b}"), button);
    }
    for (i, req) in step.requires.iter().enumerate() {
        let p = format!("{at}/requires/{i}");
        if *req == step.id {
            ctx.error(
                "self_reference",
                &p,
                format!("step `{req}` requires itself: it could never start"),
            );
        } else if !guide.steps.iter().any(|x| x.id == *req) {
            let hint = suggest_id(req, guide.steps.iter().map(|x| x.id.as_str()));
            ctx.error(
                "unknown_reference",
                &p,
                format!(
                    "step `{}` requires step `{req}`, which guide `{}` does not have: {hint}",
                    step.id, guide.id
                ),
            );
        }
    }
    if let Some(c) = &step.complete_when {
        check_condition(ctx, &format!("{at}/complete_when"), c);
    }
}

/// A link the widget would refuse to make is an error, not a silently dead link.
pub fn body_links(ctx: &mut Ctx<'_>, at: &str, body: &str) {
    for href in unsafe_links(body) {
        ctx.error(
            "unsafe_link",
            at,
            format!("link to `{href}` is not allowed: links go to https://, http://, mailto: or a path such as `/team`"),
        );
    }
}

fn kind_fields(ctx: &mut Ctx<'_>, at: &str, step: &Step) {
    let kind = match step.kind {
        StepKind::Checklist => "checklist",
        StepKind::Tooltip => "tooltip",
        StepKind::Hotspot => "hotspot",
        StepKind::Modal => "modal",
    };
    let anchored = matches!(step.kind, StepKind::Tooltip | StepKind::Hotspot);
    match &step.anchor {
        None if anchored => ctx.error(
            "missing_field",
            at,
            format!("a {kind} step needs `anchor`: the CSS selector of the element it points at, e.g. \"[data-wow=invite]\""),
        ),
        Some(a) => {
            selector_at(ctx, &format!("{at}/anchor"), a);
            if !anchored {
                ctx.warn("ignored_field", &format!("{at}/anchor"), format!("a {kind} step points at nothing, so `anchor` is ignored: use `kind: \"tooltip\"` to point at the element"));
            }
        }
        None => {}
    }
    // A modal may dim the page, so only positioning is meaningless for it.
    let ignored: &[&str] = match step.kind {
        StepKind::Checklist => &[
            "image",
            "placement",
            "spotlight",
            "click_through",
            "wait_ms",
        ],
        StepKind::Modal => &["placement", "wait_ms"],
        _ => &[],
    };
    for field in ignored {
        let p = format!("{at}/{field}");
        if ctx.written(&p) {
            let to = if *field == "image" {
                "tooltips, hotspots and modals"
            } else {
                "tooltips and hotspots"
            };
            let message = format!("`{field}` applies to {to}: a {kind} step ignores it");
            ctx.warn("ignored_field", &p, message);
        }
    }
}

fn check_button(ctx: &mut Ctx<'_>, file: &GuideFile, guide: &Guide, at: &str, b: &Button) {
    if b.label.trim().is_empty() {
        ctx.error(
            "empty",
            &format!("{at}/label"),
            "a button label cannot be empty".into(),
        );
    }
    match (b.action, &b.url) {
        (Action::GoToUrl, None) => ctx.error("missing_field", at, "a `go_to_url` button needs `url`: a path such as \"/reports\" or an https:// address".into()),
        (Action::GoToUrl, Some(url)) if !is_safe_href(url) => ctx.error(
            "invalid_url",
            &format!("{at}/url"),
            format!("`{url}` is not an address a button may open: expected a path such as \"/reports\" or an https:// address"),
        ),
        (Action::GoToUrl, Some(_)) | (_, None) => {}
        (_, Some(_)) => ctx.warn("ignored_field", &format!("{at}/url"), "`url` is used only by `go_to_url` buttons: it is ignored here".into()),
    }
    match (b.action, &b.guide) {
        (Action::StartGuide, None) => ctx.error(
            "missing_field",
            at,
            "a `start_guide` button needs `guide`: the id of the guide to start".into(),
        ),
        (Action::StartGuide, Some(id)) if !file.guides.iter().any(|x| x.id == *id) => {
            let hint = suggest_id(id, file.guides.iter().map(|x| x.id.as_str()));
            ctx.error(
                "unknown_reference",
                &format!("{at}/guide"),
                format!("the button starts guide `{id}`, which does not exist: {hint}"),
            );
        }
        (Action::StartGuide, Some(id)) if *id == guide.id => ctx.warn(
            "self_reference",
            &format!("{at}/guide"),
            format!("the button starts guide `{id}`, the guide it is in, which is already running"),
        ),
        (Action::StartGuide, Some(_)) | (_, None) => {}
        (_, Some(_)) => ctx.warn(
            "ignored_field",
            &format!("{at}/guide"),
            "`guide` is used only by `start_guide` buttons: it is ignored here".into(),
        ),
    }
}
