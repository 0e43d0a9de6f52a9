mod cli;
mod report;

use cli::StoreArgs;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;
use wowpath_collector::app::SystemClock;
use wowpath_collector::{app, log, AppState, Config, Limits, Static};

const USAGE: &str =
    "usage: wowpath-collector [serve] [options]     receive events, serve the dashboard
       wowpath-collector report [options]      print the dashboard's numbers (report --help)

  --addr ADDR        address to listen on (port 0 picks a free port)   default 127.0.0.1:8080
  --config FILE      projects, write keys, allowed origins, admin token (or WOWPATH_CONFIG)
  --www DIR          serve this folder at /  (the demo host app)
  --pkg DIR          serve this folder at /pkg  (the built widget)
  --forward-endpoint URL    forward the project `default` to this Segment-compatible endpoint
                            (or WOWPATH_FORWARD_ENDPOINT), e.g. https://api.segment.io
  --forward-write-key KEY   the destination's write key (or WOWPATH_FORWARD_WRITE_KEY)";

struct Args {
    addr: SocketAddr,
    config: Option<PathBuf>,
    store: StoreArgs,
    statics: Static,
    /// Command-line values that take the place of environment variables of the same meaning.
    env_overrides: Vec<(&'static str, String)>,
}

impl Args {
    fn env(&self, name: &str) -> Option<String> {
        self.env_overrides
            .iter()
            .find(|(k, _)| *k == name)
            .map(|(_, v)| v.clone())
            .or_else(|| std::env::var(name).ok())
    }
}

fn parse_args(args: &[String]) -> Result<Args, String> {
    let mut parsed = Args {
        addr: SocketAddr::from(([127, 0, 0, 1], 8080)),
        config: std::env::var_os("WOWPATH_CONFIG").map(PathBuf::from),
        store: StoreArgs::default(),
        statics: Static::default(),
        env_overrides: Vec::new(),
    };
    let mut it = args.iter();
    while let Some(flag) = it.next() {
        let mut value = || {
            it.next()
                .cloned()
                .ok_or_else(|| format!("{flag} needs a value"))
        };
        if parsed.store.take(flag, &mut value)? {
            continue;
        }
        match flag.as_str() {
            "--addr" => parsed.addr = value()?.parse().map_err(|e| format!("--addr: {e}"))?,
            "--config" => parsed.config = Some(value()?.into()),
            "--www" => parsed.statics.www = Some(value()?.into()),
            "--pkg" => parsed.statics.pkg = Some(value()?.into()),
            "--forward-endpoint" => parsed
                .env_overrides
                .push(("WOWPATH_FORWARD_ENDPOINT", value()?)),
            "--forward-write-key" => parsed
                .env_overrides
                .push(("WOWPATH_FORWARD_WRITE_KEY", value()?)),
            "-h" | "--help" => return Err(String::new()),
            other => return Err(format!("unknown option `{other}`")),
        }
    }
    Ok(parsed)
}

fn usage_error(e: &str) -> ExitCode {
    if !e.is_empty() {
        eprintln!("error: {e}\n");
    }
    eprintln!("{USAGE}\n{}", cli::STORE_USAGE);
    ExitCode::from(2)
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("report") => report::run(&args[1..]),
        Some("serve") => serve(&args[1..]),
        _ => serve(&args),
    }
}

fn serve(raw: &[String]) -> ExitCode {
    let args = match parse_args(raw) {
        Ok(a) => a,
        Err(e) => return usage_error(&e),
    };
    let mut config = match Config::load(args.config.as_deref(), |k| args.env(k)) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::FAILURE;
        }
    };
    let store = match args.store.open() {
        Ok(s) => s,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::FAILURE;
        }
    };
    let generated_token = config.admin_token.is_none().then(cli::random_token);
    if let Some(t) = &generated_token {
        config.admin_token = Some(t.clone());
    }
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(r) => r,
        Err(e) => {
            eprintln!("error: cannot start the async runtime: {e}");
            return ExitCode::FAILURE;
        }
    };
    runtime.block_on(async move {
        let listener = match tokio::net::TcpListener::bind(args.addr).await {
            Ok(l) => l,
            Err(e) => {
                eprintln!("error: cannot listen on {}: {e}", args.addr);
                return ExitCode::FAILURE;
            }
        };
        let addr = listener.local_addr().map_or(args.addr, |a| a);
        if let Some(pkg) = &args.statics.pkg {
            for twin in wowpath_collector::twins::stale(pkg) {
                eprintln!("wowpath collector: WARNING: {} is older than the file it compresses, and browsers that accept its encoding get it instead: rebuild with `cargo xtask build`, or delete it", twin.display());
            }
        }
        if config.is_open() {
            eprintln!("wowpath collector: OPEN DEMO MODE: no projects configured, so any write key from any origin is accepted (project `default`). Use --config or WOWPATH_WRITE_KEY in production.");
        }
        println!("wowpath collector: events are stored in {}", describe(&args.store, store.describe()));
        match &generated_token {
            Some(t) => println!("wowpath collector: dashboard at http://{addr}/dashboard (user admin, password {t}; set WOWPATH_ADMIN_TOKEN to choose it)"),
            None => println!("wowpath collector: dashboard at http://{addr}/dashboard (admin token from the configuration)"),
        }
        for (project, forward) in config.forwards() {
            println!("wowpath collector: forwarding project `{project}` to {}", forward.batch_url());
        }
        println!("wowpath collector: listening on http://{addr}");
        log::info("listening", &[("addr", addr.to_string().into()), ("store", store.describe().into()), ("projects", config.projects.len().into())]);
        let state = AppState::new(store, Arc::new(SystemClock), config, Limits::default());
        let shutdown = async {
            let _ = tokio::signal::ctrl_c().await;
        };
        if let Err(e) = axum::serve(listener, app(state, args.statics)).with_graceful_shutdown(shutdown).await {
            eprintln!("error: server failed: {e}");
            return ExitCode::FAILURE;
        }
        ExitCode::SUCCESS
    })
}

fn describe(args: &StoreArgs, fallback: String) -> String {
    if args.postgres.is_some() {
        return fallback;
    }
    std::fs::canonicalize(&args.db)
        .unwrap_or(args.db.clone())
        .display()
        .to_string()
}
