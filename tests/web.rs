//! Component tests in a real browser (wasm-bindgen-test + headless Chromium).
#![cfg(target_arch = "wasm32")]

use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// A fresh element to mount into, so tests do not see each other's DOM.
fn container() -> web_sys::HtmlElement {
    let document = web_sys::window().unwrap().document().unwrap();
    let div = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&div).unwrap();
    div.unchecked_into()
}

async fn tick() {
    leptos::task::tick().await;
}

#[wasm_bindgen_test]
async fn app_mounts_heading_and_chart_element() {
    let root = container();
    let _handle = leptos::mount::mount_to(root.clone(), llm_tco::ui::App);
    tick().await;
    let heading = root.query_selector("h1").unwrap().expect("heading");
    assert_eq!(heading.text_content().unwrap(), "LLM TCO");
    let chart = root.query_selector(".chart").unwrap().expect("chart element");
    assert_eq!(chart.get_attribute("role").as_deref(), Some("img"));
}
