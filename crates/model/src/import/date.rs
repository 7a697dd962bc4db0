//! Dates as exports write them: `2026/04/01`, `2026-04-01`, `2026年4月1日`, `2026/4/1 10:30`,
//! `2026-04-01T10:30:00Z`, `4/1/2026` (month or day first — the file decides, or the user is
//! asked), and Excel serial numbers. A date is a day count, so differences are exact; the time
//! of day is read and dropped (lead times are counted in days).

use serde::{Deserialize, Serialize};

use crate::parse::normalize;

/// A calendar day, as days since 1970-01-01.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Day(pub i32);

/// A calendar month, as months since January of year 0 (`year × 12 + month − 1`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Month(pub i32);

impl Month {
    pub fn new(year: i32, month: u32) -> Month {
        Month(year * 12 + month as i32 - 1)
    }

    pub fn year(self) -> i32 {
        self.0.div_euclid(12)
    }

    /// 1–12.
    pub fn month(self) -> u32 {
        self.0.rem_euclid(12) as u32 + 1
    }

    /// `2026-04`, as sortable as the month itself.
    pub fn iso(self) -> String {
        format!("{:04}-{:02}", self.year(), self.month())
    }
}

impl Day {
    pub fn from_ymd(year: i32, month: u32, day: u32) -> Option<Day> {
        if !(1..=9999).contains(&year) || !(1..=12).contains(&month) {
            return None;
        }
        if day == 0 || day > days_in_month(year, month) {
            return None;
        }
        // Howard Hinnant's days_from_civil.
        let y = if month <= 2 { year - 1 } else { year };
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = month as i32;
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + day as i32 - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        Some(Day(era * 146_097 + doe - 719_468))
    }

    pub fn ymd(self) -> (i32, u32, u32) {
        let z = self.0 + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
        let year = yoe + era * 400 + i32::from(month <= 2);
        (year, month, day)
    }

    pub fn month(self) -> Month {
        let (y, m, _) = self.ymd();
        Month::new(y, m)
    }

    /// `2026-04-01`.
    pub fn iso(self) -> String {
        let (y, m, d) = self.ymd();
        format!("{y:04}-{m:02}-{d:02}")
    }
}

fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// How `4/1/2026` is read: month first (US exports) or day first (UK and most of Europe).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DateOrder {
    #[default]
    MonthFirst,
    DayFirst,
}

/// Why a date field did not read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateError {
    Empty,
    /// Not a date form this reader knows.
    Unreadable,
    /// The form is known but the day does not exist (2026/02/30, month 13).
    NoSuchDay,
}

/// Excel's day 0 is 1899-12-30 (serial 60 is the non-existent 1900-02-29, so serials are
/// read from 61 = 1900-03-01 on).
const EXCEL_EPOCH: i32 = -25_569;
const EXCEL_FIRST: f64 = 61.0;
/// 9999-12-31.
const EXCEL_LAST: f64 = 2_958_465.0;

/// Reads one date field; `order` decides the numbers of a year-last date.
pub fn parse_date(text: &str, order: DateOrder) -> Result<Day, DateError> {
    let text = normalize_date_text(text);
    if text.is_empty() {
        return Err(DateError::Empty);
    }
    if let Some(day) = excel_serial(&text) {
        return day;
    }
    let date_part = split_time(&text).ok_or(DateError::Unreadable)?;
    let numbers = numbers_of(date_part).ok_or(DateError::Unreadable)?;
    let [a, b, c] = numbers;
    let (y, m, d) = if a.1 == 4 {
        (a.0, b.0, c.0)
    } else if c.1 == 4 && a.1 <= 2 && b.1 <= 2 {
        match order {
            DateOrder::MonthFirst => (c.0, a.0, b.0),
            DateOrder::DayFirst => (c.0, b.0, a.0),
        }
    } else {
        return Err(DateError::Unreadable);
    };
    if b.1 > 2 || (a.1 == 4 && c.1 > 2) {
        return Err(DateError::Unreadable);
    }
    Day::from_ymd(y as i32, m, d).ok_or(DateError::NoSuchDay)
}

