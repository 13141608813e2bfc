//! The ECharts calls the charts need, bound by hand: only these few (the instance each
//! chart element owns, its renderer for clicks) reach the wasm.

use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    /// An ECharts instance.
    pub type ECharts;

    #[wasm_bindgen(catch, js_namespace = echarts, js_name = init)]
    fn init_js(
        el: &web_sys::HtmlElement,
        theme: JsValue,
        opts: &JsValue,
    ) -> Result<ECharts, JsValue>;

    #[wasm_bindgen(catch, method, js_name = setOption)]
    pub(super) fn set_option_js(
        this: &ECharts,
        option: &JsValue,
        opts: &JsValue,
    ) -> Result<(), JsValue>;

    #[wasm_bindgen(catch, method)]
    pub fn resize(this: &ECharts) -> Result<(), JsValue>;

    #[wasm_bindgen(method)]
    pub fn dispose(this: &ECharts);

    #[wasm_bindgen(method)]
    pub fn on(this: &ECharts, event: &str, handler: &js_sys::Function);

    #[wasm_bindgen(method, js_name = getZr)]
    pub fn get_zr(this: &ECharts) -> ZRender;

    #[wasm_bindgen(catch, method, js_name = convertFromPixel)]
    pub fn convert_from_pixel(
        this: &ECharts,
        finder: &JsValue,
        point: &JsValue,
    ) -> Result<JsValue, JsValue>;

    #[wasm_bindgen(catch, method, js_name = getDataURL)]
    pub fn get_data_url(this: &ECharts, opts: &JsValue) -> Result<JsValue, JsValue>;

    /// The instance drawn into an element, `undefined` if none.
    #[wasm_bindgen(js_namespace = echarts, js_name = getInstanceByDom)]
    pub(super) fn instance_by_dom(el: &web_sys::Element) -> JsValue;

    #[wasm_bindgen(method, js_name = getWidth)]
    pub fn get_width(this: &ECharts) -> f64;

    #[wasm_bindgen(method, js_name = getHeight)]
    pub fn get_height(this: &ECharts) -> f64;

    /// The renderer under an instance (for clicks anywhere on the canvas).
    pub type ZRender;

    #[wasm_bindgen(method)]
    pub fn on(this: &ZRender, event: &str, handler: &js_sys::Function);
}

/// Whether the ECharts script has run.
pub fn loaded() -> bool {
    js_sys::Reflect::get(&js_sys::global(), &JsValue::from_str("echarts"))
        .map(|v| !v.is_undefined())
        .unwrap_or(false)
}

/// Creates the instance for an element: canvas, or SVG for `svg` (None unless a page
/// registers the SVG renderer, which the bundled ECharts leaves out).
pub fn init(el: &web_sys::HtmlElement, svg: bool) -> Option<ECharts> {
    if !loaded() {
        return None;
    }
    let opts = js_sys::Object::new();
    let renderer = if svg { "svg" } else { "canvas" };
    let _ = js_sys::Reflect::set(&opts, &"renderer".into(), &renderer.into());
    init_js(el, JsValue::NULL, &opts).ok()
}
