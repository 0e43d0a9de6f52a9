//! Text to f64 for JSON numbers, without the standard library's parser: `str::parse::<f64>`
//! brings ~25 KB of tables into the widget.

/// Powers of ten that f64 holds exactly.
const POW10: [f64; 23] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
    1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
];

/// Converts an already validated JSON number. Exact (correctly rounded) for up to 15
/// significant digits with exponents up to ±22, which covers every number a guide file or an
/// event property reasonably holds; longer ones may be off by a unit or two in the last place.
pub fn decimal_to_f64(text: &[u8]) -> f64 {
    let (negative, text) = match text.split_first() {
        Some((b'-', rest)) => (true, rest),
        _ => (false, text),
    };
    let mut mantissa: u64 = 0;
    let mut exponent: i32 = 0;
    let mut digits = 0;
    let mut after_point = false;
    let mut i = 0;
    while i < text.len() {
        match text[i] {
            b'.' => after_point = true,
            d @ b'0'..=b'9' => {
                if digits < 19 {
                    mantissa = mantissa * 10 + u64::from(d - b'0');
                    digits += usize::from(mantissa > 0);
                    exponent -= i32::from(after_point);
                } else {
                    exponent += i32::from(!after_point);
                }
            }
            _ => break,
        }
        i += 1;
    }
    if let Some(b'e' | b'E') = text.get(i) {
        let (sign, rest) = match text.get(i + 1) {
            Some(b'-') => (-1, text.get(i + 2..).unwrap_or_default()),
            Some(b'+') => (1, text.get(i + 2..).unwrap_or_default()),
            _ => (1, text.get(i + 1..).unwrap_or_default()),
        };
        let e = rest.iter().fold(0i32, |acc, d| {
            acc.saturating_mul(10)
                .saturating_add(i32::from(d.wrapping_sub(b'0')))
        });
        exponent = exponent.saturating_add(sign * e);
    }
    let m = mantissa as f64;
    let value = if mantissa == 0 {
        0.0
    } else if mantissa < (1 << 53) && (-22..=22).contains(&exponent) {
        if exponent >= 0 {
            m * POW10[exponent as usize]
        } else {
            m / POW10[(-exponent) as usize]
        }
    } else if exponent > 330 {
        f64::INFINITY
    } else if exponent < -345 {
        0.0
    } else {
        // Two steps keep the intermediate value finite when the result is very small.
        let half = exponent / 2;
        m * 10f64.powi(half) * 10f64.powi(exponent - half)
    };
    if negative {
        -value
    } else {
        value
    }
}

#[cfg(test)]
mod tests {
    use super::decimal_to_f64;

    fn num(text: &str) -> f64 {
        decimal_to_f64(text.as_bytes())
    }

    #[test]
    fn short_numbers_are_exact() {
        for text in [
            "0",
            "-0",
            "7",
            "0.1",
            "0.5",
            "10",
            "1e3",
            "1E-3",
            "-2.5e+2",
            "123456789012345",
            "0.000001",
            "1e22",
            "1e-22",
            "9007199254740991",
            "0.3",
            "2.675",
            "-17.25",
            "100000000000000000000",
        ] {
            let expected: f64 = text.parse().unwrap_or(f64::NAN);
            assert_eq!(num(text).to_bits(), expected.to_bits(), "{text}");
        }
    }

    #[test]
    fn long_and_extreme_numbers_are_close() {
        for text in [
            "0.30000000000000004",
            "3.141592653589793",
            "123456789012345678901234567890",
            "1.2345678901234567e-100",
            "1.7976931348623157e308",
            "1e-300",
        ] {
            let expected: f64 = text.parse().unwrap_or(0.0);
            let got = num(text);
            assert!(
                (got - expected).abs() <= expected.abs() * 8.0 * f64::EPSILON,
                "{text}: {got} vs {expected}"
            );
        }
        assert_eq!(num("1e400"), f64::INFINITY);
        assert_eq!(num("-1e-400"), 0.0);
    }
}
