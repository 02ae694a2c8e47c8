// Regenerate schemas/*.schema.json from the zod schemas: `npm run schemas`.
import { writeFileSync } from 'node:fs';
import { schemaFiles } from '../src/json-schema.ts';

const dir = new URL('../schemas/', import.meta.url);
for (const [name, content] of Object.entries(schemaFiles())) {
  writeFileSync(new URL(name, dir), content);
  process.stderr.write(`wrote schemas/${name}\n`);
}