/// Full-width digits and separators to ASCII, spaces collapsed, outer spaces dropped.
fn normalize_date_text(text: &str) -> String {
    let trimmed = text.trim();
    // The common case (ASCII, at most single spaces) needs no rewriting: one copy, no scans.
    if trimmed.is_ascii() && !trimmed.contains("  ") && !trimmed.contains(['\t', '\n', '\r']) {
        return trimmed.to_string();
    }
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(&normalize(word).replace(['／', '/'], "/").replace('：', ":"));
    }
    out
}

fn excel_serial(text: &str) -> Option<Result<Day, DateError>> {
    if !text.bytes().all(|b| b.is_ascii_digit() || b == b'.') || text.starts_with('.') {
        return None;
    }
    let value: f64 = text.parse().ok()?;
    if !(EXCEL_FIRST..=EXCEL_LAST).contains(&value) {
        return Some(Err(DateError::Unreadable));
    }
    Some(Ok(Day(EXCEL_EPOCH + value.floor() as i32)))
}

/// The date part of `date[ T]time[Z|±hh:mm]`, checking the time reads as a time.
fn split_time(text: &str) -> Option<&str> {
    let (date, time) = match text.find([' ', 'T']) {
        Some(i) => (&text[..i], Some(&text[i + 1..])),
        None => (text, None),
    };
    match time {
        None => Some(date),
        Some(t) if is_time(t) => Some(date),
        Some(_) => None,
    }
}

fn is_time(text: &str) -> bool {
    let text = text.trim_end_matches('Z');
    let text = match text.rfind(['+', '-']) {
        Some(i) => &text[..i],
        None => text,
    };
    let text = text
        .trim_start_matches("午前")
        .trim_start_matches("午後")
        .trim_end_matches("AM")
        .trim_end_matches("PM")
        .trim_end_matches("am")
        .trim_end_matches("pm")
        .trim();
    let text = text.replace(['時', '分'], ":").replace('秒', "");
    let parts: Vec<&str> = text.trim_end_matches(':').split(':').collect();
    (1..=3).contains(&parts.len())
        && parts.iter().all(|p| {
            let p = p.split('.').next().unwrap_or("");
            !p.is_empty() && p.len() <= 2 && p.bytes().all(|b| b.is_ascii_digit())
        })
}

/// The three numbers of a date with their digit counts, separated by `/`, `-`, `.` or
/// `年` `月` (`日` closing).
fn numbers_of(text: &str) -> Option<[(u32, usize); 3]> {
    let text = text.strip_suffix('日').unwrap_or(text);
    let mut out = [(0u32, 0usize); 3];
    let mut n = 0;
    for part in text.split(['/', '-', '.', '年', '月']) {
        if n == 3 || part.is_empty() || part.len() > 4 || !part.bytes().all(|b| b.is_ascii_digit())
        {
            return None;
        }
        out[n] = (part.parse().ok()?, part.len());
        n += 1;
    }
    (n == 3).then_some(out)
}

/// What the year-last dates of a column say about their order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OrderEvidence {
    /// No year-last dates: the order does not matter.
    NotNeeded,
    /// A first number above 12 was seen (day first) or a second one (month first).
    Shown(DateOrder),
    /// Every year-last date reads both ways: the user must say.
    Ambiguous,
    /// Both kinds were seen: the column mixes orders.
    Conflicting,
}

