/*
 * llm-tco embed script: puts the LLM cost calculator on another site in an iframe that
 * sizes itself to its content. No dependencies. Full documentation: EMBEDDING.md.
 *
 *   <div data-llm-tco="?v=1&p=document-processing&req=250000"></div>
 *   <script src="https://calc.example/embed.js" async></script>
 *
 * data-llm-tco  the scenario: a full calculator link, a "?query" or a bare query
 *               (empty for the default scenario).
 * data-theme    light | dark | auto
 * data-accent   #rrggbb
 * data-sections comma list of inputs, decision, results, breakeven, tco, breakdown
 *
 * The iframe points at the calculator next to this script (the directory of its src),
 * with embed=1 added. The calculator posts {type: "llm-tco:resize", height} to this page
 * whenever its content height changes; a message is used only when it comes from that
 * origin and from that very iframe, and the height is clamped to 200-20000 px.
 * Including the script twice is harmless; several embeds on one page size independently.
 * Embeds added to the page later are picked up by calling window.llmTcoEmbed.scan().
 */
(() => {
  'use strict';
  const script = document.currentScript;
  if (!script || !script.src) return;

  const MESSAGE_TYPE = 'llm-tco:resize';
  const MIN_HEIGHT = 200;
  const MAX_HEIGHT = 20000;
  const PAGE_KEYS = ['embed', 'theme', 'accent', 'sections'];

  // One registry and one message listener per page, however often the script is included.
  const registry = window.llmTcoEmbed || (window.llmTcoEmbed = { frames: new Map(), scan: null });
  const calculator = new URL('./', script.src);

  /** The scenario's query from a full link, "?query" or bare query. */
  function scenarioQuery(value) {
    const text = (value || '').trim();
    if (/^[a-z][a-z0-9+.-]*:/i.test(text) || text.startsWith('/')) {
      try { return new URL(text, calculator).search; } catch { return ''; }
    }
    const query = text.split('#')[0];
    return query.startsWith('?') ? query : '?' + query;
  }

  function frameFor(host) {
    const params = new URLSearchParams(scenarioQuery(host.getAttribute('data-llm-tco')));
    for (const key of PAGE_KEYS) params.delete(key);
    params.set('embed', '1');
    for (const key of ['theme', 'accent', 'sections']) {
      const value = host.getAttribute('data-' + key);
      if (value) params.set(key, value);
    }
    const src = new URL(calculator);
    src.search = params.toString();

    const iframe = document.createElement('iframe');
    iframe.setAttribute('loading', 'lazy');
    iframe.title = 'LLM cost calculator';
    iframe.src = src.href;
    iframe.style.cssText = 'display:block;width:100%;height:800px;border:0;';
    return iframe;
  }

  function scan(root) {
    for (const host of (root || document).querySelectorAll('[data-llm-tco]')) {
      if (host.querySelector('iframe[data-llm-tco-frame]')) continue;
      const iframe = frameFor(host);
      iframe.setAttribute('data-llm-tco-frame', '');
      registry.frames.set(iframe, calculator.origin);
      host.appendChild(iframe);
    }
  }

  if (!registry.scan) {
    registry.scan = scan;
    window.addEventListener('message', (event) => {
      const data = event.data;
      if (!data || typeof data !== 'object' || data.type !== MESSAGE_TYPE) return;
      if (typeof data.height !== 'number' || !Number.isFinite(data.height)) return;
      for (const [iframe, origin] of registry.frames) {
        if (!iframe.isConnected) { registry.frames.delete(iframe); continue; }
        if (event.source !== iframe.contentWindow || event.origin !== origin) continue;
        const height = Math.min(MAX_HEIGHT, Math.max(MIN_HEIGHT, Math.ceil(data.height)));
        iframe.style.height = height + 'px';
        return;
      }
    });
  }

  // An async script may run before the rest of the page is parsed.
  scan();
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', () => scan());
})();
