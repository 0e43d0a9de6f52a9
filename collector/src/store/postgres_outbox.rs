//! Reading a PostgreSQL table back in order. `seq` alone is not a safe cursor when several
//! collectors write at once: a transaction can take seq 5, stay open while another commits
//! seq 6, and a reader that forwarded 6 would then never see 5. So each row also keeps the
//! id of the transaction that wrote it (`txid`), and a forwarder only reads rows whose
//! transaction is older than every transaction still running (the snapshot's xmin); those
//! rows can no longer change, and every row that becomes visible later has a larger txid.
//! The stream is therefore ordered by (txid, seq).

use super::outbox::{Outbox, OutboxRow, Page, Position};
use super::StoreError;
use postgres::{Client, NoTls};

pub(super) fn cursor_schema(table: &str) -> String {
    format!(
        "CREATE TABLE IF NOT EXISTS {table}_forward_cursors (
            project    TEXT NOT NULL,
            endpoint   TEXT NOT NULL,
            tx_id      BIGINT NOT NULL,
            seq        BIGINT NOT NULL,
            updated_ms BIGINT NOT NULL,
            PRIMARY KEY (project, endpoint)
        );"
    )
}

pub struct PostgresOutbox {
    table: String,
    /// `Some` until dropped; see `Drop`.
    client: Option<Client>,
}

impl Drop for PostgresOutbox {
    /// As for the store: never shut the client's small runtime down inside an async task.
    fn drop(&mut self) {
        if let Some(client) = self.client.take() {
            let _ = std::thread::spawn(move || drop(client)).join();
        }
    }
}

impl PostgresOutbox {
    pub(super) fn connect(params: &str, table: &str) -> Result<Self, StoreError> {
        Ok(PostgresOutbox {
            table: table.to_owned(),
            client: Some(Client::connect(params, NoTls)?),
        })
    }

    fn client(&mut self) -> Result<&mut Client, StoreError> {
        self.client
            .as_mut()
            .ok_or_else(|| StoreError("outbox closed".into()))
    }
}

impl Outbox for PostgresOutbox {
    fn claim(&mut self, project: &str, endpoint: &str) -> Result<bool, StoreError> {
        let key = format!("wowpath-forward|{}|{project}|{endpoint}", self.table);
        let row = self
            .client()?
            .query_one("SELECT pg_try_advisory_lock(hashtext($1))", &[&key])?;
        Ok(row.get(0))
    }

    fn cursor(&mut self, project: &str, endpoint: &str) -> Result<Position, StoreError> {
        let sql = format!(
            "SELECT tx_id, seq FROM {}_forward_cursors WHERE project = $1 AND endpoint = $2",
            self.table
        );
        let row = self.client()?.query_opt(&sql, &[&project, &endpoint])?;
        Ok(row.map_or(Position::default(), |r| Position {
            tx: r.get(0),
            row: r.get(1),
        }))
    }

    fn save_cursor(
        &mut self,
        project: &str,
        endpoint: &str,
        position: Position,
    ) -> Result<(), StoreError> {
        let sql = format!(
            "INSERT INTO {}_forward_cursors (project, endpoint, tx_id, seq, updated_ms)
             VALUES ($1, $2, $3, $4, (extract(epoch FROM clock_timestamp()) * 1000)::bigint)
             ON CONFLICT (project, endpoint)
             DO UPDATE SET tx_id = excluded.tx_id, seq = excluded.seq, updated_ms = excluded.updated_ms",
            self.table
        );
        self.client()?
            .execute(&sql, &[&project, &endpoint, &position.tx, &position.row])?;
        Ok(())
    }

    fn page(&mut self, project: &str, after: Position, limit: usize) -> Result<Page, StoreError> {
        let sql = format!(
            "SELECT txid, seq, message_id, raw FROM {}
             WHERE project = $1 AND (txid, seq) > ($2, $3)
               AND txid < txid_snapshot_xmin(txid_current_snapshot())
             ORDER BY txid, seq LIMIT $4",
            self.table
        );
        let rows = self
            .client()?
            .query(&sql, &[&project, &after.tx, &after.row, &(limit as i64)])?;
        let rows: Vec<OutboxRow> = rows
            .iter()
            .map(|r| OutboxRow {
                position: Position {
                    tx: r.get(0),
                    row: r.get(1),
                },
                message_id: r.get(2),
                raw: r.get(3),
            })
            .collect();
        let scanned_to = rows.last().map_or(after, |r| r.position);
        Ok(Page { rows, scanned_to })
    }

    fn lag(&mut self, project: &str, after: Position, cap: u64) -> Result<u64, StoreError> {
        let sql = format!(
            "SELECT count(*) FROM (SELECT 1 FROM {} WHERE project = $1 AND (txid, seq) > ($2, $3)
             LIMIT $4) AS behind",
            self.table
        );
        let n: i64 = self
            .client()?
            .query_one(&sql, &[&project, &after.tx, &after.row, &(cap as i64)])?
            .get(0);
        Ok(n.max(0) as u64)
    }
}
