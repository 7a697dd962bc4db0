//! The page: the views, the session and the words. Everything it computes lives in
//! `funnel-model`. Two entry points mount it: `main.rs` the whole calculator (with Leptos),
//! `bin/embed.rs` the compact embed alone (on the DOM directly, see `embed`), so an embed
//! downloads only what the embed draws.

#[cfg(all(target_arch = "wasm32", feature = "calculator"))]
mod app;
// The embed (built without `calculator`) uses part of these; the pure modules are compiled
// natively too, so `cargo test` checks their wording.
#[cfg(target_arch = "wasm32")]
#[cfg_attr(not(feature = "calculator"), allow(dead_code))]
mod browser;
#[cfg(target_arch = "wasm32")]
mod canvas_draw;
#[cfg(all(target_arch = "wasm32", feature = "calculator"))]
mod computed;
#[cfg(target_arch = "wasm32")]
mod dom;
#[cfg(target_arch = "wasm32")]
mod downloads;
#[cfg(target_arch = "wasm32")]
mod embed;
#[cfg_attr(
    not(all(target_arch = "wasm32", feature = "calculator")),
    allow(dead_code)
)]
mod embed_code;
#[cfg(target_arch = "wasm32")]
#[cfg_attr(feature = "calculator", allow(dead_code))]
mod first_screen;
#[cfg_attr(
    not(all(target_arch = "wasm32", feature = "calculator")),
    allow(dead_code)
)]
mod i18n;
#[cfg(all(target_arch = "wasm32", feature = "calculator"))]
mod import_memory;
#[cfg_attr(
    not(all(target_arch = "wasm32", feature = "calculator")),
    allow(dead_code)
)]
mod library;
#[cfg(target_arch = "wasm32")]
#[cfg_attr(not(feature = "calculator"), allow(dead_code))]
mod prerender;
#[cfg(all(target_arch = "wasm32", feature = "calculator"))]
mod send;
#[cfg(all(target_arch = "wasm32", feature = "calculator"))]
mod session;
#[cfg(all(target_arch = "wasm32", feature = "calculator"))]
mod staged_mount;
#[cfg(all(target_arch = "wasm32", feature = "calculator"))]
mod storage;
#[cfg(all(target_arch = "wasm32", feature = "calculator"))]
mod store;
#[cfg(all(target_arch = "wasm32", feature = "calculator"))]
mod ui;
#[cfg_attr(
    not(all(target_arch = "wasm32", feature = "calculator")),
    allow(dead_code)
)]
mod view_model;

/// The whole calculator, built in short tasks beside the build-time rendering, which it then
/// replaces in one task: no frame shows neither.
#[cfg(all(target_arch = "wasm32", feature = "calculator"))]
pub fn mount_calculator() {
    // An address changed to an embed's in a tab that already has this build.
    if embed::is_embed_address() {
        return embed::mount();
    }
    staged_mount::mount(app::start_session, app::app, replace_first_screen);
}

/// The compact view for a frame on another site, alone: none of the other views is linked in,
/// nor the framework.
#[cfg(target_arch = "wasm32")]
pub fn mount_embed() {
    embed::mount();
}

/// The first screen's own small build: the page's rendering of the first screen answers what is
/// typed into it before the calculator's WASM has arrived.
#[cfg(target_arch = "wasm32")]
pub fn drive_first_screen() {
    first_screen::drive();
}

/// Puts the finished app in place of the build-time rendering (or the loading note) in one task,
/// with what was typed into the rendering replayed into it.
#[cfg(target_arch = "wasm32")]
fn replace_first_screen(root: web_sys::HtmlElement) {
    let carried = prerender::take_over();
    let body = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.body());
    if let Some(body) = body {
        let _ = body.append_child(&root);
    }
    prerender::restore(carried);
}
