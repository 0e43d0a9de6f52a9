//! The `#[serde(...)]` attributes FromNode honours, read exactly as serde reads them.
//!
//! Anything that changes how serde *reads* a value and is not handled here is refused at
//! compile time: the two readers must never silently disagree.

use syn::{Attribute, Error, LitStr, Path, Result};

#[derive(Default)]
pub struct Container {
    pub rename: Option<String>,
    pub rename_all: Option<RenameRule>,
    pub deny_unknown_fields: bool,
    /// `#[serde(default)]` on the struct: absent fields come from `Self::default()`.
    pub default: bool,
}

pub enum FieldDefault {
    None,
    /// `#[serde(default)]`: `Default::default()`.
    Trait,
    /// `#[serde(default = "path")]`.
    Function(Path),
}

pub struct Field {
    pub rename: Option<String>,
    pub default: FieldDefault,
}

#[derive(Clone, Copy)]
pub enum RenameRule {
    Lower,
    Upper,
    Pascal,
    Camel,
    Snake,
    ScreamingSnake,
    Kebab,
    ScreamingKebab,
}

/// Attributes that only change how serde writes a value.
const SERIALIZE_ONLY: [&str; 3] = ["skip_serializing_if", "skip_serializing", "serialize_with"];

fn serde_attrs(
    attrs: &[Attribute],
    mut each: impl FnMut(syn::meta::ParseNestedMeta<'_>) -> Result<()>,
) -> Result<()> {
    for attr in attrs.iter().filter(|a| a.path().is_ident("serde")) {
        attr.parse_nested_meta(&mut each)?;
    }
    Ok(())
}

fn unsupported(meta: &syn::meta::ParseNestedMeta<'_>) -> Error {
    let name = meta
        .path
        .get_ident()
        .map_or_else(|| "?".to_string(), ToString::to_string);
    meta.error(format!(
        "#[derive(FromNode)] does not support `#[serde({name})]`: teach it in derive/src/attrs.rs \
         or write `impl FromNode` by hand, so that serde and FromNode keep reading alike"
    ))
}

fn skip_serialize_only(meta: &syn::meta::ParseNestedMeta<'_>) -> Result<bool> {
    if SERIALIZE_ONLY.iter().any(|n| meta.path.is_ident(n)) {
        if meta.input.peek(syn::Token![=]) {
            let _: LitStr = meta.value()?.parse()?;
        }
        return Ok(true);
    }
    Ok(false)
}

pub fn container(attrs: &[Attribute]) -> Result<Container> {
    let mut c = Container::default();
    serde_attrs(attrs, |meta| {
        if meta.path.is_ident("deny_unknown_fields") {
            c.deny_unknown_fields = true;
        } else if meta.path.is_ident("default") && !meta.input.peek(syn::Token![=]) {
            c.default = true;
        } else if meta.path.is_ident("rename") {
            c.rename = Some(meta.value()?.parse::<LitStr>()?.value());
        } else if meta.path.is_ident("rename_all") {
            let lit: LitStr = meta.value()?.parse()?;
            c.rename_all = Some(RenameRule::parse(&lit)?);
        } else {
            return Err(unsupported(&meta));
        }
        Ok(())
    })?;
    Ok(c)
}

pub fn field(attrs: &[Attribute]) -> Result<Field> {
    let mut f = Field {
        rename: None,
        default: FieldDefault::None,
    };
    serde_attrs(attrs, |meta| {
        if skip_serialize_only(&meta)? {
        } else if meta.path.is_ident("rename") {
            f.rename = Some(meta.value()?.parse::<LitStr>()?.value());
        } else if meta.path.is_ident("default") {
            f.default = if meta.input.peek(syn::Token![=]) {
                let lit: LitStr = meta.value()?.parse()?;
                FieldDefault::Function(lit.parse()?)
            } else {
                FieldDefault::Trait
            };
        } else {
            return Err(unsupported(&meta));
        }
        Ok(())
    })?;
    Ok(f)
}

/// A variant's `rename`, if any.
pub fn variant(attrs: &[Attribute]) -> Result<Option<String>> {
    let mut rename = None;
    serde_attrs(attrs, |meta| {
        if meta.path.is_ident("rename") {
            rename = Some(meta.value()?.parse::<LitStr>()?.value());
            Ok(())
        } else {
            Err(unsupported(&meta))
        }
    })?;
    Ok(rename)
}

impl RenameRule {
    fn parse(lit: &LitStr) -> Result<Self> {
        Ok(match lit.value().as_str() {
            "lowercase" => Self::Lower,
            "UPPERCASE" => Self::Upper,
            "PascalCase" => Self::Pascal,
            "camelCase" => Self::Camel,
            "snake_case" => Self::Snake,
            "SCREAMING_SNAKE_CASE" => Self::ScreamingSnake,
            "kebab-case" => Self::Kebab,
            "SCREAMING-KEBAB-CASE" => Self::ScreamingKebab,
            _ => return Err(Error::new(lit.span(), "unknown rename_all rule")),
        })
    }

    /// serde's rule (serde_derive's `apply_to_field`) for a field name written in snake_case.
    pub fn field(self, name: &str) -> String {
        match self {
            Self::Lower | Self::Snake => name.to_string(),
            Self::Upper | Self::ScreamingSnake => name.to_ascii_uppercase(),
            Self::Pascal => {
                let mut out = String::new();
                let mut capitalize = true;
                for c in name.chars() {
                    if c == '_' {
                        capitalize = true;
                    } else if capitalize {
                        out.push(c.to_ascii_uppercase());
                        capitalize = false;
                    } else {
                        out.push(c);
                    }
                }
                out
            }
            Self::Camel => lower_first(&Self::Pascal.field(name)),
            Self::Kebab => name.replace('_', "-"),
            Self::ScreamingKebab => name.to_ascii_uppercase().replace('_', "-"),
        }
    }

    /// serde's rule (serde_derive's `apply_to_variant`) for a variant name written in PascalCase.
    pub fn variant(self, name: &str) -> String {
        match self {
            Self::Pascal => name.to_string(),
            Self::Lower => name.to_ascii_lowercase(),
            Self::Upper => name.to_ascii_uppercase(),
            Self::Camel => lower_first(name),
            Self::Snake => {
                let mut out = String::new();
                for (i, c) in name.char_indices() {
                    if i > 0 && c.is_uppercase() {
                        out.push('_');
                    }
                    out.push(c.to_ascii_lowercase());
                }
                out
            }
            Self::ScreamingSnake => Self::Snake.variant(name).to_ascii_uppercase(),
            Self::Kebab => Self::Snake.variant(name).replace('_', "-"),
            Self::ScreamingKebab => Self::ScreamingSnake.variant(name).replace('_', "-"),
        }
    }
}

fn lower_first(s: &str) -> String {
    let mut chars = s.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_ascii_lowercase().to_string() + chars.as_str()
    })
}
