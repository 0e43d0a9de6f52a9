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

mod answers;
mod limits;
