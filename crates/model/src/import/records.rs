//! Rows turned into records under a mapping, a slice at a time. Every row is either used,
//! skipped on purpose (its stage value is set to "ignore"), or reported with its line and the
//! reason — never silently dropped.

use std::collections::HashMap;

use super::date::{parse_date, DateError, Day};
use super::mapping::{Layout, Mapping, Role, StageTarget};
use super::reader::{Row, Table};
use crate::values::Money;

/// One record as the aggregates need it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Record {
    pub created: Day,
    /// The furthest stage reached (position in the scenario's stages); `None` for a lost
    /// record whose file says nothing of how far it got (it counts at the file's first stage).
    pub reached: Option<usize>,
    pub lost: bool,
    /// The day it was won (close date, or the won stage's date).
    pub won_on: Option<Day>,
    /// Hundredths of the currency; `None` when the file has none (or 0).
    pub amount: Option<u64>,
    /// Index into [`Records::channels`].
    pub channel: u32,
    /// Hundredths; 0 when the file has no cost.
    pub cost: u64,
    /// Per stage, the day it was entered (stage-date layout only; empty otherwise).
    pub stage_days: Vec<Option<Day>>,
}

/// Why a row was not used.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BadReason {
    /// A different number of fields than the header has.
    FieldCount {
        found: usize,
        expected: usize,
    },
    BadDate(DateError),
    BadAmount,
    BadCost,
    /// A required field is empty.
    Missing(Role),
    /// A stage value nobody mapped yet.
    UnknownStage,
    /// Won before it was created.
    ClosedBeforeCreated,
    /// Stage-date layout: no stage date at all.
    NoStageReached,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BadRow {
    pub line: u32,
    /// The column at fault (header position), if one.
    pub column: Option<usize>,
    /// The offending value as it was (cut to 80 characters).
    pub value: String,
    pub reason: BadReason,
}

/// The records read so far and every row not used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Records {
    pub records: Vec<Record>,
    /// Channel names as they were in the file (trimmed; "" for none).
    pub channels: Vec<String>,
    pub bad: Vec<BadRow>,
    /// Rows whose stage value is set to "ignore".
    pub ignored: usize,
    pub stage_count: usize,
    pub layout: Layout,
}

impl Records {
    pub fn used(&self) -> usize {
        self.records.len()
    }

    /// Every row not used: reported plus deliberately ignored.
    pub fn skipped(&self) -> usize {
        self.bad.len() + self.ignored
    }
}

/// Builds records under a mapping, for a scenario with `stage_count` stages, a slice of rows
/// at a time.
pub struct RecordBuilder {
    mapping: Mapping,
    width: usize,
    targets: HashMap<String, StageTarget>,
    channel_index: HashMap<String, u32>,
    out: Records,
}

impl RecordBuilder {
    pub fn new(mapping: Mapping, width: usize, stage_count: usize) -> RecordBuilder {
        let stage_count = stage_count.max(1);
        RecordBuilder {
            width,
            targets: mapping
                .values
                .iter()
                .map(|v| (v.value.clone(), v.target))
                .collect(),
            channel_index: HashMap::new(),
            out: Records {
                records: Vec::new(),
                channels: Vec::new(),
                bad: Vec::new(),
                ignored: 0,
                stage_count,
                layout: mapping.layout,
            },
            mapping,
        }
    }

    pub fn add(&mut self, rows: &[Row]) {
        for row in rows {
            match self.record(row) {
                Ok(Some(r)) => self.out.records.push(r),
                Ok(None) => self.out.ignored += 1,
                Err((column, reason)) => {
                    let value = column
                        .and_then(|c| row.field(c))
                        .map(|v| v.chars().take(80).collect())
                        .unwrap_or_default();
                    self.out.bad.push(BadRow {
                        line: row.line,
                        column,
                        value,
                        reason,
                    });
                }
            }
        }
    }

    pub fn finish(self) -> Records {
        self.out
    }

