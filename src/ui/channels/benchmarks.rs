//! The survey benchmarks with their sources, and the banner over inputs still holding samples.

use funnel_model::edit::{ChannelEdit, ChannelText, Edit, FunnelEdit, PlanEdit};
use funnel_model::format::{format_decimal, format_percent};
use funnel_model::plan::benchmarks::{benchmark, AppliesTo, BENCHMARKS};
use leptos::prelude::*;

use crate::i18n::benchmarks::{caveat, cited};
use crate::i18n::channels::{about, use_preset_for, words};
use crate::send::send;
use crate::session::Session;
use crate::view_model::channels::benchmarks::metric_name;

/// Applies a benchmark's middle value where it fits one input: a channel's CVR, or a single
/// funnel rate between two adjacent stages. `None` when there is nothing single to set.
fn preset_target(draft: &funnel_model::draft::Draft, applies: AppliesTo) -> Option<PresetTarget> {
    match applies {
        AppliesTo::ChannelCvr(kind) => draft
            .plan
            .channels
            .iter()
            .find(|c| c.kind == kind)
            .map(|c| PresetTarget::ChannelCvr(c.id)),
        AppliesTo::Span {
            from,
            to,
            channel: None,
        } => {
            let at = draft.stages.iter().position(|s| s.kind == from)?;
            (draft.stages.get(at + 1)?.kind == to)
                .then(|| PresetTarget::StageRate(draft.stages[at].id))
        }
        _ => None,
    }
}

#[derive(Clone, Copy)]
enum PresetTarget {
    ChannelCvr(u32),
    StageRate(u32),
}

#[component]
pub(super) fn Benchmarks(session: Session) -> impl IntoView {
    let (lang, draft) = (session.lang, session.draft);
    let w = move || words(lang.get());
    let rows = move || {
        let l = lang.get();
        BENCHMARKS
            .iter()
            .map(|b| {
                let b = benchmark(b.metric);
                let range = if b.approximate {
                    about(l, &format_percent(b.preset()))
                } else {
                    format!("{}–{}", format_percent(b.low), format_percent(b.high))
                };
                let preset = b.preset();
                let preset_text = format_decimal(preset * 100.0, 2);
                let name = metric_name(b.metric, l);
                let target = draft.with(|d| preset_target(d, b.applies));
                view! {
                    <tr>
                        <th scope="row">{name}</th>
                        <td class="num">{range}</td>
                        <td class="source">{cited(l, &b.source)}</td>
                        <td>
                            {target.map(|t| {
                                let text = preset_text.clone();
                                view! {
                                    <button
                                        type="button"
                                        class="small"
                                        aria-label=use_preset_for(l, name, &preset_text)
                                        on:click=move |_| {
                                            let text = text.clone();
                                            send(draft, match t {
                                                PresetTarget::ChannelCvr(id) => Edit::Channel(ChannelEdit::Text { id, field: ChannelText::Cvr, text }),
                                                PresetTarget::StageRate(id) => Edit::Funnel(FunnelEdit::Rate { id, text }),
                                            });
                                        }
                                    >
                                        {format!("{}%", preset_text)}
                                    </button>
                                }
                            })}
                        </td>
                    </tr>
                }
            })
            .collect_view()
    };
    view! {
        <section class="benchmarks" aria-labelledby="benchmarks-heading">
            <h3 id="benchmarks-heading">{move || w().benchmarks}</h3>
            <p class="hint">{move || caveat(lang.get())}</p>
            <div class="table-wrap">
                <table class="benchmark-table">
                    <thead>
                        <tr>
                            <th scope="col">{move || w().metric}</th>
                            <th scope="col" class="num">{move || w().range}</th>
                            <th scope="col">{move || w().source}</th>
                            <th scope="col">{move || w().use_as_preset}</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        </section>
    }
}

/// Which group of sample inputs a banner speaks for.
#[derive(Clone, Copy, PartialEq)]
pub(super) enum SampleGroup {
    Channels,
    Economics,
}

/// "Sample values" over a group of inputs still holding the figures they started with, so a
/// budget computed from sample costs is not read as an answer; gone once the user changes a
/// figure or confirms them.
#[component]
pub(super) fn SampleBanner(session: Session, which: SampleGroup) -> impl IntoView {
    let (lang, draft) = (session.lang, session.draft);
    let shown = move || {
        draft.with(|d| {
            let s = d.plan.samples();
            match which {
                SampleGroup::Channels => s.channels,
                SampleGroup::Economics => s.economics,
            }
        })
    };
    let text = move || {
        let w = words(lang.get());
        match which {
            SampleGroup::Channels => w.sample_channels,
            SampleGroup::Economics => w.sample_economics,
        }
    };
    view! {
        <Show when=shown>
            <div class="sample-banner" role="note" data-testid="sample-banner">
                <span class="badge sample">{move || words(lang.get()).sample_values}</span>
                <p>{text}</p>
                <button type="button" class="secondary" on:click=move |_| { send(draft, PlanEdit::ConfirmSamples); }>
                    {move || words(lang.get()).use_these_values}
                </button>
            </div>
        </Show>
    }
}