/// Looks at year-last dates (`4/1/2026`) to tell month-first from day-first.
pub fn order_evidence<'a>(values: impl IntoIterator<Item = &'a str>) -> OrderEvidence {
    let (mut any, mut first_big, mut second_big) = (false, false, false);
    for v in values {
        let text = normalize_date_text(v);
        let Some(date) = split_time(&text) else {
            continue;
        };
        let Some([a, b, c]) = numbers_of(date) else {
            continue;
        };
        if c.1 != 4 || a.1 > 2 || b.1 > 2 {
            continue;
        }
        any = true;
        first_big |= a.0 > 12;
        second_big |= b.0 > 12;
    }
    match (any, first_big, second_big) {
        (false, _, _) => OrderEvidence::NotNeeded,
        (true, true, true) => OrderEvidence::Conflicting,
        (true, true, false) => OrderEvidence::Shown(DateOrder::DayFirst),
        (true, false, true) => OrderEvidence::Shown(DateOrder::MonthFirst),
        (true, false, false) => OrderEvidence::Ambiguous,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ymd(text: &str, order: DateOrder) -> Result<(i32, u32, u32), DateError> {
        parse_date(text, order).map(Day::ymd)
    }

    fn iso(text: &str) -> Result<(i32, u32, u32), DateError> {
        ymd(text, DateOrder::MonthFirst)
    }

    #[test]
    fn the_forms_exports_write() {
        for text in [
            "2026/04/01",
            "2026-04-01",
            "2026年4月1日",
            "2026/4/1 10:30",
            "2026/4/1 10:30:15",
            "2026-04-01T10:30:00Z",
            "2026-04-01T10:30:00+09:00",
            "２０２６／０４／０１",
            " 2026.4.1 ",
            "2026年4月1日 10時30分",
            "4/1/2026",
            "04/01/2026 10:30 AM",
            "46113",
            "46113.4375",
        ] {
            assert_eq!(iso(text), Ok((2026, 4, 1)), "{text}");
        }
    }

    #[test]
    fn year_last_dates_follow_the_order() {
        assert_eq!(ymd("4/1/2026", DateOrder::DayFirst), Ok((2026, 1, 4)));
        assert_eq!(ymd("13/1/2026", DateOrder::DayFirst), Ok((2026, 1, 13)));
        assert_eq!(
            ymd("13/1/2026", DateOrder::MonthFirst),
            Err(DateError::NoSuchDay)
        );
    }

    #[test]
    fn what_is_not_a_date() {
        assert_eq!(iso(""), Err(DateError::Empty));
        assert_eq!(iso("  "), Err(DateError::Empty));
        for text in [
            "abc",
            "2026/04",
            "1/2/26",
            "2026/04/01/02",
            "2026-04-01 noon",
            "12",
            "1e5",
        ] {
            assert_eq!(iso(text), Err(DateError::Unreadable), "{text}");
        }
        assert_eq!(iso("2026/02/29"), Err(DateError::NoSuchDay));
        assert_eq!(iso("2026/13/01"), Err(DateError::NoSuchDay));
        assert_eq!(iso("2024/02/29"), Ok((2024, 2, 29)));
    }

    #[test]
    fn excel_serials() {
        // 1900-03-01 is serial 61; 45658 is 2025-01-01.
        assert_eq!(iso("61"), Ok((1900, 3, 1)));
        assert_eq!(iso("45658"), Ok((2025, 1, 1)));
        assert_eq!(iso("60"), Err(DateError::Unreadable));
    }

    #[test]
    fn days_and_months_round_trip() {
        assert_eq!(Day::from_ymd(1970, 1, 1), Some(Day(0)));
        assert_eq!(Day::from_ymd(2026, 4, 1).map(|d| d.0), Some(20_544));
        for n in (-700_000..2_900_000).step_by(997) {
            let (y, m, d) = Day(n).ymd();
            assert_eq!(Day::from_ymd(y, m, d), Some(Day(n)));
        }
        let m = Month::new(2026, 4);
        assert_eq!((m.year(), m.month(), m.iso()), (2026, 4, "2026-04".into()));
        assert_eq!(Day(20_544).month(), m);
    }

    #[test]
    fn the_order_is_shown_by_the_values_or_asked() {
        assert_eq!(order_evidence(["2026/04/01"]), OrderEvidence::NotNeeded);
        assert_eq!(
            order_evidence(["4/1/2026", "4/2/2026"]),
            OrderEvidence::Ambiguous
        );
        assert_eq!(
            order_evidence(["4/1/2026", "4/13/2026"]),
            OrderEvidence::Shown(DateOrder::MonthFirst)
        );
        assert_eq!(
            order_evidence(["13/4/2026 9:00", "4/1/2026"]),
            OrderEvidence::Shown(DateOrder::DayFirst)
        );
        assert_eq!(
            order_evidence(["13/4/2026", "4/13/2026"]),
            OrderEvidence::Conflicting
        );
    }
}
