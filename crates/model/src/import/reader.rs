//! Reading a decoded CSV or TSV export into a header and rows, a slice at a time so the page
//! can show progress and stay responsive. Comma, tab or semicolon (whichever the header line
//! uses most); fields in double quotes may hold the delimiter, doubled quotes and line breaks.
//! Blank lines are passed over; a report's trailing footer (Salesforce's "Grand Totals (N
//! records)", confidentiality and copyright lines) is set apart and reported, not read as data.

/// One data row: its fields kept in one string with their end offsets (two allocations a row
/// rather than one per field, which matters at 100,000 rows × 20 columns).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// The file line the row starts on (1-based; the header is line 1 unless blank lines
    /// precede it).
    pub line: u32,
    text: String,
    ends: Vec<u32>,
}

impl Row {
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    pub fn field(&self, i: usize) -> Option<&str> {
        let end = *self.ends.get(i)? as usize;
        let start = if i == 0 { 0 } else { self.ends[i - 1] as usize };
        self.text.get(start..end)
    }

    pub fn fields(&self) -> impl Iterator<Item = &str> {
        (0..self.len()).filter_map(|i| self.field(i))
    }

    /// A row from its fields, for tests and for building tables in code.
    pub fn from_fields<S: AsRef<str>>(line: u32, fields: &[S]) -> Row {
        let mut row = Row {
            line,
            text: String::new(),
            ends: Vec::with_capacity(fields.len()),
        };
        for f in fields {
            row.text.push_str(f.as_ref());
            row.ends.push(row.text.len() as u32);
        }
        row
    }

    fn is_blank(&self) -> bool {
        self.text.trim().is_empty()
    }
}

/// A footer line set apart from the data.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FooterLine {
    pub line: u32,
    pub text: String,
}

/// The whole file, read.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Table {
    pub delimiter: char,
    pub header: Vec<String>,
    pub rows: Vec<Row>,
    pub footer: Vec<FooterLine>,
}

/// Why a text holds no table to import.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReadProblem {
    /// Nothing but blank lines.
    Empty,
    /// A header and no data rows.
    HeaderOnly,
}

/// Reads a table out of text in slices: call [`Reader::read`] until it says it is done, then
/// [`Reader::finish`].
#[derive(Debug)]
pub struct Reader {
    text: String,
    pos: usize,
    line: u32,
    delimiter: u8,
    header: Option<Vec<String>>,
    rows: Vec<Row>,
}

impl Reader {
    pub fn new(text: String) -> Reader {
        let text = match text.strip_prefix('\u{FEFF}') {
            Some(rest) => rest.to_string(),
            None => text,
        };
        let delimiter = guess_delimiter(&text);
        Reader {
            text,
            pos: 0,
            line: 1,
            delimiter,
            header: None,
            rows: Vec::new(),
        }
    }

    pub fn delimiter(&self) -> char {
        char::from(self.delimiter)
    }

    /// How far through the text reading is, 0.0 – 1.0.
    pub fn progress(&self) -> f64 {
        if self.text.is_empty() {
            1.0
        } else {
            self.pos as f64 / self.text.len() as f64
        }
    }

    pub fn is_done(&self) -> bool {
        self.pos >= self.text.len()
    }

    /// Reads up to `max_rows` more rows; true when the end of the text is reached.
    pub fn read(&mut self, max_rows: usize) -> bool {
        let mut read = 0;
        while read < max_rows && !self.is_done() {
            let row = self.next_row();
            if row.is_blank() {
                continue;
            }
            if self.header.is_none() {
                self.header = Some(row.fields().map(|f| f.trim().to_string()).collect());
            } else {
                self.rows.push(row);
                read += 1;
            }
        }
        self.is_done()
    }

    /// The table read so far, with a trailing footer set apart.
    pub fn finish(mut self) -> Result<Table, ReadProblem> {
        while !self.read(usize::MAX) {}
        let header = self.header.ok_or(ReadProblem::Empty)?;
        let mut footer = Vec::new();
        while let Some(last) = self.rows.last() {
            if !is_footer(last) {
                break;
            }
            let row = self.rows.pop().unwrap_or_else(|| unreachable!());
            let text: Vec<&str> = row
                .fields()
                .map(str::trim)
                .filter(|f| !f.is_empty())
                .collect();
            footer.push(FooterLine {
                line: row.line,
                text: text.join(" "),
            });
        }
        footer.reverse();
        if self.rows.is_empty() {
            return Err(ReadProblem::HeaderOnly);
        }
        Ok(Table {
            delimiter: char::from(self.delimiter),
            header,
            rows: self.rows,
            footer,
        })
    }

