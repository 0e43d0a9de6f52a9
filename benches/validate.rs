//! `cargo bench -p wowpath --bench validate`: the time to read and validate a 1 MiB guide
//! file, beside merely parsing the same text with serde_json (a general-purpose JSON parser)
//! and with the widget's own spanned parser. Prints figures; asserts nothing.

use std::hint::black_box;
use std::time::{Duration, Instant};
use wowpath::core::{guide, json};

/// The example guides, copied with fresh ids until the file is at least 1 MiB.
fn big_guide_file() -> String {
    let example = include_str!("../examples/guides/trackly-onboarding.json");
    let start = example
        .find("\"guides\": [")
        .expect("the example has guides")
        + 11;
    let end = example
        .rfind("],\n  \"locales\"")
        .expect("the example has locales");
    let guides = example[start..end].trim();
    let mut body = Vec::new();
    let mut size = 0;
    let mut copy = 0;
    while size < 1 << 20 {
        // Ids stay unique and references stay inside their copy.
        let renamed = guides
            .replace("\"first-project", &format!("\"first-project-{copy}"))
            .replace("\"reports-tour", &format!("\"reports-tour-{copy}"))
            .replace("\"returning", &format!("\"returning-{copy}"))
            .replace("\"reports-hint", &format!("\"reports-hint-{copy}"));
        size += renamed.len();
        body.push(renamed);
        copy += 1;
    }
    let head = &example[..start];
    let head = head.replace(
        "\"first-project/share-report\"",
        "\"first-project-0/share-report\"",
    );
    format!("{head}\n{}\n  ]\n}}\n", body.join(",\n"))
}

fn median(mut f: impl FnMut()) -> Duration {
    let mut times: Vec<Duration> = (0..15)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed()
        })
        .collect();
    times.sort();
    times[times.len() / 2]
}

fn main() {
    let text = big_guide_file();
    let loaded = guide::load(&text);
    assert!(
        !loaded.has_errors(),
        "the benchmark file is valid: {:?}",
        loaded.diagnostics.first()
    );
    let guides = loaded.file.map_or(0, |f| f.guides.len());
    println!("guide file: {} bytes, {guides} guides", text.len());
    let serde = median(|| {
        black_box(serde_json::from_str::<serde_json::Value>(black_box(&text)).ok());
    });
    let spanned = median(|| {
        black_box(json::parse(black_box(&text)).ok());
    });
    let validate = median(|| {
        black_box(guide::load(black_box(&text)));
    });
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    println!(
        "parse only, serde_json::Value (baseline)  {:>8.2} ms",
        ms(serde)
    );
    println!(
        "parse only, spanned tree (json::parse)    {:>8.2} ms",
        ms(spanned)
    );
    println!("parse + read + validate (guide::load)     {:>8.2} ms  ({:.1}x the baseline; target < 50 ms)", ms(validate), ms(validate) / ms(serde));
}
