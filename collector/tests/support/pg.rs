//! The PostgreSQL test server on 127.0.0.1:5432 (trust auth, database `test`):
//! `WOWPATH_TEST_POSTGRES` overrides the connection string. Tests that find it unreachable
//! say so loudly on stderr and skip.

pub fn params() -> String {
    std::env::var("WOWPATH_TEST_POSTGRES").unwrap_or_else(|_| {
        "host=127.0.0.1 port=5432 user=postgres dbname=test connect_timeout=3".into()
    })
}

/// A client to the test server, or `None` after a loud warning.
pub fn server(test: &str) -> Option<postgres::Client> {
    match postgres::Client::connect(&params(), postgres::NoTls) {
        Ok(c) => Some(c),
        Err(e) => {
            // Straight to stderr, past the test harness's capture, so it shows in every run.
            use std::io::Write;
            let _ = writeln!(
                std::io::stderr(),
                "\n!!!!! POSTGRESQL NOT REACHABLE ({}): {e}\n!!!!! SKIPPING `{test}`: the PostgreSQL store is NOT tested in this run.\n",
                params()
            );
            None
        }
    }
}

pub fn fresh_table(client: &mut postgres::Client, name: &str) -> String {
    let table = format!("wowpath_test_{name}_{}", std::process::id());
    client
        .batch_execute(&format!("DROP TABLE IF EXISTS {table}"))
        .expect("drop old table");
    table
}
