//! Step bodies: the safe markdown subset turned into elements and text nodes. Nothing is ever
//! parsed as HTML, and only safe links become links.

use super::dom::{attr, el};
use crate::core::markdown::{self, Block, Inline};
use web_sys::{Document, HtmlElement, Node};

fn append_inlines(document: &Document, parent: &Node, inlines: &[Inline]) {
    for inline in inlines {
        let child: Option<Node> = match inline {
            Inline::Text(t) => Some(document.create_text_node(t).into()),
            Inline::Bold(children) => el(document, "strong", "").map(|e| {
                append_inlines(document, &e, children);
                e.into()
            }),
            Inline::Italic(children) => el(document, "em", "").map(|e| {
                append_inlines(document, &e, children);
                e.into()
            }),
            Inline::Link { href, children } if markdown::is_safe_href(href) => {
                el(document, "a", "").map(|e| {
                    attr(&e, "href", href);
                    attr(&e, "target", "_top");
                    attr(&e, "rel", "noopener noreferrer");
                    append_inlines(document, &e, children);
                    e.into()
                })
            }
            Inline::Link { children, .. } => {
                append_inlines(document, parent, children);
                None
            }
        };
        if let Some(child) = child {
            let _ = parent.append_child(&child);
        }
    }
}

/// A body element holding `body` rendered from the markdown subset.
pub fn body(document: &Document, class: &str, body: &str) -> Option<HtmlElement> {
    let container = el(document, "div", class)?;
    for block in markdown::parse(body) {
        match block {
            Block::Paragraph(inlines) => {
                let p = el(document, "p", "")?;
                append_inlines(document, &p, &inlines);
                container.append_child(&p).ok()?;
            }
            Block::List(items) => {
                let ul = el(document, "ul", "")?;
                for item in items {
                    let li = el(document, "li", "")?;
                    append_inlines(document, &li, &item);
                    ul.append_child(&li).ok()?;
                }
                container.append_child(&ul).ok()?;
            }
        }
    }
    Some(container)
}
