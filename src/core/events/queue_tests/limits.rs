//! Caps, when a batch is due, the stored queue and beacon chunks.

use super::*;

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
