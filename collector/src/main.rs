use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;
use wowpath_collector::app::SystemClock;
use wowpath_collector::store::SqliteStore;
use wowpath_collector::{app, AppState, Static};

const USAGE: &str =
    "usage: wowpath-collector [--addr 127.0.0.1:8080] [--db wowpath.db] [--www DIR] [--pkg DIR]

  --addr  address to listen on (port 0 picks a free port)      default 127.0.0.1:8080
  --db    SQLite file that stores the events                    default wowpath.db
  --www   serve this folder at /  (the demo host app)
  --pkg   serve this folder at /pkg  (the built widget)";

struct Args {
    addr: SocketAddr,
    db: PathBuf,
    statics: Static,
}

fn parse_args() -> Result<Args, String> {
    let mut args = Args {
        addr: SocketAddr::from(([127, 0, 0, 1], 8080)),
        db: "wowpath.db".into(),
        statics: Static::default(),
    };
    let mut it = std::env::args().skip(1);
    while let Some(flag) = it.next() {
        let mut value = || it.next().ok_or_else(|| format!("{flag} needs a value"));
        match flag.as_str() {
            "--addr" => args.addr = value()?.parse().map_err(|e| format!("--addr: {e}"))?,
            "--db" => args.db = value()?.into(),
            "--www" => args.statics.www = Some(value()?.into()),
            "--pkg" => args.statics.pkg = Some(value()?.into()),
            "-h" | "--help" => return Err(String::new()),
            other => return Err(format!("unknown option `{other}`")),
        }
    }
    Ok(args)
}

#[tokio::main]
async fn main() -> ExitCode {
    let args = match parse_args() {
        Ok(a) => a,
        Err(e) => {
            if !e.is_empty() {
                eprintln!("error: {e}\n");
            }
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    let store = match SqliteStore::open(&args.db) {
        Ok(s) => s,
        Err(e) => {
            eprintln!(
                "error: cannot open the SQLite file {}: {e}",
                args.db.display()
            );
            return ExitCode::FAILURE;
        }
    };
    let listener = match tokio::net::TcpListener::bind(args.addr).await {
        Ok(l) => l,
        Err(e) => {
            eprintln!("error: cannot listen on {}: {e}", args.addr);
            return ExitCode::FAILURE;
        }
    };
    let addr = listener.local_addr().map_or(args.addr, |a| a);
    let db = std::fs::canonicalize(&args.db).unwrap_or(args.db.clone());
    println!("wowpath collector: events are stored in {}", db.display());
    println!("wowpath collector: listening on http://{addr}");
    let state = AppState {
        store: Arc::new(store),
        clock: Arc::new(SystemClock),
    };
    let shutdown = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    if let Err(e) = axum::serve(listener, app(state, args.statics))
        .with_graceful_shutdown(shutdown)
        .await
    {
        eprintln!("error: server failed: {e}");
        return ExitCode::FAILURE;
    }
    ExitCode::SUCCESS
}
