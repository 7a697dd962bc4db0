//! The embed's height, told to the page around its frame so the frame fits its content.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Posts the embed's height (a bare number) to the parent page each time it changes, at most
/// once per animation frame. The number carries nothing secret, so any parent may read it; the
/// parent snippet in the embed code checks who sent it.
pub fn post_height_on_resize(element: &web_sys::HtmlElement) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let Ok(parent) = window.parent() else {
        return;
    };
    let Some(parent) = parent else {
        return;
    };
    let element_for_frame = element.clone();
    let last = std::rc::Rc::new(std::cell::Cell::new(0.0_f64));
    let scheduled = std::rc::Rc::new(std::cell::Cell::new(false));
    let frame = {
        let (last, scheduled) = (last.clone(), scheduled.clone());
        Closure::<dyn FnMut()>::new(move || {
            scheduled.set(false);
            let height = element_for_frame.get_bounding_client_rect().height().ceil();
            if height > 0.0 && (height - last.get()).abs() >= 1.0 {
                last.set(height);
                let _ = parent.post_message(&JsValue::from_f64(height), "*");
            }
        })
    };
    let on_resize = Closure::<dyn FnMut()>::new(move || {
        if !scheduled.replace(true) {
            let _ = web_sys::window()
                .map(|w| w.request_animation_frame(frame.as_ref().unchecked_ref()));
        }
    });
    if let Ok(observer) = web_sys::ResizeObserver::new(on_resize.as_ref().unchecked_ref()) {
        observer.observe(element);
    }
    on_resize.forget();
}
