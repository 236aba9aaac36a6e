// npm run schemas: writes schemas/<collection>.schema.json from the zod schemas, for editors.
// A test checks the committed files are current.
import fs from 'node:fs';
import { renderJsonSchemas } from '../src/node/json-schemas.ts';

for (const [file, text] of Object.entries(renderJsonSchemas())) {
  fs.mkdirSync('schemas', { recursive: true });
  fs.writeFileSync(`schemas/${file}`, text);
  console.log(`wrote schemas/${file}`);
}
