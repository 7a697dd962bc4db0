//! The mapping: the file's layout, what each column holds (one select per column, labelled
//! with the column's header), how year-last dates read when the file does not tell, and what
//! each stage value means. Every change is remembered for this header set and computed again.

use funnel_model::import::date::DateOrder;
use funnel_model::import::mapping::{Layout, Role, StageTarget, StageValue};
use funnel_model::import::Table;
use funnel_model::Lang;
use leptos::prelude::*;

use crate::i18n::import::words;
use crate::i18n::import::{mapping_problem, role_label, target_label};
use crate::session::Session;
use crate::ui::import::{stage_names, ImportState};
use crate::ui::import_job::edit_mapping;
use crate::ui::plan_common::SelectField;

fn role_key(role: Role) -> String {
    match role {
        Role::Ignore => "ignore".into(),
        Role::Created => "created".into(),
        Role::Stage => "stage".into(),
        Role::Closed => "closed".into(),
        Role::Amount => "amount".into(),
        Role::Channel => "channel".into(),
        Role::Cost => "cost".into(),
        Role::Owner => "owner".into(),
        Role::StageDate(i) => format!("date-{i}"),
    }
}

fn role_from_key(key: &str) -> Role {
    match key {
        "created" => Role::Created,
        "stage" => Role::Stage,
        "closed" => Role::Closed,
        "amount" => Role::Amount,
        "channel" => Role::Channel,
        "cost" => Role::Cost,
        "owner" => Role::Owner,
        k => k
            .strip_prefix("date-")
            .and_then(|i| i.parse().ok())
            .map_or(Role::Ignore, Role::StageDate),
    }
}

fn target_key(t: StageTarget) -> String {
    match t {
        StageTarget::Unmapped => "unmapped".into(),
        StageTarget::Stage(i) => format!("stage-{i}"),
        StageTarget::Won => "won".into(),
        StageTarget::Lost => "lost".into(),
        StageTarget::Ignore => "ignore".into(),
    }
}

fn target_from_key(key: &str) -> StageTarget {
    match key {
        "won" => StageTarget::Won,
        "lost" => StageTarget::Lost,
        "ignore" => StageTarget::Ignore,
        k => k
            .strip_prefix("stage-")
            .and_then(|i| i.parse().ok())
            .map_or(StageTarget::Unmapped, StageTarget::Stage),
    }
}

#[component]
pub fn MappingPanel(session: Session, state: ImportState) -> impl IntoView {
    let lang = session.lang;
    let w = move || words(lang.get());
    let names = Memo::new(move |_| session.draft.with(|d| stage_names(d, lang.get())));
    let header = Memo::new(move |_| {
        state
            .table
            .with(|t| t.as_ref().map(|t| t.header.clone()).unwrap_or_default())
    });
    let samples = Memo::new(move |_| {
        state
            .table
            .with(|t| t.as_deref().map(column_samples).unwrap_or_default())
    });
    let role_options = role_options(lang, names);
    let target_options = target_options(lang, names);
    let layout_options = layout_options(lang);
    let order_options = order_options(lang);
    let mapping = state.mapping;
    let layout = Signal::derive(move || {
        mapping.with(|m| match m.as_ref().map(|m| m.layout) {
            Some(Layout::StageDates) => "dates".to_string(),
            _ => "rows".to_string(),
        })
    });
    let order = Signal::derive(move || {
        mapping.with(|m| match m.as_ref().map(|m| m.date_order) {
            Some(DateOrder::DayFirst) => "day".to_string(),
            _ => "month".to_string(),
        })
    });
    let problem = move || mapping.with(|m| m.as_ref().and_then(|m| m.problem()));
    let values = Memo::new(move |_| {
        mapping.with(|m| m.as_ref().map(|m| m.values.clone()).unwrap_or_default())
    });
    let columns = move || (0..header.with(Vec::len)).collect::<Vec<usize>>();

    view! {
        <fieldset class="plan-group import-columns">
            <legend>{move || w().columns}</legend>
            <SelectField
                id="actuals-layout"
                label=Signal::derive(move || w().file_layout.to_string())
                options=layout_options
                selected=layout
                on_change=Callback::new(move |v: String| {
                    edit_mapping(session, state, |m| {
                        m.layout = if v == "dates" { Layout::StageDates } else { Layout::RowPerRecord };
                    })
                })
            />
            <Show when=move || state.order_asked.get()>
                <SelectField
                    id="actuals-date-order"
                    label=Signal::derive(move || w().how_dates_like_4_1_2026.to_string())
                    options=order_options
                    selected=order
                    on_change=Callback::new(move |v: String| {
                        edit_mapping(session, state, |m| {
                            m.date_order = if v == "day" { DateOrder::DayFirst } else { DateOrder::MonthFirst };
                        })
                    })
                />
            </Show>
            {move || problem().map(|p| view! { <p class="message" role="alert">{mapping_problem(p, lang.get())}</p> })}
            <p class="hint">
                {move || w().suggested_from_the_headers_change_any}
            </p>
            <div class="import-column-list">
                <For each=columns key=|i| *i let:col>
                    <ColumnRole session=session state=state col=col header=header samples=samples options=role_options />
                </For>
            </div>
        </fieldset>
        <StageValues session=session state=state values=values options=target_options />
    }
}

