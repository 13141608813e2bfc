//! The browser entry point: install the panic hook and mount the app.

#[cfg(target_arch = "wasm32")]
fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(llm_tco::ui::App);
    // The static header index.html painted first goes in the same task, so no frame shows
    // both and nothing below it moves.
    if let Some(boot) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id("boot-top")) {
        boot.remove();
    }
    llm_tco::ui::echarts::preload();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("llm-tco is the browser app; build it with `make build`. The command line is `tco`.");
    std::process::exit(2);
}
