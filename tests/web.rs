//! Component tests in a real browser (wasm-bindgen-test + headless Chromium): mount the
//! app, type into its inputs, and read the DOM.
#![cfg(target_arch = "wasm32")]

use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, HtmlInputElement, HtmlSelectElement};

wasm_bindgen_test_configure!(run_in_browser);

/// Mounts the app into a fresh element, so tests do not see each other's DOM.
/// Lets queued effects and renders run.
async fn settle() {
    for _ in 0..3 {
        leptos::task::tick().await;
    }
}

/// Resolves in a task after the current one (a zero-delay timeout).
async fn next_task() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let _ = web_sys::window()
            .unwrap()
            .set_timeout_with_callback(&resolve);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

async fn mount() -> (HtmlElement, impl Drop) {
    // The app reads its scenario from the address, which an earlier test's app has kept
    // equal to that test's scenario (its preset included): start each test from none.
    mount_at("?").await
}

/// Mounts the app as if opened at the query `search`.
async fn mount_at(search: &str) -> (HtmlElement, impl Drop) {
    let window = web_sys::window().unwrap();
    window
        .history()
        .unwrap()
        .replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(search))
        .unwrap();
    let document = window.document().unwrap();
    let div: HtmlElement = document.create_element("div").unwrap().unchecked_into();
    document.body().unwrap().append_child(&div).unwrap();
    let handle = leptos::mount::mount_to(div.clone(), llm_tco::ui::App);
    // The page builds its parts below the first screen in later tasks: wait for all.
    while llm_tco::ui::staged::pending() {
        next_task().await;
    }
    settle().await;
    (div, handle)
}

fn find(root: &Element, selector: &str) -> Element {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("no {selector}"))
}

fn text(root: &Element, selector: &str) -> String {
    find(root, selector).text_content().unwrap_or_default()
}

/// Types `value` into the input of a field, as a person would (an `input` event).
async fn type_into(root: &Element, path: &str, value: &str) {
    let input: HtmlInputElement =
        find(root, &format!("[data-field='{path}'] input[type=text]")).unchecked_into();
    input.set_value(value);
    let event = web_sys::Event::new("input").unwrap();
    input.dispatch_event(&event).unwrap();
    settle().await;
}

#[wasm_bindgen_test]
async fn labels_a_visitor_looks_for_are_there() {
    let (root, _h) = mount().await;
    let labels: Vec<String> = {
        let list = root.query_selector_all("label").unwrap();
        (0..list.length())
            .filter_map(|i| list.item(i)?.text_content())
            .collect()
    };
    for wanted in [
        "Monthly requests",
        "Input tokens per request",
        "Output tokens per request",
        "API model",
        "Open model",
        "GPU",
    ] {
        assert!(
            labels.iter().any(|l| l == wanted),
            "missing label {wanted}: {labels:?}"
        );
    }
}

#[wasm_bindgen_test]
async fn typing_a_volume_updates_the_api_cost() {
    let (root, _h) = mount().await;
    // Document processing: 2,000 input and 300 output tokens at $3 / $15 per M tokens is
    // $0.0105 a request. Tokens alone for 2M requests: $21,000; the fixed parts (0.05 FTE
    // x $16,000 = $800 and $5,000 implementation / 36 months = $138.89) add $938.89.
    type_into(&root, "workload.monthly_requests", "2,000,000").await;
    assert_eq!(text(&root, "[data-option=api] .amount"), "$21,939");
    type_into(&root, "workload.monthly_requests", "1M").await;
    // $10,500 + $938.89
    assert_eq!(text(&root, "[data-option=api] .amount"), "$11,439");
}

#[wasm_bindgen_test]
async fn a_bad_value_names_the_range_and_keeps_the_last_results() {
    let (root, _h) = mount().await;
    let before = text(&root, "[data-option=api] .amount");
    type_into(&root, "workload.peak_to_average", "0.5").await;
    let error = text(&root, "[data-field='workload.peak_to_average'] .error");
    assert_eq!(error, "Peak to average: must be a number from 1 to 100.");
    assert_eq!(text(&root, "[data-option=api] .amount"), before);
    assert!(
        root.query_selector(".results.stale").unwrap().is_some(),
        "results are marked stale"
    );
    type_into(&root, "workload.monthly_requests", "abc").await;
    assert!(text(&root, "[data-field='workload.monthly_requests'] .error").contains("from 0 to"));
    // A valid value clears that field's message.
    type_into(&root, "workload.peak_to_average", "2").await;
    assert_eq!(
        text(&root, "[data-field='workload.peak_to_average'] .error"),
        ""
    );
}

#[wasm_bindgen_test]
async fn switching_preset_replaces_the_inputs_and_reset_returns_to_it() {
    let (root, _h) = mount().await;
    let select: HtmlSelectElement = find(&root, "#preset").unchecked_into();
    select.set_value("rag-knowledge-base");
    select
        .dispatch_event(&web_sys::Event::new("change").unwrap())
        .unwrap();
    settle().await;
    let requests: HtmlInputElement = find(
        &root,
        "[data-field='workload.monthly_requests'] input[type=text]",
    )
    .unchecked_into();
    assert_eq!(requests.value(), "800,000");
    type_into(&root, "workload.monthly_requests", "5000").await;
    assert_eq!(requests.value(), "5000");
    let reset: HtmlElement = root
        .query_selector_all(".controls button")
        .unwrap()
        .item(0)
        .unwrap()
        .unchecked_into();
    reset.click();
    settle().await;
    assert_eq!(requests.value(), "800,000");
}

