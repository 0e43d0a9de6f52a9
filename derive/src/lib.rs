//! `#[derive(FromNode)]` for wowpath's JSON tree (`crate::core::json`).
//!
//! serde's derive is generic over the deserializer; instantiated for the widget's one reader it
//! still costs 2–6 KB of wasm per type. This derive writes one plain function per type that
//! walks the tree's members directly, from the same `#[serde(...)]` attributes, so the model
//! types stay the single source of truth. Only usable inside the `wowpath` crate.

mod attrs;

use attrs::{FieldDefault, RenameRule};
use proc_macro2::TokenStream;
use quote::{format_ident, quote};
use syn::ext::IdentExt;
use syn::{parse_macro_input, Data, DeriveInput, Error, Fields, Result};

#[proc_macro_derive(FromNode, attributes(serde))]
pub fn derive_from_node(input: proc_macro::TokenStream) -> proc_macro::TokenStream {
    let input = parse_macro_input!(input as DeriveInput);
    expand(&input)
        .unwrap_or_else(Error::into_compile_error)
        .into()
}

fn expand(input: &DeriveInput) -> Result<TokenStream> {
    if !input.generics.params.is_empty() {
        return Err(Error::new_spanned(
            &input.generics,
            "#[derive(FromNode)] does not support generic types",
        ));
    }
    let container = attrs::container(&input.attrs)?;
    let name = container
        .rename
        .clone()
        .unwrap_or_else(|| input.ident.unraw().to_string());
    let body = match &input.data {
        Data::Struct(data) => match &data.fields {
            Fields::Named(fields) => read_struct(&container, &name, fields)?,
            _ => return Err(Error::new_spanned(input, "FromNode needs named fields")),
        },
        Data::Enum(data) => read_unit_enum(container.rename_all, &name, data)?,
        Data::Union(_) => return Err(Error::new_spanned(input, "FromNode does not read unions")),
    };
    let ident = &input.ident;
    Ok(quote! {
        impl crate::core::json::FromNode for #ident {
            fn from_node(
                node: &crate::core::json::Node,
                path: &crate::core::json::Path<'_>,
            ) -> ::core::result::Result<Self, crate::core::json::from_node::Failed> {
                #[allow(unused_imports)]
                use crate::core::json::from_node as __fnode;
                #body
            }
        }
    })
}

fn read_struct(
    container: &attrs::Container,
    name: &str,
    fields: &syn::FieldsNamed,
) -> Result<TokenStream> {
    let expecting = format!("struct {name}");
    if fields.named.len() > 64 {
        return Err(Error::new_spanned(
            fields,
            "FromNode reads at most 64 fields",
        ));
    }
    let mut slots = Vec::new();
    let mut arms = Vec::new();
    let mut finish = Vec::new();
    let mut keys = Vec::new();
    for (i, field) in fields.named.iter().enumerate() {
        let attrs = attrs::field(&field.attrs)?;
        let ident = field
            .ident
            .as_ref()
            .expect("unreachable: named fields have names");
        let ty = &field.ty;
        let key = attrs.rename.unwrap_or_else(|| {
            let plain = ident.unraw().to_string();
            container
                .rename_all
                .map_or(plain.clone(), |r| r.field(&plain))
        });
        let slot = format_ident!("__f{i}");
        // What an absent key reads as, as serde has it: the field's default, the struct's
        // default, `None` for an option; no value means the field is required.
        let initial = match attrs.default {
            FieldDefault::Trait => Some(quote! { ::core::default::Default::default() }),
            FieldDefault::Function(f) => Some(quote! { #f() }),
            FieldDefault::None if container.default => Some(quote! { __default.#ident }),
            FieldDefault::None if is_option(ty) => Some(quote! { ::core::option::Option::None }),
            FieldDefault::None => None,
        };
        let read = quote! { <#ty as crate::core::json::FromNode>::from_node(value, at)? };
        if let Some(initial) = initial {
            // Read straight into the field's final value: no Option around it, no match after.
            slots.push(quote! { let mut #slot: #ty = #initial; });
            arms.push(quote! { #i => #slot = #read, });
            finish.push(quote! { #ident: #slot });
        } else {
            slots.push(quote! { let mut #slot: ::core::option::Option<#ty> = ::core::option::Option::None; });
            arms.push(quote! { #i => #slot = ::core::option::Option::Some(#read), });
            finish.push(quote! {
                #ident: match #slot {
                    ::core::option::Option::Some(v) => v,
                    ::core::option::Option::None => {
                        return ::core::result::Result::Err(__fnode::missing_field(node, path, #key));
                    }
                }
            });
        }
        keys.push(key);
    }
    let deny = container.deny_unknown_fields;
    let default = container.default.then(|| {
        quote! { let __default: Self = ::core::default::Default::default(); }
    });
    Ok(quote! {
        #default
        #(#slots)*
        __fnode::fields(node, path, #expecting, &[#(#keys),*], #deny, &mut |i, value, at| {
            match i {
                #(#arms)*
                _ => {}
            }
            ::core::result::Result::Ok(())
        })?;
        ::core::result::Result::Ok(Self { #(#finish),* })
    })
}

fn read_unit_enum(
    rename_all: Option<RenameRule>,
    name: &str,
    data: &syn::DataEnum,
) -> Result<TokenStream> {
    let expecting = format!("enum {name}");
    let mut values = Vec::new();
    let mut arms = Vec::new();
    for variant in &data.variants {
        if !matches!(variant.fields, Fields::Unit) {
            return Err(Error::new_spanned(
                variant,
                "FromNode reads unit variants only (from strings); write `impl FromNode` by hand",
            ));
        }
        let ident = &variant.ident;
        let value = attrs::variant(&variant.attrs)?.unwrap_or_else(|| {
            let plain = ident.unraw().to_string();
            rename_all.map_or(plain.clone(), |r| r.variant(&plain))
        });
        arms.push(quote! { #value => ::core::result::Result::Ok(Self::#ident), });
        values.push(value);
    }
    Ok(quote! {
        const VARIANTS: &[&str] = &[#(#values),*];
        match __fnode::string(node, path, #expecting)? {
            #(#arms)*
            other => ::core::result::Result::Err(__fnode::unknown_variant(node, path, other, VARIANTS)),
        }
    })
}

/// `Option<…>` written as such: serde reads an absent key of such a field as `None`.
fn is_option(ty: &syn::Type) -> bool {
    match ty {
        syn::Type::Path(p) if p.qself.is_none() => p
            .path
            .segments
            .last()
            .is_some_and(|s| s.ident == "Option" && !s.arguments.is_empty()),
        _ => false,
    }
}
