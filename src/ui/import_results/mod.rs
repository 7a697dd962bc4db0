//! What the file says: a preview of its first rows as mapped, the rows used and skipped, the
//! headline figures, stage conversion (decided and still open side by side), the lead-time
//! distribution, cohorts beside period ratios, channels with their costs, and the rows not
//! used with their reasons.

mod bad_rows;
mod channels;
mod figures;
mod preview;
mod table;

use leptos::prelude::*;

use crate::i18n::import::words;
use crate::session::Session;
use crate::ui::import::{stage_names, ImportState};

use bad_rows::BadRows;
use channels::Channels;
use figures::{Cohorts, Conversions, Headline, LeadTimes};
use preview::{Preview, Summary};

#[component]
pub fn ImportResults(session: Session, state: ImportState) -> impl IntoView {
    let lang = session.lang;
    let w = move || words(lang.get());
    let names = Memo::new(move |_| session.draft.with(|d| stage_names(d, lang.get())));
    view! {
        {move || {
            (state.table.with(Option::is_none) && state.progress.with(Option::is_none)).then(|| view! {
                <p class="note">
                    {w().choose_a_file_to_see_the}
                </p>
            })
        }}
        <Preview session=session state=state names=names />
        {move || {
            let records = state.records.get()?;
            let actuals = state.actuals.get()?;
            let table = state.table.get()?;
            Some(view! {
                <Summary lang=lang records=records.clone() table=table.clone() />
                <Headline lang=lang actuals=actuals.clone() />
                <Conversions session=session actuals=actuals.clone() />
                <LeadTimes lang=lang actuals=actuals.clone() />
                <Cohorts lang=lang actuals=actuals.clone() names=names />
                <Channels lang=lang state=state actuals=actuals.clone() names=names />
                <BadRows lang=lang records=records table=table />
            })
        }}
    }
}
