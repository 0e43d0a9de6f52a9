//! `check`: a call naming a guide or step the file lacks is refused with the reason.

use super::*;

#[test]
fn calls_naming_what_the_file_lacks_are_refused_with_the_reason() {
    let file = r##"{ "version": 1, "guides": [
      { "id": "setup", "title": "Setup", "steps": [ { "id": "create", "title": "Create" } ] },
      { "id": "pinned", "title": "Pinned", "dismissible": false, "steps": [ { "id": "read", "title": "Read" } ] }
    ] }"##;
    let (engine, _) = engine_with(file, "u1", "/");
    let table: [(Act, Result<(), &str>); 9] = [
        (
            Act::Start {
                id: "setup".into(),
                replay: false,
            },
            Ok(()),
        ),
        (
            Act::Start {
                id: "stup".into(),
                replay: false,
            },
            Err("there is no guide `stup` in the guide file"),
        ),
        (Act::Complete("create".into()), Ok(())),
        (Act::Complete("setup/create".into()), Ok(())),
        (
            Act::Complete("pinned/create".into()),
            Err("there is no step `pinned/create` in the guide file"),
        ),
        (
            Act::Complete("crate".into()),
            Err("there is no step `crate` in the guide file"),
        ),
        (Act::Dismiss("setup".into()), Ok(())),
        (
            Act::Dismiss("pinned".into()),
            Err("guide `pinned` cannot be dismissed: its `dismissible` is false"),
        ),
        (
            Act::Dismiss("nope".into()),
            Err("there is no guide `nope` in the guide file"),
        ),
    ];
    for (act, expected) in table {
        assert_eq!(
            engine.check(&act, T0).map_err(|e| e.to_string()),
            expected.map_err(String::from),
            "{act:?}"
        );
    }
}

#[test]
fn each_call_names_itself_in_messages() {
    assert_eq!(
        Act::Start {
            id: "a".into(),
            replay: false
        }
        .verb_and_id(),
        ("start", "a")
    );
    assert_eq!(
        Act::Complete("g/s".into()).verb_and_id(),
        ("complete", "g/s")
    );
    assert_eq!(Act::Dismiss("b".into()).verb_and_id(), ("dismiss", "b"));
    assert_eq!(
        Act::Start {
            id: "t".into(),
            replay: false
        }
        .cannot("why"),
        "cannot start `t`: why"
    );
}
