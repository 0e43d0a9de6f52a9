//! The pseudo-class names the checker knows.

/// Pseudo-classes without arguments that Chromium, Firefox and Safari all accept.
pub(super) const PSEUDO_CLASSES: &[&str] = &[
    "active",
    "any-link",
    "autofill",
    "checked",
    "default",
    "defined",
    "disabled",
    "empty",
    "enabled",
    "first-child",
    "first-of-type",
    "focus",
    "focus-visible",
    "focus-within",
    "fullscreen",
    "hover",
    "in-range",
    "indeterminate",
    "invalid",
    "last-child",
    "last-of-type",
    "link",
    "modal",
    "only-child",
    "only-of-type",
    "open",
    "optional",
    "out-of-range",
    "placeholder-shown",
    "popover-open",
    "read-only",
    "read-write",
    "required",
    "root",
    "scope",
    "target",
    "user-invalid",
    "user-valid",
    "valid",
    "visited",
];

/// Functional pseudo-classes, by the kind of argument they take.
pub(super) const FUNCTIONS: &[&str] = &[
    "not",
    "is",
    "where",
    "has",
    "nth-child",
    "nth-last-child",
    "nth-of-type",
    "nth-last-of-type",
    "lang",
    "dir",
];

pub(super) const JQUERY: &[&str] = &[
    "contains", "eq", "gt", "lt", "first", "last", "even", "odd", "visible", "hidden", "input",
    "button", "header", "selected",
];
