//! In-process router tests: every answer of the ingest endpoints, with a real SQLite file.

mod support;

use axum::http::StatusCode;
use serde_json::json;
use support::{basic, one_project, track, Fixture};
use wowpath_collector::Limits;

#[tokio::test]
async fn a_valid_batch_is_stored_once_per_message_id_with_all_its_times() {
    let f = Fixture::new("valid");
    let body = json!({"batch": [track("m1"), track("m2")], "sentAt": "2026-11-22T10:00:01.000Z"})
        .to_string();
    let a = f.post("/v1/batch", &[], body.clone()).await;
    assert_eq!(a.status, StatusCode::OK);
    assert_eq!(
        (a.json["accepted"].as_u64(), a.json["stored"].as_u64()),
        (Some(2), Some(2))
    );
    let a = f
        .post("/v1/batch", &[("content-type", "application/json")], body)
        .await;
    assert_eq!(a.status, StatusCode::OK);
    assert_eq!(
        a.json["stored"].as_u64(),
        Some(0),
        "a retry must not store duplicates"
    );
    let rows = f.rows("SELECT message_id, project, type, event, timestamp, sent_at, received_at, timestamp_ms, received_ms, corrected_ms FROM events ORDER BY message_id");
    assert_eq!(rows.len(), 2);
    assert_eq!(
        rows[0],
        json!({"message_id": "m1", "project": "default", "type": "track", "event": "Project Created",
               "timestamp": "2026-11-22T10:00:00.000Z", "sent_at": "2026-11-22T10:00:01.000Z",
               "received_at": "2026-11-22T15:04:05.000Z", "timestamp_ms": 1_795_341_600_000i64,
               "received_ms": 1_795_359_845_000i64,
               // The client's clock is 5 h 4 min 4 s behind: its capture time is moved by as much.
               "corrected_ms": 1_795_359_844_000i64})
    );
}

#[tokio::test]
async fn malformed_bodies_get_a_400_with_a_json_error_and_store_nothing() {
    let f = Fixture::new("malformed");
    for body in ["{not json", "[]", "{\"batch\": 5}", ""] {
        let a = f.post("/v1/batch", &[], body).await;
        assert_eq!(a.status, StatusCode::BAD_REQUEST, "{body}");
        assert_eq!(a.json["error"]["code"], "bad_request", "{body}");
        assert!(a.json["error"]["message"]
            .as_str()
            .is_some_and(|m| !m.is_empty()));
    }
    assert!(f.rows("SELECT * FROM events").is_empty());
}

#[tokio::test]
async fn bad_messages_are_rejected_by_index_while_good_ones_are_kept() {
    let f = Fixture::new("partial");
    let mut no_event = track("m3");
    no_event.as_object_mut().expect("object").remove("event");
    let mut bad_time = track("m4");
    bad_time["timestamp"] = json!("yesterday");
    let big = json!({"type": "track", "messageId": "m5", "anonymousId": "a", "event": "E",
                     "properties": {"blob": "x".repeat(33 * 1024)}});
    let body =
        json!({"batch": [track("m1"), {"type": "track"}, no_event, 7, bad_time, big]}).to_string();
    let a = f.post("/v1/batch", &[], body).await;
    assert_eq!(a.status, StatusCode::OK);
    assert_eq!(a.json["success"], false);
    assert_eq!(a.json["accepted"], 1);
    let reasons: Vec<(u64, String)> = a.json["rejected"]
        .as_array()
        .expect("rejected")
        .iter()
        .map(|r| {
            (
                r["index"].as_u64().unwrap_or(99),
                r["reason"].as_str().unwrap_or("").to_owned(),
            )
        })
        .collect();
    let expected = [
        (1, "missing_message_id"),
        (2, "missing_event"),
        (3, "not_an_object"),
        (4, "bad_timestamp"),
        (5, "too_large"),
    ];
    assert_eq!(reasons, expected.map(|(i, r)| (i, r.to_owned())));
    assert_eq!(f.rows("SELECT * FROM events").len(), 1);
}

#[tokio::test]
async fn a_body_over_the_limit_is_refused() {
    let f = Fixture::new("limit");
    let a = f
        .post(
            "/v1/batch",
            &[],
            vec![b' '; Limits::default().max_body_bytes + 1],
        )
        .await;
    assert_eq!(a.status, StatusCode::PAYLOAD_TOO_LARGE);
}

#[tokio::test]
async fn a_batch_with_too_many_events_is_refused_whole() {
    let f = Fixture::with(
        "too-many",
        Default::default(),
        Limits {
            max_events_per_batch: 3,
            ..Limits::default()
        },
    );
    let batch: Vec<_> = (0..4).map(|i| track(&format!("m{i}"))).collect();
    let a = f
        .post("/v1/batch", &[], json!({ "batch": batch }).to_string())
        .await;
    assert_eq!(a.status, StatusCode::PAYLOAD_TOO_LARGE);
    assert_eq!(a.json["error"]["code"], "too_large");
    assert!(f.rows("SELECT * FROM events").is_empty());
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    use std::io::Write;
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    enc.write_all(bytes).expect("gzip");
    enc.finish().expect("gzip")
}

