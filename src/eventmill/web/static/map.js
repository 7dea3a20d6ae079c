// The map: country outlines we ship (Natural Earth, public domain) and a circle per place,
// sized by events and coloured by the share of conflict. A click on a circle opens its events.
"use strict";

(function () {
  const em = window.eventmill;
  const data = em.data("map-data");
  const target = document.getElementById("map");
  if (!data || !target) return;

  const places = data.places.map(function (p) {
    const sides = (p.cooperation || 0) + (p.conflict || 0);
    return Object.assign({}, p, { conflict_share: sides ? p.conflict / sides : 0.5 });
  });

  // events per country of the places shown: a light shade under the markers
  const byCountry = {};
  places.forEach(function (p) {
    if (p.country) byCountry[p.country] = (byCountry[p.country] || 0) + (p.events || 0);
  });
  const countries = Object.keys(byCountry).map(function (iso) {
    return { iso: iso, events: byCountry[iso] };
  });

  const spec = {
    width: "container",
    height: 460,
    projection: { type: "equalEarth" },
    // the country shade and the marker colour are two different measures
    resolve: { scale: { color: "independent" } },
    config: { view: { stroke: null } },
    layer: [
      { data: { url: "/static/countries.geojson", format: { type: "json", property: "features" } },
        transform: [
          { lookup: "properties.iso", from: { data: { values: countries }, key: "iso", fields: ["events"] } },
          // a country with no event keeps the base shade (a null would drop its outline)
          { calculate: "datum.events || 0", as: "country_events" },
        ],
        mark: { type: "geoshape", stroke: "#ffffff", strokeWidth: 0.5 },
        encoding: {
          color: { field: "country_events", type: "quantitative", legend: null,
            scale: { domain: [0, Math.max(1, ...countries.map(function (c) { return c.events; }))],
              range: ["#e3e8ee", "#b8c7d9"] } },
          tooltip: [{ field: "properties.name", title: "country" },
            { field: "country_events", title: "events here" }] } },
      { data: { values: places },
        mark: { type: "circle", opacity: 0.8, stroke: "#ffffff", strokeWidth: 1, cursor: "pointer" },
        encoding: {
          longitude: { field: "lon", type: "quantitative" },
          latitude: { field: "lat", type: "quantitative" },
          size: { field: "events", type: "quantitative", title: "events",
            scale: { range: [60, 900] }, legend: null },
          color: { field: "conflict_share", type: "quantitative", title: "share of conflict",
            scale: { domain: [0, 1], range: ["#2a9d8f", "#e9c46a", "#d1495b"] }, legend: null },
          tooltip: [
            { field: "name", title: "place" }, { field: "country" }, { field: "events" },
            { field: "cooperation" }, { field: "conflict" },
          ],
        } },
    ],
  };

  em.embed(target, spec).then(function (result) {
    result.view.addEventListener("click", function (event, item) {
      if (!item || !item.datum || item.datum.lat === undefined || !item.datum.name) return;
      const params = new URLSearchParams(data.params);
      params.set("place", item.datum.name);
      window.location.assign("/events?" + params.toString());
    });
    target.setAttribute("data-ready", "1");
  }).catch(function (err) {
    target.textContent = "The map could not be drawn: " + err.message;
  });
})();
