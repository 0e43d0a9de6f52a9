//! The benchmarks' event: a wowpath step completion as the widget sends it. Its messageId is
//! a random UUID v4, as the widget's are (a counter, `WOWPATH_BENCH_IDS=counter`, lands
//! every key at the end of the dedupe index and flatters the store).

/// Messages numbered from `from`, `count` of them, as batch bodies of `per_batch` messages.
pub fn bodies(from: usize, count: usize, per_batch: usize) -> Vec<String> {
    (0..count / per_batch)
        .map(|b| {
            let msgs: Vec<String> = (0..per_batch)
                .map(|i| message(from + b * per_batch + i))
                .collect();
            format!(
                r#"{{"batch":[{}],"sentAt":"2026-11-22T10:00:01.000Z"}}"#,
                msgs.join(",")
            )
        })
        .collect()
}

pub fn message(n: usize) -> String {
    let id = match std::env::var("WOWPATH_BENCH_IDS").as_deref() {
        Ok("counter") => format!("bench-{n:08}"),
        _ => random_id(n as u64),
    };
    format!(
        r#"{{"type":"track","messageId":"{id}","anonymousId":"anon-{user}","userId":"user-{user}","event":"Onboarding Step Completed","properties":{{"guide_id":"first-project","step_id":"invite","step_index":1,"group":"treatment"}},"context":{{"library":{{"name":"wowpath","version":"0.1.0"}},"page":{{"path":"/team","url":"https://app.example/team","title":"Team"}},"locale":"en-GB","userAgent":"Mozilla/5.0 (X11; Linux x86_64) Chrome/156.0"}},"timestamp":"2026-11-22T10:00:00.000Z"}}"#,
        user = n % 5_000
    )
}

/// A UUID-shaped id drawn from `n` (splitmix64): as scattered as the widget's, yet the same
/// in every run.
pub fn random_id(n: u64) -> String {
    let mix = |mut z: u64| {
        z = z.wrapping_add(0x9e37_79b9_7f4a_7c15);
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    };
    let (a, b) = (mix(n), mix(!n));
    format!(
        "{:08x}-{:04x}-4{:03x}-a{:03x}-{:012x}",
        a >> 32,
        (a >> 16) & 0xffff,
        a & 0xfff,
        b >> 52,
        b & 0xffff_ffff_ffff
    )
}
