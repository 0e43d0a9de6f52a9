use super::outbox::Outbox;
use super::postgres_outbox::PostgresOutbox;
use super::{EventQuery, EventRow, Store, StoreError, StoredEvent};
use postgres::{Client, NoTls};
use std::sync::Mutex;

/// The scale-out store: several stateless collectors share one PostgreSQL database.
/// `messageId` is the primary key, so two instances receiving the same retry store it once.
pub struct PostgresStore {
    table: String,
    /// Kept to open the forwarders' own connections.
    params: String,
    /// Always `Some` until dropped (see `Drop`).
    client: Mutex<Option<Client>>,
}

impl Drop for PostgresStore {
    /// The synchronous client runs a small runtime of its own, which must not be shut down
    /// from inside an async task (tokio panics): close it on a plain thread instead.
    fn drop(&mut self) {
        let client = self.client.get_mut().ok().and_then(Option::take);
        if let Some(client) = client {
            let _ = std::thread::spawn(move || drop(client)).join();
        }
    }
}

fn locked(
    m: &Mutex<Option<Client>>,
) -> Result<std::sync::MutexGuard<'_, Option<Client>>, StoreError> {
    m.lock()
        .map_err(|_| StoreError("store lock poisoned".into()))
}

impl From<postgres::Error> for StoreError {
    fn from(e: postgres::Error) -> Self {
        StoreError(e.to_string())
    }
}

/// Table names are spliced into SQL, so only plain identifiers are allowed.
fn valid_table(name: &str) -> bool {
    !name.is_empty()
        && name.len() <= 63
        && name
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_' || c == '.')
        && !name.starts_with(|c: char| c.is_ascii_digit())
}

impl PostgresStore {
    /// Connects (no TLS) with a libpq-style string such as
    /// `host=127.0.0.1 user=postgres dbname=test`, and creates `table` if missing.
    pub fn connect(params: &str, table: &str) -> Result<Self, StoreError> {
        if !valid_table(table) {
            return Err(StoreError(format!(
                "`{table}` is not a usable table name: use lowercase letters, digits and `_` (optionally `schema.table`)"
            )));
        }
        let mut client = Client::connect(params, NoTls)?;
        let index = table.replace('.', "_");
        client.batch_execute(&format!(
            "CREATE TABLE IF NOT EXISTS {table} (
                message_id   TEXT PRIMARY KEY,
                project      TEXT NOT NULL,
                type         TEXT NOT NULL,
                event        TEXT,
                user_id      TEXT,
                anonymous_id TEXT,
                timestamp    TEXT,
                sent_at      TEXT,
                received_at  TEXT NOT NULL,
                timestamp_ms BIGINT,
                received_ms  BIGINT NOT NULL,
                corrected_ms BIGINT NOT NULL,
                raw          TEXT NOT NULL,
                seq          BIGSERIAL,
                txid         BIGINT NOT NULL DEFAULT txid_current()
            )"
        ))?;
        // Tables made before forwarding existed lack `txid`. ALTER locks the table even when
        // the column is there, which would make every start wait for open writers.
        if client
            .simple_query(&format!("SELECT txid FROM {table} LIMIT 0"))
            .is_err()
        {
            client.batch_execute(&format!(
                "ALTER TABLE {table} ADD COLUMN IF NOT EXISTS txid BIGINT NOT NULL DEFAULT txid_current()"
            ))?;
        }
        client.batch_execute(&format!(
            "CREATE INDEX IF NOT EXISTS {index}_by_project ON {table} (project, seq);
            CREATE INDEX IF NOT EXISTS {index}_by_user ON {table} (project, user_id);
            CREATE INDEX IF NOT EXISTS {index}_stream ON {table} (project, txid, seq);
            {cursors}",
            cursors = super::postgres_outbox::cursor_schema(table)
        ))?;
        Ok(PostgresStore {
            table: table.to_owned(),
            params: params.to_owned(),
            client: Mutex::new(Some(client)),
        })
    }
}

