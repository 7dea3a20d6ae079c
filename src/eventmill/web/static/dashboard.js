// Shared by the dashboard's pages: read a JSON data block, embed a Vega-Lite chart under the
// Content-Security-Policy, build DOM safely (text only, never innerHTML).
"use strict";

window.eventmill = (function () {
  // The page's data, from a <script type="application/json"> block the server wrote.
  function data(id) {
    const el = document.getElementById(id);
    return el ? JSON.parse(el.textContent) : null;
  }

  // ast: true makes Vega interpret expressions instead of compiling them with new Function,
  // which the CSP (no 'unsafe-eval') forbids; the default styles are injected as inline
  // <style> elements, which it forbids too: ours are in style.css.
  const EMBED_OPTIONS = {
    renderer: "svg",
    actions: false,
    ast: true,
    defaultStyle: false,
    tooltip: { disableDefaultStyle: true },
  };

  function embed(target, spec) {
    return window.vegaEmbed(target, spec, EMBED_OPTIONS);
  }

  // An element with optional class and text; children appended in order.
  function el(tag, cls, text, children) {
    const node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text !== undefined && text !== null) node.textContent = String(text);
    (children || []).forEach(function (c) { if (c) node.appendChild(c); });
    return node;
  }

  function link(href, text, cls) {
    const a = el("a", cls, text);
    a.setAttribute("href", href);
    return a;
  }

  const QUAD_LABELS = {
    verbal_cooperation: "verbal cooperation",
    material_cooperation: "material cooperation",
    verbal_conflict: "verbal conflict",
    material_conflict: "material conflict",
  };

  function actorText(name, code) {
    if (name && code && code !== name) return name + " (" + code + ")";
    return name || code || "—";
  }

  // A table of events as /api/events returns them.
  function eventsTable(events) {
    const head = el("thead", null, null, [el("tr", null, null, [
      el("th", null, "Date"), el("th", null, "Source"), el("th", null, "Event"),
      el("th", null, "Target"), el("th", null, "Place"), el("th", null, "Evidence"),
    ])]);
    const body = el("tbody");
    events.forEach(function (e) {
      const type = el("td", null, null, [link("/events/" + encodeURIComponent(e.event_id), e.type, "etype")]);
      if (e.mode) type.appendChild(el("span", "mode", " " + e.mode));
      type.appendChild(el("br"));
      if (e.quad) type.appendChild(el("span", "badge q-" + e.quad, QUAD_LABELS[e.quad] || e.quad));
      body.appendChild(el("tr", null, null, [
        el("td", "nowrap", e.day || e.date || "—"),
        el("td", null, actorText(e.source_name, e.source_country)),
        type,
        el("td", null, actorText(e.target_name, e.target_country)),
        el("td", null, e.location_name || ""),
        el("td", "evidence", e.evidence_text || ""),
      ]));
    });
    return el("table", "events", null, [head, body]);
  }

  return { data: data, embed: embed, el: el, link: link, eventsTable: eventsTable };
})();
