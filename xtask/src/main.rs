//! `cargo xtask <command>`: the project's build, demo, test and measurement tasks.

mod bench;
mod bench_collector;
mod bench_events;
mod build;
mod compress;
mod demo;
mod dist;
mod imports;
mod schema;
mod setup;
mod test;
mod util;
mod wasm_functions;

use std::process::ExitCode;

const HELP: &str = "cargo xtask <command>

  demo [--port N]   build the widget and serve the demo app with the collector (SQLite)
  test              run every test: native, browser and end-to-end (installs what is missing)
  build             build the widget into pkg/
  dist              build, then report the size of every file a page loads: budget, peers, largest functions
  bench [name]      measurements beside a baseline from the same run (engine, guidance, collector, events)
  schema            regenerate schema/guides.schema.json from the guide model";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("demo") => demo::run(&args[1..]),
        Some("test") => test::run(&args[1..]),
        Some("build") => build::run().map(|_| ()),
        Some("dist") => dist::run(),
        Some("bench") => bench::run(&args[1..]),
        Some("schema") => schema::run(),
        Some("help" | "-h" | "--help") | None => {
            println!("{HELP}");
            Ok(())
        }
        Some(other) => Err(anyhow::anyhow!("unknown command `{other}`\n\n{HELP}")),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("xtask: error: {e:#}");
            ExitCode::FAILURE
        }
    }
}
