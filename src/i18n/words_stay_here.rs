//! Japanese words live in this catalogue and nowhere else: the model returns facts, and only
//! the parsing of what people type (and the number notation it reads back) knows Japanese.
//! This test reads the sources and fails on a Japanese string or character literal outside
//! `src/i18n/`, outside comments and `#[cfg(test)]` items, in a file not listed below.

use std::path::{Path, PathBuf};

/// Files that may hold Japanese literals, and why.
const MAY_HOLD_JAPANESE: &[(&str, &str)] = &[
    (
        "crates/model/src/parse.rs",
        "parses what people type: 万, 億, 兆, 円, 件, full-width digits",
    ),
    (
        "crates/model/src/format.rs",
        "writes money in the notation parse.rs reads back (万, 億, 兆, 円, 約); one notation, \
         proven by a property test that reparses every shown figure",
    ),
    (
        "crates/model/src/values.rs",
        "parses amounts and counts with their units (円, 件, 人)",
    ),
    (
        "crates/model/src/plan/draft/parse.rs",
        "parses the plan's counts and amounts with their units (件, 日, 人, 円)",
    ),
    (
        "crates/model/src/kpi/value.rs",
        "parses a KPI's typed target or actual with its unit (件, 人, 円)",
    ),
    (
        "crates/model/src/risk/draft.rs",
        "reads a full-width ０ typed as a won count",
    ),
    (
        "crates/model/src/import/records.rs",
        "reads zero amounts as CRMs write them (￥, 円, ０)",
    ),
    (
        "crates/model/src/draft.rs",
        "the starting inputs as a user types them (1億, 500万), read by parse.rs",
    ),
    (
        "crates/model/src/plan/draft/inputs.rs",
        "the starting inputs as a user types them (1,500万, 40万), read by parse.rs",
    ),
    (
        "crates/model/src/link_funnel.rs",
        "the default plan as a link writes it (1,500万, 40万), held to serde's form by a test",
    ),
    (
        "crates/model/src/import/dictionary.rs",
        "reads the column headers and stage values of Japanese CRM exports",
    ),
    (
        "crates/model/src/import/apply.rs",
        "recognises a channel by the words in a file's channel names (展示会, 紹介 …)",
    ),
    (
        "crates/model/src/import/reader.rs",
        "skips the summary and notice lines CRMs add below a report (総計, 機密 …)",
    ),
    (
        "crates/model/src/import/date.rs",
        "reads dates as Japanese CRMs write them (2026年4月1日, 午後, 時, 分)",
    ),
    (
        "crates/model/src/plan/benchmarks.rs",
        "cites the source articles by their published titles",
    ),
];

/// Hiragana, katakana, CJK ideographs, Japanese punctuation and full-width forms. Not the
/// ideographic space: it indents nested `<option>` text in both languages (ordinary spaces
/// collapse there), layout rather than a word.
fn is_japanese(c: char) -> bool {
    matches!(c,
        '\u{3001}'..='\u{30FF}' | '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}'
        | '\u{FF00}'..='\u{FFEF}')
}

/// The string and character literals of `source` that hold Japanese, with their line numbers,
/// leaving out comments and `#[cfg(test)]` items. A small lexer: enough for rustfmt-formatted
/// code (it knows comments, raw strings, escapes, lifetimes and brace nesting).
fn japanese_literals(source: &str) -> Vec<(usize, String)> {
    let chars: Vec<char> = source.chars().collect();
    let mut found = Vec::new();
    let mut line = 1;
    let mut i = 0;
    // Brace depth at which a `#[cfg(test)]` item started, while inside it.
    let mut depth = 0usize;
    let mut test_item: Option<usize> = None;
    let mut test_attribute_pending = false;
    let starts_with = |i: usize, s: &str| {
        s.chars()
            .enumerate()
            .all(|(k, c)| chars.get(i + k) == Some(&c))
    };
    while i < chars.len() {
        let c = chars[i];
        if c == '\n' {
            line += 1;
            i += 1;
        } else if starts_with(i, "//") {
            while i < chars.len() && chars[i] != '\n' {
                i += 1;
            }
        } else if starts_with(i, "/*") {
            let mut nesting = 0;
            while i < chars.len() {
                if starts_with(i, "/*") {
                    nesting += 1;
                    i += 2;
                } else if starts_with(i, "*/") {
                    nesting -= 1;
                    i += 2;
                    if nesting == 0 {
                        break;
                    }
                } else {
                    line += usize::from(chars[i] == '\n');
                    i += 1;
                }
            }
        } else if starts_with(i, "#[cfg(test)]") {
            test_attribute_pending = true;
            i += "#[cfg(test)]".len();
        } else if c == '"' || ((c == 'r' || c == 'b') && is_raw_or_byte_string(&chars, i)) {
            let start_line = line;
            let (text, end) = read_string(&chars, i);
            line += text.matches('\n').count();
            if test_item.is_none() && text.chars().any(is_japanese) {
                found.push((start_line, text));
            }
            i = end;
        } else if c == '\'' {
            // A character literal ('x', '\n', '\u{4e00}'), or a lifetime ('a).
            let end = if chars.get(i + 1) == Some(&'\\') {
                (i + 2..chars.len()).find(|&k| chars[k] == '\'')
            } else if chars.get(i + 2) == Some(&'\'') {
                Some(i + 2)
            } else {
                None
            };
            match end {
                Some(end) => {
                    let text: String = chars[i + 1..end].iter().collect();
                    if test_item.is_none() && text.chars().any(is_japanese) {
                        found.push((line, text));
                    }
                    i = end + 1;
                }
                None => i += 1,
            }
        } else if c == '{' {
            if test_attribute_pending && test_item.is_none() {
                test_item = Some(depth);
            }
            test_attribute_pending = false;
            depth += 1;
            i += 1;
        } else if c == '}' {
            depth = depth.saturating_sub(1);
            if test_item == Some(depth) {
                test_item = None;
            }
            i += 1;
        } else if c == ';' {
            // `#[cfg(test)] use …;` or `mod tests;`: the item ends here.
            test_attribute_pending = false;
            i += 1;
        } else {
            // An identifier that merely ends in r or b ("for"), so the next quote is not raw.
            if c.is_alphanumeric() || c == '_' {
                while i < chars.len() && (chars[i].is_alphanumeric() || chars[i] == '_') {
                    i += 1;
                }
            } else {
                i += 1;
            }
        }
    }
    found
}

