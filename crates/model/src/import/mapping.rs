//! What each column of a file holds and what each of its stage values means, suggested from
//! the header dictionaries and then edited by the user. A mapping names funnel stages by their
//! position in the scenario's stage list; the last stage is the won one.

use serde::{Deserialize, Serialize};

use super::date::{order_evidence, DateOrder, OrderEvidence};
use super::dictionary::{header_meaning, key, value_meaning, HeaderMeaning, ValueMeaning};
use super::reader::Table;
use crate::stage::StageKind;

/// Most distinct stage values offered for mapping; rows with further values are reported.
pub const MAX_STAGE_VALUES: usize = 200;
/// Rows sampled per column to tell the order of year-last dates.
const ORDER_SAMPLE: usize = 5_000;

/// What one column holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    Ignore,
    Created,
    /// The current stage, deal stage or lifecycle stage.
    Stage,
    Closed,
    Amount,
    Channel,
    Cost,
    Owner,
    /// The date the record entered the funnel stage at this position.
    StageDate(usize),
}

impl Role {
    /// Roles one column at most may have.
    fn is_single(self) -> bool {
        !matches!(self, Role::Ignore | Role::StageDate(_))
    }

    pub fn is_date(self) -> bool {
        matches!(self, Role::Created | Role::Closed | Role::StageDate(_))
    }
}

/// What one stage value means.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum StageTarget {
    /// Not chosen yet: rows with it are reported, not counted.
    Unmapped,
    /// Still open at the funnel stage at this position.
    Stage(usize),
    Won,
    Lost,
    /// Rows with it are left out (a test record, "other"), counted as skipped.
    Ignore,
}

/// The two shapes exports come in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Layout {
    /// One row per record with its created date, current stage, close date, amount …
    RowPerRecord,
    /// One date column per stage ("Became a … Date", `MQL化日`).
    StageDates,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StageValue {
    pub value: String,
    pub target: StageTarget,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mapping {
    pub layout: Layout,
    /// One role per header column.
    pub roles: Vec<Role>,
    /// The stage column's distinct values, in the order they first appear.
    pub values: Vec<StageValue>,
    pub date_order: DateOrder,
}

/// Why a mapping cannot be used yet.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MappingProblem {
    /// No column is a date of any kind.
    NoDateColumn,
    /// One row per record needs the created date…
    NoCreated,
    /// …and the stage.
    NoStage,
    /// One column per stage date needs at least one such column.
    NoStageDates,
}

/// A mapping suggested for a file, and whether the order of its year-last dates must be asked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Suggestion {
    pub mapping: Mapping,
    pub order: OrderEvidence,
}

/// Suggests roles from the headers, the layout from the roles, a target for every stage value
/// and the order of year-last dates from the date columns' values. `stages` are the kinds of
/// the scenario's stages, in order.
pub fn suggest(table: &Table, stages: &[StageKind]) -> Suggestion {
    let mut roles = Vec::with_capacity(table.header.len());
    for h in &table.header {
        let role = match header_meaning(h) {
            HeaderMeaning::Created => Role::Created,
            HeaderMeaning::Stage => Role::Stage,
            HeaderMeaning::Closed => Role::Closed,
            HeaderMeaning::Amount => Role::Amount,
            HeaderMeaning::Channel => Role::Channel,
            HeaderMeaning::Cost => Role::Cost,
            HeaderMeaning::Owner => Role::Owner,
            HeaderMeaning::StageDate(kind) => {
                stage_position(stages, kind).map_or(Role::Ignore, Role::StageDate)
            }
            HeaderMeaning::Known | HeaderMeaning::Unknown => Role::Ignore,
        };
        let taken =
            roles.contains(&role) && (role.is_single() || matches!(role, Role::StageDate(_)));
        roles.push(if taken { Role::Ignore } else { role });
    }
    let stage_dates = roles
        .iter()
        .filter(|r| matches!(r, Role::StageDate(_)))
        .count();
    let layout = if stage_dates >= 2 || (stage_dates == 1 && !roles.contains(&Role::Stage)) {
        Layout::StageDates
    } else {
        Layout::RowPerRecord
    };
    let values = distinct_values(table, &roles)
        .into_iter()
        .map(|value| StageValue {
            target: suggest_target(&value, stages),
            value,
        })
        .collect();
    let order = date_order_evidence(table, &roles);
    let date_order = match order {
        OrderEvidence::Shown(o) => o,
        _ => DateOrder::MonthFirst,
    };
    Suggestion {
        mapping: Mapping {
            layout,
            roles,
            values,
            date_order,
        },
        order,
    }
}

