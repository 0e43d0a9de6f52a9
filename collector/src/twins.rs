//! The compressed twins (`x.br`, `x.gz`) of the files served at /pkg. They are sent in place of
//! their file to browsers that accept them, so a twin older than its file would give those
//! browsers an old widget: found at start-up and reported.

use std::path::{Path, PathBuf};
use std::time::SystemTime;

const TWINS: [&str; 2] = ["br", "gz"];

/// Twins in `dir` last written before their file was.
pub fn stale(dir: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut found: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|twin| {
            let is_twin = twin
                .extension()
                .and_then(|x| x.to_str())
                .is_some_and(|x| TWINS.contains(&x));
            is_twin && older_than_file(twin)
        })
        .collect();
    found.sort();
    found
}

fn older_than_file(twin: &Path) -> bool {
    let file = twin.with_extension("");
    match (modified(twin), modified(&file)) {
        (Some(t), Some(f)) => t < f,
        _ => false,
    }
}

fn modified(path: &Path) -> Option<SystemTime> {
    std::fs::metadata(path).and_then(|m| m.modified()).ok()
}
