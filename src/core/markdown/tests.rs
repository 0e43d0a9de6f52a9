use super::*;
use proptest::prelude::*;
use Inline::*;

fn t(s: &str) -> Inline {
    Text(s.into())
}

#[test]
fn inline_table() {
    let link = |href: &str, c: Vec<Inline>| Link {
        href: href.into(),
        children: c,
    };
    for (src, expected) in [
        ("plain", vec![t("plain")]),
        ("a **b** c", vec![t("a "), Bold(vec![t("b")]), t(" c")]),
        ("*i*", vec![Italic(vec![t("i")])]),
        (
            "*a **b** c*",
            vec![Italic(vec![t("a "), Bold(vec![t("b")]), t(" c")])],
        ),
        (
            "**b** and *i*",
            vec![Bold(vec![t("b")]), t(" and "), Italic(vec![t("i")])],
        ),
        ("2 * 3 * 4", vec![t("2 * 3 * 4")]),
        ("**unclosed", vec![t("**unclosed")]),
        ("*unclosed", vec![t("*unclosed")]),
        ("****", vec![t("****")]),
        ("\\*not\\*", vec![t("*not*")]),
        ("<b>x</b> & `c`", vec![t("<b>x</b> & `c`")]),
        (
            "see [the docs](https://x.example/a?b=1#c).",
            vec![
                t("see "),
                link("https://x.example/a?b=1#c", vec![t("the docs")]),
                t("."),
            ],
        ),
        (
            "[**team**](/team)",
            vec![link("/team", vec![Bold(vec![t("team")])])],
        ),
        (
            "[mail](mailto:a@b.example)",
            vec![link("mailto:a@b.example", vec![t("mail")])],
        ),
        ("[up](../x)", vec![link("../x", vec![t("up")])]),
        (
            "[x](javascript:alert(1))",
            vec![t("[x](javascript:alert(1))")],
        ),
        (
            "[w](https://x.example/a_(b)) c",
            vec![link("https://x.example/a_(b)", vec![t("w")]), t(" c")],
        ),
        ("[x](JavaScript:go)", vec![t("[x](JavaScript:go)")]),
        ("[x](data:text/html,hi)", vec![t("[x](data:text/html,hi)")]),
        ("[x](java script:go)", vec![t("[x](java script:go)")]),
        // Links do not nest: the first `]` closes the text.
        (
            "[a [b](/c)](/d)",
            vec![link("/c", vec![t("a [b")]), t("](/d)")],
        ),
        ("[no link]", vec![t("[no link]")]),
        ("[no](", vec![t("[no](")]),
    ] {
        assert_eq!(inline(src), expected, "{src}");
    }
}

#[test]
fn blocks() {
    let body = "Welcome to **Trackly**.\nIt tracks work.\n\n- one\n- *two*\n  continued\n\nEnd.";
    assert_eq!(
        parse(body),
        vec![
            Block::Paragraph(vec![
                t("Welcome to "),
                Bold(vec![t("Trackly")]),
                t(". It tracks work.")
            ]),
            Block::List(vec![
                vec![t("one")],
                vec![Italic(vec![t("two")]), t(" continued")]
            ]),
            Block::Paragraph(vec![t("End.")]),
        ]
    );
    assert_eq!(
        parse("Intro\n- a\n- b"),
        vec![
            Block::Paragraph(vec![t("Intro")]),
            Block::List(vec![vec![t("a")], vec![t("b")]])
        ]
    );
    assert_eq!(parse(""), vec![]);
    assert_eq!(
        parse("-not a list"),
        vec![Block::Paragraph(vec![t("-not a list")])]
    );
}

#[test]
fn unsafe_links_are_listed() {
    assert_eq!(
        unsafe_links("[a](/ok) [b](javascript:x) [c](vbscript:y)"),
        vec!["javascript:x".to_string(), "vbscript:y".to_string()]
    );
    assert!(unsafe_links("[a](https://x.example)").is_empty());
}

#[test]
fn pictures_come_only_from_http_addresses_and_paths() {
    for ok in [
        "/img/a.png",
        "img/a.png",
        "https://cdn.example/a.png",
        "http://x.example/a.png",
        "?v=1",
    ] {
        assert!(is_picture_src(ok), "{ok}");
    }
    for bad in [
        "javascript:alert(1)",
        "data:image/png;base64,AAAA",
        "mailto:a@b.example",
        " MAILTO:a@b",
        "",
        "java\tscript:x",
    ] {
        assert!(!is_picture_src(bad), "{bad}");
    }
}

#[test]
fn pathological_input_is_fast_and_shallow() {
    for body in [
        "*a".repeat(200_000),
        "**".repeat(200_000),
        "[".repeat(200_000),
        "[x](".repeat(100_000),
        format!("{}x{}", "*".repeat(100_000), "*".repeat(100_000)),
        format!("{}x{}", "**a *".repeat(50_000), "* b**".repeat(50_000)),
    ] {
        let started = std::time::Instant::now();
        let _ = parse(&body);
        // A generous bound: quadratic behaviour would take minutes here.
        assert!(started.elapsed().as_secs() < 5, "slow on {}", &body[..20]);
    }
}

fn text_of(inlines: &[Inline], out: &mut String) {
    for i in inlines {
        match i {
            Text(s) => out.push_str(s),
            Bold(c) | Italic(c) | Link { children: c, .. } => text_of(c, out),
        }
    }
}

proptest! {
    #[test]
    fn never_panics_and_keeps_plain_words(s in "[a-z *\\[\\]()\\\\:/\n-é]{0,60}") {
        let blocks = parse(&s);
        let mut all = String::new();
        for b in &blocks {
            match b {
                Block::Paragraph(p) => text_of(p, &mut all),
                Block::List(items) => items.iter().for_each(|i| text_of(i, &mut all)),
            }
        }
        for word in s.split(|c: char| !c.is_ascii_lowercase()).filter(|w| !w.is_empty()) {
            prop_assert!(all.contains(word), "{:?} lost {:?}", s, word);
        }
    }

    #[test]
    fn every_link_is_safe(s in "\\PC{0,60}") {
        fn check(inlines: &[Inline]) -> bool {
            inlines.iter().all(|i| match i {
                Link { href, children } => is_safe_href(href) && check(children),
                Bold(c) | Italic(c) => check(c),
                Text(_) => true,
            })
        }
        prop_assert!(check(&inline(&s)));
    }
}