/// One column's role select, labelled with the column's header, and a sample value.
#[component]
fn ColumnRole(
    session: Session,
    state: ImportState,
    col: usize,
    header: Memo<Vec<String>>,
    samples: Memo<Vec<String>>,
    options: Signal<Vec<(String, String)>>,
) -> impl IntoView {
    let lang = session.lang;
    let label = Signal::derive(move || {
        header.with(|h| {
            let name = h.get(col).cloned().unwrap_or_default();
            if name.is_empty() {
                format!("{} {}", words(lang.get()).column, col + 1)
            } else {
                name
            }
        })
    });
    let selected = Signal::derive(move || {
        state.mapping.with(|m| {
            m.as_ref()
                .and_then(|m| m.roles.get(col).copied())
                .map_or_else(|| "ignore".to_string(), role_key)
        })
    });
    view! {
        <div class="import-column">
            <SelectField
                id=format!("actuals-col-{col}")
                label=label
                options=options
                selected=selected
                on_change=Callback::new(move |v: String| {
                    let role = role_from_key(&v);
                    edit_mapping(session, state, |m| m.set_role(col, role))
                })
            />
            <p class="hint sample">
                {move || samples.with(|s| {
                    let v = s.get(col).cloned().unwrap_or_default();
                    if v.is_empty() {
                        String::new()
                    } else {
                        format!("{}{v}", words(lang.get()).e_g)
                    }
                })}
            </p>
        </div>
    }
}

/// One stage value's target select, labelled with the value.
#[component]
fn ValueTarget(
    session: Session,
    state: ImportState,
    index: usize,
    value: String,
    options: Signal<Vec<(String, String)>>,
) -> impl IntoView {
    let selected = Signal::derive(move || {
        state.mapping.with(|m| {
            m.as_ref()
                .and_then(|m| m.values.get(index).map(|v| v.target))
                .map_or_else(|| "unmapped".to_string(), target_key)
        })
    });
    let label = value.clone();
    view! {
        <SelectField
            id=format!("actuals-value-{index}")
            label=Signal::derive(move || label.clone())
            options=options
            selected=selected
            on_change=Callback::new(move |k: String| {
                let target = target_from_key(&k);
                let value = value.clone();
                edit_mapping(session, state, move |m| m.set_target(&value, target))
            })
        />
    }
}

/// A sample of each column: its first non-empty value among the first rows, shortened.
fn column_samples(t: &Table) -> Vec<String> {
    (0..t.header.len())
        .map(|c| {
            t.rows
                .iter()
                .take(50)
                .filter_map(|r| r.field(c))
                .map(str::trim)
                .find(|v| !v.is_empty())
                .map(|v| v.chars().take(40).collect::<String>())
                .unwrap_or_default()
        })
        .collect::<Vec<_>>()
}

/// The roles a column can have, stage dates named after the funnel's stages.
fn role_options(lang: RwSignal<Lang>, names: Memo<Vec<String>>) -> Signal<Vec<(String, String)>> {
    Signal::derive(move || {
        let lang = lang.get();
        let names = names.get();
        let mut roles = vec![
            Role::Ignore,
            Role::Created,
            Role::Stage,
            Role::Closed,
            Role::Amount,
            Role::Channel,
            Role::Cost,
            Role::Owner,
        ];
        roles.extend((0..names.len()).map(Role::StageDate));
        roles
            .into_iter()
            .map(|r| (role_key(r), role_label(r, &names, lang)))
            .collect::<Vec<_>>()
    })
}

/// What a stage value can mean: a stage, won, lost, or nothing.
fn target_options(lang: RwSignal<Lang>, names: Memo<Vec<String>>) -> Signal<Vec<(String, String)>> {
    Signal::derive(move || {
        let lang = lang.get();
        let names = names.get();
        let mut targets = vec![StageTarget::Unmapped];
        targets.extend((0..names.len().saturating_sub(1)).map(StageTarget::Stage));
        targets.extend([StageTarget::Won, StageTarget::Lost, StageTarget::Ignore]);
        targets
            .into_iter()
            .map(|t| (target_key(t), target_label(t, &names, lang)))
            .collect::<Vec<_>>()
    })
}

fn layout_options(lang: RwSignal<Lang>) -> Signal<Vec<(String, String)>> {
    let w = move || words(lang.get());
    Signal::derive(move || {
        vec![
            (
                "rows".to_string(),
                w().one_row_per_record_created_current.to_string(),
            ),
            (
                "dates".to_string(),
                w().one_date_column_per_stage_became.to_string(),
            ),
        ]
    })
}

fn order_options(lang: RwSignal<Lang>) -> Signal<Vec<(String, String)>> {
    let w = move || words(lang.get());
    Signal::derive(move || {
        vec![
            ("month".to_string(), w().month_first_4_1_2026_is.to_string()),
            ("day".to_string(), w().day_first_4_1_2026_is.to_string()),
        ]
    })
}

/// What each value of the stage column means, once the file has any.
#[component]
fn StageValues(
    session: Session,
    state: ImportState,
    values: Memo<Vec<StageValue>>,
    options: Signal<Vec<(String, String)>>,
) -> impl IntoView {
    let lang = session.lang;
    let w = move || words(lang.get());
    let target_options = options;
    let value_items = move || {
        values.with(|v| {
            v.iter()
                .enumerate()
                .map(|(i, v)| (i, v.value.clone()))
                .collect::<Vec<(usize, String)>>()
        })
    };
    view! {
        <Show when=move || values.with(|v| !v.is_empty())>
            <fieldset class="plan-group import-values">
                <legend>{move || w().stage_values}</legend>
                <p class="hint">
                    {move || w().for_each_value_in_the_stage}
                </p>
                <For each=value_items key=|(i, v)| (*i, v.clone()) let:item>
                    <ValueTarget session=session state=state index=item.0 value=item.1 options=target_options />
                </For>
            </fieldset>
        </Show>
    }
}
