//! Golden replay: recorded request bodies (tests/fixtures/replay.jsonl) go through the router
//! with a fixed clock; the stored rows must equal tests/fixtures/replay.expected.jsonl exactly.
//! This guards the wire contract. After an intended change, regenerate the expected file with
//! `UPDATE_GOLDEN=1 cargo test -p wowpath-collector --test replay` and review the diff.

mod support;

use serde_json::Value;
use support::Fixture;

#[derive(serde::Deserialize)]
struct Recorded {
    body: Box<serde_json::value::RawValue>,
}

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");

#[tokio::test]
async fn recorded_requests_store_the_expected_rows() {
    let f = Fixture::new("replay");
    let requests = std::fs::read_to_string(format!("{FIXTURES}/replay.jsonl")).expect("fixture");
    let mut answers = Vec::new();
    for (n, line) in requests.lines().enumerate() {
        let r: Value = serde_json::from_str(line)
            .unwrap_or_else(|e| panic!("replay.jsonl line {}: {e}", n + 1));
        let headers: Vec<(String, String)> = r["headers"]
            .as_object()
            .map(|h| {
                h.iter()
                    .map(|(k, v)| (k.clone(), v.as_str().unwrap_or("").to_owned()))
                    .collect()
            })
            .unwrap_or_default();
        let refs: Vec<(&str, &str)> = headers
            .iter()
            .map(|(k, v)| (k.as_str(), v.as_str()))
            .collect();
        // The body exactly as recorded (key order, spacing), not re-serialised.
        let recorded: Recorded = serde_json::from_str(line).expect("a recorded request");
        let body = recorded.body.get().to_owned();
        let a = f.post(r["path"].as_str().expect("path"), &refs, body).await;
        answers.push(
            serde_json::json!({"line": n + 1, "status": a.status.as_u16(), "answer": a.json}),
        );
    }
    let rows = f.rows(
        "SELECT message_id, project, type, event, user_id, anonymous_id, timestamp, sent_at, received_at,
                timestamp_ms, received_ms, corrected_ms, raw FROM events ORDER BY rowid",
    );
    let mut actual: Vec<String> = answers.iter().map(Value::to_string).collect();
    actual.extend(rows.iter().map(Value::to_string));
    let actual = actual.join("\n") + "\n";
    let path = format!("{FIXTURES}/replay.expected.jsonl");
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(&path, &actual).expect("write golden file");
    }
    let expected =
        std::fs::read_to_string(&path).expect("golden file (create it with UPDATE_GOLDEN=1)");
    for (i, (a, e)) in actual.lines().zip(expected.lines()).enumerate() {
        assert_eq!(a, e, "line {} of replay.expected.jsonl differs", i + 1);
    }
    assert_eq!(
        actual.lines().count(),
        expected.lines().count(),
        "a different number of answers and rows"
    );
}
