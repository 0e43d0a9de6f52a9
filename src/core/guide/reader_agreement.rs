//! The widget reads guide files with `FromNode`; serde's derive on the same types is the
//! reference. Both must agree on every guide file in the repository and on thousands of
//! documents one mistake away from them.

use super::model::GuideFile;
use crate::core::json::agreement::{agree, mutations};
use std::path::{Path, PathBuf};

/// Every field of the model at least once.
const EVERY_FIELD: &str = r##"{
  "$schema": "https://example.invalid/guide.schema.json",
  "version": 1,
  "wow": { "step": "g/s", "event": "Report Shared", "where": { "size": { "gt": 2 } } },
  "holdout": 0.1,
  "cooldown_minutes": 30,
  "signup_trait": "created_at",
  "theme": { "accent": "#5b5bd6", "background": "#fff", "text": "#111", "radius": 8, "font": "Inter" },
  "default_locale": "en",
  "locales": { "fr": { "g.title": "Démarrer" } },
  "guides": [{
    "id": "g", "title": "Get started", "priority": -2,
    "target": { "url": ["/app/**"], "traits": { "plan": { "equals": "trial", "not_equals": 3,
      "in": ["a", 1, true], "contains": "x", "exists": true, "gte": 1, "lt": 5, "lte": 4.5,
      "within_days": 7, "older_than_days": 1 } }, "signed_up_within_days": 14 },
    "frequency": "every_session",
    "start": { "event": "Signed In", "url": "/app", "manual": false },
    "requires": ["other"], "dismissible": false,
    "variants": [{ "id": "a", "weight": 50, "steps": ["s"] }, { "id": "b", "weight": 50 }],
    "steps": [{
      "id": "s", "kind": "tooltip", "title": "Create", "body": "**Go**", "anchor": "#new",
      "placement": "right-end", "spotlight": true, "click_through": false, "url": "/app",
      "wait_ms": 3000,
      "buttons": [{ "label": "Next", "action": "go_to_url", "url": "/x", "guide": "other" }],
      "requires": ["t"],
      "complete_when": { "event": "E", "where": { "n": { "equals": 1 } }, "count": 2,
        "click": "#b", "url": "/y", "appears": ".c", "filled": "#d", "manual": true }
    }]
  }]
}"##;

/// Guide files (and anything else in JSON) kept in the repository.
fn repository_documents() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut out = Vec::new();
    for dir in ["www", "examples", "tests"] {
        walk(&root.join(dir), &mut out);
    }
    out
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            walk(&path, out);
        } else if path.extension().is_some_and(|e| e == "json")
            && path.file_name().is_some_and(|n| n != "package.json")
        {
            out.push(path);
        }
    }
}

#[test]
fn every_field_reads_alike() {
    assert!(agree::<GuideFile>(EVERY_FIELD));
}

#[test]
fn repository_guide_files_read_alike() {
    let files = repository_documents();
    assert!(
        files.iter().any(|f| f.ends_with("www/guides.json")),
        "{files:?}"
    );
    for file in files {
        let text = std::fs::read_to_string(&file).expect("a readable file");
        agree::<GuideFile>(&text);
    }
}

#[test]
fn documents_one_mistake_away_read_alike() {
    let mut docs = mutations(EVERY_FIELD);
    // The valid examples; the invalid fixtures under tests/ are read as they are above.
    for file in repository_documents()
        .into_iter()
        .filter(|f| !f.components().any(|c| c.as_os_str() == "tests"))
    {
        docs.extend(mutations(
            &std::fs::read_to_string(&file).expect("readable"),
        ));
    }
    let read = docs.iter().filter(|d| agree::<GuideFile>(d)).count();
    assert!(docs.len() > 2000, "{}", docs.len());
    // Mistakes that are still valid guide files (a removed optional field) and ones that are not.
    assert!(
        read > 100 && read < docs.len() / 2,
        "{read} of {}",
        docs.len()
    );
}