    /// One record from `pos`: fields until an unquoted line break or the end.
    fn next_row(&mut self) -> Row {
        let bytes = self.text.as_bytes();
        let mut row = Row {
            line: self.line,
            text: String::new(),
            ends: Vec::new(),
        };
        let mut i = self.pos;
        let mut field_start = i;
        let mut in_quotes = false;
        let mut quoted_field = false;
        // Bytes of the current field already copied (quoted fields are copied piecewise).
        let mut piece_start = i;
        loop {
            if i >= bytes.len() {
                push_piece(&mut row, &self.text[piece_start..i]);
                row.ends.push(row.text.len() as u32);
                break;
            }
            let b = bytes[i];
            if in_quotes {
                match b {
                    b'"' if bytes.get(i + 1) == Some(&b'"') => {
                        push_piece(&mut row, &self.text[piece_start..=i]);
                        i += 2;
                        piece_start = i;
                    }
                    b'"' => {
                        push_piece(&mut row, &self.text[piece_start..i]);
                        in_quotes = false;
                        i += 1;
                        piece_start = i;
                    }
                    b'\n' => {
                        self.line += 1;
                        i += 1;
                    }
                    b'\r' => {
                        if bytes.get(i + 1) != Some(&b'\n') {
                            self.line += 1;
                        }
                        i += 1;
                    }
                    _ => i += 1,
                }
                continue;
            }
            match b {
                b'"' if i == field_start && !quoted_field => {
                    in_quotes = true;
                    quoted_field = true;
                    i += 1;
                    piece_start = i;
                }
                b if b == self.delimiter => {
                    push_piece(&mut row, &self.text[piece_start..i]);
                    row.ends.push(row.text.len() as u32);
                    i += 1;
                    field_start = i;
                    piece_start = i;
                    quoted_field = false;
                }
                b'\n' | b'\r' => {
                    push_piece(&mut row, &self.text[piece_start..i]);
                    row.ends.push(row.text.len() as u32);
                    i += if b == b'\r' && bytes.get(i + 1) == Some(&b'\n') {
                        2
                    } else {
                        1
                    };
                    self.line += 1;
                    break;
                }
                _ => i += 1,
            }
        }
        self.pos = i;
        row
    }
}

fn push_piece(row: &mut Row, piece: &str) {
    row.text.push_str(piece);
}

/// The delimiter the first line uses most (outside quotes): tab, then comma, then semicolon
/// on a tie; a comma when the line has none (a one-column file).
fn guess_delimiter(text: &str) -> u8 {
    let mut counts = [0usize; 3];
    let mut in_quotes = false;
    for b in text.bytes() {
        match b {
            b'"' => in_quotes = !in_quotes,
            b'\n' | b'\r' if !in_quotes && counts.iter().any(|&c| c > 0) => break,
            b'\t' if !in_quotes => counts[0] += 1,
            b',' if !in_quotes => counts[1] += 1,
            b';' if !in_quotes => counts[2] += 1,
            _ => {}
        }
    }
    let best = (0..3).max_by_key(|&i| (counts[i], 3 - i)).unwrap_or(1);
    match (counts[best], best) {
        (0, _) => b',',
        (_, 0) => b'\t',
        (_, 1) => b',',
        _ => b';',
    }
}

