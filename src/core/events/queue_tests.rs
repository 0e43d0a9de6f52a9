//! The queue and retry policy driven by a fake clock and an in-memory collector that answers
//! from a script: every status path, the caps, persistence and beacon cuts.

use super::*;
use crate::core::json;
use std::collections::{HashMap, VecDeque};

/// An in-memory twin of the collector: answers from a script (then 200), and stores each
/// message id it accepts, counting copies, as the real one does with its primary key.
#[derive(Default)]
struct FakeCollector {
    script: VecDeque<Answer>,
    stored: HashMap<String, usize>,
    /// The ids of every request, in order, whatever the answer.
    requests: Vec<Vec<String>>,
}

impl FakeCollector {
    fn post(&mut self, body: &str) -> Answer {
        let root = json::parse(body).expect("every batch body is valid JSON");
        let ids: Vec<String> = match root.get("batch").map(|b| &b.value) {
            Some(json::Value::Array(items)) => items
                .iter()
                .filter_map(|m| m.get("messageId").and_then(|n| n.as_str()))
                .map(str::to_string)
                .collect(),
            _ => panic!("no batch array in {body}"),
        };
        self.requests.push(ids.clone());
        let answer = self.script.pop_front().unwrap_or(Answer::status(200));
        if matches!(
            answer,
            Answer::Status {
                status: 200..=299,
                ..
            }
        ) {
            for id in ids {
                *self.stored.entry(id).or_default() += 1;
            }
        }
        answer
    }
}

/// An event whose JSON text is exactly `size` bytes (at least about 30).
fn ev(n: usize, size: usize) -> QueuedEvent {
    let id = format!("m-{n}");
    let bare = format!("{{\"messageId\":\"{id}\",\"p\":\"\"}}").len();
    let json = format!(
        "{{\"messageId\":\"{id}\",\"p\":\"{}\"}}",
        "x".repeat(size.saturating_sub(bare))
    );
    QueuedEvent {
        json,
        id,
        queued_at: 0,
    }
}

/// Sends like the adapter does, advancing the fake clock through every wait. Returns what
/// each settle said.
fn drive(q: &mut Queue, c: &mut FakeCollector, now: &mut u64, random: f64) -> Vec<Settled> {
    let mut log = Vec::new();
    for _ in 0..1_000 {
        let Some(batch) = q.next_batch(*now, "wk") else {
            break;
        };
        let answer = c.post(&batch.body);
        let settled = q.settle(&batch, &answer, *now, random);
        if let Settled::RetryIn(wait) = settled {
            assert!(
                q.next_batch(*now + wait - 1, "wk").is_none(),
                "waits {wait}"
            );
            *now += wait;
        }
        log.push(settled);
    }
    log
}

fn filled(n: usize, size: usize) -> Queue {
    let mut q = Queue::default();
    for i in 0..n {
        assert_eq!(q.push(ev(i, size)), Ok(0));
    }
    q
}

#[test]
fn retryable_answers_resend_the_same_ids_until_stored_once() {
    let retryable = [
        Answer::NetworkError,
        Answer::status(408),
        Answer::status(429),
        Answer::Status {
            status: 429,
            retry_after: Some("2".into()),
        },
        Answer::status(500),
        Answer::status(502),
        Answer::status(503),
    ];
    for answer in retryable {
        let mut q = filled(5, 100);
        let mut c = FakeCollector::default();
        c.script.extend([answer.clone(), answer.clone()]);
        let mut now = 1_000;
        let log = drive(&mut q, &mut c, &mut now, 0.5);
        assert!(
            matches!(
                log[..],
                [Settled::RetryIn(_), Settled::RetryIn(_), Settled::Delivered]
            ),
            "{answer:?}: {log:?}"
        );
        assert_eq!(
            c.requests[0], c.requests[1],
            "message ids are stable across retries"
        );
        assert_eq!(c.requests[1], c.requests[2]);
        assert_eq!(c.stored.len(), 5);
        assert!(c.stored.values().all(|n| *n == 1));
        assert!(q.is_empty());
    }
}

