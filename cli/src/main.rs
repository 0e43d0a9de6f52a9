//! `wowpath check guides.json [--json] [--strict] [--stamp]`: the same validator the widget runs
//! when it loads guides, for a SaaS team's CI; `--stamp` marks the files that pass, so the
//! widget reads them without downloading the validator. Exit status: 0 clean (warnings allowed unless
//! `--strict`), 1 when a file has errors, 2 when the command itself is wrong.
//! `wowpath schema` prints the JSON Schema of guide files.

mod output;
mod read;
mod stamp_file;

use std::process::ExitCode;
use wowpath::core::guide::{load, Severity};

const USAGE: &str = "usage: wowpath check <guides.json>... [--json] [--strict] [--stamp]
       wowpath schema      (prints the JSON Schema of guide files)

  --json     print one JSON object per run: {files: [{file, errors, warnings, diagnostics}]}
  --strict   treat warnings as errors (exit status 1)
  --stamp    write a `checked` stamp into each file that passes, so the widget reads it
             without downloading its validator (any later edit voids the stamp)";

struct Args {
    files: Vec<String>,
    json: bool,
    strict: bool,
    stamp: bool,
}

fn parse_args(args: &[String]) -> Result<Args, String> {
    let Some((command, rest)) = args.split_first() else {
        return Err("no command given".into());
    };
    if command != "check" {
        return Err(format!(
            "unknown command `{command}`: the commands are `check` and `schema`"
        ));
    }
    let mut parsed = Args {
        files: Vec::new(),
        json: false,
        strict: false,
        stamp: false,
    };
    for arg in rest {
        match arg.as_str() {
            "--json" => parsed.json = true,
            "--strict" => parsed.strict = true,
            "--stamp" => parsed.stamp = true,
            flag if flag.starts_with("--") => return Err(format!("unknown option `{flag}`")),
            file => parsed.files.push(file.to_string()),
        }
    }
    if parsed.files.is_empty() {
        return Err("no guide file given".into());
    }
    Ok(parsed)
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if matches!(
        args.first().map(String::as_str),
        Some("-h" | "--help" | "help")
    ) {
        println!("{USAGE}");
        return ExitCode::SUCCESS;
    }
    if args.len() == 1 && args[0] == "schema" {
        print!("{}", wowpath::core::guide::schema_json());
        return ExitCode::SUCCESS;
    }
    let args = match parse_args(&args) {
        Ok(a) => a,
        Err(e) => {
            eprintln!("wowpath: {e}\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    let mut reports = Vec::new();
    for file in &args.files {
        let diagnostics = match read::guide_file(file) {
            Ok(Ok(text)) if args.stamp => {
                match stamp_file::check_and_stamp(file, &text, args.strict) {
                    Ok(diagnostics) => diagnostics,
                    Err(e) => {
                        eprintln!("wowpath: cannot stamp {file}: {e}");
                        return ExitCode::from(2);
                    }
                }
            }
            Ok(Ok(text)) => load(&text).diagnostics,
            Ok(Err(not_utf8)) => vec![not_utf8],
            Err(e) => {
                eprintln!("wowpath: cannot read {file}: {e}");
                return ExitCode::from(2);
            }
        };
        reports.push((file.as_str(), diagnostics));
    }
    if args.json {
        println!("{}", output::json(&reports));
    } else {
        print!("{}", output::human(&reports));
    }
    let failing = reports
        .iter()
        .flat_map(|(_, ds)| ds)
        .any(|d| d.severity == Severity::Error || args.strict);
    if failing {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
