//! Counters served at `/metrics` in the Prometheus text format.

use crate::forward::ForwardStats;
use std::fmt::Write;
use std::sync::atomic::{AtomicU64, Ordering::Relaxed};
use std::sync::Arc;
use std::sync::Mutex;
use std::time::Duration;

#[derive(Default)]
pub struct Metrics {
    requests: AtomicU64,
    events_accepted: AtomicU64,
    events_stored: AtomicU64,
    events_rejected: AtomicU64,
    commits: AtomicU64,
    commit_failures: AtomicU64,
    commit_micros: AtomicU64,
    /// Refused requests by stable reason label (`overloaded`, `bad_request`, …).
    refused: Mutex<Vec<(&'static str, u64)>>,
    /// One entry per forwarding project.
    forwarders: Mutex<Vec<Arc<ForwardStats>>>,
}

impl Metrics {
    pub fn request(&self) {
        self.requests.fetch_add(1, Relaxed);
    }

    pub fn events(&self, accepted: usize, stored: usize, rejected: usize) {
        self.events_accepted.fetch_add(accepted as u64, Relaxed);
        self.events_stored.fetch_add(stored as u64, Relaxed);
        self.events_rejected.fetch_add(rejected as u64, Relaxed);
    }

    pub fn commit(&self, _events: usize, took: Duration, ok: bool) {
        self.commits.fetch_add(1, Relaxed);
        self.commit_micros
            .fetch_add(took.as_micros() as u64, Relaxed);
        if !ok {
            self.commit_failures.fetch_add(1, Relaxed);
        }
    }

    /// The counters of a new forwarder, listed from now on.
    pub fn forwarder(&self, project: &str) -> Arc<ForwardStats> {
        let stats = Arc::new(ForwardStats::new(project));
        if let Ok(mut list) = self.forwarders.lock() {
            list.push(stats.clone());
        }
        stats
    }

    pub fn refused(&self, reason: &'static str) {
        if let Ok(mut list) = self.refused.lock() {
            match list.iter_mut().find(|(r, _)| *r == reason) {
                Some((_, n)) => *n += 1,
                None => list.push((reason, 1)),
            }
        }
    }

    /// The Prometheus exposition text; `pending` is the committer's queue right now.
    pub fn render(&self, pending: usize) -> String {
        let mut out = String::new();
        let mut counter = |name: &str, help: &str, value: u64| {
            let _ = writeln!(
                out,
                "# HELP {name} {help}\n# TYPE {name} counter\n{name} {value}"
            );
        };
        counter(
            "wowpath_requests_total",
            "Ingest requests received.",
            self.requests.load(Relaxed),
        );
        counter(
            "wowpath_events_accepted_total",
            "Valid events received (duplicates included).",
            self.events_accepted.load(Relaxed),
        );
        counter(
            "wowpath_events_stored_total",
            "New events committed.",
            self.events_stored.load(Relaxed),
        );
        counter(
            "wowpath_events_rejected_total",
            "Events refused by validation.",
            self.events_rejected.load(Relaxed),
        );
        counter(
            "wowpath_commits_total",
            "Store transactions.",
            self.commits.load(Relaxed),
        );
        counter(
            "wowpath_commit_failures_total",
            "Store transactions that failed.",
            self.commit_failures.load(Relaxed),
        );
        counter(
            "wowpath_commit_microseconds_total",
            "Time spent committing.",
            self.commit_micros.load(Relaxed),
        );
        let _ = writeln!(out, "# HELP wowpath_commit_queue_events Events waiting to be committed.\n# TYPE wowpath_commit_queue_events gauge\nwowpath_commit_queue_events {pending}");
        let _ = writeln!(out, "# HELP wowpath_requests_refused_total Requests answered with an error, by reason.\n# TYPE wowpath_requests_refused_total counter");
        if let Ok(list) = self.refused.lock() {
            for (reason, n) in list.iter() {
                let _ = writeln!(
                    out,
                    "wowpath_requests_refused_total{{reason=\"{reason}\"}} {n}"
                );
            }
        }
        if let Ok(list) = self.forwarders.lock() {
            if !list.is_empty() {
                crate::forward::render_stats(&list, &mut out);
            }
        }
        out
    }
}
