//! What the root computes from the open draft and hands to the views. Bad input keeps the last
//! good answer on screen (the views mark it as not current) instead of blanking it, but only
//! within one opened scenario: another scenario's numbers are never shown as this one's. The
//! funnel, the monthly plan and the channel plan all keep theirs this way.

use funnel_model::ForwardResult;
use funnel_model::{Funnel, ReversePlan};
use leptos::prelude::*;

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