/// Whether `r"`, `r#"`, `b"`, `br"` … starts at `i`.
fn is_raw_or_byte_string(chars: &[char], i: usize) -> bool {
    let mut k = i;
    if chars.get(k) == Some(&'b') {
        k += 1;
    }
    if chars.get(k) == Some(&'r') {
        k += 1;
        while chars.get(k) == Some(&'#') {
            k += 1;
        }
    }
    k > i && chars.get(k) == Some(&'"')
}

/// The contents of the string literal starting at `i`, and the index after it.
fn read_string(chars: &[char], i: usize) -> (String, usize) {
    let mut k = i;
    if chars[k] == 'b' {
        k += 1;
    }
    let raw = chars[k] == 'r';
    let mut hashes = 0;
    if raw {
        k += 1;
        while chars[k] == '#' {
            hashes += 1;
            k += 1;
        }
    }
    k += 1; // the opening quote
    let mut text = String::new();
    while k < chars.len() {
        let c = chars[k];
        if !raw && c == '\\' {
            text.push(c);
            if let Some(&next) = chars.get(k + 1) {
                text.push(next);
            }
            k += 2;
        } else if c == '"' && (0..hashes).all(|h| chars.get(k + 1 + h) == Some(&'#')) {
            return (text, k + 1 + hashes);
        } else {
            text.push(c);
            k += 1;
        }
    }
    (text, k)
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("a source folder") {
        let path = entry.expect("a folder entry").path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn japanese_literals_appear_only_in_the_catalogue_and_in_parsing() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    for dir in ["src", "crates/model/src", "crates/charts/src"] {
        rust_files(&root.join(dir), &mut files);
    }
    assert!(files.len() > 100, "the sources were found");
    let mut stray = Vec::new();
    for path in files {
        let relative = path
            .strip_prefix(root)
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        if relative.starts_with("src/i18n/")
            || MAY_HOLD_JAPANESE.iter().any(|(file, _)| *file == relative)
        {
            continue;
        }
        let source = std::fs::read_to_string(&path).unwrap();
        for (line, text) in japanese_literals(&source) {
            stray.push(format!("{relative}:{line}: \"{text}\""));
        }
    }
    assert!(
        stray.is_empty(),
        "Japanese words outside src/i18n/ (move them into the catalogue, or list a parsing \
         file with its reason):\n{}",
        stray.join("\n")
    );
}

#[test]
fn every_listed_file_exists_and_still_holds_japanese() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    for (file, reason) in MAY_HOLD_JAPANESE {
        let source = std::fs::read_to_string(root.join(file)).expect(file);
        assert!(!reason.is_empty());
        assert!(
            !japanese_literals(&source).is_empty(),
            "{file} holds no Japanese literal any more: take it off the list"
        );
    }
}

#[test]
fn the_lexer_finds_words_in_code_but_not_in_comments_or_tests() {
    let source = r####"
//! 説明
/// 「例」
fn label() -> &'static str {
    // 注: "リード"
    /* "受注" /* 入れ子 */ */
    let _ = 'x';
    let _ = '\'';
    let _: Vec<&'static str> = vec![r#"a "quoted" 言葉"#, "esc \" 商談"];
    let _ = ['時', '\u{5206}'];
    "訪問"
}

#[cfg(test)]
mod tests {
    fn t() { let _ = "テスト"; { "入れ子" }; }
}

#[cfg(test)]
use x::y;

fn after() -> &'static str { "後" }
"####;
    let found = japanese_literals(source);
    let words: Vec<(usize, &str)> = found.iter().map(|(l, t)| (*l, t.as_str())).collect();
    assert_eq!(
        words,
        [
            (9, "a \"quoted\" 言葉"),
            (9, "esc \\\" 商談"),
            (10, "時"),
            (11, "訪問"),
            (22, "後")
        ]
    );
}
