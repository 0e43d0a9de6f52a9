use super::*;
use proptest::prelude::*;

#[test]
fn accepts_what_people_write() {
    for s in [
        "*",
        "button",
        "#save",
        ".btn.primary",
        "#invite-button",
        "[data-wow=invite]",
        "[data-wow=\"invite\"]",
        "[data-wow='a b']",
        "[data-step=\"1\"]",
        "[ data-x ~= y i ]",
        "[lang|=en]",
        "a[href^='https://']",
        "a[href$=\".pdf\" s]",
        "[class*=col-]",
        "nav > ul li + li ~ li",
        "nav>ul>li",
        "a, b ,c",
        "form input[type=email]:not([disabled])",
        "li:nth-child(2n+1)",
        "li:nth-child( odd )",
        "li:nth-last-child(-n + 3)",
        "li:nth-of-type(3)",
        "li:nth-child(2 of .important)",
        ":is(h1, h2) + p",
        ":where(.a .b)",
        "section:has(> img, + p)",
        "input:focus-visible",
        "a:HOVER",
        "p:lang(fr, \"de\")",
        "p:dir(rtl)",
        "#\\31 23",
        ".\\@media",
        ".a\\:b",
        "._private",
        ".--custom",
        ".über",
        "tr:not(:first-child):not(:last-child)",
        "  #padded  ",
        "[data-wow=invite]\n  .x",
    ] {
        if let Err(e) = check_selector(s) {
            panic!("{s:?} rejected at {}: {e}", e.offset);
        }
    }
}

#[test]
fn rejects_garbage_with_a_position_and_reason() {
    for (s, offset, fragment) in [
        ("", 0, "empty selector"),
        ("   ", 0, "empty selector"),
        ("#", 1, "expected an id"),
        ("#1abc", 1, "cannot start with a digit"),
        (".", 1, "expected a class name"),
        (".1a", 1, "expected a class name"),
        ("div..x", 4, "expected a class name"),
        ("[data-x", 0, "not closed with `]`"),
        ("[data-x=1]", 8, "put it in quotes"),
        ("[data-x=]", 8, "expected a value"),
        ("[=x]", 1, "expected an attribute name"),
        ("[a==b]", 3, "put it in quotes"),
        ("[a!=b]", 2, "operator"),
        ("[a=\"b]", 3, "not closed"),
        ("[a=b c]", 5, "expected `]`"),
        ("> a", 0, "cannot start with `>`"),
        ("a >", 3, "after the combinator `>`"),
        ("a > > b", 4, "unexpected `>`"),
        ("a,", 2, "expected a selector"),
        (",a", 0, "expected a selector"),
        ("a,,b", 2, "expected a selector"),
        ("a)", 1, "without a matching `(`"),
        ("a{", 1, "unexpected `{`"),
        ("div!", 3, "unexpected `!`"),
        ("a:hovr", 1, "did you mean `hover`?"),
        ("a:frobnicate", 1, "unknown pseudo-class"),
        ("p::before", 2, "pseudo-elements"),
        ("p:contains(Save)", 1, "jQuery"),
        ("li:eq(1)", 2, "jQuery"),
        ("div:visible", 3, "jQuery"),
        ("a:not", 1, "needs arguments"),
        ("a:not(", 6, "expected a selector"),
        ("a:not(b", 7, "not closed with `)`"),
        ("a:not()", 6, "expected a selector"),
        ("a:nth-child()", 12, "`odd`, `even`"),
        ("a:nth-child(x)", 12, "`odd`, `even`"),
        ("a:nth-child(2n+)", 15, "after the sign"),
        ("a:nth-of-type(2 of b)", 16, "unexpected `o`"),
        ("a:dir(up)", 6, "`ltr` or `rtl`"),
        ("a:foo(b)", 1, "unknown pseudo-class `:foo()`"),
        ("svg|rect", 3, "namespaces"),
        ("a\\", 2, "must be followed"),
        ("-1a", 0, "start with `-` and a digit"),
    ] {
        match check_selector(s) {
            Ok(()) => panic!("{s:?} was accepted"),
            Err(e) => {
                assert!(e.message.contains(fragment), "{s:?}: {e}");
                assert_eq!(e.offset, offset, "{s:?}: {e}");
            }
        }
    }
}

#[test]
fn deep_nesting_is_refused_not_a_stack_overflow() {
    let s = format!("{}a{}", ":not(".repeat(10_000), ")".repeat(10_000));
    assert!(check_selector(&s).is_err());
}

proptest! {
    #[test]
    fn never_panics(s in "\\PC{0,40}") {
        let _ = check_selector(&s);
    }

    #[test]
    fn never_panics_on_selector_like_text(s in "[a-z#.\\[\\]=\"':()>+~, *\\\\0-9é-]{0,30}") {
        if let Err(e) = check_selector(&s) {
            prop_assert!(e.offset <= s.len());
        }
    }
}
