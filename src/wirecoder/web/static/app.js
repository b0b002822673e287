// wirecoder's analyst page: map, timeline, filters, list and side panel over the JSON API.
// Every request goes to this server: /api/ (data), /basemap/ (borders), /vendor/ and /static/.

import { debounce, el, EVENT_TYPES, fetchJson } from "./dom.js";
import { EventList } from "./list.js";
import { DEFAULT_ADMIN1, EventMap, hasPoint } from "./map.js";
import { Panel } from "./panel.js";
import { apiParams, emptyState, readState, writeState } from "./state.js";
import { Timeline } from "./timeline.js";

const PAGE_SIZE = 1000; // the API's largest page
const MAX_PAGES = 5;
const NARROW = window.matchMedia("(max-width: 700px)");

let state = readState(location.search);
let events = [];
let truncated = false;
let loadToken = 0;
let panelToken = 0;
let ready = false; // false while the first view is restored from the URL
let lastRow = null; // the row to give focus back to when the panel closes
const documents = new Map(); // doc_id -> document, the last few read

const form = document.getElementById("filters");
const fields = {
  type: document.getElementById("f-type"),
  actor: document.getElementById("f-actor"),
  status: document.getElementById("f-status"),
  disputed: document.getElementById("f-disputed"),
  q: document.getElementById("f-q"),
};
const statusLine = document.getElementById("status");
const rangeLabel = document.getElementById("range");

const map = new EventMap(document.getElementById("map"), {
  onSelect: (id) => openEvent(id, { from: "map" }),
  onMove: (view) => {
    if (!ready) return;
    state.map = view;
    writeState(state);
  },
});
const timeline = new Timeline(document.getElementById("timeline"), (range) => {
  state.since = range ? range.since : null;
  state.until = range ? range.until : null;
  update({ stats: false });
});
const list = new EventList(document.getElementById("list"), {
  onOpen: (id) => openEvent(id, { from: "list" }),
  onSort: (sort) => {
    state.sort = sort;
    writeState(state);
    // All matching rows are here unless the API had more: then ask it for the new order.
    if (truncated) update({ stats: false });
    else list.render(events, state.sort);
  },
});
const panel = new Panel(document.getElementById("panel"), {
  onClose: () => closePanel(),
  onOpen: (id) => openEvent(id, { from: "panel" }),
  loadDocument: (docId) => documentOf(docId),
});

function setStatus(text, isError = false) {
  statusLine.textContent = text;
  statusLine.classList.toggle("error", isError);
}

function syncForm() {
  ensureTypeOption(state.type);
  fields.type.value = state.type || "";
  fields.actor.value = state.actor || "";
  fields.status.value = state.status || "";
  fields.disputed.checked = state.disputed;
  fields.q.value = state.q || "";
}

function ensureTypeOption(type) {
  if (!type || [...fields.type.options].some((o) => o.value === type)) return;
  fields.type.append(el("option", { value: type }, type));
}

function readForm() {
  const text = (input) => input.value.trim() || null;
  state.type = text(fields.type);
  state.actor = text(fields.actor);
  state.status = text(fields.status);
  state.disputed = fields.disputed.checked;
  state.q = text(fields.q);
}

async function fetchEvents() {
  const params = apiParams(state);
  params.set("limit", String(PAGE_SIZE));
  params.set("sort", state.sort); // the API sorts by each key both ways, as the list does
  const rows = [];
  let cursor = null;
  for (let page = 0; page < MAX_PAGES; page++) {
    if (cursor) params.set("cursor", cursor);
    const body = await fetchJson(`/api/events?${params}`);
    rows.push(...(body.items || []));
    cursor = body.next_cursor || null;
    if (!cursor) return { rows, more: false };
  }
  return { rows, more: true };
}

function fillActors(rows) {
  const names = new Set();
  for (const e of rows) for (const name of [e.actor1, e.actor2]) if (name && names.size < 300) names.add(name);
  const datalist = document.getElementById("actors");
  datalist.replaceChildren(...[...names].sort().map((name) => el("option", { value: name })));
}

