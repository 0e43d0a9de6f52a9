//! The dashboard API and the `report` CLI: admin only, the same numbers in both.

#[path = "support/population.rs"]
mod population;
mod support;

use axum::http::StatusCode;
use population::{at, population, DAY, T0};
use serde_json::json;
use support::{basic, one_project, Fixture};
use wowpath_collector::Limits;

async fn seeded(name: &str) -> Fixture {
    let f = Fixture::with(name, one_project(None), Limits::default());
    let a = f
        .post(
            "/v1/batch",
            &[("authorization", &basic("wk_live", ""))],
            json!({"batch": population()}).to_string(),
        )
        .await;
    assert_eq!(a.json["accepted"], population().len(), "{}", a.text);
    f
}

#[tokio::test]
async fn reading_the_dashboard_needs_the_admin_credential() {
    let f = seeded("dash-auth").await;
    for path in [
        "/dashboard",
        "/dashboard/api/report",
        "/dashboard/api/stuck.csv",
        "/dashboard/dashboard.js",
    ] {
        assert_eq!(
            f.get(path, &[]).await.status,
            StatusCode::UNAUTHORIZED,
            "{path}"
        );
        let a = f
            .get(path, &[("authorization", &basic("wk_live", ""))])
            .await;
        assert_eq!(
            a.status,
            StatusCode::UNAUTHORIZED,
            "a write key must not read {path}"
        );
        assert!(a.headers.contains_key("www-authenticate"));
        assert_eq!(
            f.get(path, &[("authorization", &basic("admin", "admin-secret"))])
                .await
                .status,
            StatusCode::OK,
            "{path}"
        );
    }
    assert_eq!(
        f.get(
            "/dashboard/api/report",
            &[("authorization", "Bearer admin-secret")]
        )
        .await
        .status,
        StatusCode::OK
    );
}

#[tokio::test]
async fn the_report_has_the_funnel_the_experiment_and_the_stuck_users() {
    let f = seeded("dash-report").await;
    let admin = [("authorization", "Bearer admin-secret")];
    let r = f.get("/dashboard/api/report", &admin).await.json;
    let stages: Vec<(String, u64)> = r["guides"][0]["stages"]
        .as_array()
        .expect("stages")
        .iter()
        .map(|s| {
            (
                s["id"].as_str().unwrap_or("").to_owned(),
                s["count"].as_u64().unwrap_or(99),
            )
        })
        .collect();
    let expected = [("started", 3), ("one", 2), ("two", 1), ("completed", 0)];
    assert_eq!(stages, expected.map(|(s, n)| (s.to_owned(), n)));
    let labels: Vec<&str> = r["guides"][0]["stages"]
        .as_array()
        .expect("stages")
        .iter()
        .map(|s| s["label"].as_str().unwrap_or(""))
        .collect();
    assert_eq!(
        labels,
        ["Started", "Create a thing", "two", "Completed"],
        "a step is labelled by the title sent with it, else by its id"
    );
    assert_eq!(r["guides"][0]["title"], "Get going");
    assert_eq!(
        r["guides"][0]["replayed"], 1,
        "bob asked for the guide again"
    );
    assert_eq!(r["titles"]["steps"]["g"]["one"], "Create a thing");
    assert_eq!(r["guides"][0]["stages"][1]["time"]["median_ms"], 60_000);
    let arms: Vec<(String, u64, u64)> = r["experiment"]["arms"]
        .as_array()
        .expect("arms")
        .iter()
        .map(|a| {
            (
                a["label"].as_str().unwrap_or("").to_owned(),
                a["people"].as_u64().unwrap_or(0),
                a["wow"].as_u64().unwrap_or(0),
            )
        })
        .collect();
    // dan's group is only on his wow: counting him would bias the holdout towards wow.
    assert_eq!(
        arms,
        [("treatment".to_owned(), 3, 1), ("holdout".to_owned(), 1, 0)]
    );
    assert_eq!(
        r["experiment"]["comparisons"][0]["verdict"],
        "not_enough_data"
    );
    assert_eq!(
        r["experiment"]["unassigned"], 2,
        "eve sent no group, dan only on his wow"
    );
    let stuck: Vec<(&str, &str)> = r["stuck_users"]
        .as_array()
        .expect("stuck")
        .iter()
        .map(|u| {
            (
                u["user"].as_str().unwrap_or(""),
                u["stopped_at"].as_str().unwrap_or(""),
            )
        })
        .collect();
    assert_eq!(stuck, [("bob", "two"), ("cat", "one")]);
    assert_eq!(r["stuck_users"][1]["stopped_at_title"], "Create a thing");
    assert_eq!(r["stuck_users"][1]["guide_title"], "Get going");
    assert_eq!(r["stuck_accounts"][0]["account"], "globex");
    let missing = &r["health"]["missing_targets"];
    assert_eq!(missing.as_array().map(Vec::len), Some(1), "{missing}");
    assert_eq!(
        (
            &missing[0]["guide_title"],
            &missing[0]["step_id"],
            &missing[0]["selector"],
            &missing[0]["people"]
        ),
        (
            &json!("Get going"),
            &json!("two"),
            &json!("#share"),
            &json!(1)
        )
    );
    assert_eq!(missing[0]["urls"], json!(["/reports"]));
    let invalid = &r["health"]["invalid_files"];
    assert_eq!(invalid[0]["source"], "/guides.json");
    assert_eq!(invalid[0]["people"], 1);

    let team = f
        .get("/dashboard/api/report?trait=plan:team", &admin)
        .await
        .json;
    assert_eq!(team["wow"]["people"], 1);
    let later = f
        .get(
            &format!("/dashboard/api/report?from={}", &at(T0 + DAY)[..10]),
            &admin,
        )
        .await
        .json;
    assert_eq!(later["wow"]["people"], 0);
    let bad = f.get("/dashboard/api/report?from=last-week", &admin).await;
    assert_eq!(bad.status, StatusCode::BAD_REQUEST);
    let swapped = f
        .get(
            "/dashboard/api/report?from=2026-11-20&to=2026-11-10",
            &admin,
        )
        .await;
    assert_eq!(swapped.status, StatusCode::BAD_REQUEST);
    assert!(
        swapped
            .text
            .contains("`from` (2026-11-20) is after `to` (2026-11-10), so no day is in view"),
        "{}",
        swapped.text
    );
    let one_day = f
        .get(
            "/dashboard/api/report?from=2026-11-20&to=2026-11-20",
            &admin,
        )
        .await;
    assert_eq!(
        one_day.status,
        StatusCode::OK,
        "`to` names the last day included"
    );
    let csv = f
        .get("/dashboard/api/stuck.csv?q=globex", &admin)
        .await
        .text;
    assert_eq!(csv.lines().count(), 2, "{csv}");
    assert!(
        csv.lines().nth(1).is_some_and(
            |l| l.starts_with("bob,globex,trial,g,two,1,2,") && l.ends_with(",Get going,two")
        ),
        "{csv}"
    );
    let by_title = f
        .get("/dashboard/api/stuck.csv?q=create%20a%20THING", &admin)
        .await
        .text;
    assert!(
        by_title.lines().count() == 2 && by_title.contains("\r\ncat,"),
        "the filter finds a step by its title: {by_title}"
    );
}
