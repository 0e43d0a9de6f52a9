//! The view of a step with a picture: its address and text follow the user's locale.

use super::build;
use crate::core::engine::{Engine, Progress, Start, User};
use crate::core::guide::{load, Image};

const FILE: &str = r#"{
  "version": 1,
  "locales": { "fr": { "news.whats-new.image.src": "/img/fr/news.png", "news.whats-new.image.alt": "Le rapport" } },
  "guides": [
    { "id": "news", "title": "News",
      "steps": [
        { "id": "whats-new", "kind": "modal", "title": "What's new",
          "image": { "src": "/img/news.png", "alt": "The report", "width": 800, "height": 450 } }
      ] }
  ]
}"#;

fn engine() -> Engine {
    let file = load(FILE).file.expect("valid test file");
    let user = User {
        key: "ada".into(),
        traits: None,
    };
    let start = Start {
        project: "p".into(),
        user,
        session: "s1".into(),
        path: "/".into(),
        progress: Progress::default(),
        now: 1_795_359_845_000,
        showing: None,
    };
    Engine::new(file, start).0
}

fn image(locale: &str) -> Option<Image> {
    build(&engine(), locale).step.and_then(|s| s.image)
}

#[test]
fn a_picture_is_shown_as_written_where_no_translation_applies() {
    let expected = Image {
        src: "/img/news.png".into(),
        alt: "The report".into(),
        width: Some(800),
        height: Some(450),
    };
    assert_eq!(image("en"), Some(expected.clone()));
    assert_eq!(image("de-AT"), Some(expected));
}

#[test]
fn a_translation_replaces_the_pictures_address_and_text_and_keeps_its_size() {
    let expected = Image {
        src: "/img/fr/news.png".into(),
        alt: "Le rapport".into(),
        width: Some(800),
        height: Some(450),
    };
    assert_eq!(image("fr-CA"), Some(expected));
}
