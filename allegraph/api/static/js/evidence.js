import { apiUrl, dataLinks, errorBox, query } from "./api.js";
import { TURTLE, VERB, clip, originalLink, h, plural, state } from "./common.js";
import { networkParams } from "./params.js";
import { hashFor } from "./router.js";

// ---------------------------------------------------------------- the evidence panel

const PAGE = 100;

export async function showEdge(panel, profile, s, params, current, limit = PAGE) {
  const [source, kind, target] = s.edge.split("|");
  const args = { actor: profile.id, source, kind, target, group: s.group, since: s.since, until: s.until, hedged: s.hedged, limit };
  if (limit === PAGE) panel.replaceChildren(h("p", { class: "muted" }, "Loading the evidence…"));
  let result;
  try {
    result = await query("edge-evidence", args);
  } catch (error) {
    if (current()) panel.replaceChildren(errorBox(error));
    return;
  }
  if (!current()) return;
  const rows = result.rows;
  const edge = state.cy?.getElementById(s.edge);
  const total = edge?.nonempty() ? edge.data("claims") : rows.length;
  const label = (id) => (state.cy?.getElementById(id).nonempty() ? state.cy.getElementById(id).data("label") : id);
  const close = h("a", { href: hashFor("network", profile.id, networkParams(params, { edge: "" })), class: "close", "aria-label": "Close the evidence" }, "×");
  const more =
    rows.length === limit && total > rows.length
      ? h("button", { type: "button", id: "more-evidence", onclick: () => showEdge(panel, profile, s, params, current, limit + PAGE) }, `Show ${Math.min(PAGE, total - rows.length)} more`)
      : null;
  const scroll = panel.scrollTop;
  panel.replaceChildren(
    close,
    h("h2", { id: "evidence-h" }, `${label(source)} ${VERB[kind] ?? kind} ${label(target)}`),
    h("p", { class: "muted" }, rows.length < total ? `The newest ${rows.length} of ${plural(total, "claim")}` : plural(rows.length, "claim"), ", newest first"),
    rows.length ? h("ol", { class: "claims" }, rows.map((row) => claimCard(row))) : h("p", {}, "No claims on this edge with these filters."),
    more,
    dataLinks([
      ["edge-evidence (JSON)", apiUrl("/queries/edge-evidence", args)],
      ["claims (Turtle)", apiUrl("/claims", { speaker: source, target, kind }), TURTLE],
    ]),
  );
  panel.scrollTop = limit === PAGE ? 0 : scroll;
}

export function claimCard(row) {
  const facts = [
    row.date ? `dated ${row.date}` : "undated",
    row.modality,
    row.confidence !== null && row.confidence !== undefined ? `confidence ${row.confidence.toFixed(2)}` : null,
  ].filter(Boolean);
  return h(
    "li",
    { class: "claim", id: `claim-${row.claim_id}`, dataset: { claim: row.claim_id } },
    h("p", { class: "who" }, h("span", { class: `swatch ${row.kind}` }), h("strong", {}, row.speaker), ` ${VERB[row.kind]} `, h("strong", {}, row.target ?? "—"), row.charge ? h("span", { class: "muted" }, ` — ${clip(row.charge, 140)}`) : null),
    sentenceInContext(row),
    row.quote ? h("blockquote", {}, row.quote) : null,
    h("p", { class: "facts muted" }, facts.join(" · ")),
    row.responds_to
      ? h(
          "p",
          { class: "responds" },
          "Answers ",
          h("strong", {}, row.responds_to_speaker ?? "an accusation"),
          ": ",
          h("q", {}, clip(row.responds_to_evidence, 220)),
        )
      : null,
    source(row),
  );
}

// The sentence is marked by its offsets into the document; the text around it gives the context.
export function sentenceInContext(row) {
  const text = row.context;
  const from = row.start - (row.context_start ?? 0);
  const to = row.end - (row.context_start ?? 0);
  if (!text || from < 0 || to > text.length || from >= to) return h("p", { class: "sentence" }, h("mark", {}, row.evidence));
  let before = text.slice(0, from);
  let sentence = text.slice(from, to);
  let after = text.slice(to);
  // the sentence's own span may end in the paragraph break after it
  const trailing = sentence.match(/\s+$/)?.[0] ?? "";
  if (trailing) {
    sentence = sentence.slice(0, sentence.length - trailing.length);
    after = trailing + after;
  }
  before = trimToParagraph(before, true);
  after = trimToParagraph(after, false);
  return h(
    "p",
    { class: "sentence", title: `characters ${row.start}–${row.end} of the document` },
    before ? h("span", { class: "context" }, (row.context_start > 0 && before === text.slice(0, from) ? "…" : "") + before) : null,
    h("mark", {}, markCharge(sentence, row.charge)),
    after ? h("span", { class: "context" }, after) : null,
  );
}

export function trimToParagraph(text, before) {
  const parts = text.split(/\n\s*\n/);
  const kept = before ? parts[parts.length - 1] : parts[0];
  return kept.replace(/\s+/g, " ").replace(before ? /^\s+/ : /\s+$/, "") + (before && kept ? " " : "");
}

export function markCharge(sentence, charge) {
  const words = (charge || "").replace(/[\s…]+$/, "").trim();
  const at = words.length > 3 ? sentence.indexOf(words) : -1;
  if (at < 0) return sentence;
  return [sentence.slice(0, at), h("strong", { class: "charge" }, words), sentence.slice(at + words.length)];
}

export function source(row) {
  return h(
    "p",
    { class: "source" },
    h("a", { href: hashFor("document", row.document_id, new URLSearchParams({ claim: row.claim_id })), class: "doc-title" }, row.document || row.document_id),
    row.outlet ? ` · ${row.outlet}` : null,
    row.published ? ` · published ${row.published}` : null,
    originalLink(row.url),
    " · ",
    h("a", { href: hashFor("document", row.document_id, new URLSearchParams({ claim: row.claim_id })) }, "all claims in reading order"),
  );
}
