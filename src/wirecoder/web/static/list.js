// The list of events: a table whose headers sort it and whose rows open an event.
// Keyboard: Tab reaches the list's current row (one tab stop however long the list: a "roving"
// tabindex, the others are -1 but still focusable), Enter or Space opens it, ArrowUp/ArrowDown,
// Home and End move between rows.

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
    this.body.addEventListener("focusin", (event) => {
      const row = event.target.closest("tr[data-event-id]");
      if (row) this.setTabStop(row);
    });
  }

  setTabStop(row) {
    if (this.tabStop && this.tabStop !== row) this.tabStop.tabIndex = -1;
    if (row) row.tabIndex = 0;
    this.tabStop = row;
  }

  keydown(event) {
    const row = event.target.closest("tr[data-event-id]");
    if (!row) return;
    if (event.key === "Enter" || event.key === " ") {
      event.preventDefault();
      this.onOpen(row.dataset.eventId);
    } else if (["ArrowDown", "ArrowUp", "Home", "End"].includes(event.key)) {
      event.preventDefault();
      const rows = this.body.rows;
      const next = {
        ArrowDown: row.nextElementSibling,
        ArrowUp: row.previousElementSibling,
        Home: rows[0],
        End: rows[rows.length - 1],
      }[event.key];
      if (next && next.dataset.eventId) next.focus();
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
          tabindex: -1,
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
    this.tabStop = null;
    this.setTabStop(this.row(this.selected) || this.body.rows[0] || null);
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
    const row = this.row(id);
    if (row) this.setTabStop(row);
  }

  row(id) {
    return [...this.body.rows].find((r) => r.dataset.eventId === id) || null;
  }
}
