// Lint Cypher with Neo4j's own parser and semantic analysis (Cypher 5).
// stdin: JSON array of {"name": ..., "query": ..., "parameters": {...}}
// stdout: JSON array of {"name", "errors": [message, ...]}; exit status 0 always (the caller judges).
const { lintCypherQuery } = require("@neo4j-cypher/language-support");

let input = "";
process.stdin.on("data", (chunk) => (input += chunk));
process.stdin.on("end", () => {
  const items = JSON.parse(input);
  const out = items.map((item) => {
    const schema = {
      currentDatabase: "neo4j",
      dbInfos: [{ name: "neo4j", defaultLanguage: "cypher 5" }],
      parameters: item.parameters || {},
    };
    const result = lintCypherQuery(item.query, schema);
    const diagnostics = Array.isArray(result) ? result : result.diagnostics || [];
    return { name: item.name, errors: diagnostics.filter((d) => d.severity === 1).map((d) => d.message) };
  });
  process.stdout.write(JSON.stringify(out));
});
