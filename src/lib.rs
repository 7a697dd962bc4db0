//! The page: the views, the session and the words. Everything it computes lives in
//! `funnel-model`. Two entry points mount it: `main.rs` the whole calculator, `bin/embed.rs` the
//! compact embed alone, so an embed downloads only what the embed draws.

#[cfg(target_arch = "wasm32")]
mod app;
// Pure modules: compiled natively too, so `cargo test` checks their wording.
#[cfg(target_arch = "wasm32")]
mod browser;
#[cfg(target_arch = "wasm32")]
mod computed;
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
mod embed_code;
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
mod i18n;
#[cfg(target_arch = "wasm32")]
mod import_memory;
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
mod library;
#[cfg(target_arch = "wasm32")]
mod prerender;
#[cfg(target_arch = "wasm32")]
mod send;
#[cfg(target_arch = "wasm32")]
mod session;
#[cfg(target_arch = "wasm32")]
mod staged_mount;
#[cfg(target_arch = "wasm32")]
mod storage;
#[cfg(target_arch = "wasm32")]
mod store;
#[cfg(target_arch = "wasm32")]
mod ui;
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
mod view_model;

/// The whole calculator, built in short tasks beside the build-time rendering, which it then
/// replaces in one task: no frame shows neither.
#[cfg(target_arch = "wasm32")]
pub fn mount_calculator() {
    staged_mount::mount(app::start_session, app::app, replace_first_screen);
}

/// The compact view for a frame on another site, alone: none of the other views is linked in.
/// It is built in short tasks as the calculator is; the page's loading note goes as it comes.
#[cfg(target_arch = "wasm32")]
pub fn mount_embed() {
    staged_mount::mount(
        || (),
        |()| leptos::view! { <ui::embed::EmbedRoot /> },
        replace_first_screen,
    );
}

/// Puts the finished app in place of the build-time rendering (or the loading note) in one task,
/// with what was typed into the rendering replayed into it.
#[cfg(target_arch = "wasm32")]
fn replace_first_screen(root: web_sys::HtmlElement) {
    let carried = prerender::take_over();
    let _ = leptos::prelude::document()
        .body()
        .map(|body| body.append_child(&root));
    prerender::restore(carried);
}
