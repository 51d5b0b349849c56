// Copies the explorer's npm dependencies into the Python package, so that `allegraph serve`
// ships them and a browser on an offline machine needs nothing from the internet.
//   npm ci --prefix web && npm run build --prefix web
// The copies are committed; tests/test_explorer.py checks they match web/node_modules.
import { copyFileSync, mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const vendor = join(here, "..", "api", "static", "vendor");
export const FILES = [
  ["cytoscape/dist/cytoscape.min.js", "cytoscape.min.js"],
  ["cytoscape/LICENSE", "cytoscape.LICENSE.txt"],
];

mkdirSync(vendor, { recursive: true });
for (const [from, to] of FILES) {
  copyFileSync(join(here, "node_modules", from), join(vendor, to));
  console.log(`api/static/vendor/${to} <- node_modules/${from}`);
}
