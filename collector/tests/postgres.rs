//! The PostgreSQL store against the real server on 127.0.0.1:5432 (trust auth, database
//! `test`), each test in its own table. When the server is not reachable the tests say so
//! loudly on stderr and skip. `WOWPATH_TEST_POSTGRES` overrides the connection string.

#[path = "support/http.rs"]
mod http;
#[path = "support/pg.rs"]
mod pg;
mod support;

use pg::{fresh_table, params, server};
use serde_json::json;
use std::collections::HashSet;
use std::sync::Arc;
use support::{track, FixedClock};
use wowpath_collector::store::PostgresStore;
use wowpath_collector::{app, AppState, Config, Limits, Static};

#[test]
fn the_router_stores_and_reads_back_through_postgres() {
    let Some(mut client) = server("router") else {
        return;
    };
    let table = fresh_table(&mut client, "router");
    let store = PostgresStore::connect(&params(), &table).expect("connect");
    let runtime = tokio::runtime::Runtime::new().expect("runtime");
    let progress = runtime.block_on(async move {
        let state = AppState::new(
            Arc::new(store),
            Arc::new(FixedClock),
            Config::default(),
            Limits::default(),
        );
        let f = support::Fixture {
            dir: std::path::PathBuf::new(),
            router: app(state, Static::default()),
        };
        let mut step = track("pg-2");
        step["userId"] = json!("u1");
        step["event"] = json!("Onboarding Step Completed");
        step["properties"] = json!({"guide_id": "g", "step_id": "s"});
        let body = json!({"batch": [track("pg-1"), step], "sentAt": "2026-11-22T10:00:01.000Z"})
            .to_string();
        let a = f.post("/v1/batch", &[], body.clone()).await;
        assert_eq!(
            (a.status.as_u16(), a.json["stored"].as_u64()),
            (200, Some(2)),
            "{}",
            a.text
        );
        let again = f.post("/v1/batch", &[], body).await;
        assert_eq!(
            again.json["stored"].as_u64(),
            Some(0),
            "a retry stores nothing"
        );
        f.get("/v1/progress/u1?writeKey=demo", &[]).await.json
    });
    drop(runtime);
    assert_eq!(
        progress,
        json!({"v": 1, "done": {"g/s": 1_795_341_600_000i64}, "wow_at": null})
    );
    let rows = client
        .query(
            &format!("SELECT message_id, corrected_ms FROM {table} ORDER BY seq"),
            &[],
        )
        .expect("query");
    let rows: Vec<(String, i64)> = rows.iter().map(|r| (r.get(0), r.get(1))).collect();
    client
        .batch_execute(&format!("DROP TABLE {table}"))
        .expect("drop");
    assert_eq!(
        rows,
        [
            ("pg-1".into(), 1_795_359_844_000),
            ("pg-2".into(), 1_795_359_844_000)
        ]
    );
}

#[test]
fn two_collectors_on_one_database_store_overlapping_message_ids_once() {
    let Some(mut client) = server("two collectors") else {
        return;
    };
    let table = fresh_table(&mut client, "two");
    // Create the table before both start, as a deployment's migration step would.
    drop(PostgresStore::connect(&params(), &table).expect("create the table"));
    let bin = env!("CARGO_BIN_EXE_wowpath-collector");
    let p = params();
    let args = ["--postgres", p.as_str(), "--pg-table", table.as_str()];
    let (mut a, addr_a) = http::spawn_collector(bin, &args);
    let (mut b, addr_b) = http::spawn_collector(bin, &args);
    let (mut c, addr_c) = http::spawn_collector(bin, &args);

    // Three instances get every id 0..600, each in its own order and batch size, at once.
    let body = |ids: &[usize]| {
        let msgs: Vec<String> = ids
            .iter()
            .map(|i| track(&format!("dup-{i}")).to_string())
            .collect();
        format!(r#"{{"batch":[{}]}}"#, msgs.join(","))
    };
    let send = |addr: String, ids: Vec<usize>, per: usize| {
        let body = &body;
        let bodies: Vec<String> = ids.chunks(per).map(body).collect();
        std::thread::spawn(move || {
            let mut conn = http::Conn::open(&addr).expect("connect");
            bodies
                .iter()
                .map(|b| {
                    // As the widget does: a 429 or 503 (a commit that did not finish in time
                    // on a loaded machine) is retried; anything else is the answer.
                    let mut answer = conn.post("/v1/batch", b.as_bytes()).expect("post");
                    for _ in 0..20 {
                        if answer.0 != 429 && answer.0 != 503 {
                            break;
                        }
                        std::thread::sleep(std::time::Duration::from_millis(250));
                        RETRIES.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                        answer = conn.post("/v1/batch", b.as_bytes()).expect("post");
                    }
                    answer
                })
                .collect::<Vec<_>>()
        })
    };
    let forward: Vec<usize> = (0..600).collect();
    let backward: Vec<usize> = (0..600).rev().collect();
    let ta = send(addr_a, forward.clone(), 25);
    let tb = send(addr_b, backward, 40);
    let tc = send(addr_c, forward, 60);
    let answers: Vec<(u16, String)> = [ta, tb, tc]
        .into_iter()
        .flat_map(|t| t.join().expect("client"))
        .collect();
    for child in [&mut a, &mut b, &mut c] {
        let _ = child.kill();
        let _ = child.wait();
    }

    assert!(
        answers.iter().all(|(s, _)| *s == 200),
        "every request succeeded"
    );
    let stored: u64 = answers
        .iter()
        .map(|(_, t)| {
            serde_json::from_str::<serde_json::Value>(t)
                .ok()
                .and_then(|v| v["stored"].as_u64())
                .unwrap_or(0)
        })
        .sum();
    let ids: HashSet<String> = client
        .query(&format!("SELECT message_id FROM {table}"), &[])
        .expect("query")
        .iter()
        .map(|r| r.get(0))
        .collect();
    let rows = client
        .query_one(&format!("SELECT count(*) FROM {table}"), &[])
        .expect("count")
        .get::<_, i64>(0);
    client
        .batch_execute(&format!("DROP TABLE {table}"))
        .expect("drop");
    assert_eq!(
        (rows, ids.len()),
        (600, 600),
        "each messageId stored exactly once"
    );
    // A request answered 503 may still have been committed; its retry then stores nothing new.
    if RETRIES.load(std::sync::atomic::Ordering::Relaxed) == 0 {
        assert_eq!(
            stored, 600,
            "the instances' `stored` counts add up to the unique ids"
        );
    } else {
        assert!(stored <= 600, "no id counted as new twice");
    }
}

static RETRIES: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
