//! `GET /v1/progress/{userId}`: the fixed contract the widget calls for progress across devices.

mod support;

use axum::http::StatusCode;
use serde_json::{json, Value};
use support::{basic, one_project, Fixture};
use wowpath_collector::auth::user_hash;
use wowpath_collector::Limits;

fn step(id: &str, user: &str, guide: &str, step: &str, at: &str) -> Value {
    json!({"type": "track", "messageId": id, "userId": user, "event": "Onboarding Step Completed",
           "timestamp": at, "properties": {"guide_id": guide, "step_id": step, "step_index": 0, "group": "treatment"}})
}

async fn seed(f: &Fixture) {
    let batch = json!({"writeKey": "wk_live", "batch": [
        step("s1", "u1", "first-project", "create", "2026-11-20T10:00:05.000Z"),
        step("s2", "u1", "first-project", "create", "2026-11-20T10:00:00.000Z"),
        step("s3", "u1", "first-project", "invite", "2026-11-21T09:00:00.000Z"),
        step("s4", "u2", "first-project", "create", "2026-11-21T09:00:00.000Z"),
        {"type": "track", "messageId": "w1", "userId": "u1", "event": "Onboarding Wow Reached",
         "timestamp": "2026-11-21T09:30:00.000Z", "properties": {"time_to_wow_ms": 5, "group": "treatment"}},
    ]});
    let a = f.post("/v1/batch", &[], batch.to_string()).await;
    assert_eq!(a.json["stored"], 5, "{}", a.text);
}

#[tokio::test]
async fn a_users_progress_is_read_with_the_write_key() {
    let f = Fixture::with("progress", one_project(None), Limits::default());
    seed(&f).await;
    let by_header = f
        .get(
            "/v1/progress/u1",
            &[("authorization", &basic("wk_live", ""))],
        )
        .await;
    let by_query = f
        .get(
            "/v1/progress/u1?writeKey=wk_live",
            &[("origin", "https://app.example")],
        )
        .await;
    let expected = json!({"v": 1, "done": {"first-project/create": 1_795_168_800_000i64,
                                           "first-project/invite": 1_795_251_600_000i64},
                          "wow_at": 1_795_253_400_000i64});
    assert_eq!(
        (by_header.status, &by_header.json),
        (StatusCode::OK, &expected)
    );
    assert_eq!(by_query.json, expected);
    assert_eq!(
        by_query
            .headers
            .get("access-control-allow-origin")
            .map(|v| v.as_bytes()),
        Some(&b"https://app.example"[..])
    );

    let unknown = f.get("/v1/progress/nobody?writeKey=wk_live", &[]).await;
    assert_eq!(
        (unknown.status, unknown.json),
        (StatusCode::OK, json!({"v": 1, "done": {}, "wow_at": null}))
    );
}

#[tokio::test]
async fn reading_progress_needs_a_known_key_and_an_allowed_origin() {
    let f = Fixture::with("progress-auth", one_project(None), Limits::default());
    seed(&f).await;
    assert_eq!(
        f.get("/v1/progress/u1", &[]).await.status,
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(
        f.get("/v1/progress/u1?writeKey=nope", &[]).await.status,
        StatusCode::UNAUTHORIZED
    );
    let foreign = f
        .get(
            "/v1/progress/u1?writeKey=wk_live",
            &[("origin", "https://evil.example")],
        )
        .await;
    assert_eq!(foreign.status, StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn with_an_identity_secret_only_the_signed_user_is_readable() {
    let f = Fixture::with("progress-hmac", one_project(Some("shh")), Limits::default());
    seed(&f).await;
    let good = user_hash("shh", "u1");
    let ok = f
        .get(
            "/v1/progress/u1?writeKey=wk_live",
            &[("x-wowpath-user-hash", &good)],
        )
        .await;
    assert_eq!(
        (ok.status, ok.json["done"].as_object().map(|d| d.len())),
        (StatusCode::OK, Some(2))
    );
    let missing = f.get("/v1/progress/u1?writeKey=wk_live", &[]).await;
    let forged = f
        .get(
            "/v1/progress/u2?writeKey=wk_live",
            &[("x-wowpath-user-hash", &good)],
        )
        .await;
    assert_eq!(
        (missing.status, forged.status),
        (StatusCode::FORBIDDEN, StatusCode::FORBIDDEN)
    );
    assert_eq!(forged.json["error"]["code"], "bad_user_hash");
}
