//! One project's forwarder: a thread and a store connection of its own, reading the stream
//! from its cursor and posting it batch by batch. The cursor moves only after a 2xx, so a
//! crash resends at most the batches in flight, which the destination's messageId dedupe
//! absorbs.

use super::backoff::Backoff;
use super::batch;
use super::send::{Outcome, Sender};
use super::stats::ForwardStats;
use super::target::Forward;
use crate::limits::Limits;
use crate::log;
use crate::store::{Outbox, OutboxRow, Position, Store, StoreError};
use std::sync::mpsc::{Receiver, RecvTimeoutError, TryRecvError};
use std::sync::Arc;
use std::time::{Duration, Instant};

/// How often a collector that is not the forwarder of a stream checks whether it may be.
const CLAIM_RETRY: Duration = Duration::from_secs(5);
/// A `Retry-After` beyond this is taken as this.
const MAX_RETRY_AFTER: Duration = Duration::from_secs(3_600);
/// The lag is counted up to this many rows, at most once a second.
const LAG_CAP: u64 = 10_000_000;

pub(super) struct Worker {
    pub project: String,
    pub forward: Forward,
    pub store: Arc<dyn Store>,
    pub limits: Arc<Limits>,
    pub stats: Arc<ForwardStats>,
    /// Never sent to: the handle drops its end to stop the thread, which also cuts short
    /// any wait in progress.
    pub stop: Receiver<()>,
}

impl Worker {
    /// Waits `d`, or less if asked to stop; true when asked to stop.
    fn wait(&self, d: Duration) -> bool {
        !matches!(self.stop.recv_timeout(d), Err(RecvTimeoutError::Timeout))
    }

    fn stopping(&self) -> bool {
        !matches!(self.stop.try_recv(), Err(TryRecvError::Empty))
    }

    fn fields(&self) -> Vec<(&'static str, serde_json::Value)> {
        vec![
            ("project", self.project.clone().into()),
            ("endpoint", self.forward.base_url().into()),
        ]
    }

    pub fn run(self) {
        let sender = Sender::new(&self.forward, self.limits.forward_timeout);
        let mut backoff = Backoff::new(
            self.limits.forward_backoff_first,
            self.limits.forward_backoff_max,
        );
        loop {
            let Err(e) = self.run_connected(&sender) else {
                return;
            };
            let wait = backoff.next_wait();
            let mut fields = self.fields();
            fields.extend([
                ("error", e.0.into()),
                ("retry_in_ms", (wait.as_millis() as u64).into()),
            ]);
            log::error("forwarding paused: the store failed", &fields);
            if self.wait(wait) {
                return;
            }
        }
    }

    /// Connects, claims the stream, resumes from the cursor and forwards until asked to stop
    /// (`Ok`) or the store fails (`Err`; the caller reconnects and resumes from the saved
    /// cursor).
    fn run_connected(&self, sender: &Sender) -> Result<(), StoreError> {
        let (project, endpoint) = (self.project.as_str(), self.forward.base_url());
        let mut outbox = self.store.open_outbox()?;
        let mut said = false;
        while !outbox.claim(project, endpoint)? {
            if !std::mem::replace(&mut said, true) {
                log::info(
                    "another collector forwards this stream; standing by",
                    &self.fields(),
                );
            }
            if self.wait(CLAIM_RETRY) {
                return Ok(());
            }
        }
        let mut cursor = outbox.cursor(project, endpoint)?;
        let mut fields = self.fields();
        fields.push(("after", format!("{}:{}", cursor.tx, cursor.row).into()));
        log::info("forwarding", &fields);
        let limit = self.limits.forward_batch_messages.max(1);
        let mut lag_counted: Option<Instant> = None;
        loop {
            if self.stopping() {
                return Ok(());
            }
            let page = outbox.page(project, cursor, limit)?;
            if page.rows.is_empty() {
                self.stats.set_lag(0);
                if page.scanned_to > cursor {
                    cursor = page.scanned_to;
                    outbox.save_cursor(project, endpoint, cursor)?;
                } else if self.wait(self.limits.forward_idle_poll) {
                    return Ok(());
                }
                continue;
            }
            if page.rows.len() < limit {
                self.stats.set_lag(page.rows.len() as u64);
            } else if lag_counted.is_none_or(|t| t.elapsed() >= Duration::from_secs(1)) {
                self.count_lag(&mut *outbox, cursor);
                lag_counted = Some(Instant::now());
            }
            let ranges = batch::split(
                &page.rows,
                self.limits.forward_batch_bytes,
                self.limits.forward_batch_messages,
            );
            for range in ranges {
                let rows = &page.rows[range];
                let mut recount = || self.count_lag(&mut *outbox, cursor);
                if self.stopping() || !self.deliver(sender, rows, &mut recount) {
                    return Ok(());
                }
                if let Some(last) = rows.last() {
                    cursor = last.position;
                    outbox.save_cursor(project, endpoint, cursor)?;
                }
            }
        }
    }

