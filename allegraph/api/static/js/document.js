import { api, apiUrl, dataLinks } from "./api.js";
import { TURTLE, VERB, originalLink, fmt, h, main, plural } from "./common.js";
import { markCharge } from "./evidence.js";
import { encodeId, hashFor } from "./router.js";

// ---------------------------------------------------------------- a document

export async function documentView(route, current) {
  const doc = await api(`/documents/${encodeId(route.id)}`);
  if (!current()) return;
  const chosen = route.params.get("claim");
  document.title = `${doc.title || doc.id} — Allegraph explorer`;
  main().replaceChildren(
    h("h1", {}, doc.title || doc.id),
    h(
      "p",
      { class: "muted" },
      [doc.source, doc.published ? `published ${doc.published}` : null, doc.length ? `${fmt(doc.length)} characters` : null, `id ${doc.id}`].filter(Boolean).join(" · "),
      originalLink(doc.url),
    ),
    h("h2", {}, `${plural(doc.claims.length, "claim")} in reading order`),
    h(
      "ol",
      { class: "claims reading" },
      doc.claims.map((c) =>
        h(
          "li",
          { class: c.claim_id === chosen ? "claim chosen" : "claim", id: `claim-${c.claim_id}`, tabindex: "-1" },
          h(
            "p",
            { class: "who" },
            h("span", { class: `swatch ${c.kind}` }),
            h("a", { href: hashFor("network", c.speaker_id) }, c.speaker ?? c.speaker_id),
            ` ${VERB[c.kind]} `,
            c.target_id ? h("a", { href: hashFor("network", c.target_id) }, c.target ?? c.target_id) : "—",
            h("span", { class: "muted" }, ` · characters ${c.start}–${c.end}`),
          ),
          h("p", { class: "sentence" }, h("mark", {}, markCharge(c.evidence, c.charge))),
          c.quote ? h("blockquote", {}, c.quote) : null,
          h("p", { class: "facts muted" }, [c.date ? `dated ${c.date}` : "undated", c.modality, c.confidence != null ? `confidence ${c.confidence.toFixed(2)}` : null, c.responds_to.length ? "answers an accusation" : null].filter(Boolean).join(" · ")),
        ),
      ),
    ),
    dataLinks([
      ["document (JSON)", apiUrl(`/documents/${encodeId(doc.id)}`)],
      ["claims-in-document (JSON)", apiUrl("/queries/claims-in-document", { document: doc.id })],
      ["claims (Turtle)", apiUrl("/claims", { document: doc.id, limit: 1000 }), TURTLE],
    ]),
  );
  if (chosen) {
    const item = document.getElementById(`claim-${chosen}`);
    if (item) {
      item.scrollIntoView({ block: "center" });
      item.focus({ preventScroll: true });
    }
  }
}
