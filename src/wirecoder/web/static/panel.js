// The side panel for one event: what it is, who says so, the article with the evidence sentence
// marked, every report of the same event, and where sources disagree (both sides, in their words).
// Names and sentences from articles carry dir="auto": each is its own bidirectional island, so
// right-to-left text or a stray direction override cannot reorder the words around it.

import { append, clear, codePointToIndex, el, locate, PRECISION_WORDS, statusWords, typeColour } from "./dom.js";

function fact(list, term, ...value) {
  if (value.every((v) => v === null || v === undefined || v === "")) return;
  append(list, el("dt", {}, term), el("dd", {}, ...value));
}

function outletOf(item) {
  return item.outlet || item.title || "outlet not named";
}

// Browsers take many seconds to wrap a single run of hundreds of thousands of characters with
// no space (overflow-wrap: anywhere looks for a break at every character); such runs go in a
// span that may break anywhere (word-break: break-all), which wraps them at once. The text is
// unchanged: the spans add no characters.
const UNBROKEN = /\S{1000,}/g;

function appendText(parent, text) {
  let at = 0;
  for (const run of text.matchAll(UNBROKEN)) {
    append(parent, text.slice(at, run.index), el("span", { class: "unbroken" }, run[0]));
    at = run.index + run[0].length;
  }
  append(parent, text.slice(at));
  return parent;
}

// The article as text nodes, with the evidence in a <mark>. The box scrolls; long lines wrap.
function articleBox(doc, event) {
  const text = typeof doc.text === "string" ? doc.text : "";
  const box = el("div", { class: "article", tabindex: 0, role: "region", "aria-label": "Article text", dir: "auto" });
  const at = locate(text, event.evidence_start, event.evidence_end, event.evidence);
  if (!at) return { box: appendText(box, text), mark: null };
  const mark = appendText(el("mark", { class: "evidence" }), text.slice(at[0], at[1]));
  appendText(box, text.slice(0, at[0]));
  append(box, mark);
  appendText(box, text.slice(at[1]));
  return { box, mark };
}

// A side's sentence: given by the API, or cut from its article by the side's offsets.
function sideSentence(side, doc) {
  if (typeof side.sentence === "string" && side.sentence) return side.sentence;
  if (typeof side.evidence === "string" && side.evidence) return side.evidence;
  if (doc && side.doc_id === doc.doc_id && hasOffsets(side)) return cut(doc.text, side);
  return null;
}

function hasOffsets(side) {
  return Number.isInteger(side.start) && Number.isInteger(side.end) && side.start <= side.end;
}

function cut(text, side) {
  return text.slice(codePointToIndex(text, side.start), codePointToIndex(text, side.end));
}

function disagreementBlock(item, doc, loadDocument) {
  const sides = el("div", { class: "sides" });
  for (const side of item.sides || []) {
    const who = side.speaker || side.outlet || "unnamed source";
    const stance = side.status || side.stance;
    const says = side.says || "";
    const quote = el("blockquote", { dir: "auto", hidden: true });
    // The sentence, when `says` does not already hold it (the API may give either).
    const show = (sentence) => {
      if (!sentence || says.includes(sentence)) return;
      quote.textContent = sentence;
      quote.hidden = false;
    };
    show(sideSentence(side, doc));
    if (quote.hidden && doc && side.doc_id && side.doc_id !== doc.doc_id && hasOffsets(side)) {
      // The other side is in another article: read it to quote its sentence.
      loadDocument(side.doc_id).then((other) => show(cut(other.text, side))).catch(() => {});
    }
    append(sides,
      el("div", { class: "party" },
        el("p", { class: "who" }, el("strong", { dir: "auto" }, who), side.outlet && side.speaker ? ` (${side.outlet})` : null, stance ? ` — ${stance}` : null),
        says ? el("p", { class: "says", dir: "auto" }, "“", says, "”") : null,
        quote,
      ),
    );
  }
  return el("li", { class: "disagreement" },
    el("p", { class: "reason" }, item.reason || "sources disagree", item.scope ? el("span", { class: "muted" }, ` (${item.scope})`) : null),
    item.about ? el("p", { class: "about muted" }, item.about) : null,
    sides,
  );
}

export class Panel {
  /**
   * @param {HTMLElement} section  the panel (hidden while no event is selected)
   * @param {{onClose: () => void, onOpen: (id: string) => void,
   *          loadDocument: (docId: string) => Promise<object>}} handlers
   */
  constructor(section, { onClose, onOpen, loadDocument }) {
    this.loadDocument = loadDocument;
    this.section = section;
    this.title = section.querySelector("#panel-title");
    this.body = section.querySelector("#panel-body");
    this.onOpen = onOpen;
    section.querySelector("#panel-close").addEventListener("click", onClose);
  }

