use super::Options;

fn parse(json: &str) -> Result<Options, String> {
    Options::parse(json)
}

#[test]
fn endpoints_the_widget_can_send_to_are_accepted() {
    for endpoint in [
        "",
        "https://collect.example.com",
        "HTTPS://collect.example.com/",
        "http://127.0.0.1:8080",
        "/collect",
        "//collect.example.com",
    ] {
        let text = format!(r#"{{"writeKey":"wk","endpoint":{endpoint:?}}}"#);
        assert!(
            parse(&text).is_ok(),
            "{endpoint:?}: {:?}",
            parse(&text).err()
        );
    }
}

#[test]
fn endpoints_that_cannot_work_are_refused_with_the_reason() {
    // (endpoint, what the message must say)
    let table = [
        (
            "not a url",
            "is neither an http(s) URL nor a path on this site",
        ),
        (
            "ftp://collect.example.com",
            "is neither an http(s) URL nor a path",
        ),
        (
            "collect.example.com",
            "is neither an http(s) URL nor a path",
        ),
        ("https://x.example/?key=1", "has a query or fragment"),
        ("/collect#here", "has a query or fragment"),
        ("https://x.example/a b", "contains a space"),
    ];
    for (endpoint, why) in table {
        let text = format!(r#"{{"writeKey":"wk","endpoint":{endpoint:?}}}"#);
        let e = parse(&text).expect_err(endpoint);
        assert!(e.contains(why), "{endpoint:?}: {e}");
        assert!(e.contains(&format!("{endpoint:?}")), "names the value: {e}");
        assert!(e.ends_with("(at endpoint)"), "{e}");
    }
}

#[test]
fn a_request_timeout_under_a_second_is_refused() {
    let e = parse(r#"{"writeKey":"wk","requestTimeoutMs":0}"#).expect_err("0 ms");
    assert!(
        e.contains("`requestTimeoutMs` is 0 but must be at least 1000"),
        "{e}"
    );
    assert!(parse(r#"{"writeKey":"wk","requestTimeoutMs":999}"#).is_err());
    let ok = parse(r#"{"writeKey":"wk","requestTimeoutMs":1000}"#).expect("1 s");
    assert_eq!(ok.request_timeout_ms, 1000);
    assert_eq!(
        parse(r#"{"writeKey":"wk"}"#).map(|o| o.request_timeout_ms),
        Ok(10_000)
    );
}

#[test]
fn the_guide_file_comes_inline_or_from_a_url_not_both() {
    let with_url = parse(r#"{"writeKey":"wk","guidesUrl":"/guides.json"}"#).expect("options");
    let e = with_url.check_guide_source(true).expect_err("both");
    assert!(
        e.contains("either `guides`") && e.contains("\"/guides.json\""),
        "{e}"
    );
    assert_eq!(with_url.check_guide_source(false), Ok(()));
    let without = parse(r#"{"writeKey":"wk"}"#).expect("options");
    assert_eq!(without.check_guide_source(true), Ok(()));
    assert_eq!(without.check_guide_source(false), Ok(()));
}

#[test]
fn urls_are_made_from_the_base_and_encoded() {
    let o = parse(r#"{"writeKey":"wk 1","endpoint":"https://c.example/"}"#).expect("options");
    assert_eq!(o.batch_url(), "https://c.example/v1/batch");
    assert_eq!(
        o.progress_url("ada@x.io"),
        "https://c.example/v1/progress/ada%40x.io?writeKey=wk%201"
    );
}
