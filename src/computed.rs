//! What the root computes from the open draft and hands to the views. Bad input keeps the last
//! good answer on screen (the views mark it as not current) instead of blanking it, but only
//! within one opened scenario: another scenario's numbers are never shown as this one's. The
//! funnel, the monthly plan and the channel plan all keep theirs this way.

use funnel_model::draft::{Draft, DraftProblem};
use funnel_model::{Entry, ForwardResult, InputError};
use funnel_model::{Funnel, ReversePlan};
use leptos::prelude::*;

use crate::session::Session;

/// The last plan computed from valid inputs, with the funnel it came from.
pub type ValidPlan = Option<(Funnel, ReversePlan)>;

/// Forward mode on the current plan: what the entry count yields, stage by stage.
#[derive(Clone, PartialEq)]
pub struct ForwardRun {
    pub result: ForwardResult,
}

/// The latest valid value of `valid` (which gives `None` while the inputs are wrong), kept while
/// `opened` (the count of scenarios opened) stays the same; `None` once another scenario opens.
pub fn keep_last_valid<T>(
    opened: RwSignal<u32>,
    valid: impl Fn() -> Option<T> + Send + Sync + 'static,
) -> Memo<Option<T>>
where
    T: Clone + PartialEq + Send + Sync + 'static,
{
    let kept: Memo<(u32, Option<T>)> = Memo::new(move |previous: Option<&(u32, Option<T>)>| {
        let generation = opened.get();
        match valid() {
            Some(value) => (generation, Some(value)),
            None => match previous {
                Some((g, value)) if *g == generation => (generation, value.clone()),
                _ => (generation, None),
            },
        }
    });
    Memo::new(move |_| kept.with(|(_, value)| value.clone()))
}

/// The funnel's results as the views read them: checked from the open draft once per change.
#[derive(Clone, Copy)]
pub struct FunnelResults {
    pub checked: Memo<Result<(Funnel, ReversePlan), DraftProblem>>,
    /// The last valid plan (kept on screen, marked stale, while the inputs are wrong).
    pub plan: Memo<ValidPlan>,
    /// Whether `plan` is what the inputs give now.
    pub current: Memo<bool>,
    /// Where forward mode starts: the typed count, or the plan's while the field is empty; the
    /// entry field shows this check's message.
    pub entry: Memo<Result<Entry, InputError>>,
    pub forward: Memo<Option<ForwardRun>>,
}

impl FunnelResults {
    pub fn new(session: Session) -> FunnelResults {
        let draft = session.draft;
        let checked = Memo::new(move |_| draft.with(Draft::funnel_and_plan));
        let plan = keep_last_valid(session.opened, move || checked.get().ok());
        let current = Memo::new(move |_| checked.with(Result::is_ok));
        let entry = Memo::new(move |_| {
            plan.with(|p| draft.with(|d| d.entry_or_planned(p.as_ref().map(|(_, r)| r))))
        });
        let forward = Memo::new(move |_| {
            let entry = entry.get().ok()?;
            plan.with(|p| {
                p.as_ref().map(|(funnel, _)| ForwardRun {
                    result: funnel.forward(entry),
                })
            })
        });
        FunnelResults {
            checked,
            plan,
            current,
            entry,
            forward,
        }
    }
}
