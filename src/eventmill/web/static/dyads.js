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

  // long form: one row per period and side (cooperation, conflict)
  const rows = [];
  chart.points.forEach(function (p) {
    rows.push({ period: p.period, start: p.start, side: "cooperation", n: p.cooperation, events: p.events, mean: p.intensity_mean });
    rows.push({ period: p.period, start: p.start, side: "conflict", n: p.conflict, events: p.events, mean: p.intensity_mean });
  });

  const color = { field: "side", type: "nominal", title: null,
    scale: { domain: ["cooperation", "conflict"], range: ["#2a9d8f", "#d1495b"] },
    legend: { orient: "top" } };
  const x = { field: "start", type: "temporal", title: null,
    axis: { format: chart.interval === "week" ? "%d %b %Y" : "%b %Y", labelAngle: 0 } };
  const spec = {
    width: "container",
    height: 300,
    data: { values: rows },
    config: { view: { stroke: null }, axis: { gridColor: "#eceff3", domainColor: "#9aa5b1" } },
    layer: [
      { mark: { type: "line", strokeWidth: 2, interpolate: "monotone" },
        encoding: { x: x, y: { field: "n", type: "quantitative", title: "events", axis: { tickMinStep: 1 } }, color: color } },
      { transform: [{ filter: "datum.n > 0" }],
        mark: { type: "point", filled: true, size: 90, cursor: "pointer" },
        encoding: { x: x, y: { field: "n", type: "quantitative" }, color: color,
          tooltip: [
            { field: "period", title: chart.interval },
            { field: "side" }, { field: "n", title: "events of this side" },
            { field: "events", title: "all events" },
            { field: "mean", title: "mean intensity", format: "+.2f" },
          ] } },
    ],
  };

  function isoDay(d) { return d.toISOString().slice(0, 10); }

  // the last day of the period that starts on `start`
  function periodEnd(start) {
    const d = new Date(start + "T00:00:00Z");
    if (chart.interval === "week") d.setUTCDate(d.getUTCDate() + 6);
    else { d.setUTCMonth(d.getUTCMonth() + 1, 1); d.setUTCDate(0); }
    return isoDay(d);
  }

  const list = document.getElementById("period-events");
  const title = document.getElementById("period-title");
  const hint = document.getElementById("period-hint");

  function showPeriod(datum) {
    const params = new URLSearchParams({ a: chart.a, b: chart.b, date_from: datum.start,
      date_to: periodEnd(datum.start), sort: "date", order: "asc", per_page: "200" });
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
      if (item && item.datum && item.datum.start && item.datum.n > 0) showPeriod(item.datum);
    });
    target.setAttribute("data-ready", "1");
  }).catch(function (err) {
    target.textContent = "The chart could not be drawn: " + err.message;
  });
})();
