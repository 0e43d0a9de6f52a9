//! What each answer of the collector does to the batch: retry, split or drop.

use super::*;

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
