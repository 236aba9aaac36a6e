// Collections over the data folder (THREEWALLS_DATA, default ./data), validated by the same
// zod schemas the CLI and tests use. Cross-references are checked by `npm run validate`,
// which `npm run build` runs first: Astro itself only logs a dangling reference.
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { schemas } from './lib/schema/index.ts';

const data = process.env.THREEWALLS_DATA || './data';
const yamlIn = (folder: string) => glob({ pattern: '*.yaml', base: `${data}/${folder}` });

export const collections = {
  models: defineCollection({ loader: yamlIn('models'), schema: schemas.models }),
  rigs: defineCollection({ loader: yamlIn('rigs'), schema: schemas.rigs }),
  engines: defineCollection({ loader: yamlIn('engines'), schema: schemas.engines }),
  measurements: defineCollection({ loader: yamlIn('measurements'), schema: schemas.measurements }),
};
