use super::*;

/// A module importing two glue functions and one other, as wasm-bindgen writes them.
fn module() -> Vec<u8> {
    let mut module = walrus::Module::default();
    let ty = module.types.add(&[], &[]);
    for (from, name) in [
        (GLUE_MODULE, "__wbg_focus_0123456789abcdef"),
        (GLUE_MODULE, "__wbg_blur_fedcba9876543210"),
        ("env", "other"),
    ] {
        let (f, _) = module.add_import_func(from, name, ty);
        module.exports.add(&format!("use_{name}"), f);
    }
    module.emit_wasm()
}

const GLUE: &str = r#"const import0 = { __wbg_focus_0123456789abcdef: function(a) { a.focus(); },
  __wbg_blur_fedcba9876543210: function(a) { a.blur(); } };
return { "./wowpath_bg.js": import0 };"#;

fn imports(wasm: &[u8]) -> Vec<(String, String)> {
    let module = walrus::Module::from_buffer(wasm).expect("a module");
    module
        .imports
        .iter()
        .map(|i| (i.module.clone(), i.name.clone()))
        .collect()
}

#[test]
fn renames_the_glue_imports_on_both_sides_and_nothing_else() {
    let (wasm, js) = shorten(&module(), GLUE).expect("renamed");
    assert_eq!(
        imports(&wasm),
        [("w", "a"), ("w", "b"), ("env", "other")].map(|(m, n)| (m.to_string(), n.to_string()))
    );
    assert_eq!(
        js,
        r#"const import0 = { a: function(a) { a.focus(); },
  b: function(a) { a.blur(); } };
return { w: import0 };"#
    );
}

#[test]
fn refuses_glue_whose_keys_it_cannot_find_exactly_once() {
    let missing = GLUE.replace("__wbg_blur_fedcba9876543210:", "blur:");
    let err = shorten(&module(), &missing).unwrap_err().to_string();
    assert!(
        err.contains("0 keys `__wbg_blur_fedcba9876543210:`"),
        "{err}"
    );
    let twice = format!("{GLUE}\n// __wbg_focus_0123456789abcdef: again");
    let err = shorten(&module(), &twice).unwrap_err().to_string();
    assert!(err.contains("2 keys"), "{err}");
}

#[test]
fn short_names_are_unique_identifiers_shortest_first() {
    let names: Vec<String> = (0..3000).map(short_name).collect();
    assert_eq!(&names[..3], ["a", "b", "c"]);
    assert_eq!(names[51], "Z");
    assert_eq!(names[52], "aa");
    let unique: std::collections::BTreeSet<&String> = names.iter().collect();
    assert_eq!(unique.len(), names.len());
    assert!(names
        .iter()
        .all(|n| n.bytes().all(|b| b.is_ascii_alphabetic())));
}