    fn record(&mut self, row: &Row) -> Result<Option<Record>, (Option<usize>, BadReason)> {
        let extra_empty =
            row.len() > self.width && row.fields().skip(self.width).all(|f| f.trim().is_empty());
        if row.len() != self.width && !extra_empty {
            return Err((
                None,
                BadReason::FieldCount {
                    found: row.len(),
                    expected: self.width,
                },
            ));
        }
        let m = &self.mapping;
        let n = self.out.stage_count;
        let field = |c: usize| row.field(c).map_or("", str::trim);
        let rows_layout = m.layout == Layout::RowPerRecord;

        let mut reached: Option<usize> = None;
        let mut lost = false;
        if let Some(c) = m.column(Role::Stage) {
            let value = field(c);
            if value.is_empty() {
                if rows_layout {
                    return Err((Some(c), BadReason::Missing(Role::Stage)));
                }
            } else {
                match self
                    .targets
                    .get(value)
                    .copied()
                    .unwrap_or(StageTarget::Unmapped)
                {
                    StageTarget::Unmapped => return Err((Some(c), BadReason::UnknownStage)),
                    StageTarget::Ignore => return Ok(None),
                    StageTarget::Lost => lost = true,
                    StageTarget::Won => reached = Some(n - 1),
                    StageTarget::Stage(i) => reached = Some(i.min(n - 1)),
                }
            }
        }
        let date = |c: usize| -> Result<Option<Day>, (Option<usize>, BadReason)> {
            match parse_date(field(c), m.date_order) {
                Ok(d) => Ok(Some(d)),
                Err(DateError::Empty) => Ok(None),
                Err(e) => Err((Some(c), BadReason::BadDate(e))),
            }
        };
        let mut stage_days = Vec::new();
        if !rows_layout {
            stage_days = vec![None; n];
            for (c, role) in m.roles.iter().enumerate() {
                if let Role::StageDate(i) = *role {
                    if i < n {
                        stage_days[i] = date(c)?;
                    }
                }
            }
            if let Some(i) = stage_days.iter().rposition(Option::is_some) {
                reached = Some(reached.map_or(i, |r| r.max(i)));
            }
            if reached.is_none() && !lost {
                return Err((None, BadReason::NoStageReached));
            }
        }
        let created_col = m.column(Role::Created);
        let created = match created_col {
            Some(c) => date(c)?,
            None => None,
        };
        let created = match created.or_else(|| stage_days.iter().flatten().min().copied()) {
            Some(d) => d,
            None => return Err((created_col, BadReason::Missing(Role::Created))),
        };
        let closed = match m.column(Role::Closed) {
            Some(c) => date(c)?,
            None => None,
        };
        let won = reached == Some(n - 1) && !lost;
        let won_on = if won {
            closed.or_else(|| stage_days.get(n - 1).copied().flatten())
        } else {
            None
        };
        if won_on.is_some_and(|d| d < created) {
            return Err((m.column(Role::Closed), BadReason::ClosedBeforeCreated));
        }
        let money =
            |role: Role, bad: BadReason| -> Result<Option<u64>, (Option<usize>, BadReason)> {
                let Some(c) = m.column(role) else {
                    return Ok(None);
                };
                let text = field(c);
                if text.is_empty() || is_zero(text) {
                    return Ok(None);
                }
                Money::parse(text)
                    .map(|v| Some(v.hundredths()))
                    .map_err(|_| (Some(c), bad))
            };
        let amount = money(Role::Amount, BadReason::BadAmount)?;
        let cost = money(Role::Cost, BadReason::BadCost)?.unwrap_or(0);
        let channel_name = m.column(Role::Channel).map_or("", field);
        let channel = match self.channel_index.get(channel_name) {
            Some(&i) => i,
            None => {
                let i = self.out.channels.len() as u32;
                self.channel_index.insert(channel_name.to_string(), i);
                self.out.channels.push(channel_name.to_string());
                i
            }
        };
        Ok(Some(Record {
            created,
            reached,
            lost,
            won_on,
            amount,
            channel,
            cost,
            stage_days,
        }))
    }
}

/// `0`, `¥0`, `0円`: no amount rather than a bad one.
fn is_zero(text: &str) -> bool {
    let digits: String = text
        .chars()
        .filter(|c| !matches!(c, '¥' | '￥' | '円' | ',' | '.' | ' ' | '$'))
        .collect();
    !digits.is_empty() && digits.chars().all(|c| c == '0' || c == '０')
}

/// All records of a table at once.
pub fn build_records(table: &Table, mapping: &Mapping, stage_count: usize) -> Records {
    let mut b = RecordBuilder::new(mapping.clone(), table.header.len(), stage_count);
    b.add(&table.rows);
    b.finish()
}

