// The list of events: a table whose headers sort it and whose rows open an event.
// Keyboard: Tab reaches each row, Enter or Space opens it, ArrowUp/ArrowDown move between rows.

import { clear, el, typeColour } from "./dom.js";

const STATUS_ORDER = { confirmed: 0, claimed: 1, announced: 2, denied: 3 };

function sortValue(event, key) {
  switch (key) {
    case "date":
      return event.date_start || event.date || "";
    case "type":
      return `${event.event_type || ""}\u0000${event.sub_event_type || ""}`;
    case "place":
      return (event.place_name || "\uffff").toLocaleLowerCase();
    case "status":
      return STATUS_ORDER[event.status] ?? 9;
    case "confidence":
      return event.confidence ?? -1;
    default:
      return 0;
  }
}

// Sorted in the page too, so that every header sorts both ways; ties keep the API's order.
export function sortEvents(events, sort) {
  const key = sort.replace(/^-/, "");
  const sign = sort.startsWith("-") ? -1 : 1;
  return events
    .map((event, index) => ({ event, index, value: sortValue(event, key) }))
    .sort((a, b) => (a.value < b.value ? -sign : a.value > b.value ? sign : a.index - b.index))
    .map((item) => item.event);
}

export class EventList {
  /**
   * @param {HTMLTableElement} table
   * @param {{onOpen: (id: string) => void, onSort: (sort: string) => void}} handlers
   */
  constructor(table, { onOpen, onSort }) {
    this.table = table;
    this.body = table.tBodies[0];
    this.onOpen = onOpen;
    this.selected = null;
    for (const th of table.tHead.rows[0].cells) {
      th.querySelector("button").addEventListener("click", () => {
        const key = th.dataset.sort;
        const current = this.sort || "";
        // First click: newest / most confident first for date and confidence, A-Z otherwise.
        const descendingFirst = key === "date" || key === "confidence";
        let next = descendingFirst ? `-${key}` : key;
        if (current === next) next = next.startsWith("-") ? key : `-${key}`;
        onSort(next);
      });
    }
    this.body.addEventListener("click", (event) => {
      const row = event.target.closest("tr[data-event-id]");
      if (row) this.onOpen(row.dataset.eventId);
    });
    this.body.addEventListener("keydown", (event) => this.keydown(event));
  }

  keydown(event) {
    const row = event.target.closest("tr[data-event-id]");
    if (!row) return;
    if (event.key === "Enter" || event.key === " ") {
      event.preventDefault();
      this.onOpen(row.dataset.eventId);
    } else if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      const next = event.key === "ArrowDown" ? row.nextElementSibling : row.previousElementSibling;
      if (next) next.focus();
    }
  }

  render(events, sort) {
    this.sort = sort;
    for (const th of this.table.tHead.rows[0].cells) {
      const key = th.dataset.sort;
      th.setAttribute("aria-sort", sort === key ? "ascending" : sort === `-${key}` ? "descending" : "none");
    }
    clear(this.body);
    const rows = document.createDocumentFragment();
    for (const event of sortEvents(events, sort)) {
      const swatch = el("span", { class: "swatch", "aria-hidden": "true" });
      swatch.style.background = typeColour(event.event_type);
      const located = Number.isFinite(event.lat) && Number.isFinite(event.lon);
      rows.appendChild(
        el("tr", {
          tabindex: 0,
          "data-event-id": event.id,
          "aria-current": event.id === this.selected ? "true" : null,
          class: event.disputed ? "disputed" : null,
        },
          el("td", { class: "date" }, event.date || "undated"),
          el("td", { class: "type" }, swatch, event.sub_event_type || event.event_type || "?"),
          el("td", { class: "place" }, event.place_name || "—", located ? null : el("span", { class: "muted" }, " (no point)")),
          el("td", { class: "status" }, event.status || "?", event.disputed ? el("span", { class: "flag", title: "sources disagree" }, " ⚑") : null),
          el("td", { class: "num" }, event.confidence == null ? "" : Number(event.confidence).toFixed(2)),
        ),
      );
    }
    this.body.appendChild(rows);
    if (!events.length) {
      this.body.appendChild(el("tr", {}, el("td", { class: "empty", colspan: 5 }, "No events match these filters.")));
    }
  }

  select(id) {
    this.selected = id;
    for (const row of this.body.rows) {
      if (row.dataset.eventId === id) row.setAttribute("aria-current", "true");
      else row.removeAttribute("aria-current");
    }
  }

  row(id) {
    return [...this.body.rows].find((r) => r.dataset.eventId === id) || null;
  }
}
