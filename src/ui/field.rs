use leptos::prelude::*;

/// A labelled text input with its hint and its error message right below it. The input is
/// described by both, and marked invalid while there is an error, so screen readers hear why.
#[component]
pub fn TextField(
    /// Unique element id; the label, hint and message ids derive from it.
    #[prop(into)]
    id: String,
    /// The visible label (tests and screen readers find the input by it).
    #[prop(into)]
    label: Signal<String>,
    /// Text shown under the label: an example of what to type.
    #[prop(into, optional)]
    hint: Option<Signal<String>>,
    /// The text as typed.
    #[prop(into)]
    value: Signal<String>,
    /// The message for the current text, if it is not valid.
    #[prop(into)]
    error: Signal<Option<String>>,
    /// Called with the new text on every keystroke.
    on_input: Callback<String>,
    /// Mobile keyboard hint, e.g. "decimal".
    #[prop(optional)]
    inputmode: Option<&'static str>,
    /// A unit shown after the input, e.g. "%".
    #[prop(into, optional)]
    suffix: MaybeProp<String>,
    /// Extra class on the wrapper.
    #[prop(optional)]
    class: Option<&'static str>,
    /// Put before the visible label in the input's accessible name: what a row of fields is
    /// about (e.g. the channel) when the visible label is short. An `aria-label` rather than
    /// hidden text in the label, which browsers would join with a space ("Web広告の 割合").
    #[prop(into, optional)]
    context: Option<Signal<String>>,
) -> impl IntoView {
    let hint_id = format!("{id}-hint");
    let message_id = format!("{id}-message");
    let described_by = if hint.is_some() {
        format!("{hint_id} {message_id}")
    } else {
        message_id.clone()
    };
    view! {
        <div class=format!("field {}", class.unwrap_or("")) class:invalid=move || error.with(Option::is_some)>
            <label for=id.clone()>
                {move || label.get()}
            </label>
            {hint.map(|h| view! { <p class="hint" id=hint_id.clone()>{move || h.get()}</p> })}
            <div class="input-wrap">
            <input
                id=id.clone()
                type="text"
                autocomplete="off"
                spellcheck="false"
                maxlength="64"
                inputmode=inputmode
                prop:value=move || value.get()
                aria-invalid=move || error.with(Option::is_some).to_string()
                aria-describedby=described_by
                aria-label=move || context.map(|c| format!("{}{}", c.get(), label.get()))
                on:input=move |ev| on_input.run(event_target_value(&ev))
            />
            {move || suffix.get().map(|s| view! { <span class="suffix" aria-hidden="true">{s}</span> })}
            </div>
            <p class="message" id=message_id aria-live="polite">
                {move || error.get()}
            </p>
        </div>
    }
}
