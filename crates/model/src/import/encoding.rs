//! Which text encoding a file's bytes are in, guessed from the bytes alone. Only the guess lives
//! here: the page decodes with the browser's own `TextDecoder`, so no conversion tables ship.

use serde::{Deserialize, Serialize};

/// The encodings CRM and MA exports arrive in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Encoding {
    /// UTF-8, with or without a byte-order mark.
    Utf8,
    /// Shift_JIS as Windows writes it (CP932): Japanese Excel, many Japanese SaaS exports.
    ShiftJis,
    /// UTF-16 little-endian: Excel's "Unicode text".
    Utf16Le,
}

impl Encoding {
    pub const ALL: [Encoding; 3] = [Encoding::Utf8, Encoding::ShiftJis, Encoding::Utf16Le];

    /// The WHATWG label `TextDecoder` takes.
    pub fn label(self) -> &'static str {
        match self {
            Encoding::Utf8 => "utf-8",
            Encoding::ShiftJis => "shift_jis",
            Encoding::Utf16Le => "utf-16le",
        }
    }

    pub fn from_label(label: &str) -> Option<Encoding> {
        Encoding::ALL.into_iter().find(|e| e.label() == label)
    }

    /// The name users know.
    pub fn name(self) -> &'static str {
        match self {
            Encoding::Utf8 => "UTF-8",
            Encoding::ShiftJis => "Shift_JIS (CP932)",
            Encoding::Utf16Le => "UTF-16 LE",
        }
    }
}

/// What the first bytes of a file say about it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Detected {
    pub encoding: Encoding,
    /// A byte-order mark was found (the decoder drops it).
    pub bom: bool,
}

/// Why the bytes are not a text table at all.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BytesProblem {
    Empty,
    /// Control bytes a text export never holds (an image, a zip, an .xlsx workbook).
    Binary,
}

/// How many leading bytes are looked at; enough for a header and many rows.
const SAMPLE: usize = 64 * 1024;

/// Guesses the encoding from the bytes: a byte-order mark decides; otherwise zero bytes in
/// odd positions mean UTF-16 LE, valid UTF-8 means UTF-8, and anything else is read as
/// Shift_JIS (the only other encoding Japanese exports use).
pub fn detect(bytes: &[u8]) -> Result<Detected, BytesProblem> {
    if bytes.is_empty() {
        return Err(BytesProblem::Empty);
    }
    if let Some(rest) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        return check_text(rest, Encoding::Utf8, true);
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        return check_text(rest, Encoding::Utf16Le, true);
    }
    let sample = &bytes[..bytes.len().min(SAMPLE)];
    let pairs = sample.len() / 2;
    let odd_zeros = sample
        .iter()
        .skip(1)
        .step_by(2)
        .filter(|&&b| b == 0)
        .count();
    let even_zeros = sample.iter().step_by(2).filter(|&&b| b == 0).count();
    if pairs > 0 && odd_zeros * 10 >= pairs * 3 && even_zeros * 20 < pairs {
        return check_text(bytes, Encoding::Utf16Le, false);
    }
    let encoding = if utf8_prefix_valid(sample, sample.len() < bytes.len()) {
        Encoding::Utf8
    } else {
        Encoding::ShiftJis
    };
    check_text(bytes, encoding, false)
}

/// Valid UTF-8, allowing a character cut off at the end of a sample.
fn utf8_prefix_valid(sample: &[u8], cut: bool) -> bool {
    match std::str::from_utf8(sample) {
        Ok(_) => true,
        Err(e) => cut && e.error_len().is_none(),
    }
}

fn check_text(bytes: &[u8], encoding: Encoding, bom: bool) -> Result<Detected, BytesProblem> {
    let sample = &bytes[..bytes.len().min(SAMPLE)];
    if sample.is_empty() {
        return Err(BytesProblem::Empty);
    }
    let control = |b: u8| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0C);
    let suspicious = match encoding {
        // In UTF-16 LE the ASCII range is every other byte, with a zero high byte.
        Encoding::Utf16Le => sample
            .chunks_exact(2)
            .filter(|p| p[1] == 0 && control(p[0]))
            .count(),
        _ => sample.iter().filter(|&&b| control(b)).count(),
    };
    let units = match encoding {
        Encoding::Utf16Le => sample.len() / 2,
        _ => sample.len(),
    };
    if suspicious * 100 > units.max(1) {
        return Err(BytesProblem::Binary);
    }
    Ok(Detected { encoding, bom })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn detected(bytes: &[u8]) -> (Encoding, bool) {
        let d = detect(bytes).unwrap();
        (d.encoding, d.bom)
    }

    #[test]
    fn a_byte_order_mark_decides() {
        assert_eq!(detected(b"\xEF\xBB\xBFa,b\n"), (Encoding::Utf8, true));
        assert_eq!(detected(b"\xFF\xFEa\0,\0b\0"), (Encoding::Utf16Le, true));
    }

    #[test]
    fn utf16_without_a_mark_is_told_by_its_zero_bytes() {
        let bytes: Vec<u8> = "Stage\tAmount\r\n"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        assert_eq!(detected(&bytes), (Encoding::Utf16Le, false));
    }

    #[test]
    fn japanese_in_utf8_and_in_shift_jis() {
        assert_eq!(
            detected("作成日,金額\n".as_bytes()),
            (Encoding::Utf8, false)
        );
        // 作成日 in Shift_JIS: 8D EC 90 AC 93 FA
        assert_eq!(
            detected(b"\x8D\xEC\x90\xAC\x93\xFA,x\r\n"),
            (Encoding::ShiftJis, false)
        );
    }

    #[test]
    fn a_character_cut_by_the_sample_is_still_utf8() {
        let mut bytes = vec![b'a'; SAMPLE - 1];
        bytes.extend_from_slice("日".as_bytes());
        assert_eq!(detected(&bytes), (Encoding::Utf8, false));
    }

    #[test]
    fn empty_and_binary_files_are_refused() {
        assert_eq!(detect(b""), Err(BytesProblem::Empty));
        assert_eq!(detect(b"\xEF\xBB\xBF"), Err(BytesProblem::Empty));
        // A PNG header and a zip (xlsx) header.
        assert_eq!(
            detect(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x01\0"),
            Err(BytesProblem::Binary)
        );
        assert_eq!(
            detect(b"PK\x03\x04\x14\0\x06\0\x08\0\0\0!\0"),
            Err(BytesProblem::Binary)
        );
    }

    #[test]
    fn labels_round_trip() {
        for e in Encoding::ALL {
            assert_eq!(Encoding::from_label(e.label()), Some(e));
        }
    }
}
