use super::*;
use proptest::prelude::*;

fn matches(pattern: &str, url: &str) -> bool {
    UrlPattern::parse(pattern)
        .unwrap_or_else(|e| panic!("{pattern}: {e}"))
        .matches(url)
}

#[test]
fn table_of_matches() {
    for (pattern, url, expected) in [
        ("/", "/", true),
        ("/", "", true),
        ("/", "/team", false),
        ("/team", "/team", true),
        ("/team", "/team/", true),
        ("/team/", "/team", true),
        ("/team", "/Team", false),
        ("/team", "/teams", false),
        ("/team", "/team/1", false),
        ("/team", "/team?tab=2#top", true),
        ("/team", "https://app.example/team?x", true),
        ("/team", "https://app.example", false),
        ("/", "https://app.example", true),
        ("/team/*", "/team/42", true),
        ("/team/*", "/team", false),
        ("/team/*", "/team/42/edit", false),
        ("/team/*/edit", "/team/42/edit", true),
        ("/team/*-id", "/team/x-id", true),
        ("/team/*-id", "/team/-id", true),
        ("/team/*-id", "/team/x-ID", false),
        ("/r/*a*b", "/r/xaybzb", true),
        ("/r/*a*b", "/r/xaybz", false),
        ("/app/**", "/app", true),
        ("/app/**", "/app/", true),
        ("/app/**", "/app/a/b/c", true),
        ("/app/**", "/apps/a", false),
        ("/**", "/", true),
        ("/**", "/anything/at/all", true),
        ("/**/edit", "/edit", true),
        ("/**/edit", "/a/b/edit", true),
        ("/**/edit", "/a/b/edit/x", false),
        ("/a/**/b/**/c", "/a/b/c", true),
        ("/a/**/b/**/c", "/a/x/b/y/z/c", true),
        ("/a/**/b/**/c", "/a/x/y/c", false),
        ("/reports/*", "/reports/%20q", true),
        ("/über/*", "/über/ä", true),
    ] {
        assert_eq!(matches(pattern, url), expected, "{pattern} vs {url}");
    }
}

#[test]
fn table_of_errors() {
    for (pattern, offset, fragment) in [
        ("", 0, "empty"),
        ("team", 0, "must start with `/`"),
        ("https://x.example/a", 0, "without the scheme"),
        ("/a?b=1", 2, "queries and fragments"),
        ("/a#top", 2, "queries and fragments"),
        ("/a b", 2, "whitespace"),
        ("/a//b", 3, "empty segment"),
        ("/a/b**", 4, "whole segment"),
        ("/a/***", 3, "whole segment"),
    ] {
        let e = UrlPattern::parse(pattern).expect_err(pattern);
        assert_eq!(e.offset, offset, "{pattern}: {e}");
        assert!(e.message.contains(fragment), "{pattern}: {e}");
    }
}

proptest! {
    #[test]
    fn never_panics(pattern in "\\PC{0,20}", url in "\\PC{0,30}") {
        if let Ok(p) = UrlPattern::parse(&pattern) {
            let _ = p.matches(&url);
        }
    }

    #[test]
    fn a_literal_path_matches_itself_and_deep_matches_below(
        segs in prop::collection::vec("[a-z0-9_.-]{1,6}", 0..5),
        rest in prop::collection::vec("[a-z0-9]{1,4}", 0..4),
    ) {
        let path = format!("/{}", segs.join("/"));
        let p = UrlPattern::parse(&path).expect("a literal path parses");
        prop_assert!(p.matches(&path));
        let with_query = format!("{path}?q=1#h");
        prop_assert!(p.matches(&with_query));
        let deep = UrlPattern::parse(&format!("{}/**", path.trim_end_matches('/')))
            .expect("a deep pattern parses");
        let below = format!("{}/{}", path.trim_end_matches('/'), rest.join("/"));
        prop_assert!(deep.matches(&below));
    }

    #[test]
    fn a_star_stands_for_any_one_segment(
        segs in prop::collection::vec("[a-z0-9]{1,6}", 1..5),
        pick in any::<prop::sample::Index>(),
        other in "[a-z0-9]{1,6}",
    ) {
        let i = pick.index(segs.len());
        let mut glob = segs.clone();
        glob[i] = "*".into();
        let p = UrlPattern::parse(&format!("/{}", glob.join("/"))).expect("parses");
        let mut path = segs.clone();
        path[i] = other.clone();
        let url = format!("/{}", path.join("/"));
        prop_assert!(p.matches(&url));
    }
}
