//! Mounts the whole calculator (the embed has its own, smaller entry point: `bin/embed.rs`).

#[cfg(target_arch = "wasm32")]
fn main() {
    funnel_app::mount_calculator();
}

/// The page only runs in a browser; natively there is nothing to start (the model and charts
/// crates hold what is tested natively).
#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("funnel-app runs in the browser: build it with `trunk build` (see README.md)");
}