/** Read the events (and, with stats, the histogram) the current filters select, and draw them. */
async function update({ stats = true } = {}) {
  writeState(state);
  const token = ++loadToken;
  document.body.dataset.loading = "true";
  setStatus("Loading events…");
  try {
    const [found, summary] = await Promise.all([
      fetchEvents(),
      stats ? fetchJson(`/api/stats?${apiParams(state, { withDates: false })}`) : null,
    ]);
    if (token !== loadToken) return; // a newer request has been made
    events = found.rows;
    truncated = found.more;
    if (summary) {
      timeline.setData(summary);
      for (const type of Object.keys(summary.types || {})) ensureTypeOption(type);
      map.loadAdmin1(Array.isArray(summary.countries) ? summary.countries : []);
    }
    timeline.setRange(state.since, state.until);
    map.setEvents(events);
    list.render(events, state.sort);
    list.select(state.event);
    map.select(state.event);
    fillActors(events);
    const located = events.filter(hasPoint).length;
    const range = state.since || state.until ? `${state.since || "…"} to ${state.until || "…"}` : "all dates";
    rangeLabel.textContent = `(${range})`;
    setStatus(
      `${events.length}${truncated ? "+" : ""} events, ${located} on the map · ${range}` +
      (truncated ? ` · only the first ${events.length} are listed: narrow the filters` : ""),
    );
  } catch (error) {
    if (token === loadToken) setStatus(`Could not load events: ${error.message}`, true);
  } finally {
    if (token === loadToken) document.body.dataset.loading = "false";
  }
}

async function documentOf(docId) {
  if (!documents.has(docId)) {
    documents.set(docId, await fetchJson(`/api/documents/${encodeURIComponent(docId)}`));
    if (documents.size > 8) documents.delete(documents.keys().next().value);
  }
  return documents.get(docId);
}

async function openEvent(id, { from } = {}) {
  state.event = id;
  writeState(state);
  list.select(id);
  map.select(id, { reveal: from === "list" || from === "panel" });
  if (from === "list") lastRow = list.row(id);
  else if (!NARROW.matches) {
    // Chosen on the map or by URL: bring its row into the list's view (the page itself stays).
    const row = list.row(id);
    if (row) row.scrollIntoView({ block: "nearest" });
  }
  const token = ++panelToken;
  panel.loading(id);
  document.body.dataset.panel = "loading";
  try {
    const detail = await fetchJson(`/api/events/${encodeURIComponent(id)}`);
    const doc = await documentOf(detail.event.doc_id);
    if (token !== panelToken) return;
    panel.render(detail, doc);
    document.body.dataset.panel = "ready";
    if (from === "map" || from === "panel") panel.title.focus();
    if (NARROW.matches && from !== "url") panel.section.scrollIntoView({ block: "start" });
  } catch (error) {
    if (token !== panelToken) return;
    panel.error(error.message);
    document.body.dataset.panel = "error";
  }
}

function closePanel() {
  panelToken++;
  state.event = null;
  writeState(state);
  panel.close();
  list.select(null);
  map.select(null);
  delete document.body.dataset.panel;
  if (lastRow && lastRow.isConnected) lastRow.focus();
}

const refilter = debounce(() => {
  readForm();
  update();
}, 300);

form.addEventListener("submit", (event) => event.preventDefault());
form.addEventListener("input", (event) => {
  if (event.target === fields.actor || event.target === fields.q) refilter();
});
form.addEventListener("change", (event) => {
  if (event.target === fields.actor || event.target === fields.q) return; // handled on input
  readForm();
  update();
});
document.getElementById("f-reset").addEventListener("click", () => {
  state = { ...emptyState(), sort: state.sort, map: state.map, event: state.event };
  syncForm();
  update();
});
document.addEventListener("keydown", (event) => {
  if (event.key === "Escape" && panel.isOpen) {
    event.preventDefault();
    closePanel();
  }
});

async function start() {
  for (const [name] of EVENT_TYPES) ensureTypeOption(name);
  syncForm();
  map.setView(state.map || { lat: 48.5, lon: 31.5, zoom: 5 });
  const basemap = map.loadCountries()
    .then(() => map.loadAdmin1(DEFAULT_ADMIN1))
    .catch((error) => setStatus(`Could not load the basemap: ${error.message}`, true));
  await update();
  if (!state.map) map.fitTo(events);
  ready = true;
  state.map = map.view();
  writeState(state);
  if (state.event) await openEvent(state.event, { from: "url" });
  await basemap;
  document.body.dataset.ready = "true";
}

start();