#[test]
fn a_413_splits_the_batch_until_it_fits_and_a_single_event_is_dropped() {
    let mut q = filled(8, 100);
    let mut c = FakeCollector::default();
    c.script.extend([Answer::status(413), Answer::status(413)]);
    let mut now = 0;
    let log = drive(&mut q, &mut c, &mut now, 0.0);
    let sizes: Vec<usize> = c.requests.iter().map(Vec::len).collect();
    assert_eq!(
        sizes,
        [8, 4, 2, 4, 2],
        "halved on each 413, grown back on each success"
    );
    assert_eq!(log[..2], [Settled::Split, Settled::Split]);
    assert_eq!(c.stored.len(), 8);
    assert_eq!(now, 0, "a split is sent again at once");

    let mut q = filled(1, 100);
    let mut c = FakeCollector::default();
    c.script.push_back(Answer::status(413));
    let log = drive(&mut q, &mut c, &mut 0, 0.0);
    assert_eq!(
        log,
        [Settled::Dropped {
            count: 1,
            status: 413
        }]
    );
    assert!(q.is_empty());
}

#[test]
fn other_4xx_drop_that_batch_only() {
    for status in [400, 401, 403, 404, 410, 422, 451] {
        let mut q = Queue::default();
        for i in 0..150 {
            q.push(ev(i, 100)).expect("fits");
        }
        let mut c = FakeCollector::default();
        c.script.push_back(Answer::status(status));
        let log = drive(&mut q, &mut c, &mut 0, 0.0);
        assert_eq!(
            log,
            [
                Settled::Dropped {
                    count: MAX_BATCH_COUNT,
                    status
                },
                Settled::Delivered
            ]
        );
        assert_eq!(
            c.stored.len(),
            50,
            "the next batch still goes out after a {status}"
        );
    }
}

#[test]
fn caps_on_event_batch_and_queue_bytes() {
    let mut q = Queue::default();
    assert_eq!(q.push(ev(0, MAX_EVENT_BYTES + 1)), Err(MAX_EVENT_BYTES + 1));
    assert_eq!(q.push(ev(0, MAX_EVENT_BYTES)), Ok(0));
    assert!(!q.is_empty());

    // 30 KB events: a batch stops before 450 KB.
    let q = filled(16, 30 * 1024);
    let batch = q.next_batch(0, "wk").expect("a batch");
    assert_eq!(batch.ids.len(), 14);
    assert!(batch.body.len() < MAX_BATCH_BYTES + 200);
    // Small events: a batch stops at 100 messages.
    let q = filled(250, 100);
    assert_eq!(
        q.next_batch(0, "wk").expect("a batch").ids.len(),
        MAX_BATCH_COUNT
    );

    // The queue drops its oldest events beyond 512 KB and counts them.
    let mut q = Queue::default();
    let per = 1024;
    let fits = MAX_QUEUE_BYTES / per;
    for i in 0..fits {
        assert_eq!(q.push(ev(i, per)), Ok(0));
    }
    assert_eq!(q.push(ev(fits, per)), Ok(1));
    assert_eq!(q.push(ev(fits + 1, per)), Ok(1));
    assert_eq!((q.len(), q.dropped()), (fits, 2));
    assert!(!q.contains("m-0") && !q.contains("m-1") && q.contains("m-2"));
    assert!(q.bytes() <= MAX_QUEUE_BYTES);
    // The count rides on the next batch and is forgotten once that batch is stored.
    let batch = q.next_batch(0, "wk").expect("a batch");
    assert!(batch.body.ends_with("\"context\":{\"droppedEvents\":2}}"));
    q.settle(&batch, &Answer::status(200), 0, 0.0);
    assert_eq!(q.dropped(), 0);
    assert!(!q
        .next_batch(0, "wk")
        .expect("more")
        .body
        .contains("droppedEvents"));
}

