//! The widget's files under /pkg: sent as the brotli or gzip twin `cargo xtask build` writes
//! when the browser accepts it, as they are otherwise, always with their own content type and
//! readable from pages on any origin.

mod support;

use support::Fixture;
use wowpath_collector::{Config, Limits, Static};

const WASM: &[u8] = b"\0asm\x01\0\0\0 the module";
const BR: &[u8] = b"brotli twin";
const GZ: &[u8] = b"gzip twin";

fn serving_pkg(name: &str, twins: bool) -> Fixture {
    let dir = std::env::temp_dir().join(format!("wowpath-statics-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let pkg = dir.join("pkg");
    std::fs::create_dir_all(&pkg).expect("pkg dir");
    std::fs::write(pkg.join("wowpath_bg.wasm"), WASM).expect("wasm");
    if twins {
        std::fs::write(pkg.join("wowpath_bg.wasm.br"), BR).expect("br");
        std::fs::write(pkg.join("wowpath_bg.wasm.gz"), GZ).expect("gz");
    }
    let statics = Static {
        pkg: Some(pkg),
        www: None,
    };
    Fixture::serving(dir, Config::default(), Limits::default(), statics)
}

#[tokio::test]
async fn each_browser_gets_the_smallest_encoding_it_accepts() {
    let fx = serving_pkg("encodings", true);
    // (Accept-Encoding, expected Content-Encoding, expected body)
    let table: [(&str, Option<&str>, &[u8]); 5] = [
        ("gzip, deflate, br, zstd", Some("br"), BR),
        ("br", Some("br"), BR),
        ("gzip, deflate", Some("gzip"), GZ),
        ("identity", None, WASM),
        ("", None, WASM),
    ];
    for (accept, encoding, body) in table {
        let headers: Vec<(&str, &str)> = match accept {
            "" => vec![],
            a => vec![("accept-encoding", a)],
        };
        let answer = fx.get("/pkg/wowpath_bg.wasm", &headers).await;
        assert_eq!(answer.status, 200, "{accept}");
        let header = |name: &str| answer.headers.get(name).and_then(|v| v.to_str().ok());
        assert_eq!(
            header("content-encoding"),
            encoding,
            "Accept-Encoding: {accept}"
        );
        assert_eq!(answer.text.as_bytes(), body, "Accept-Encoding: {accept}");
        let kind = header("content-type");
        assert_eq!(
            kind,
            Some("application/wasm"),
            "instantiateStreaming needs it"
        );
        let vary = header("vary");
        assert_eq!(
            vary,
            Some("accept-encoding"),
            "caches keep one copy per encoding"
        );
        let cors = header("access-control-allow-origin");
        assert_eq!(
            cors,
            Some("*"),
            "pages on other origins may load the widget"
        );
    }
}

#[tokio::test]
async fn without_twins_the_file_is_sent_as_it_is() {
    let fx = serving_pkg("no-twins", false);
    let answer = fx
        .get("/pkg/wowpath_bg.wasm", &[("accept-encoding", "gzip, br")])
        .await;
    assert_eq!(answer.status, 200);
    assert!(answer.headers.get("content-encoding").is_none());
    assert_eq!(answer.text.as_bytes(), WASM);
}

#[test]
fn twins_older_than_their_file_are_found_at_start_up() {
    let dir = std::env::temp_dir().join(format!("wowpath-twins-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("dir");
    let write_at = |name: &str, secs: u64| {
        let path = dir.join(name);
        std::fs::write(&path, name).expect("write");
        let at = std::time::UNIX_EPOCH + std::time::Duration::from_secs(secs);
        let file = std::fs::File::options()
            .write(true)
            .open(&path)
            .expect("open");
        file.set_modified(at).expect("set mtime");
    };
    // The module rebuilt after its twins: both are stale. The loader's twins are fresh.
    write_at("wowpath_bg.wasm.br", 1_000);
    write_at("wowpath_bg.wasm.gz", 1_000);
    write_at("wowpath_bg.wasm", 2_000);
    write_at("loader.js", 1_000);
    write_at("loader.js.br", 1_000);
    write_at("loader.js.gz", 3_000);
    // A twin without its file is not reported: nothing would be served in its place.
    write_at("index.js.br", 1_000);
    let stale = wowpath_collector::twins::stale(&dir);
    assert_eq!(
        stale,
        vec![
            dir.join("wowpath_bg.wasm.br"),
            dir.join("wowpath_bg.wasm.gz")
        ]
    );
    assert!(wowpath_collector::twins::stale(&dir.join("missing")).is_empty());
}

#[tokio::test]
async fn client_routes_get_the_app_and_missing_files_a_404() {
    let dir = std::env::temp_dir().join(format!("wowpath-statics-www-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let www = dir.join("www");
    std::fs::create_dir_all(&www).expect("www dir");
    std::fs::write(www.join("index.html"), "<!doctype html><title>app</title>").expect("index");
    std::fs::write(www.join("guides.json"), "{}").expect("guides");
    let statics = Static {
        pkg: None,
        www: Some(www),
    };
    let fx = Fixture::serving(dir, Config::default(), Limits::default(), statics);
    // (path, status, body)
    let table: [(&str, u16, &str); 5] = [
        ("/guides.json", 200, "{}"),
        ("/team", 200, "<!doctype html><title>app</title>"),
        (
            "/projects/42/settings",
            200,
            "<!doctype html><title>app</title>",
        ),
        ("/guide.json", 404, ""),
        ("/assets/app.v2.js", 404, ""),
    ];
    for (path, status, body) in table {
        let answer = fx.get(path, &[]).await;
        assert_eq!(
            (answer.status.as_u16(), answer.text.as_str()),
            (status, body),
            "{path}"
        );
    }
}
