//! Counters of one forwarder, served at `/metrics` labelled with its project.

use std::fmt::Write;
use std::sync::atomic::{AtomicU64, Ordering::Relaxed};

pub struct ForwardStats {
    pub project: String,
    /// Events the destination acknowledged with a 2xx.
    forwarded: AtomicU64,
    /// POSTs that did not get a 2xx (network error, 5xx, 429, 4xx).
    failed_attempts: AtomicU64,
    /// Events given up on: the destination refused them alone with a 4xx.
    dropped: AtomicU64,
    /// Rows stored but not yet forwarded, as last measured.
    lag: AtomicU64,
}

impl ForwardStats {
    pub fn new(project: &str) -> ForwardStats {
        ForwardStats {
            project: project.to_owned(),
            forwarded: AtomicU64::new(0),
            failed_attempts: AtomicU64::new(0),
            dropped: AtomicU64::new(0),
            lag: AtomicU64::new(0),
        }
    }

    pub fn forwarded(&self, events: usize) {
        self.forwarded.fetch_add(events as u64, Relaxed);
        let _ = self
            .lag
            .fetch_update(Relaxed, Relaxed, |l| Some(l.saturating_sub(events as u64)));
    }

    pub fn failed_attempt(&self) {
        self.failed_attempts.fetch_add(1, Relaxed);
    }

    pub fn dropped(&self, events: usize) {
        self.dropped.fetch_add(events as u64, Relaxed);
        let _ = self
            .lag
            .fetch_update(Relaxed, Relaxed, |l| Some(l.saturating_sub(events as u64)));
    }

    pub fn set_lag(&self, rows: u64) {
        self.lag.store(rows, Relaxed);
    }
}

/// The four series for every forwarder.
pub fn render(all: &[std::sync::Arc<ForwardStats>], out: &mut String) {
    type Read = fn(&ForwardStats) -> u64;
    let series: [(&str, &str, &str, Read); 4] = [
        (
            "wowpath_forward_events_total",
            "counter",
            "Events the destination acknowledged.",
            |s| s.forwarded.load(Relaxed),
        ),
        (
            "wowpath_forward_failed_attempts_total",
            "counter",
            "Forwarding requests without a 2xx answer.",
            |s| s.failed_attempts.load(Relaxed),
        ),
        (
            "wowpath_forward_dropped_events_total",
            "counter",
            "Events the destination refused on their own (4xx) and that were skipped.",
            |s| s.dropped.load(Relaxed),
        ),
        (
            "wowpath_forward_lag_events",
            "gauge",
            "Stored events not forwarded yet.",
            |s| s.lag.load(Relaxed),
        ),
    ];
    for (name, kind, help, read) in series {
        let _ = writeln!(out, "# HELP {name} {help}\n# TYPE {name} {kind}");
        for s in all {
            let project = s.project.replace('\\', "\\\\").replace('"', "\\\"");
            let _ = writeln!(out, "{name}{{project=\"{project}\"}} {}", read(s));
        }
    }
}