#[wasm_bindgen_test]
async fn an_embed_link_shows_the_chosen_sections_and_keeps_its_keys() {
    let window = web_sys::window().unwrap();
    let (root, _handle) = mount_at(
        "?v=1&p=document-processing&req=250000&embed=1&accent=red&sections=decision%2Ctco",
    )
    .await;
    let search = window.location().search().unwrap();
    let count = |selector: &str| root.query_selector_all(selector).unwrap().length();
    assert_eq!(count(".embed-root"), 1);
    assert_eq!(count("header.top"), 0, "no page header in embed mode");
    assert_eq!(count(".inputs"), 0);
    assert_eq!(count(".results"), 0);
    assert_eq!(count(".decision"), 1);
    assert_eq!(count("[data-chart]"), 1);
    assert_eq!(count("[data-chart=tco]"), 1);
    assert!(text(&root, "[data-notice=link]").contains("link key \"accent\""));
    let full = find(&root, ".embed-open").get_attribute("href").unwrap();
    assert!(
        full.contains("req=250000") && !full.contains("embed"),
        "{full}"
    );
    // The address bar keeps what it understood of the page keys after the scenario.
    assert!(
        search.ends_with("&req=250000&embed=1&sections=decision%2Ctco"),
        "{search}"
    );
}

fn local_storage() -> web_sys::Storage {
    web_sys::window().unwrap().local_storage().unwrap().unwrap()
}

#[wasm_bindgen_test]
async fn damaged_saved_scenarios_are_reported_and_the_page_still_works() {
    local_storage()
        .set_item("llm-tco:saved:v1", "{not json")
        .unwrap();
    let (root, _h) = mount().await;
    let notice = text(&root, "[data-notice='saved']");
    assert!(notice.contains("damaged"), "{notice}");
    type_into(&root, "workload.monthly_requests", "2,000,000").await;
    assert_eq!(text(&root, "[data-option=api] .amount"), "$21,939");
    local_storage().remove_item("llm-tco:saved:v1").unwrap();
}

#[wasm_bindgen_test]
async fn saving_lists_the_scenario_and_stores_its_link() {
    local_storage().remove_item("llm-tco:saved:v1").unwrap();
    let (root, _h) = mount().await;
    type_into(&root, "workload.monthly_requests", "250000").await;
    let name: HtmlInputElement = find(&root, "#save-name").unchecked_into();
    name.set_value("Quarter-million");
    name.dispatch_event(&web_sys::Event::new("input").unwrap())
        .unwrap();
    let form: web_sys::HtmlFormElement = find(&root, ".save-form").unchecked_into();
    form.request_submit().unwrap();
    settle().await;
    assert_eq!(text(&root, ".saved-row .saved-name"), "Quarter-million");
    let stored = local_storage()
        .get_item("llm-tco:saved:v1")
        .unwrap()
        .unwrap();
    let list: serde_json::Value = serde_json::from_str(&stored).unwrap();
    assert_eq!(list[0]["name"], "Quarter-million");
    assert_eq!(list[0]["query"], "v=1&p=document-processing&req=250000");
    local_storage().remove_item("llm-tco:saved:v1").unwrap();
}

thread_local! {
    /// The blocks of the staging test, in the order they were built.
    static BUILT: std::cell::RefCell<Vec<&'static str>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// A block's text, noted as built.
fn built(name: &'static str) -> &'static str {
    BUILT.with(|b| b.borrow_mut().push(name));
    name
}

/// Blocks are built a task each: `soon` ones first, in page order, then the others; a
/// `next` block created while a block is built comes right after that block, before
/// every other waiting one.
#[wasm_bindgen_test]
async fn later_blocks_arrive_in_order_and_a_next_block_right_after_its_parent() {
    use leptos::prelude::*;
    use llm_tco::ui::staged::{Later, pending};

    while pending() {
        next_task().await;
    }
    let document = web_sys::window().unwrap().document().unwrap();
    let div: HtmlElement = document.create_element("div").unwrap().unchecked_into();
    document.body().unwrap().append_child(&div).unwrap();
    let _handle = leptos::mount::mount_to(div.clone(), || {
        view! {
            <Later><p>{built("C")}</p></Later>
            <Later soon=true>
                <p>{built("A")}</p>
                <Later next=true><p>{built("A2")}</p></Later>
            </Later>
            <Later soon=true><p>{built("B")}</p></Later>
        }
    });
    assert_eq!(
        div.text_content().unwrap_or_default(),
        "",
        "nothing is built in the mount's task"
    );
    assert!(pending());
    while pending() {
        next_task().await;
    }
    settle().await;
    assert_eq!(BUILT.with(|b| b.borrow().clone()), ["A", "A2", "B", "C"]);
    // Each in its place on the page, whatever the order it was built in.
    assert_eq!(div.text_content().unwrap_or_default(), "CAA2B");
}
