//! Forwarding from the PostgreSQL store against the real server: a restart resumes from the
//! stored cursor, two collectors on one database forward once, and a row another writer
//! commits late is forwarded in its place rather than passed over.

#[path = "support/destination.rs"]
mod destination;
#[path = "support/http.rs"]
mod http;
#[path = "support/pg.rs"]
mod pg;
mod support;

use pg::{fresh_table, params, server};
use serde_json::json;
use std::sync::Arc;
use support::{track, FixedClock};
use wowpath_collector::store::PostgresStore;
use wowpath_collector::{app, AppState, Config, Limits, Static};

/// A collector over `table` (connected on a plain thread: the synchronous client must not
/// start inside the async runtime).
fn pg_collector(table: &str, config: Config, limits: Limits) -> support::Fixture {
    let (params, table) = (params(), table.to_owned());
    let store = std::thread::spawn(move || PostgresStore::connect(&params, &table))
        .join()
        .expect("thread")
        .expect("connect");
    let state = AppState::new(Arc::new(store), Arc::new(FixedClock), config, limits);
    support::Fixture {
        dir: std::path::PathBuf::new(),
        router: app(state, Static::default()),
    }
}

/// A fresh events table with no forward cursors yet, and a runtime for the collectors.
fn forwarding_table(
    client: &mut postgres::Client,
    name: &str,
) -> (String, tokio::runtime::Runtime) {
    let table = fresh_table(client, name);
    let _ = client.batch_execute(&format!("DROP TABLE IF EXISTS {table}_forward_cursors"));
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .expect("runtime");
    (table, runtime)
}

#[test]
fn forwarding_from_postgres_resumes_from_its_cursor_and_runs_once_per_database() {
    let Some(mut client) = server("forwarding") else {
        return;
    };
    let (table, runtime) = forwarding_table(&mut client, "fwd");
    let sent = destination::ids("pg", 900);
    let (stored, accepted) = runtime.block_on(async {
        use destination::{forwarding_to, quick, stored_ids, Destination};
        let b = support::Fixture::with(
            "pg-fwd-b",
            destination::destination_config(),
            Limits::default(),
        );
        let dest = Destination::start(b.router.clone(), "127.0.0.1:0").await;
        let limits = || Limits {
            forward_batch_messages: 100,
            ..quick()
        };
        let a = pg_collector(&table, forwarding_to(&dest.url()), limits());
        for chunk in sent[..500].chunks(50) {
            send(&a, chunk).await;
        }
        destination::eventually(20, "B to store 500 events", || stored_ids(&b).len() >= 500).await;
        drop(a);
        // Restarted as two collectors on the same database: one forwards, the other stands by.
        let a1 = pg_collector(&table, forwarding_to(&dest.url()), limits());
        let a2 = pg_collector(&table, forwarding_to(&dest.url()), limits());
        for (i, chunk) in sent[500..].chunks(50).enumerate() {
            send(if i % 2 == 0 { &a1 } else { &a2 }, chunk).await;
        }
        destination::eventually(20, "B to store 900 events", || stored_ids(&b).len() >= 900).await;
        let metrics = b.get("/metrics", &[]).await.text;
        drop((a1, a2));
        (
            stored_ids(&b),
            destination::metric(&metrics, "wowpath_events_accepted_total"),
        )
    });
    drop(runtime);
    let cursors: i64 = client
        .query_one(
            &format!("SELECT count(*) FROM {table}_forward_cursors"),
            &[],
        )
        .expect("cursor table")
        .get(0);
    client
        .batch_execute(&format!(
            "DROP TABLE {table}; DROP TABLE {table}_forward_cursors"
        ))
        .expect("drop");
    assert_eq!(stored, sent, "every event once, in the order stored");
    assert_eq!(
        accepted, 900.0,
        "nothing was sent twice: not after the restart, not by the second collector"
    );
    assert_eq!(cursors, 1);
}

async fn send(f: &support::Fixture, ids: &[String]) {
    let batch: Vec<_> = ids.iter().map(|id| track(id)).collect();
    let body = json!({ "batch": batch }).to_string();
    let a = f.post("/v1/batch", &[], body).await;
    assert_eq!(a.status.as_u16(), 200, "{}", a.text);
}

#[test]
fn a_row_committed_late_by_another_writer_is_forwarded_not_passed_over() {
    let Some(mut client) = server("late commit") else {
        return;
    };
    let (table, runtime) = forwarding_table(&mut client, "late");
    let sent = destination::ids("late", 100);
    let (early, stored) = runtime.block_on(async {
        use destination::{forwarding_to, quick, stored_ids, Destination};
        let b = support::Fixture::with(
            "pg-late-b",
            destination::destination_config(),
            Limits::default(),
        );
        let dest = Destination::start(b.router.clone(), "127.0.0.1:0").await;
        let a = pg_collector(&table, forwarding_to(&dest.url()), quick());
        // Another writer takes its seq first and commits only after the collector's rows.
        let (commit, committed) = (std::sync::mpsc::channel::<()>(), std::sync::mpsc::channel());
        let (held_table, p) = (table.clone(), params());
        let writer = std::thread::spawn(move || {
            let mut other = postgres::Client::connect(&p, postgres::NoTls).expect("connect");
            let mut tx = other.transaction().expect("begin");
            tx.execute(
                &format!("INSERT INTO {held_table} (message_id, project, type, received_at, received_ms, corrected_ms, raw)
                          VALUES ('held', 'default', 'track', 'now', 0, 0, '{{\"messageId\":\"held\",\"type\":\"track\",\"event\":\"E\",\"anonymousId\":\"a\"}}')"),
                &[],
            )
            .expect("insert");
            committed.0.send(()).expect("signal");
            let _ = commit.1.recv();
            tx.commit().expect("commit");
        });
        committed.1.recv().expect("the other writer holds its row");
        send(&a, &sent).await;
        tokio::time::sleep(std::time::Duration::from_millis(700)).await;
        let early = stored_ids(&b).len();
        commit.0.send(()).expect("let the other writer commit");
        destination::eventually(20, "B to store 101 events", || stored_ids(&b).len() >= 101).await;
        drop(a);
        writer.join().expect("writer");
        (early, stored_ids(&b))
    });
    drop(runtime);
    client
        .batch_execute(&format!(
            "DROP TABLE {table}; DROP TABLE {table}_forward_cursors"
        ))
        .expect("drop");
    assert_eq!(
        early, 0,
        "nothing is forwarded past a transaction still open"
    );
    let mut expected = vec!["held".to_owned()];
    expected.extend(sent);
    assert_eq!(
        stored, expected,
        "the row of the older transaction comes first"
    );
}