#[test]
fn batches_are_due_by_count_bytes_age_and_backoff() {
    let flush_after = 500;
    let mut q = Queue::default();
    assert_eq!(q.due_at(flush_after), None);
    q.push(QueuedEvent {
        queued_at: 1_000,
        ..ev(0, 100)
    })
    .expect("fits");
    q.push(QueuedEvent {
        queued_at: 1_200,
        ..ev(1, 100)
    })
    .expect("fits");
    assert_eq!(q.due_at(flush_after), Some(1_500), "age of the oldest");
    for i in 2..FLUSH_AT_COUNT {
        q.push(QueuedEvent {
            queued_at: 1_300,
            ..ev(i, 100)
        })
        .expect("fits");
    }
    assert_eq!(q.due_at(flush_after), Some(0), "enough events: at once");
    let mut big = Queue::default();
    big.push(QueuedEvent {
        queued_at: 9,
        ..ev(0, 30 * 1024)
    })
    .expect("fits");
    assert_eq!(big.due_at(flush_after), Some(509));
    big.push(QueuedEvent {
        queued_at: 9,
        ..ev(1, 30 * 1024)
    })
    .expect("fits");
    big.push(QueuedEvent {
        queued_at: 9,
        ..ev(2, 30 * 1024)
    })
    .expect("fits");
    assert_eq!(big.due_at(flush_after), Some(0), "enough bytes: at once");
    let batch = q.next_batch(2_000, "wk").expect("due");
    let Settled::RetryIn(wait) = q.settle(&batch, &Answer::status(500), 2_000, 0.0) else {
        panic!("500 is retried");
    };
    assert_eq!(
        q.due_at(flush_after),
        Some(2_000 + wait),
        "never before the backoff"
    );
    assert!(!q.may_send(2_000 + wait - 1) && q.may_send(2_000 + wait));
}

#[test]
fn the_stored_queue_round_trips_skips_damage_and_merges_without_copies() {
    let mut q = filled(3, 200);
    q.push(ev(3, 50_000)).expect_err("too large");
    q.trim_to(450);
    assert_eq!((q.len(), q.dropped()), (2, 1));
    let text = q.to_json();
    let back = Queue::from_json(&text);
    assert_eq!(back.to_json(), text);
    assert_eq!((back.len(), back.dropped()), (2, 1));
    assert_eq!(Queue::from_json("not json").len(), 0);
    assert_eq!(Queue::from_json("[1,2]").len(), 0);
    let damaged =
        "{\"dropped\":-4,\"events\":[{\"messageId\":\"a\"},7,{\"id\":1},{\"messageId\":\"a\"}]}";
    let back = Queue::from_json(damaged);
    assert_eq!((back.len(), back.dropped()), (1, 0));

    let mut mine = filled(2, 100);
    let theirs = filled(4, 100);
    assert_eq!(mine.adopt(theirs), 0);
    assert_eq!(mine.len(), 4, "ids already queued are not taken twice");
    mine.clear();
    assert!(mine.is_empty() && mine.bytes() == 0);
}

#[test]
fn beacons_fit_the_shared_budget_in_chunks_oldest_first() {
    for (n, size) in [
        (1, 100),
        (10, 1_000),
        (200, 700),
        (6, 30 * 1024),
        (3, MAX_EVENT_BYTES),
    ] {
        let q = filled(n, size);
        let bodies = q.beacon_bodies(0, "wk");
        let total: usize = bodies.iter().map(String::len).sum();
        assert!(total <= BEACON_BUDGET_BYTES, "{n}×{size}: {total}");
        let mut c = FakeCollector::default();
        for body in &bodies {
            let alone = c.post(body);
            assert_eq!(alone, Answer::status(200));
            let last = c.requests.last().expect("one request");
            assert!(
                body.len() <= BEACON_CHUNK_BYTES || last.len() == 1,
                "{n}×{size}"
            );
        }
        let sent: Vec<String> = c.requests.concat();
        let expected: Vec<String> = (0..sent.len()).map(|i| format!("m-{i}")).collect();
        assert_eq!(sent, expected, "oldest first, none twice");
        assert!(!sent.is_empty());
        if n * size < 40 * 1024 {
            assert_eq!(sent.len(), n, "a small queue goes out whole");
        }
        assert_eq!(
            q.len(),
            n,
            "beaconed events stay queued until a confirmed send"
        );
    }
}