/// The evidence of the columns now holding dates about the order of year-last dates.
pub fn date_order_evidence(table: &Table, roles: &[Role]) -> OrderEvidence {
    let columns: Vec<usize> = (0..roles.len()).filter(|&i| roles[i].is_date()).collect();
    order_evidence(
        table
            .rows
            .iter()
            .take(ORDER_SAMPLE)
            .flat_map(|r| columns.iter().filter_map(move |&c| r.field(c))),
    )
}

/// The stage column's distinct trimmed values (at most [`MAX_STAGE_VALUES`]), first seen first.
pub fn distinct_values(table: &Table, roles: &[Role]) -> Vec<String> {
    let Some(col) = roles.iter().position(|r| *r == Role::Stage) else {
        return Vec::new();
    };
    let mut seen = std::collections::HashSet::new();
    let mut out = Vec::new();
    for row in &table.rows {
        let Some(v) = row.field(col).map(str::trim) else {
            continue;
        };
        if v.is_empty() || seen.contains(v) {
            continue;
        }
        seen.insert(v.to_string());
        out.push(v.to_string());
        if out.len() == MAX_STAGE_VALUES {
            break;
        }
    }
    out
}

/// The target a stage value most likely has.
pub fn suggest_target(value: &str, stages: &[StageKind]) -> StageTarget {
    match value_meaning(value) {
        Some(ValueMeaning::Won) => StageTarget::Won,
        Some(ValueMeaning::Lost) => StageTarget::Lost,
        Some(ValueMeaning::Ignore) => StageTarget::Ignore,
        Some(ValueMeaning::Stage(kind)) => match stage_position(stages, kind) {
            Some(i) if i + 1 == stages.len() => StageTarget::Won,
            Some(i) => StageTarget::Stage(i),
            None => StageTarget::Unmapped,
        },
        None => StageTarget::Unmapped,
    }
}

/// Where a stage of `kind` sits in the scenario; a kind the scenario lacks falls to the
/// nearest earlier standard stage it has (a scenario without SAL counts SAL as MQL). Won is
/// always the last stage.
fn stage_position(stages: &[StageKind], kind: StageKind) -> Option<usize> {
    if stages.is_empty() {
        return None;
    }
    if kind == StageKind::Won {
        return Some(stages.len() - 1);
    }
    if let Some(i) = stages.iter().position(|&s| s == kind) {
        return Some(i);
    }
    let wanted = rank(kind)?;
    stages
        .iter()
        .enumerate()
        .filter(|(i, s)| *i + 1 < stages.len() && rank(**s).is_some_and(|r| r <= wanted))
        .max_by_key(|(i, s)| (rank(**s), *i))
        .map(|(i, _)| i)
}

fn rank(kind: StageKind) -> Option<u8> {
    use StageKind::*;
    Some(match kind {
        Visits => 0,
        Leads => 1,
        Mql => 2,
        Sal | Pql => 3,
        Sql => 4,
        Opportunities => 5,
        Won => 6,
        Custom => return None,
    })
}

