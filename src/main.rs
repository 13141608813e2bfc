//! The browser entry point: install the panic hook and mount the app.

#[cfg(target_arch = "wasm32")]
fn main() {
    console_error_panic_hook::set_once();
    // In a task of its own: the browser finishes compiling the wasm in the task that
    // calls `main`, so mounting there would make one long task of both.
    leptos::prelude::set_timeout(mount, std::time::Duration::ZERO);
}

/// Builds the page a part per task (`ui::staged`), while the static header of
/// `index.html` stays on screen: the app is set up in one task (`ui::prepare`: the link,
/// the state, the effects that follow the theme), its view mounted in the next, and once
/// the live header is built (out of sight), one task swaps the two; every later part
/// appears below what is already shown, so nothing painted moves and no single task lays
/// out the whole first screen.
#[cfg(target_arch = "wasm32")]
fn mount() {
    use leptos::prelude::Owner;
    // Effects are spawned on Leptos's executor; `mount_to` starts it too, but only later.
    let _ = any_spawner::Executor::init_wasm_bindgen();
    let owner = Owner::new();
    let prepared = owner.with(llm_tco::ui::prepare);
    leptos::prelude::set_timeout(
        move || {
            owner.with(|| mount_view(prepared));
            // The app lives as long as the page.
            std::mem::forget(owner);
        },
        std::time::Duration::ZERO,
    );
}

#[cfg(target_arch = "wasm32")]
fn mount_view(prepared: llm_tco::ui::Prepared) {
    use wasm_bindgen::JsCast;
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let (Some(body), Ok(root)) = (document.body(), document.create_element("div")) else {
        return;
    };
    root.set_id("app");
    let _ = root.set_attribute("hidden", "");
    // Busy until every part is built (assistive technology waits; so do the tests).
    let _ = root.set_attribute("aria-busy", "true");
    let _ = body.append_child(&root);
    leptos::mount::mount_to(root.clone().unchecked_into(), move || {
        llm_tco::ui::page_view(prepared)
    })
    .forget();
    let shown = root.clone();
    llm_tco::ui::staged::after_first_block(move || {
        llm_tco::ui::remove_boot_header();
        let _ = shown.remove_attribute("hidden");
    });
    llm_tco::ui::staged::when_done(move || {
        let _ = root.set_attribute("aria-busy", "false");
    });
    llm_tco::ui::chart::preload();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("llm-tco is the browser app; build it with `make build`. The command line is `tco`.");
    std::process::exit(2);
}