#[tokio::test]
async fn gzip_bodies_are_inflated_up_to_a_cap() {
    let f = Fixture::new("gzip");
    let body = json!({"batch": [track("g1")]}).to_string();
    let a = f
        .post(
            "/v1/batch",
            &[("content-encoding", "gzip")],
            gzip(body.as_bytes()),
        )
        .await;
    assert_eq!(
        (a.status, a.json["stored"].as_u64()),
        (StatusCode::OK, Some(1))
    );

    // 8 MiB of spaces compress to a few KB: under the body limit, over the inflate cap.
    let bomb = gzip(&vec![b' '; 8 * 1024 * 1024]);
    assert!(bomb.len() < Limits::default().max_body_bytes);
    let a = f
        .post("/v1/batch", &[("content-encoding", "gzip")], bomb)
        .await;
    assert_eq!(
        (a.status, a.json["error"]["code"].as_str()),
        (StatusCode::PAYLOAD_TOO_LARGE, Some("too_large"))
    );

    let a = f
        .post("/v1/batch", &[("content-encoding", "gzip")], body.clone())
        .await;
    assert_eq!(
        a.status,
        StatusCode::BAD_REQUEST,
        "plain text labelled gzip"
    );
    let a = f
        .post("/v1/batch", &[("content-encoding", "br")], body)
        .await;
    assert_eq!(a.status, StatusCode::UNSUPPORTED_MEDIA_TYPE);
}

#[tokio::test]
async fn single_message_endpoints_store_their_own_type() {
    let f = Fixture::new("single");
    let t = f.post("/v1/track", &[], track("t1").to_string()).await;
    let i = f.post("/v1/identify", &[], json!({"messageId": "i1", "userId": "u1", "traits": {"plan": "team"}, "writeKey": "demo"}).to_string()).await;
    let p = f
        .post(
            "/v1/page",
            &[],
            json!({"messageId": "p1", "anonymousId": "a", "name": "Home"}).to_string(),
        )
        .await;
    let wrong = f.post("/v1/page", &[], track("t2").to_string()).await;
    assert_eq!(
        [t.status, i.status, p.status, wrong.status],
        [StatusCode::OK; 4]
    );
    assert_eq!(wrong.json["rejected"][0]["reason"], "wrong_type");
    let rows = f.rows("SELECT message_id, type, raw FROM events ORDER BY message_id");
    let kinds: Vec<_> = rows
        .iter()
        .map(|r| (r["message_id"].clone(), r["type"].clone()))
        .collect();
    assert_eq!(
        kinds,
        [
            (json!("i1"), json!("identify")),
            (json!("p1"), json!("page")),
            (json!("t1"), json!("track"))
        ]
    );
    assert!(
        !rows[0]["raw"].as_str().unwrap_or("").contains("writeKey"),
        "the key is not stored"
    );
}

#[tokio::test]
async fn configured_projects_need_their_write_key_from_their_origins() {
    let f = Fixture::with("keys", one_project(None), Limits::default());
    let body = |id: &str| json!({"batch": [track(id)]}).to_string();
    let with_body_key = json!({"batch": [track("k2")], "writeKey": "wk_live"}).to_string();

    let missing = f.post("/v1/batch", &[], body("k0")).await;
    let unknown = f
        .post(
            "/v1/batch",
            &[("authorization", &basic("demo", ""))],
            body("k0"),
        )
        .await;
    assert_eq!(
        (missing.status, unknown.status),
        (StatusCode::UNAUTHORIZED, StatusCode::UNAUTHORIZED)
    );
    assert_eq!(unknown.json["error"]["code"], "bad_write_key");

    let by_header = f
        .post(
            "/v1/batch",
            &[("authorization", &basic("wk_live", ""))],
            body("k1"),
        )
        .await;
    let by_body = f
        .post(
            "/v1/batch",
            &[("origin", "https://app.example")],
            with_body_key,
        )
        .await;
    assert_eq!(
        (by_header.status, by_body.status),
        (StatusCode::OK, StatusCode::OK)
    );

    let foreign = f
        .post(
            "/v1/batch",
            &[
                ("authorization", &basic("wk_live", "")),
                ("origin", "https://evil.example"),
            ],
            body("k3"),
        )
        .await;
    assert_eq!(
        (foreign.status, foreign.json["error"]["code"].as_str()),
        (StatusCode::FORBIDDEN, Some("origin_not_allowed"))
    );
    let rows = f.rows("SELECT message_id, project FROM events ORDER BY message_id");
    assert_eq!(
        rows,
        [
            json!({"message_id": "k1", "project": "trackly"}),
            json!({"message_id": "k2", "project": "trackly"})
        ]
    );
}
