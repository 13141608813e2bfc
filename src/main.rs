//! The browser entry point: install the panic hook and mount the app.

#[cfg(target_arch = "wasm32")]
fn main() {
    console_error_panic_hook::set_once();
    // In a task of its own: the browser finishes compiling the wasm in the task that
    // calls `main`, so mounting there would make one long task of both.
    leptos::prelude::set_timeout(
        || {
            leptos::mount::mount_to_body(llm_tco::ui::App);
            llm_tco::ui::echarts::preload();
        },
        std::time::Duration::ZERO,
    );
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("llm-tco is the browser app; build it with `make build`. The command line is `tco`.");
    std::process::exit(2);
}
