//! The import's preview: the file's first rows, each cell beside what it became under the
//! mapping (a date, an amount, a stage), and each column's role.

use funnel_model::format::format_money;
use funnel_model::import::date::{parse_date, DateError};
use funnel_model::import::mapping::{Mapping, Role, StageTarget};
use funnel_model::import::Table;
use funnel_model::{Lang, Money};

use crate::i18n::import::{role_label, target_label, words};

/// Rows shown in the preview.
pub const PREVIEW_ROWS: usize = 5;
/// Characters of a cell shown (a long note would push the table wide).
const CELL_CHARS: usize = 40;

/// One column's heading: the file's name for it and the role it was given.
#[derive(Clone, Debug, PartialEq)]
pub struct PreviewColumn {
    pub name: String,
    pub role: String,
}

/// One cell: the file's text (cut to 40 characters), what it became (empty when nothing), and
/// whether its column is ignored.
#[derive(Clone, Debug, PartialEq)]
pub struct PreviewCell {
    pub raw: String,
    pub became: String,
    pub unused: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub struct PreviewRow {
    /// The row's line in the file.
    pub line: u32,
    pub cells: Vec<PreviewCell>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Preview {
    pub columns: Vec<PreviewColumn>,
    pub rows: Vec<PreviewRow>,
}

/// The first rows of `table` as `mapping` reads them; `names` are the scenario's stage names.
pub fn preview(table: &Table, mapping: &Mapping, names: &[String], lang: Lang) -> Preview {
    let role = |c: usize| mapping.roles.get(c).copied().unwrap_or(Role::Ignore);
    let columns = table
        .header
        .iter()
        .enumerate()
        .map(|(c, name)| PreviewColumn {
            name: name.clone(),
            role: role_label(role(c), names, lang),
        })
        .collect();
    let rows = table
        .rows
        .iter()
        .take(PREVIEW_ROWS)
        .map(|r| PreviewRow {
            line: r.line,
            cells: (0..table.header.len())
                .map(|c| {
                    let raw = r.field(c).unwrap_or("");
                    PreviewCell {
                        raw: raw.chars().take(CELL_CHARS).collect(),
                        became: became(mapping, role(c), raw, names, lang),
                        unused: role(c) == Role::Ignore,
                    }
                })
                .collect(),
        })
        .collect();
    Preview { columns, rows }
}

/// What one cell became under the mapping.
fn became(mapping: &Mapping, role: Role, raw: &str, names: &[String], lang: Lang) -> String {
    let raw = raw.trim();
    if raw.is_empty() {
        return String::new();
    }
    match role {
        Role::Created | Role::Closed | Role::StageDate(_) => {
            match parse_date(raw, mapping.date_order) {
                Ok(d) => d.iso(),
                Err(DateError::NoSuchDay) => words(lang).no_such_day.into(),
                Err(_) => words(lang).not_a_date.into(),
            }
        }
        Role::Amount | Role::Cost => match Money::parse(raw) {
            Ok(m) => format_money(m.units(), lang),
            Err(_) => words(lang).not_an_amount.into(),
        },
        Role::Stage => {
            let target = mapping
                .values
                .iter()
                .find(|v| v.value == raw)
                .map_or(StageTarget::Unmapped, |v| v.target);
            target_label(target, names, lang)
        }
        _ => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use funnel_model::import::mapping::suggest;
    use funnel_model::import::reader::Reader;
    use funnel_model::stage::default_stages;

    fn names() -> Vec<String> {
        ["訪問", "リード", "MQL", "SQL", "商談", "受注"]
            .map(String::from)
            .to_vec()
    }

    fn read(text: &str) -> (Table, Mapping) {
        let table = Reader::new(text.to_string()).finish().unwrap();
        let kinds: Vec<_> = default_stages().into_iter().map(|s| s.kind).collect();
        let mapping = suggest(&table, &kinds).mapping;
        (table, mapping)
    }

    #[test]
    fn each_cell_shows_what_it_became_under_the_mapping() {
        let (table, mapping) = read(
            "作成日,金額,フェーズ,メモ\n\
             2026/04/01,500万,受注,初回\n\
             2026/02/30,abc,商談,\n",
        );
        let p = preview(&table, &mapping, &names(), Lang::Ja);
        let roles: Vec<&str> = p.columns.iter().map(|c| c.role.as_str()).collect();
        assert_eq!(roles[3], role_label(Role::Ignore, &names(), Lang::Ja));
        let first: Vec<&str> = p.rows[0].cells.iter().map(|c| c.became.as_str()).collect();
        // 2026/04/01 is the ISO date 2026-04-01; 500万 is 5,000,000 yen, written 500万円.
        assert_eq!(first[0], "2026-04-01");
        assert_eq!(first[1], "500万円");
        assert_eq!(first[3], "");
        assert!(p.rows[0].cells[3].unused);
        assert!(!p.rows[0].cells[0].unused);
        let second: Vec<&str> = p.rows[1].cells.iter().map(|c| c.became.as_str()).collect();
        // 30 February does not exist; "abc" is no amount.
        assert_eq!(second[0], words(Lang::Ja).no_such_day);
        assert_eq!(second[1], words(Lang::Ja).not_an_amount);
        assert_eq!((p.rows[0].line, p.rows[1].line), (2, 3));
    }

    #[test]
    fn only_the_first_rows_and_forty_characters_of_a_cell_are_shown() {
        let long = "あ".repeat(60);
        let mut text = String::from("作成日,メモ\n");
        for day in 1..=9 {
            text.push_str(&format!("2026/04/0{day},{long}\n"));
        }
        let (table, mapping) = read(&text);
        let p = preview(&table, &mapping, &names(), Lang::En);
        assert_eq!(p.rows.len(), PREVIEW_ROWS);
        assert_eq!(p.rows[0].cells[1].raw.chars().count(), 40);
        assert_eq!(p.columns[0].name, "作成日");
    }
}
