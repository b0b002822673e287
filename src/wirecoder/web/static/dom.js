// DOM helpers. Everything the API returns is untrusted text (article bodies, titles, speakers):
// it only ever reaches the page through textContent or text nodes, never innerHTML, so markup,
// entities and scripts inside an article stay visible characters.

// ACLED's six event types, in legend order, with colours from the Okabe-Ito palette (told apart
// by most colour-blind readers).
export const EVENT_TYPES = [
  ["Battles", "#d55e00"],
  ["Explosions/Remote violence", "#0072b2"],
  ["Violence against civilians", "#cc79a7"],
  ["Protests", "#009e73"],
  ["Riots", "#e69f00"],
  ["Strategic developments", "#56b4e9"],
];
const COLOURS = new Map(EVENT_TYPES);
export const OTHER_COLOUR = "#777777";

export function typeColour(type) {
  return COLOURS.get(type) || OTHER_COLOUR;
}

// geo_precision as ACLED uses it.
export const PRECISION_WORDS = {
  1: "exact town",
  2: "near or part of a town",
  3: "region or country",
};

// Attributes set with setAttribute; event handlers and URLs are never among them.
const SAFE_ATTRIBUTE = /^(class|id|role|tabindex|title|lang|dir|type|name|value|for|scope|colspan|hidden|data-[a-z-]+|aria-[a-z-]+)$/;

/**
 * Make an element: el("td", {class: "x"}, "text", child).
 * Strings become text nodes; null/undefined/false children are skipped.
 */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (!SAFE_ATTRIBUTE.test(key)) throw new Error(`attribute ${key} is not allowed`);
    node.setAttribute(key, value === true ? "" : String(value));
  }
  append(node, ...children);
  return node;
}

export function append(node, ...children) {
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.appendChild(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

export function clear(node) {
  while (node.firstChild) node.removeChild(node.firstChild);
  return node;
}

// The API gives character offsets as Python counts them (code points); a JavaScript string
// counts UTF-16 units, so every character beyond the Basic Multilingual Plane (emoji, some
// scripts) before an offset shifts it by one. Convert before slicing.
const SURROGATE = /[\uD800-\uDBFF]/;

export function codePointToIndex(text, offset) {
  if (!SURROGATE.test(text)) return offset;
  let index = 0;
  for (let seen = 0; seen < offset && index < text.length; seen++) {
    const unit = text.charCodeAt(index);
    index += unit >= 0xd800 && unit <= 0xdbff ? 2 : 1;
  }
  return index;
}

/**
 * Where `evidence` sits in `text`: the API's offsets when they hold it, else the first place the
 * evidence occurs, else null.
 */
export function locate(text, start, end, evidence) {
  if (Number.isInteger(start) && Number.isInteger(end) && start <= end) {
    const s = codePointToIndex(text, start);
    const e = codePointToIndex(text, end);
    if (e <= text.length && (!evidence || text.slice(s, e) === evidence)) return [s, e];
  }
  if (evidence) {
    const at = text.indexOf(evidence);
    if (at >= 0) return [at, at + evidence.length];
  }
  return null;
}

export function debounce(fn, ms) {
  let timer = null;
  return (...args) => {
    clearTimeout(timer);
    timer = setTimeout(() => fn(...args), ms);
  };
}

// The status of an event in words, as an analyst reads it.
export function statusWords(event) {
  switch (event.status) {
    case "confirmed":
      return "confirmed by the outlet";
    case "claimed":
      return event.source ? `claimed by ${event.source}` : "claimed";
    case "denied":
      return "denied";
    case "announced":
      return "announced";
    default:
      return event.status || "unknown";
  }
}

// GET a JSON resource of this server; a 4xx/5xx becomes an Error with the API's `detail`.
export async function fetchJson(url, options = {}) {
  const response = await fetch(url, { credentials: "same-origin", ...options });
  let body = null;
  try {
    body = await response.json();
  } catch (error) {
    body = null;
  }
  if (!response.ok) {
    let detail = body && body.detail;
    if (Array.isArray(detail)) detail = detail.map((d) => d.msg || JSON.stringify(d)).join("; ");
    if (typeof detail !== "string") detail = response.statusText;
    const problem = new Error(`${url.split("?")[0]}: ${response.status} ${detail}`);
    problem.status = response.status;
    throw problem;
  }
  return body;
}