impl Store for PostgresStore {
    fn insert(&self, batches: &[Vec<StoredEvent>]) -> Result<Vec<usize>, StoreError> {
        let mut guard = locked(&self.client)?;
        let client = guard
            .as_mut()
            .ok_or_else(|| StoreError("store closed".into()))?;
        let mut tx = client.transaction()?;
        // One round trip per batch: the rows travel as arrays and are unnested server-side.
        let stmt = tx.prepare(&format!(
            "INSERT INTO {} (message_id, project, type, event, user_id, anonymous_id, timestamp,
                 sent_at, received_at, timestamp_ms, received_ms, corrected_ms, raw)
             SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[],
                 $6::text[], $7::text[], $8::text[], $9::text[], $10::int8[], $11::int8[],
                 $12::int8[], $13::text[])
             ON CONFLICT (message_id) DO NOTHING",
            self.table
        ))?;
        let mut counts = Vec::with_capacity(batches.len());
        for b in batches {
            let col = |f: fn(&StoredEvent) -> Option<String>| b.iter().map(f).collect::<Vec<_>>();
            let num = |f: fn(&StoredEvent) -> Option<i64>| b.iter().map(f).collect::<Vec<_>>();
            let added = tx.execute(
                &stmt,
                &[
                    &col(|e| Some(e.message_id.clone())),
                    &col(|e| Some(e.project.clone())),
                    &col(|e| Some(e.kind.clone())),
                    &col(|e| e.event.clone()),
                    &col(|e| e.user_id.clone()),
                    &col(|e| e.anonymous_id.clone()),
                    &col(|e| e.timestamp.clone()),
                    &col(|e| e.sent_at.clone()),
                    &col(|e| Some(e.received_at.clone())),
                    &num(|e| e.timestamp_ms),
                    &num(|e| Some(e.received_ms)),
                    &num(|e| Some(e.corrected_ms)),
                    &col(|e| Some(e.raw.clone())),
                ],
            )?;
            counts.push(added as usize);
        }
        tx.commit()?;
        Ok(counts)
    }

    fn events(&self, q: &EventQuery) -> Result<Vec<EventRow>, StoreError> {
        let mut guard = locked(&self.client)?;
        let client = guard
            .as_mut()
            .ok_or_else(|| StoreError("store closed".into()))?;
        let sql = format!(
            "SELECT type, event, user_id, anonymous_id, corrected_ms, timestamp_ms, raw FROM {}
             WHERE project = $1
               AND ($2::text IS NULL OR user_id = $2 OR anonymous_id IN
                    (SELECT anonymous_id FROM {} WHERE project = $1 AND user_id = $2 AND anonymous_id IS NOT NULL))
               AND (cardinality($3::text[]) = 0 OR event = ANY($3))
             ORDER BY seq",
            self.table, self.table
        );
        let rows = client.query(&sql, &[&q.project, &q.user_id, &q.events])?;
        Ok(rows
            .iter()
            .map(|r| EventRow {
                kind: r.get(0),
                event: r.get(1),
                user_id: r.get(2),
                anonymous_id: r.get(3),
                time_ms: r.get(4),
                client_ms: r.get(5),
                raw: r.get(6),
            })
            .collect())
    }

    fn open_outbox(&self) -> Result<Box<dyn Outbox>, StoreError> {
        Ok(Box::new(PostgresOutbox::connect(
            &self.params,
            &self.table,
        )?))
    }

    fn describe(&self) -> String {
        format!("postgres:{}", self.table)
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn only_plain_identifiers_are_table_names() {
        for ok in ["events", "wowpath.events", "t_1"] {
            assert!(super::valid_table(ok), "{ok}");
        }
        for bad in ["", "1t", "events; drop table x", "Events", "a-b"] {
            assert!(!super::valid_table(bad), "{bad}");
        }
    }
}
