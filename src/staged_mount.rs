//! The first mount, spread over short tasks. Building the whole calculator at once is one long
//! task on a phone's CPU, and the page does not answer a tap or a keystroke while it runs. So the
//! app is built into an element outside the document, one `Deferred` part per task, while the
//! build-time rendering stays on screen and usable; the finished app then replaces it in one
//! short task. After the first mount, a `Deferred` part renders at once.

use std::cell::{Cell, RefCell};
use std::collections::VecDeque;
use std::time::Duration;

use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

type Step = Box<dyn FnOnce()>;

thread_local! {
    static WAITING: RefCell<VecDeque<Step>> = const { RefCell::new(VecDeque::new()) };
    static FINISH: RefCell<Option<Step>> = const { RefCell::new(None) };
    static AFTER: RefCell<VecDeque<Step>> = const { RefCell::new(VecDeque::new()) };
    static STAGING: Cell<bool> = const { Cell::new(false) };
    static NEXT: Option<(web_sys::MessagePort, Closure<dyn FnMut()>)> = step_channel();
}

/// Builds the app part by part outside the document, then puts it in with `show`, which is given
/// the finished element. `prepare` runs in a task of its own before the first part (the
/// session: reading storage and the address), and its result is handed to `app`.
pub fn mount<S, F, N>(
    prepare: impl FnOnce() -> S + 'static,
    app: F,
    show: impl FnOnce(web_sys::HtmlElement) + 'static,
) where
    S: 'static,
    F: FnOnce(S) -> N + 'static,
    N: IntoView,
{
    let Some(root) = document()
        .create_element("div")
        .ok()
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    else {
        leptos::mount::mount_to_body(move || app(prepare()));
        return;
    };
    STAGING.set(true);
    // Not even the session is read in the task that started the WASM: that task already
    // compiles and instantiates it.
    let target = root.clone();
    WAITING.with_borrow_mut(|w| {
        w.push_back(Box::new(move || {
            let prepared = prepare();
            WAITING.with_borrow_mut(|w| {
                w.push_back(Box::new(move || {
                    leptos::mount::mount_to(target, move || app(prepared)).forget();
                }))
            });
        }))
    });
    FINISH.set(Some(Box::new(move || show(root))));
    next_step();
}

/// Runs the next step in a task of its own. A message to a channel's other port queues a task at
/// once; a chain of `setTimeout(0)`s would be held 4 ms per step after the fifth.
fn next_step() {
    NEXT.with(|next| match next {
        Some((port, _)) => {
            let _ = port.post_message(&JsValue::NULL);
        }
        None => set_timeout(step, Duration::ZERO),
    });
}

fn step() {
    if let Some(step) = WAITING.with_borrow_mut(VecDeque::pop_front) {
        step();
        next_step();
    } else if let Some(finish) = FINISH.take() {
        STAGING.set(false);
        finish();
        next_step();
    } else if let Some(step) = AFTER.with_borrow_mut(VecDeque::pop_front) {
        step();
        next_step();
    }
}

/// The port to post to, and the handler its partner runs (kept alive with it).
fn step_channel() -> Option<(web_sys::MessagePort, Closure<dyn FnMut()>)> {
    let channel = web_sys::MessageChannel::new().ok()?;
    let on_message = Closure::<dyn FnMut()>::new(step);
    channel
        .port1()
        .set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    Some((channel.port2(), on_message))
}

/// A part of the page built in a task of its own during the first mount.
#[component]
pub fn Deferred(children: ChildrenFn) -> impl IntoView {
    when_its_turn_comes(&WAITING, children)
}

/// A part of the page nobody sees at first (the inside of a closed panel): built in a task of its
/// own once the first mount is on screen.
#[component]
pub fn AfterFirstMount(children: ChildrenFn) -> impl IntoView {
    when_its_turn_comes(&AFTER, children)
}

/// `children` at once after the first mount; during it, once `queue` reaches them.
fn when_its_turn_comes(
    queue: &'static std::thread::LocalKey<RefCell<VecDeque<Step>>>,
    children: ChildrenFn,
) -> AnyView {
    if !STAGING.get() {
        return children().into_any();
    }
    let shown = RwSignal::new(false);
    queue.with_borrow_mut(|w| {
        w.push_back(Box::new(move || {
            shown.try_set(true);
        }))
    });
    (move || shown.get().then(|| children())).into_any()
}
