// The timeline: events per day from /api/stats as bars stacked by event type, with a brush.
// Brushing picks whole days; the brush's first and last day become `since` and `until`.
/* global d3 */

import { EVENT_TYPES, typeColour } from "./dom.js";

const MARGIN = { top: 8, right: 14, bottom: 22, left: 30 };
const DAY_MS = 86400000;

function parseDay(text) {
  return text ? new Date(`${text}T00:00:00Z`) : null;
}

export function formatDay(date) {
  return date.toISOString().slice(0, 10);
}

export class Timeline {
  /**
   * @param {HTMLElement} container
   * @param {(range: {since: string, until: string} | null) => void} onBrush
   */
  constructor(container, onBrush) {
    this.container = container;
    this.onBrush = onBrush;
    this.days = [];
    this.range = null; // [since, until] as YYYY-MM-DD, both included
    this.svg = d3.select(container).append("svg").attr("class", "timeline-svg").attr("role", "img");
    new ResizeObserver(() => this.render()).observe(container);
  }

  setData(stats) {
    this.days = (stats && stats.days) || [];
    this.first = parseDay(stats && stats.first);
    this.last = parseDay(stats && stats.last);
    this.render();
  }

  setRange(since, until) {
    this.range = since || until ? [since, until] : null;
    this.moveBrush();
  }

  domain() {
    let start = this.first;
    let end = this.last;
    if (!start || !end) {
      const days = this.days.map((d) => parseDay(d.day)).filter(Boolean);
      if (days.length === 0) return null;
      start = d3.min(days);
      end = d3.max(days);
    }
    // A little room on both sides, so the first and last day can be brushed whole.
    const pad = Math.max(1, Math.round((end - start) / DAY_MS / 40));
    return [d3.utcDay.offset(start, -pad), d3.utcDay.offset(end, pad + 1)];
  }

  render() {
    const width = Math.max(200, this.container.clientWidth);
    const height = Math.max(90, this.container.clientHeight || 120);
    const inner = { w: width - MARGIN.left - MARGIN.right, h: height - MARGIN.top - MARGIN.bottom };
    this.svg.attr("viewBox", `0 0 ${width} ${height}`).attr("width", width).attr("height", height);
    this.svg.selectAll("*").remove();
    const domain = this.domain();
    const total = d3.sum(this.days, (d) => d.n);
    this.svg.attr("aria-label", `Events per day: ${total} dated events` + (domain ? `, ${formatDay(domain[0])} to ${formatDay(domain[1])}` : ""));
    if (!domain) {
      this.svg.append("text").attr("x", 10).attr("y", 20).attr("class", "empty").text("No dated events");
      this.x = null;
      return;
    }
    const x = d3.scaleUtc().domain(domain).range([0, inner.w]);
    this.x = x;
    const byDay = d3.rollup(this.days, (rows) => rows, (d) => d.day);
    const max = d3.max(byDay.values(), (rows) => d3.sum(rows, (r) => r.n)) || 1;
    const y = d3.scaleLinear().domain([0, max]).nice().range([inner.h, 0]);
    const root = this.svg.append("g").attr("transform", `translate(${MARGIN.left},${MARGIN.top})`);
    const order = new Map(EVENT_TYPES.map(([name], i) => [name, i]));
    const bars = [];
    for (const [day, rows] of byDay) {
      const start = parseDay(day);
      const x0 = x(start);
      const w = Math.max(1.5, x(d3.utcDay.offset(start, 1)) - x0 - 1);
      let base = 0;
      for (const row of [...rows].sort((a, b) => (order.get(a.event_type) ?? 99) - (order.get(b.event_type) ?? 99))) {
        bars.push({ x: x0, w, y0: base, y1: base + row.n, type: row.event_type, day, n: row.n });
        base += row.n;
      }
    }
    root.append("g").attr("class", "bars").selectAll("rect").data(bars).join("rect")
      .attr("x", (b) => b.x).attr("width", (b) => b.w)
      .attr("y", (b) => y(b.y1)).attr("height", (b) => Math.max(0, y(b.y0) - y(b.y1)))
      .attr("fill", (b) => typeColour(b.type))
      .append("title").text((b) => `${b.day}: ${b.n} ${b.type}`);
    root.append("g").attr("class", "axis").attr("transform", `translate(0,${inner.h})`)
      .call(d3.axisBottom(x).ticks(Math.max(2, Math.floor(inner.w / 90))).tickSizeOuter(0));
    root.append("g").attr("class", "axis")
      .call(d3.axisLeft(y).ticks(Math.min(4, max)).tickFormat(d3.format("d")));
    this.brush = d3.brushX()
      .extent([[0, 0], [inner.w, inner.h]])
      .on("end", (event) => this.brushed(event));
    this.brushGroup = root.append("g").attr("class", "brush").call(this.brush);
    this.moveBrush();
  }

  brushed(event) {
    if (!event.sourceEvent || !this.x) return; // moved by code, not by the reader
    if (!event.selection) {
      this.range = null;
      this.onBrush(null);
      return;
    }
    const [a, b] = event.selection.map((px) => d3.utcDay.round(this.x.invert(px)));
    const end = b > a ? b : d3.utcDay.offset(a, 1);
    this.range = [formatDay(a), formatDay(d3.utcDay.offset(end, -1))];
    this.moveBrush(); // snap to whole days
    this.onBrush({ since: this.range[0], until: this.range[1] });
  }

  moveBrush() {
    if (!this.brush || !this.x) return;
    if (!this.range) {
      this.brushGroup.call(this.brush.move, null);
      return;
    }
    const [lo, hi] = this.x.domain();
    const since = parseDay(this.range[0]) || lo;
    const until = this.range[1] ? d3.utcDay.offset(parseDay(this.range[1]), 1) : hi;
    const clamp = (d) => Math.min(Math.max(this.x(d), this.x.range()[0]), this.x.range()[1]);
    this.brushGroup.call(this.brush.move, [clamp(since), clamp(until)]);
  }
}
