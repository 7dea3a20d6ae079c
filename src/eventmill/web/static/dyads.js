// The dyad explorer: cooperation against conflict over time; a click on a point lists the
// events of that period, fetched from /api/events with the dyad and the period's dates.
"use strict";

(function () {
  const em = window.eventmill;
  const chart = em.data("dyad-data");
  const target = document.getElementById("chart");
  if (!chart || !target) return;

  // the dropdowns submit the form themselves: one choice, one new chart
  ["pick-a", "pick-b"].forEach(function (id) {
    const pick = document.getElementById(id);
    if (pick) pick.addEventListener("change", function () { pick.form.submit(); });
  });

  // long form: one row per period and side, cooperation counted up and conflict down
  // (`signed`), spanning the period from `start` to `end` with its middle at `mid`; `day`
  // keeps the period's first day as text (Vega-Lite turns its x fields into timestamps)
  const rows = [];
  chart.points.forEach(function (p) {
    const start = Date.parse(p.start + "T00:00:00Z");
    const end = Date.parse(nextStart(p.start) + "T00:00:00Z");
    [["cooperation", p.cooperation, 1], ["conflict", p.conflict, -1]].forEach(function (s) {
      rows.push({ period: p.period, day: p.start, start: start, end: end, mid: (start + end) / 2,
        side: s[0], n: s[1], signed: s[1] * s[2], events: p.events, mean: p.intensity_mean });
    });
  });

  const color = { field: "side", type: "nominal", title: null,
    scale: { domain: ["cooperation", "conflict"], range: ["#2a9d8f", "#d1495b"] },
    legend: { orient: "top", direction: "horizontal" } };
  const tooltip = [
    { field: "period", title: chart.interval },
    { field: "side" }, { field: "n", title: "events of this side" },
    { field: "events", title: "all events" },
    { field: "mean", title: "mean intensity", format: "+.2f" },
  ];
  const y = { field: "signed", type: "quantitative",
    title: "events: cooperation ↑ conflict ↓",
    axis: { tickMinStep: 1, labelExpr: "abs(datum.value)" } };
  const spec = {
    width: "container",
    height: 320,
    data: { values: rows },
    config: { view: { stroke: null }, axis: { gridColor: "#eceff3", domainColor: "#9aa5b1" } },
    layer: [
      { transform: [{ filter: "datum.n > 0" }],
        // the period clicked stays bright, the others fade: which one is listed below
        params: [{ name: "pick", select: { type: "point", fields: ["day"], on: "click", clear: false } }],
        mark: { type: "bar", cursor: "pointer", stroke: "#ffffff", strokeWidth: 0.5 },
        encoding: {
          opacity: { condition: { param: "pick", empty: true, value: 1 }, value: 0.35 },
          x: { field: "start", type: "temporal", title: null,
            axis: { format: chart.interval === "week" ? "%d %b %Y" : "%b %Y", labelAngle: 0 } },
          x2: { field: "end" },
          y: y, y2: { datum: 0 }, color: color, tooltip: tooltip } },
      // a point at the tip of each bar: what to click, and visible even for a thin bar
      { transform: [{ filter: "datum.n > 0" }],
        mark: { type: "point", filled: true, size: 70, cursor: "pointer", opacity: 1,
          stroke: "#ffffff", strokeWidth: 1 },
        encoding: { x: { field: "mid", type: "temporal" }, y: y, color: color,
          tooltip: tooltip } },
      { mark: { type: "rule", color: "#9aa5b1" }, encoding: { y: { datum: 0 } } },
    ],
  };

  // the first day of the period after the one that starts on `day`
  function nextStart(day) {
    const d = new Date(day + "T00:00:00Z");
    if (chart.interval === "week") d.setUTCDate(d.getUTCDate() + 7);
    else d.setUTCMonth(d.getUTCMonth() + 1, 1);
    return isoDay(d);
  }

  function isoDay(d) { return d.toISOString().slice(0, 10); }

  // the last day of the period that starts on `day`
  function periodEnd(day) {
    const d = new Date(nextStart(day) + "T00:00:00Z");
    d.setUTCDate(d.getUTCDate() - 1);
    return isoDay(d);
  }

  const list = document.getElementById("period-events");
  const title = document.getElementById("period-title");
  const hint = document.getElementById("period-hint");

  function showPeriod(datum) {
    const params = new URLSearchParams({ a: chart.a, b: chart.b, date_from: datum.day,
      date_to: periodEnd(datum.day), sort: "date", order: "asc", per_page: "200" });
    if (chart.directed) params.set("directed", "true");
    title.textContent = "Events of " + datum.period;
    hint.textContent = "Loading…";
    list.replaceChildren();
    fetch("/api/events?" + params.toString(), { headers: { Accept: "application/json" } })
      .then(function (r) {
        if (!r.ok) return r.json().then(function (b) { throw new Error(b.detail || r.statusText); });
        return r.json();
      })
      .then(function (body) {
        hint.textContent = body.total + " event" + (body.total === 1 ? "" : "s") + " · ";
        params.delete("per_page");
        hint.appendChild(em.link("/events?" + params.toString(), "open in the event list"));
        list.replaceChildren(em.eventsTable(body.events));
        list.scrollIntoView({ block: "nearest" });
      })
      .catch(function (err) { hint.textContent = "Could not load the events: " + err.message; });
  }

  em.embed(target, spec).then(function (result) {
    result.view.addEventListener("click", function (event, item) {
      if (item && item.datum && item.datum.day && item.datum.n > 0) showPeriod(item.datum);
    });
    target.setAttribute("data-ready", "1");
  }).catch(function (err) {
    target.textContent = "The chart could not be drawn: " + err.message;
  });
})();