/// A report footer line: at most two non-empty fields that read as a total, a record count,
/// a confidentiality notice or a copyright.
fn is_footer(row: &Row) -> bool {
    let filled: Vec<&str> = row
        .fields()
        .map(str::trim)
        .filter(|f| !f.is_empty())
        .collect();
    if filled.is_empty() {
        return true;
    }
    if filled.len() > 2 {
        return false;
    }
    let text = filled.join(" ").to_lowercase();
    const MARKS: [&str; 14] = [
        "grand total",
        "total (",
        "records)",
        "confidential",
        "copyright",
        "©",
        "all rights reserved",
        "総計",
        "合計",
        "レコード)",
        "件)",
        "機密",
        "社外秘",
        "(c) ",
    ];
    MARKS.iter().any(|m| text.contains(m))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> Table {
        Reader::new(text.to_string()).finish().unwrap()
    }

    fn fields(table: &Table) -> Vec<Vec<String>> {
        table
            .rows
            .iter()
            .map(|r| r.fields().map(String::from).collect())
            .collect()
    }

    #[test]
    fn quoted_fields_hold_commas_quotes_and_line_breaks() {
        let t = read(
            "Name,Note,Amount\r\n\"Acme, Inc.\",\"said \"\"yes\"\"\nthen left\",100\r\nB,,2\r\n",
        );
        assert_eq!(t.delimiter, ',');
        assert_eq!(t.header, ["Name", "Note", "Amount"]);
        assert_eq!(
            fields(&t),
            [
                vec!["Acme, Inc.", "said \"yes\"\nthen left", "100"],
                vec!["B", "", "2"]
            ]
        );
        // The second record starts on line 4: its predecessor spans lines 2 and 3.
        assert_eq!(t.rows.iter().map(|r| r.line).collect::<Vec<_>>(), [2, 4]);
    }

    #[test]
    fn tab_and_semicolon_files_and_a_byte_order_mark() {
        let t = read("\u{FEFF}作成日\t金額\n2026/04/01\t120万\n");
        assert_eq!(
            (t.delimiter, t.header.clone()),
            ('\t', vec!["作成日".into(), "金額".into()])
        );
        assert_eq!(fields(&t), [vec!["2026/04/01", "120万"]]);
        let t = read("a;b\n1,5;2\n");
        assert_eq!(fields(&t), [vec!["1,5", "2"]]);
    }

    #[test]
    fn blank_lines_are_passed_over_and_line_numbers_kept() {
        let t = read("\n\na,b\n1,2\n\n3,4");
        assert_eq!(t.rows.iter().map(|r| r.line).collect::<Vec<_>>(), [4, 6]);
        assert_eq!(fields(&t), [vec!["1", "2"], vec!["3", "4"]]);
    }

    #[test]
    fn a_salesforce_footer_is_set_apart_and_reported() {
        let t = read(
            "\"商談名\",\"フェーズ\"\n\"A\",\"受注\"\n\n\"総計 (1 レコード)\"\n\n\
             \"機密情報 - 配布禁止\"\n\"Copyright (c) 2000-2026 salesforce.com, inc. All rights reserved.\"\n",
        );
        assert_eq!(fields(&t), [vec!["A", "受注"]]);
        assert_eq!(
            t.footer,
            [
                FooterLine {
                    line: 4,
                    text: "総計 (1 レコード)".into()
                },
                FooterLine {
                    line: 6,
                    text: "機密情報 - 配布禁止".into()
                },
                FooterLine {
                    line: 7,
                    text: "Copyright (c) 2000-2026 salesforce.com, inc. All rights reserved."
                        .into()
                },
            ]
        );
        let t = read("Stage,Amount\nWon,1\n\"Grand Totals (1 records)\"\n");
        assert_eq!(t.footer.len(), 1);
    }

    #[test]
    fn a_data_row_mentioning_a_total_is_not_a_footer() {
        let t = read("Name,Stage,Amount\nGrand Total Ltd,Won,5\n");
        assert!(t.footer.is_empty());
        assert_eq!(t.rows.len(), 1);
    }

    #[test]
    fn empty_and_header_only_texts() {
        assert_eq!(
            Reader::new("\n \n".into()).finish(),
            Err(ReadProblem::Empty)
        );
        assert_eq!(Reader::new(String::new()).finish(), Err(ReadProblem::Empty));
        assert_eq!(
            Reader::new("a,b\n".into()).finish(),
            Err(ReadProblem::HeaderOnly)
        );
    }

    #[test]
    fn reading_in_slices_gives_the_same_table() {
        let text: String = std::iter::once("a,b\n".to_string())
            .chain((0..100).map(|i| format!("\"{i}\n\",{i}\n")))
            .collect();
        let mut r = Reader::new(text.clone());
        let mut steps = 0;
        while !r.read(7) {
            steps += 1;
            assert!(r.progress() < 1.0);
        }
        assert!(steps >= 10);
        assert_eq!(r.finish(), Reader::new(text).finish());
    }

    #[test]
    fn an_unclosed_quote_runs_to_the_end() {
        let t = read("a,b\n\"x,1\n2,3");
        assert_eq!(fields(&t), [vec!["x,1\n2,3"]]);
    }
}
