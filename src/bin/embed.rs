//! Mounts the compact embed alone: a frame in a blog post downloads the funnel, its inputs and
//! its chart, not the whole calculator.

#[cfg(target_arch = "wasm32")]
fn main() {
    funnel_app::mount_embed();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("funnel-embed runs in the browser: `scripts/build` builds it (see README.md)");
}
