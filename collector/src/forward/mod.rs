//! Forwarding the raw stream: each project with a `forward` destination gets a forwarder
//! that sends every stored event on, in the order stored, to any Segment-compatible
//! endpoint (`POST {endpoint}/v1/batch`). At least once: a resend after a crash carries the
//! same messageIds, which destinations dedupe on.

mod backoff;
mod batch;
mod send;
mod stats;
mod target;
mod worker;

pub use stats::{render as render_stats, ForwardStats};
pub use target::{Forward, ForwardConfigError};

use crate::config::Config;
use crate::limits::Limits;
use crate::metrics::Metrics;
use crate::store::Store;
use std::sync::mpsc;
use std::sync::Arc;
use std::thread::JoinHandle;

/// The running forwarders. Dropping this stops them: each finishes the request in flight
/// (at most `forward_timeout`), then its thread ends and is joined.
#[derive(Default)]
pub struct Forwarders {
    stops: Vec<mpsc::Sender<()>>,
    threads: Vec<JoinHandle<()>>,
}

impl Forwarders {
    /// Starts one forwarder per project that has a destination.
    pub fn start(
        store: &Arc<dyn Store>,
        config: &Config,
        limits: &Arc<Limits>,
        metrics: &Metrics,
    ) -> Forwarders {
        let mut running = Forwarders::default();
        for (project, forward) in config.forwards() {
            let (stop, stopped) = mpsc::channel();
            let worker = worker::Worker {
                stats: metrics.forwarder(&project),
                project: project.clone(),
                forward,
                store: store.clone(),
                limits: limits.clone(),
                stop: stopped,
            };
            match std::thread::Builder::new()
                .name(format!("wowpath-forward-{project}"))
                .spawn(move || worker.run())
            {
                Ok(thread) => {
                    running.stops.push(stop);
                    running.threads.push(thread);
                }
                Err(e) => crate::log::error(
                    "cannot start a forwarder",
                    &[("project", project.into()), ("error", e.to_string().into())],
                ),
            }
        }
        running
    }

    /// How many forwarders run.
    pub fn len(&self) -> usize {
        self.threads.len()
    }

    pub fn is_empty(&self) -> bool {
        self.threads.is_empty()
    }
}

impl Drop for Forwarders {
    fn drop(&mut self) {
        self.stops.clear();
        for thread in self.threads.drain(..) {
            let _ = thread.join();
        }
    }
}