  get isOpen() {
    return !this.section.hidden;
  }

  loading(id) {
    this.section.hidden = false;
    this.title.textContent = "Loading event…";
    append(clear(this.body), el("p", { class: "muted" }, `Event ${id}`));
  }

  error(message) {
    this.section.hidden = false;
    this.title.textContent = "Event not available";
    append(clear(this.body), el("p", { class: "error" }, message));
  }

  close() {
    this.section.hidden = true;
    clear(this.body);
  }

  /** Render /api/events/{id} (`detail`) beside /api/documents/{doc_id} (`doc`). */
  render(detail, doc) {
    const event = detail.event;
    this.section.hidden = false;
    this.title.textContent = `${event.sub_event_type || event.event_type || "Event"} — ${event.place_name || "no place"}`;
    const body = clear(this.body);

    const swatch = el("span", { class: "swatch", "aria-hidden": "true" });
    swatch.style.background = typeColour(event.event_type);
    const facts = el("dl", { class: "facts" });
    const span = event.date_start && event.date_end && event.date_start !== event.date_end
      ? ` (${event.date_start} to ${event.date_end})` : "";
    fact(facts, "Date", (event.date || "undated") + span);
    fact(facts, "Type", swatch, event.event_type); // the sub-type is in the title
    fact(facts, "Place", event.place_name || "none",
      event.geo_precision ? ` · ${PRECISION_WORDS[event.geo_precision] || `precision ${event.geo_precision}`}` : null,
      Number.isFinite(event.lat) ? ` · ${event.lat.toFixed(3)}, ${event.lon.toFixed(3)}` : null);
    fact(facts, "Status", el("span", { class: "status-words" }, statusWords(event)), event.disputed ? " · disputed" : null);
    const channel = event.channel || (detail.claim && detail.claim.channel);
    fact(facts, "Source", event.source || "the outlet", channel ? ` · via ${channel}` : null);
    fact(facts, "Actors", event.actor1, event.actor2 ? ` against ${event.actor2}` : null);
    fact(facts, "Independent sources", detail.independent_sources == null ? null : String(detail.independent_sources));
    fact(facts, "Kind", event.event_kind || "event",
      event.confidence == null ? null : ` · confidence ${Number(event.confidence).toFixed(2)}`);
    append(body, facts);

    append(body,
      el("h3", {}, "Article"),
      el("p", { class: "doc-meta" },
        el("strong", { dir: "auto" }, doc.title || "untitled"),
        ` · ${doc.outlet || "outlet not named"} · ${doc.published || "no date"}`),
      doc.url ? el("p", { class: "doc-url muted" }, doc.url) : null,
    );
    const { box, mark } = articleBox(doc, event);
    append(body, box);
    if (mark) {
      // Scroll the article box (not the page) so that the evidence is in sight.
      box.scrollTop = Math.max(0, mark.offsetTop - box.clientHeight / 3); // .article is position: relative
    } else {
      box.before(el("p", { class: "error" }, "The evidence sentence was not found in the article text."));
    }
    const disagreements = detail.disagreements || [];
    append(body, el("h3", {}, `Disagreements (${disagreements.length})`));
    if (disagreements.length) {
      append(body, el("ul", { class: "disagreements" }, disagreements.map((d) => disagreementBlock(d, doc, this.loadDocument))));
    } else {
      append(body, el("p", { class: "muted" }, "No source contradicts this report."));
    }

    const mentions = detail.mentions || [];
    const mentionList = el("ul", { class: "mentions" });
    for (const m of mentions) {
      const self = m.id === event.id;
      append(mentionList,
        el("li", { class: self ? "self" : null },
          el("p", {}, el("strong", { dir: "auto" }, outletOf(m)), ` · ${m.date || "undated"} · ${statusWords(m)}`, self ? " · this report" : null),
          el("blockquote", { dir: "auto" }, m.evidence || m.text || ""),
          self ? null : openButton(m.id, this.onOpen),
        ),
      );
    }
    append(body, el("h3", {}, `Reports of this event (${mentions.length})`), mentionList);

    const quantities = detail.quantities || [];
    if (quantities.length) {
      append(body, el("h3", {}, "Figures"), el("ul", { class: "quantities" }, quantities.map((q) => el("li", {}, q.text))));
    }
  }
}

function openButton(id, onOpen) {
  const button = el("button", { type: "button", class: "link" }, "Open this report");
  button.addEventListener("click", () => onOpen(id));
  return button;
}
