//! Group commit: requests hand their events to one committer thread, which writes everything
//! waiting in one transaction and answers each request only after that commit. Many small
//! requests therefore cost one fsync, and a 200 still means "on disk".

use crate::metrics::Metrics;
use crate::store::{Store, StoreError, StoredEvent};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc;
use std::sync::Arc;
use std::time::Instant;
use tokio::sync::oneshot;

struct Job {
    events: Vec<StoredEvent>,
    done: oneshot::Sender<Result<usize, StoreError>>,
}

#[derive(Debug, thiserror::Error)]
pub enum SubmitError {
    /// More events are waiting than `capacity`: the client should back off.
    #[error("the collector is overloaded")]
    Overloaded,
    #[error("the committer has stopped")]
    Stopped,
}

#[derive(Clone)]
pub struct Committer {
    jobs: mpsc::Sender<Job>,
    pending: Arc<AtomicUsize>,
    capacity: usize,
}

/// Events written per transaction at most, so one commit never takes too long.
const MAX_EVENTS_PER_COMMIT: usize = 50_000;

impl Committer {
    /// Starts the committer thread. `capacity` bounds the events waiting to be committed.
    pub fn start(store: Arc<dyn Store>, capacity: usize, metrics: Arc<Metrics>) -> Committer {
        let (jobs, inbox) = mpsc::channel::<Job>();
        let pending = Arc::new(AtomicUsize::new(0));
        let waiting = pending.clone();
        std::thread::Builder::new()
            .name("wowpath-commit".into())
            .spawn(move || run(store, inbox, waiting, metrics))
            .map(|_| ())
            .unwrap_or_else(|e| {
                crate::log::error(
                    "cannot start the committer",
                    &[("error", e.to_string().into())],
                )
            });
        Committer {
            jobs,
            pending,
            capacity,
        }
    }

    /// Queues events for the next commit; the receiver answers once they are durable.
    pub fn submit(
        &self,
        events: Vec<StoredEvent>,
    ) -> Result<oneshot::Receiver<Result<usize, StoreError>>, SubmitError> {
        let n = events.len();
        let before = self.pending.fetch_add(n, Ordering::AcqRel);
        if before > 0 && before + n > self.capacity {
            self.pending.fetch_sub(n, Ordering::AcqRel);
            return Err(SubmitError::Overloaded);
        }
        let (done, answer) = oneshot::channel();
        self.jobs.send(Job { events, done }).map_err(|_| {
            self.pending.fetch_sub(n, Ordering::AcqRel);
            SubmitError::Stopped
        })?;
        Ok(answer)
    }

    pub fn pending(&self) -> usize {
        self.pending.load(Ordering::Acquire)
    }
}

fn run(
    store: Arc<dyn Store>,
    inbox: mpsc::Receiver<Job>,
    pending: Arc<AtomicUsize>,
    metrics: Arc<Metrics>,
) {
    while let Ok(first) = inbox.recv() {
        let mut jobs = vec![first];
        let mut count = jobs[0].events.len();
        while count < MAX_EVENTS_PER_COMMIT {
            match inbox.try_recv() {
                Ok(job) => {
                    count += job.events.len();
                    jobs.push(job);
                }
                Err(_) => break,
            }
        }
        let (batches, answers): (Vec<_>, Vec<_>) =
            jobs.into_iter().map(|j| (j.events, j.done)).unzip();
        let started = Instant::now();
        let result = store.insert(&batches);
        metrics.commit(count, started.elapsed(), result.is_ok());
        pending.fetch_sub(count, Ordering::AcqRel);
        match result {
            Ok(counts) => {
                for (answer, added) in answers.into_iter().zip(counts) {
                    let _ = answer.send(Ok(added));
                }
            }
            Err(e) => {
                crate::log::error(
                    "commit failed",
                    &[("error", e.0.clone().into()), ("events", count.into())],
                );
                for answer in answers {
                    let _ = answer.send(Err(StoreError(e.0.clone())));
                }
            }
        }
    }
}