/// The stage a record counts at: its own, or the file's first for a lost record of unknown
/// stage.
pub(crate) fn stage_of(r: &Record, first: usize) -> usize {
    r.reached.unwrap_or(first)
}

/// `a ÷ b` of two counts, or `None` for an empty denominator.
pub(crate) fn ratio(a: u64, b: u64) -> Option<f64> {
    (b > 0).then(|| a as f64 / b as f64)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::mapping::suggest;
    use crate::import::reader::Reader;
    use crate::stage::default_stages;

    fn records(text: &str) -> Records {
        let t = Reader::new(text.to_string()).finish().unwrap();
        let kinds: Vec<_> = default_stages().into_iter().map(|s| s.kind).collect();
        let m = suggest(&t, &kinds).mapping;
        build_records(&t, &m, kinds.len())
    }

    #[test]
    fn every_row_is_used_ignored_or_reported_with_its_line() {
        let r = records(
            "Deal Stage,Create Date,Close Date,Amount,Lead Source\n\
             Closed Won,2026/04/01,2026/05/11,120万,Web\n\
             Contract Sent,2026/04/02,,\"¥1,200,000\",Seminar\n\
             Closed Lost,2026-04-03,2026-04-20,,\n\
             Other,2026/04/03,,,\n\
             Mystery,2026/04/03,,,\n\
             Closed Won,2026/04/31,,,\n\
             Closed Won,2026/04/05,2026/04/01,,\n\
             ,2026/04/05,,,\n\
             Closed Won,2026/04/05,2026/05/01,abc,\n\
             Closed Won,2026/04/05\n\
             Closed Won,,2026/05/01,,\n",
        );
        assert_eq!((r.used(), r.ignored, r.skipped()), (3, 1, 8));
        let bad: Vec<_> = r
            .bad
            .iter()
            .map(|b| (b.line, b.column, b.value.as_str(), b.reason))
            .collect();
        assert_eq!(
            bad,
            [
                (6, Some(0), "Mystery", BadReason::UnknownStage),
                (
                    7,
                    Some(1),
                    "2026/04/31",
                    BadReason::BadDate(DateError::NoSuchDay)
                ),
                (8, Some(2), "2026/04/01", BadReason::ClosedBeforeCreated),
                (9, Some(0), "", BadReason::Missing(Role::Stage)),
                (10, Some(3), "abc", BadReason::BadAmount),
                (
                    11,
                    None,
                    "",
                    BadReason::FieldCount {
                        found: 2,
                        expected: 5
                    }
                ),
                (12, Some(1), "", BadReason::Missing(Role::Created)),
            ]
        );
        let won = &r.records[0];
        assert_eq!(
            (won.reached, won.lost, won.amount),
            (Some(5), false, Some(120_000_000))
        );
        assert_eq!(won.won_on.map(Day::iso), Some("2026-05-11".into()));
        assert_eq!(r.records[1].amount, Some(120_000_000));
        assert_eq!((r.records[2].reached, r.records[2].lost), (None, true));
        assert_eq!(r.channels, ["Web", "Seminar", ""]);
    }

    #[test]
    fn stage_dates_give_the_furthest_stage_and_the_created_day() {
        let r = records(
            "Email,Became a Lead Date,Became a Marketing Qualified Lead Date,Became a Customer Date\n\
             a,2026/04/01,2026/04/03,2026/06/01\n\
             b,2026/04/02,,\n\
             c,,,\n\
             d,2026/04/02,2026/4/x,\n",
        );
        assert_eq!(r.used(), 2);
        assert_eq!(r.records[0].reached, Some(5));
        assert_eq!(r.records[0].won_on.map(Day::iso), Some("2026-06-01".into()));
        assert_eq!(r.records[0].created.iso(), "2026-04-01");
        assert_eq!(r.records[1].reached, Some(1));
        assert_eq!(r.bad[0].reason, BadReason::NoStageReached);
        assert_eq!(r.bad[1].reason, BadReason::BadDate(DateError::Unreadable));
    }

    #[test]
    fn trailing_empty_fields_are_tolerated_and_zero_amounts_are_none() {
        let r = records("Stage,Created,Amount\nWon,2026/4/1,0,,\nWon,2026/4/1,0円\n");
        assert_eq!(r.used(), 2);
        assert_eq!(r.records[0].amount, None);
        assert_eq!(r.records[1].amount, None);
    }
}
