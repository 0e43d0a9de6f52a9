//! The `report` CLI prints the numbers the dashboard API serves, as JSON and as text.

#[path = "support/population.rs"]
mod population;
mod support;

use population::{at, population};
use serde_json::{json, Value};
use support::Fixture;

#[tokio::test]
async fn the_report_cli_prints_the_same_numbers() {
    let f = Fixture::new("dash-cli");
    let mut batch = population();
    for m in &mut batch {
        // The CLI's clock is the real one: move the story to 5 days before now.
        let now = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .expect("clock")
            .as_millis() as i64;
        let shift = now - support::NOW_MS as i64;
        let t = wowpath_collector::time::parse_iso8601(m["timestamp"].as_str().expect("ts"))
            .expect("ts");
        m["timestamp"] = json!(at(t + shift));
    }
    f.post(
        "/v1/batch",
        &[],
        json!({"batch": batch, "sentAt": at(support::NOW_MS as i64)}).to_string(),
    )
    .await;
    let bin = env!("CARGO_BIN_EXE_wowpath-collector");
    let db = f.db();
    let out = std::process::Command::new(bin)
        .args(["report", "--json", "--db"])
        .arg(&db)
        .output()
        .expect("run report");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let r: Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(r["guides"][0]["stages"][1]["count"], 2);
    assert_eq!(r["stuck_users"].as_array().map(Vec::len), Some(2));
    let text = std::process::Command::new(bin)
        .args(["report", "--db"])
        .arg(&db)
        .output()
        .expect("run report");
    let text = String::from_utf8_lossy(&text.stdout);
    assert!(text.contains("Not enough data yet"), "{text}");
    assert!(
        text.contains("GUIDE Get going (g) (0 dismissed, 1 replayed)"),
        "{text}"
    );
    assert!(text.contains("stopped at Create a thing (one)"), "{text}");
    assert!(
        text.contains("anchor missing: Get going (g) / two: `#share` on /reports for 1 person"),
        "{text}"
    );
    assert!(
        text.contains("guide file refused: /guides.json: guides[0]"),
        "{text}"
    );
    let bad = std::process::Command::new(bin)
        .args(["report", "--trait", "plan"])
        .output()
        .expect("run report");
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("name:value"));
}
