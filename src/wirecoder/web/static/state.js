// The view lives in the URL's query string, so a copied address opens the same view:
//   since, until   the brushed days (YYYY-MM-DD, both included)
//   type, actor, status, disputed, q   the filters
//   sort           the list's order (date, -date, type, -type, place, status, confidence, ...)
//   event          the selected event's id (the side panel)
//   map            lat,lon,zoom of the map
// Every change is written back with history.replaceState (no new history entry per keystroke).

export const DEFAULT_SORT = "-date";
export const SORT_KEYS = ["date", "type", "place", "status", "confidence"];
const FILTER_KEYS = ["since", "until", "type", "actor", "status", "q"];
const DAY = /^\d{4}-\d{2}-\d{2}$/;

export function emptyState() {
  return {
    since: null, until: null, type: null, actor: null, status: null, q: null,
    disputed: false, sort: DEFAULT_SORT, event: null, map: null,
  };
}

export function readState(search) {
  const params = new URLSearchParams(search);
  const state = emptyState();
  for (const key of FILTER_KEYS) {
    const value = (params.get(key) || "").trim();
    if (value) state[key] = value;
  }
  for (const key of ["since", "until"]) {
    if (state[key] && !DAY.test(state[key])) state[key] = null;
  }
  state.disputed = params.get("disputed") === "true";
  const sort = params.get("sort") || "";
  if (SORT_KEYS.includes(sort.replace(/^-/, ""))) state.sort = sort;
  state.event = params.get("event") || null;
  const map = (params.get("map") || "").split(",").map(Number);
  if (map.length === 3 && map.every(Number.isFinite) && Math.abs(map[0]) <= 90 && Math.abs(map[1]) <= 360) {
    state.map = { lat: map[0], lon: map[1], zoom: Math.round(map[2]) };
  }
  return state;
}

export function writeState(state) {
  const params = new URLSearchParams();
  for (const key of FILTER_KEYS) if (state[key]) params.set(key, state[key]);
  if (state.disputed) params.set("disputed", "true");
  if (state.sort && state.sort !== DEFAULT_SORT) params.set("sort", state.sort);
  if (state.event) params.set("event", state.event);
  if (state.map) {
    params.set("map", `${state.map.lat.toFixed(4)},${state.map.lon.toFixed(4)},${state.map.zoom}`);
  }
  const query = params.toString();
  const url = `${location.pathname}${query ? "?" + query : ""}`;
  if (url !== `${location.pathname}${location.search}`) history.replaceState(null, "", url);
}

// The API's query for the events and stats the filters select (the date range only when asked).
export function apiParams(state, { withDates = true } = {}) {
  const params = new URLSearchParams();
  if (withDates && state.since) params.set("since", state.since);
  if (withDates && state.until) params.set("until", state.until);
  for (const key of ["type", "actor", "status", "q"]) if (state[key]) params.set(key, state[key]);
  if (state.disputed) params.set("disputed", "true");
  return params;
}
