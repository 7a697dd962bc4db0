//! Makes the page's build-time rendering of the first screen answer what is typed into it, while
//! the calculator's own, much larger WASM is still on its way (see `first_screen`).

#[cfg(target_arch = "wasm32")]
fn main() {
    funnel_app::drive_first_screen();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("funnel-first runs in the browser: `scripts/build` builds it (see README.md)");
}
