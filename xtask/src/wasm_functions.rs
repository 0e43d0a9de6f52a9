//! Body size of every function of a wasm module, named from its `name` section: the bindings'
//! output (target/bindgen) still has names, pkg/'s optimized module does not.

/// `(bytes of code, name)`, largest first.
pub fn largest(wasm: &[u8]) -> Vec<(usize, String)> {
    let mut r = Reader {
        bytes: wasm,
        pos: 8,
    };
    let mut imported = 0;
    let mut bodies = Vec::new();
    let mut names = std::collections::BTreeMap::new();
    while r.pos < wasm.len() {
        let (Some(id), Some(size)) = (r.byte(), r.leb()) else {
            break;
        };
        let end = r.pos + size;
        match id {
            2 => imported = r.function_imports().unwrap_or(0),
            10 => {
                let count = r.leb().unwrap_or(0);
                for i in 0..count {
                    let Some(len) = r.leb() else { break };
                    bodies.push((imported + i, len));
                    r.pos += len;
                }
            }
            0 if r.name() == Some("name") => {
                while r.pos < end {
                    let (Some(sub), Some(len)) = (r.byte(), r.leb()) else {
                        break;
                    };
                    let sub_end = r.pos + len;
                    if sub == 1 {
                        for _ in 0..r.leb().unwrap_or(0) {
                            if let (Some(index), Some(name)) = (r.leb(), r.name()) {
                                names.insert(index, name.to_string());
                            }
                        }
                    }
                    r.pos = sub_end;
                }
            }
            _ => {}
        }
        r.pos = end;
    }
    let mut out: Vec<(usize, String)> = bodies
        .into_iter()
        .map(|(index, len)| {
            (
                len,
                names.remove(&index).unwrap_or_else(|| format!("#{index}")),
            )
        })
        .collect();
    out.sort_by_key(|f| std::cmp::Reverse(f.0));
    out
}

/// `core::fmt::write::h0123456789abcdef` → `core::fmt::write`; crate disambiguators dropped.
pub fn short(name: &str) -> String {
    let mut out = name.to_string();
    if let Some(i) = out.rfind("::h") {
        if out.len() - i == 19 {
            out.truncate(i);
        }
    }
    while let (Some(a), Some(b)) = (out.find('['), out.find(']')) {
        if b < a || b - a != 17 {
            break;
        }
        out.replace_range(a..=b, "");
    }
    out
}

struct Reader<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl Reader<'_> {
    fn byte(&mut self) -> Option<u8> {
        let b = *self.bytes.get(self.pos)?;
        self.pos += 1;
        Some(b)
    }

    fn leb(&mut self) -> Option<usize> {
        let (mut value, mut shift) = (0usize, 0);
        loop {
            let b = self.byte()?;
            value |= usize::from(b & 0x7f) << shift;
            if b < 0x80 {
                return Some(value);
            }
            shift += 7;
        }
    }

    fn name(&mut self) -> Option<&str> {
        let len = self.leb()?;
        let text = self.bytes.get(self.pos..self.pos + len)?;
        self.pos += len;
        std::str::from_utf8(text).ok()
    }

    /// Functions are numbered imports first, so their count offsets every body's index.
    fn function_imports(&mut self) -> Option<usize> {
        let mut functions = 0;
        for _ in 0..self.leb()? {
            self.name()?;
            self.name()?;
            match self.byte()? {
                0 => {
                    self.leb()?;
                    functions += 1;
                }
                1 => {
                    self.byte()?;
                    self.limits()?;
                }
                2 => self.limits()?,
                3 => self.pos += 2,
                _ => {
                    self.byte()?;
                    self.leb()?;
                }
            }
        }
        Some(functions)
    }

    fn limits(&mut self) -> Option<()> {
        let flags = self.byte()?;
        self.leb()?;
        if flags & 1 != 0 {
            self.leb()?;
        }
        Some(())
    }
}