    /// Measures the lag now; a failure to count only leaves the last figure.
    fn count_lag(&self, outbox: &mut dyn Outbox, cursor: Position) {
        if let Ok(rows) = outbox.lag(&self.project, cursor, LAG_CAP) {
            self.stats.set_lag(rows);
        }
    }

    /// Posts `rows` until the destination has them or has refused them one by one; false
    /// when asked to stop first. While a batch waits to be retried, the lag keeps growing
    /// with ingest, so it is counted again after each failure (`recount`).
    fn deliver(&self, sender: &Sender, rows: &[OutboxRow], recount: &mut dyn FnMut()) -> bool {
        let mut backoff = Backoff::new(
            self.limits.forward_backoff_first,
            self.limits.forward_backoff_max,
        );
        loop {
            let body = batch::body(rows, &crate::time::format_ms(now_ms()));
            let outcome = sender.post(&body);
            if outcome == Outcome::Delivered {
                self.stats.forwarded(rows.len());
                return true;
            }
            self.stats.failed_attempt();
            recount();
            let mut fields = self.fields();
            fields.push(("events", rows.len().into()));
            let wait = match outcome {
                Outcome::Delivered => Duration::ZERO,
                Outcome::Retry { reason, after } => {
                    let wait =
                        after.map_or_else(|| backoff.next_wait(), |a| a.min(MAX_RETRY_AFTER));
                    fields.extend([
                        ("reason", reason.into()),
                        ("retry_in_ms", (wait.as_millis() as u64).into()),
                    ]);
                    log::warn("forwarding failed; retrying", &fields);
                    wait
                }
                Outcome::Misconfigured { status, detail } => {
                    let wait = backoff.next_wait();
                    fields.extend([
                        ("status", status.into()),
                        ("detail", detail.into()),
                        ("retry_in_ms", (wait.as_millis() as u64).into()),
                    ]);
                    log::error("the destination refuses every batch: check forward.endpoint and forward.write_key; retrying", &fields);
                    wait
                }
                Outcome::Refused { status, detail } => {
                    return self.refused(sender, rows, status, detail, recount)
                }
            };
            if self.wait(wait) {
                return false;
            }
        }
    }

    /// A 4xx for this batch: send it in halves to find the events the destination refuses,
    /// and skip only those (logged with their messageId and counted), so one bad event
    /// never blocks the stream.
    fn refused(
        &self,
        sender: &Sender,
        rows: &[OutboxRow],
        status: u16,
        detail: String,
        recount: &mut dyn FnMut(),
    ) -> bool {
        let mut fields = self.fields();
        fields.extend([("status", status.into()), ("detail", detail.into())]);
        if let [one] = rows {
            self.stats.dropped(1);
            fields.push(("message_id", one.message_id.clone().into()));
            log::error(
                "forwarding skipped an event the destination refuses",
                &fields,
            );
            return true;
        }
        fields.push(("events", rows.len().into()));
        log::warn(
            "the destination refused a batch; sending it in halves",
            &fields,
        );
        let (first, second) = rows.split_at(rows.len() / 2);
        self.deliver(sender, first, recount) && self.deliver(sender, second, recount)
    }
}

fn now_ms() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_millis() as i64)
}
