//! The browser entry point: install the panic hook and mount the app.

#[cfg(target_arch = "wasm32")]
fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(llm_tco::ui::App);
    llm_tco::ui::echarts::preload();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("llm-tco is the browser app; build it with `make build`. The command line is `tco`.");
    std::process::exit(2);
}
