//! `wowpath-collector report`: the dashboard's numbers as text or JSON, read straight from
//! the store.

use crate::cli::{StoreArgs, STORE_USAGE};
use std::process::ExitCode;
use wowpath_collector::config::OPEN_PROJECT;
use wowpath_collector::dashboard::api::{filters, ReportQuery};
use wowpath_collector::store::EventQuery;
use wowpath_collector::{report_text, stats};

const USAGE: &str = "usage: wowpath-collector report [options]

  --project ID             project to report on                        default `default`
  --from YYYY-MM-DD        people first seen on or after this day (UTC)
  --to YYYY-MM-DD          ... and on or before this day
  --trait NAME:VALUE       only people with this trait (e.g. plan:team, account:acme)
  --stuck-after-hours H    no wow this long after starting = stuck     default 72
  --json                   print JSON (the dashboard API's shape) instead of text";

pub fn run(args: &[String]) -> ExitCode {
    let mut store = StoreArgs::default();
    let mut q = ReportQuery::default();
    let mut json = false;
    let mut it = args.iter();
    while let Some(flag) = it.next() {
        let mut value = || {
            it.next()
                .cloned()
                .ok_or_else(|| format!("{flag} needs a value"))
        };
        let taken = match store.take(flag, &mut value) {
            Ok(t) => t,
            Err(e) => return usage(&e),
        };
        if taken {
            continue;
        }
        let result = match flag.as_str() {
            "--project" => value().map(|v| q.project = Some(v)),
            "--from" => value().map(|v| q.from = Some(v)),
            "--to" => value().map(|v| q.to = Some(v)),
            "--trait" => value().map(|v| q.trait_eq = Some(v)),
            "--stuck-after-hours" => value().and_then(|v| {
                v.parse()
                    .map(|h| q.stuck_after_hours = Some(h))
                    .map_err(|_| format!("--stuck-after-hours: `{v}` is not a number"))
            }),
            "--json" => {
                json = true;
                Ok(())
            }
            "-h" | "--help" => return usage(""),
            other => Err(format!("unknown option `{other}`")),
        };
        if let Err(e) = result {
            return usage(&e);
        }
    }
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_millis() as i64);
    let f = match filters(&q, now) {
        Ok(f) => f,
        Err(e) => return usage(&e.to_string()),
    };
    let store = match store.open() {
        Ok(s) => s,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::FAILURE;
        }
    };
    let project = q.project.clone().unwrap_or_else(|| OPEN_PROJECT.into());
    let rows = match store.events(&EventQuery {
        project,
        ..EventQuery::default()
    }) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("error: cannot read the events: {e}");
            return ExitCode::FAILURE;
        }
    };
    let report = stats::report(&rows, f);
    if json {
        match serde_json::to_string_pretty(&report) {
            Ok(text) => println!("{text}"),
            Err(e) => {
                eprintln!("error: {e}");
                return ExitCode::FAILURE;
            }
        }
    } else {
        print!("{}", report_text::render(&report));
    }
    ExitCode::SUCCESS
}

fn usage(e: &str) -> ExitCode {
    if !e.is_empty() {
        eprintln!("error: {e}\n");
    }
    eprintln!("{USAGE}\n{STORE_USAGE}");
    ExitCode::from(2)
}
