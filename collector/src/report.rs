use std::process::ExitCode;

pub fn run(_args: &[String]) -> ExitCode {
    eprintln!("report: not yet");
    ExitCode::FAILURE
}
