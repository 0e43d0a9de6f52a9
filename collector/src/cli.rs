//! Command-line options shared by `serve` and `report`: where the events are stored.

use std::path::PathBuf;
use std::sync::Arc;
use wowpath_collector::store::{PostgresStore, SqliteStore, Store};

pub struct StoreArgs {
    /// SQLite file (default `wowpath.db`).
    pub db: PathBuf,
    /// libpq-style connection string; when set, PostgreSQL is used instead of SQLite.
    pub postgres: Option<String>,
    /// Table in PostgreSQL (default `wowpath_events`).
    pub pg_table: String,
}

impl Default for StoreArgs {
    fn default() -> Self {
        StoreArgs {
            db: "wowpath.db".into(),
            postgres: std::env::var("WOWPATH_POSTGRES")
                .ok()
                .filter(|s| !s.is_empty()),
            pg_table: "wowpath_events".into(),
        }
    }
}

impl StoreArgs {
    /// Consumes `flag` if it is a store option.
    pub fn take(
        &mut self,
        flag: &str,
        value: &mut dyn FnMut() -> Result<String, String>,
    ) -> Result<bool, String> {
        match flag {
            "--db" => self.db = value()?.into(),
            "--postgres" => self.postgres = Some(value()?),
            "--pg-table" => self.pg_table = value()?,
            _ => return Ok(false),
        }
        Ok(true)
    }

    pub fn open(&self) -> Result<Arc<dyn Store>, String> {
        match &self.postgres {
            Some(params) => PostgresStore::connect(params, &self.pg_table)
                .map(|s| Arc::new(s) as Arc<dyn Store>)
                .map_err(|e| format!("cannot use PostgreSQL ({params}): {e}")),
            None => SqliteStore::open(&self.db)
                .map(|s| Arc::new(s) as Arc<dyn Store>)
                .map_err(|e| format!("cannot open the SQLite file {}: {e}", self.db.display())),
        }
    }
}

pub const STORE_USAGE: &str =
    "  --db FILE          SQLite file that stores the events       default wowpath.db
  --postgres PARAMS  use PostgreSQL instead, e.g. \"host=127.0.0.1 user=postgres dbname=test\"
                     (or WOWPATH_POSTGRES); no TLS
  --pg-table NAME    PostgreSQL table                          default wowpath_events";

/// A random admin token for when none is configured (printed once at start-up).
pub fn random_token() -> String {
    use std::io::Read;
    let mut bytes = [0u8; 16];
    let read = std::fs::File::open("/dev/urandom").and_then(|mut f| f.read_exact(&mut bytes));
    if read.is_err() {
        use std::hash::{BuildHasher, RandomState};
        let a = RandomState::new().hash_one(std::time::SystemTime::now());
        let b = RandomState::new().hash_one(std::process::id());
        bytes[..8].copy_from_slice(&a.to_le_bytes());
        bytes[8..].copy_from_slice(&b.to_le_bytes());
    }
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}