impl Mapping {
    /// The first reason this mapping cannot be used yet, if any.
    pub fn problem(&self) -> Option<MappingProblem> {
        let has = |r: Role| self.roles.contains(&r);
        let stage_dates = self.roles.iter().any(|r| matches!(r, Role::StageDate(_)));
        if !self.roles.iter().any(|r| r.is_date()) {
            return Some(MappingProblem::NoDateColumn);
        }
        match self.layout {
            Layout::RowPerRecord if !has(Role::Created) => Some(MappingProblem::NoCreated),
            Layout::RowPerRecord if !has(Role::Stage) => Some(MappingProblem::NoStage),
            Layout::StageDates if !stage_dates => Some(MappingProblem::NoStageDates),
            _ => None,
        }
    }

    /// Gives column `col` the role `role`; a single-column role leaves the column it was on.
    pub fn set_role(&mut self, col: usize, role: Role) {
        if col >= self.roles.len() {
            return;
        }
        if role.is_single() || matches!(role, Role::StageDate(_)) {
            for r in &mut self.roles {
                if *r == role {
                    *r = Role::Ignore;
                }
            }
        }
        self.roles[col] = role;
    }

    pub fn set_target(&mut self, value: &str, target: StageTarget) {
        if let Some(v) = self.values.iter_mut().find(|v| v.value == value) {
            v.target = target;
        }
    }

    pub fn column(&self, role: Role) -> Option<usize> {
        self.roles.iter().position(|r| *r == role)
    }

    /// This mapping, remembered for the same headers, laid over a fresh suggestion: the
    /// remembered roles and targets win where they still fit the file and the stages.
    pub fn restore(mut fresh: Mapping, remembered: &Mapping, stage_count: usize) -> Mapping {
        let fits = |r: &Role| match r {
            Role::StageDate(i) => *i < stage_count,
            _ => true,
        };
        if remembered.roles.len() == fresh.roles.len() && remembered.roles.iter().all(fits) {
            fresh.roles = remembered.roles.clone();
            fresh.layout = remembered.layout;
            fresh.date_order = remembered.date_order;
        }
        for v in &mut fresh.values {
            if let Some(r) = remembered.values.iter().find(|r| r.value == v.value) {
                v.target = match r.target {
                    StageTarget::Stage(i) if i + 1 >= stage_count => v.target,
                    t => t,
                };
            }
        }
        fresh
    }
}

