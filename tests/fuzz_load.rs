//! A bounded fuzzer for `guide::load` on stable Rust: mutates the example and broken guide
//! files (byte flips, JSON tokens, deletions, duplications, splices) and checks that loading
//! never panics and that every diagnostic points inside the text.
//!
//! CI runs it for a few seconds; a longer run:
//! `WOWPATH_FUZZ_SECONDS=600 cargo test --release -p wowpath --test fuzz_load -- --nocapture`
//! (`WOWPATH_FUZZ_SEED=n` replays a run). A panicking input is written to target/fuzz-crash.json.

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::Path;
use std::time::{Duration, Instant};
use wowpath::core::guide::load;

const TOKENS: &[&str] = &[
    "{",
    "}",
    "[",
    "]",
    "\"",
    ":",
    ",",
    "\\",
    "\\u",
    "null",
    "true",
    "-",
    "0",
    "1e999",
    "-0.5",
    "\"kind\":\"tooltip\"",
    "\"requires\":[\"a\"]",
    "\"anchor\":\"",
    "\"url\":\"/**\"",
    "**",
    "[x](",
    "\"where\":{",
    "\"id\":\"g\"",
    "é",
    "\u{feff}",
    "\n",
    "~1",
    "\"$schema\"",
    "::",
    ":not(",
];

/// xorshift64*: deterministic from the seed, no dependency.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

fn corpus() -> Vec<Vec<u8>> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut out = Vec::new();
    for dir in ["examples/guides", "tests/guides/invalid"] {
        for entry in std::fs::read_dir(root.join(dir))
            .expect("corpus directory")
            .flatten()
        {
            if entry.path().extension().is_some_and(|e| e == "json") {
                out.push(std::fs::read(entry.path()).expect("readable"));
            }
        }
    }
    out
}

fn mutate(rng: &mut Rng, input: &mut Vec<u8>, corpus: &[Vec<u8>]) {
    for _ in 0..1 + rng.below(4) {
        let at = rng.below(input.len() + 1);
        match rng.below(6) {
            0 if !input.is_empty() => {
                let i = at.min(input.len() - 1);
                input[i] ^= 1 << rng.below(8);
            }
            1 => {
                let token = TOKENS[rng.below(TOKENS.len())].as_bytes();
                input.splice(at..at, token.iter().copied());
            }
            2 => {
                let end = (at + rng.below(16)).min(input.len());
                input.drain(at..end);
            }
            3 => {
                let end = (at + rng.below(64)).min(input.len());
                let copy = input[at..end].to_vec();
                let to = rng.below(input.len() + 1);
                input.splice(to..to, copy);
            }
            _ => {
                let other = &corpus[rng.below(corpus.len())];
                let from = rng.below(other.len());
                let end = (from + rng.below(128)).min(other.len());
                input.splice(at..at, other[from..end].iter().copied());
            }
        }
    }
}

#[test]
fn loading_never_panics_on_mutated_guide_files() {
    let seconds: u64 = std::env::var("WOWPATH_FUZZ_SECONDS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(4);
    let seed: u64 = std::env::var("WOWPATH_FUZZ_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(0x5eed);
    let corpus = corpus();
    assert!(corpus.len() > 50);
    let mut rng = Rng(seed | 1);
    let deadline = Instant::now() + Duration::from_secs(seconds);
    let (mut runs, mut accepted) = (0u64, 0u64);
    while Instant::now() < deadline {
        let mut input = corpus[rng.below(corpus.len())].clone();
        mutate(&mut rng, &mut input, &corpus);
        let text = String::from_utf8_lossy(&input).into_owned();
        let lines = text.lines().count().max(1) + 1;
        let result = catch_unwind(AssertUnwindSafe(|| load(&text)));
        let Ok(loaded) = result else {
            std::fs::write(
                Path::new(env!("CARGO_MANIFEST_DIR")).join("target/fuzz-crash.json"),
                &text,
            )
            .ok();
            panic!(
                "load panicked (seed {seed}, run {runs}); the input is in target/fuzz-crash.json"
            );
        };
        for d in &loaded.diagnostics {
            assert!(
                d.at.line >= 1 && d.at.line <= lines && d.at.col >= 1,
                "{d} outside the text of {lines} lines"
            );
        }
        assert_eq!(loaded.file.is_some(), !loaded.has_errors());
        accepted += u64::from(loaded.file.is_some());
        runs += 1;
    }
    eprintln!("fuzz: {runs} inputs in {seconds} s (seed {seed}), {accepted} accepted");
    assert!(runs > 100, "the fuzzer ran only {runs} inputs");
}
