//! Mounts the calculator. Everything it computes lives in `funnel-model`; this crate is the page.

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
mod storage;
#[cfg(target_arch = "wasm32")]
mod store;
#[cfg(target_arch = "wasm32")]
mod ui;

#[cfg(target_arch = "wasm32")]
fn main() {
    // The build-time rendering goes and the app comes in one task: no frame shows neither.
    let carried = prerender::take_over();
    leptos::mount::mount_to_body(app::App);
    prerender::restore(carried);
}

/// The page only runs in a browser; natively there is nothing to start (the model and charts
/// crates hold what is tested natively).
#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("funnel-app runs in the browser: build it with `trunk build` (see README.md)");
}