/// A key naming a header set, for remembering its mapping: the same report exported next
/// month maps itself. (FNV-1a over the normalised header names.)
pub fn header_set_key(header: &[String]) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for h in header {
        for b in key(h).bytes().chain(std::iter::once(0x1F)) {
            hash ^= u64::from(b);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
    }
    format!("{hash:016x}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::reader::Reader;
    use crate::stage::default_stages;

    fn kinds() -> Vec<StageKind> {
        default_stages().into_iter().map(|s| s.kind).collect()
    }

    fn table(text: &str) -> Table {
        Reader::new(text.to_string()).finish().unwrap()
    }

    #[test]
    fn a_hubspot_deals_export_maps_itself() {
        let t = table(
            "Record ID,Deal Name,Deal Stage,Create Date,Close Date,Amount,Pipeline,Deal owner,Lead Source\n\
             1,A,Closed Won,2026-04-01,2026-05-10,100,Sales,X,Web\n\
             2,B,Contract Sent,2026-04-02,,200,Sales,X,Web\n\
             3,C,Closed Lost,2026-04-03,2026-04-20,,Sales,X,\n\
             4,D,Mystery,2026-04-03,,,Sales,X,\n",
        );
        let s = suggest(&t, &kinds());
        assert_eq!(
            s.mapping.roles,
            [
                Role::Ignore,
                Role::Ignore,
                Role::Stage,
                Role::Created,
                Role::Closed,
                Role::Amount,
                Role::Ignore,
                Role::Owner,
                Role::Channel
            ]
        );
        assert_eq!(s.mapping.layout, Layout::RowPerRecord);
        // Default stages: visits, leads, MQL, SQL, opportunities, won.
        let targets: Vec<_> = s
            .mapping
            .values
            .iter()
            .map(|v| (v.value.as_str(), v.target))
            .collect();
        assert_eq!(
            targets,
            [
                ("Closed Won", StageTarget::Won),
                ("Contract Sent", StageTarget::Stage(4)),
                ("Closed Lost", StageTarget::Lost),
                ("Mystery", StageTarget::Unmapped),
            ]
        );
        assert_eq!(s.order, OrderEvidence::NotNeeded);
        assert_eq!(s.mapping.problem(), None);
    }

    #[test]
    fn stage_date_columns_make_the_other_layout() {
        let t = table(
            "Email,Create Date,Became a Lead Date,Became a Marketing Qualified Lead Date,\
             Became a Sales Qualified Lead Date,Became a Customer Date\n\
             a@x,4/1/2026,4/1/2026,4/3/2026,,\n",
        );
        let s = suggest(&t, &kinds());
        assert_eq!(s.mapping.layout, Layout::StageDates);
        assert_eq!(
            s.mapping.roles,
            [
                Role::Ignore,
                Role::Created,
                Role::StageDate(1),
                Role::StageDate(2),
                Role::StageDate(3),
                Role::StageDate(5)
            ]
        );
        assert_eq!(s.order, OrderEvidence::Ambiguous);
    }

    #[test]
    fn a_missing_kind_falls_to_the_nearest_earlier_stage() {
        let stages = kinds(); // no SAL
        assert_eq!(suggest_target("SAL", &stages), StageTarget::Stage(2));
        assert_eq!(suggest_target("customer", &stages), StageTarget::Won);
        assert_eq!(
            suggest_target("Opportunity", &[StageKind::Leads, StageKind::Won]),
            StageTarget::Stage(0)
        );
    }

    #[test]
    fn problems_name_what_is_missing() {
        let t = table("Name,Amount\nA,1\n");
        let mut m = suggest(&t, &kinds()).mapping;
        assert_eq!(m.problem(), Some(MappingProblem::NoDateColumn));
        m.set_role(0, Role::Created);
        assert_eq!(m.problem(), Some(MappingProblem::NoStage));
        m.layout = Layout::StageDates;
        assert_eq!(m.problem(), Some(MappingProblem::NoStageDates));
    }

    #[test]
    fn a_single_role_moves_rather_than_duplicates() {
        let t = table("a,b\n1,2\n");
        let mut m = suggest(&t, &kinds()).mapping;
        m.set_role(0, Role::Amount);
        m.set_role(1, Role::Amount);
        assert_eq!(m.roles, [Role::Ignore, Role::Amount]);
    }

    #[test]
    fn a_remembered_mapping_is_restored_where_it_fits() {
        let t = table("Stage,Created\nWon,2026/4/1\nOdd,2026/4/2\n");
        let fresh = suggest(&t, &kinds()).mapping;
        let mut remembered = fresh.clone();
        remembered.set_target("Odd", StageTarget::Ignore);
        remembered.set_role(1, Role::Closed);
        let restored = Mapping::restore(fresh.clone(), &remembered, 6);
        assert_eq!(restored, remembered);
        // Fewer stages now: a remembered stage past the end is not restored.
        remembered.set_target("Odd", StageTarget::Stage(4));
        let restored = Mapping::restore(fresh.clone(), &remembered, 3);
        assert_eq!(restored.values[1].target, StageTarget::Unmapped);
    }

    #[test]
    fn header_sets_are_keyed_by_their_names() {
        let a = header_set_key(&["Stage".into(), "Amount".into()]);
        assert_eq!(a, header_set_key(&["stage".into(), " Amount".into()]));
        assert_ne!(a, header_set_key(&["Amount".into(), "Stage".into()]));
        assert_ne!(a, header_set_key(&["StageAmount".into()]));
        assert_eq!(a.len(), 16);
    }
}
