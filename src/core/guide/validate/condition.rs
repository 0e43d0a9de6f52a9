//! Completion conditions and the rules on event properties and user traits.

use super::Ctx;
use crate::core::guide::model::{Condition, Rule};
use crate::core::guide::structure::escape;
use crate::core::pattern::UrlPattern;
use crate::core::selector::check_selector;
use crate::core::sorted::SortedMap;

const TRIGGERS: &str = "`event`, `click`, `url`, `appears`, `filled` or `manual`";
const OPERATORS: &str =
    "`equals`, `not_equals`, `in`, `contains`, `exists`, `gt`, `gte`, `lt`, `lte`, `within_days` or `older_than_days`";

pub fn check_condition(ctx: &mut Ctx<'_>, at: &str, c: &Condition) {
    let triggers = [
        ("event", c.event.is_some()),
        ("click", c.click.is_some()),
        ("url", c.url.is_some()),
        ("appears", c.appears.is_some()),
        ("filled", c.filled.is_some()),
        ("manual", c.manual),
    ];
    let given: Vec<&str> = triggers.iter().filter(|t| t.1).map(|t| t.0).collect();
    match given.as_slice() {
        [] => ctx.error("missing_trigger", at, format!("`complete_when` needs one trigger: {TRIGGERS}")),
        [_] => {}
        [first, second, ..] => ctx.error(
            "conflicting_fields",
            &format!("{at}/{second}"),
            format!("`complete_when` has both `{first}` and `{second}`: give exactly one trigger (use `requires` with another step to ask for both)"),
        ),
    }
    if c.event.is_none() {
        for (field, present) in [
            ("where", !c.filters.is_empty()),
            ("count", c.count.is_some()),
        ] {
            if present {
                ctx.error(
                    "conflicting_fields",
                    &format!("{at}/{field}"),
                    format!("`{field}` applies to an event: it needs `event`"),
                );
            }
        }
    }
    if c.event.as_deref().is_some_and(|e| e.trim().is_empty()) {
        ctx.error(
            "empty",
            &format!("{at}/event"),
            "the event name cannot be empty".into(),
        );
    }
    if c.count == Some(0) {
        ctx.error(
            "out_of_range",
            &format!("{at}/count"),
            "count is 0: expected 1 or more (how many times the event must happen)".into(),
        );
    }
    for (field, selector) in [
        ("click", &c.click),
        ("appears", &c.appears),
        ("filled", &c.filled),
    ] {
        if let Some(s) = selector {
            selector_at(ctx, &format!("{at}/{field}"), s);
        }
    }
    if let Some(url) = &c.url {
        pattern_at(ctx, &format!("{at}/url"), url);
    }
    check_rules(ctx, &format!("{at}/where"), &c.filters);
}

pub fn selector_at(ctx: &mut Ctx<'_>, at: &str, selector: &str) {
    if let Err(e) = check_selector(selector) {
        let col = selector
            .get(..e.offset)
            .map_or(e.offset, |s| s.chars().count())
            + 1;
        ctx.error(
            "invalid_selector",
            at,
            format!(
                "`{selector}` is not a valid CSS selector: {} (character {col})",
                e.message
            ),
        );
    }
}

pub fn pattern_at(ctx: &mut Ctx<'_>, at: &str, pattern: &str) {
    if let Err(e) = UrlPattern::parse(pattern) {
        ctx.error("invalid_pattern", at, e.message);
    }
}

pub fn check_rules(ctx: &mut Ctx<'_>, at: &str, rules: &SortedMap<Rule>) {
    for (name, rule) in rules {
        let at = format!("{at}/{}", escape(name));
        if name.trim().is_empty() {
            ctx.error(
                "empty",
                &at,
                "the property or trait name cannot be empty".into(),
            );
        }
        check_rule(ctx, &at, name, rule);
    }
}

fn check_rule(ctx: &mut Ctx<'_>, at: &str, name: &str, r: &Rule) {
    let others = [
        r.equals.is_some(),
        r.not_equals.is_some(),
        r.one_of.is_some(),
        r.contains.is_some(),
        r.gt.is_some(),
        r.gte.is_some(),
        r.lt.is_some(),
        r.lte.is_some(),
        r.within_days.is_some(),
        r.older_than_days.is_some(),
    ];
    let count = others.iter().filter(|x| **x).count();
    if count == 0 && r.exists.is_none() {
        ctx.error(
            "empty_rule",
            at,
            format!("the rule on `{name}` has no operator: expected at least one of {OPERATORS}"),
        );
    }
    if r.exists == Some(false) && count > 0 {
        ctx.warn("impossible_rule", &format!("{at}/exists"), format!("`{name}` must be absent (`exists: false`) and also compared: the rule can never hold"));
    }
    if r.one_of.as_ref().is_some_and(Vec::is_empty) {
        ctx.error(
            "empty",
            &format!("{at}/in"),
            format!("`in` on `{name}` is empty: the rule can never hold; list the allowed values"),
        );
    }
    for (op, days) in [
        ("within_days", r.within_days),
        ("older_than_days", r.older_than_days),
    ] {
        if days.is_some_and(|d| d < 0.0) {
            let p = format!("{at}/{op}");
            let found = ctx.source(&p);
            ctx.error(
                "out_of_range",
                &p,
                format!("{op} is {found}: expected a number of days, 0 or more"),
            );
        }
    }
    let lower = [("gt", r.gt), ("gte", r.gte)]
        .into_iter()
        .filter_map(|(o, v)| Some((o, v?)));
    let upper: Vec<_> = [("lt", r.lt), ("lte", r.lte)]
        .into_iter()
        .filter_map(|(o, v)| Some((o, v?)))
        .collect();
    for (lo, l) in lower {
        for &(hi, h) in &upper {
            let empty = if lo == "gte" && hi == "lte" {
                l > h
            } else {
                l >= h
            };
            if empty {
                ctx.warn(
                    "impossible_rule",
                    &format!("{at}/{hi}"),
                    format!("no number is both `{lo}` {} and `{hi}` {}: the rule on `{name}` can never hold", ctx.source(&format!("{at}/{lo}")), ctx.source(&format!("{at}/{hi}"))),
                );
            }
        }
    }
}
