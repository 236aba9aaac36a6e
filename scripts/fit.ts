// npm run fit -- <model> --rig <rig> [--context N] [--kv f16|q8_0|q4_0] [--as-of YYYY-MM-DD] [--json [--levers]]
// npm run fit -- --rig <rig> --capacity [--min-tokens-per-second T] [--json]
import { closeNames } from '../src/lib/data/did-you-mean.ts';
import { capacity, evaluateFit, INTERACTIVE_TOKENS_PER_SECOND } from '../src/lib/fit/index.ts';
import type { KvPrecision } from '../src/lib/fit/types.ts';
import { verdictLevers } from '../src/lib/fit/levers.ts';
import { formatCapacity } from '../src/node/capacity-text.ts';
import { fitContext, loadCatalogueOrExit, newestDataDate } from '../src/node/catalogue-context.ts';
import { calendarDay, positiveDecimal, readArgs, wholeNumber } from '../src/node/cli-args.ts';
import { fitJson } from '../src/node/fit-json.ts';
import { fitText } from '../src/node/fit-text.ts';

const usage = 'usage: npm run fit -- <model> --rig <rig> [--context N] [--kv f16|q8_0|q4_0] [--as-of YYYY-MM-DD] [--json [--levers]]\n       npm run fit -- --rig <rig> --capacity [--min-tokens-per-second T] [--json]';

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

const { values, positionals } = readArgs({
  rig: { type: 'string' }, context: { type: 'string' }, kv: { type: 'string' }, 'as-of': { type: 'string' },
  json: { type: 'boolean' }, levers: { type: 'boolean' }, capacity: { type: 'boolean' }, 'min-tokens-per-second': { type: 'string' }, help: { type: 'boolean', short: 'h' },
}, usage);
if (values.help) { console.log(usage); process.exit(0); }

const catalogue = loadCatalogueOrExit();
const context = fitContext(catalogue);
const find = <T>(kind: string, entries: { id: string; data: T }[], id: string | undefined) => {
  if (!id) fail(`missing the ${kind} id.\n${usage}`);
  const entry = entries.find((e) => e.id === id);
  if (entry) return entry;
  const close = closeNames(id, entries.map((e) => e.id));
  fail(`unknown ${kind} "${id}"${close.length ? `; did you mean ${close.map((c) => `"${c}"`).join(', ')}?` : ''} (${entries.length} ${kind}s in the data; list them with ls data/${kind}s/)`);
};
const rig = find('rig', catalogue.rigs, values.rig);

if (values.capacity) {
  const given = values['min-tokens-per-second'];
  const floor = given === undefined ? INTERACTIVE_TOKENS_PER_SECOND : positiveDecimal('--min-tokens-per-second', given, 1_000_000, usage);
  const result = capacity(rig, catalogue.models.map((m) => m.data), context, floor);
  console.log(values.json ? JSON.stringify(result, null, 2) : formatCapacity(result, rig.data.name));
  process.exit(0);
}

const model = find('model', catalogue.models, positionals[0]);
// 100 million tokens is far past any model's window; past the model's own maximum the engine caps, and says so.
const contextTokens = values.context === undefined ? undefined : wholeNumber('--context', values.context, 1, 100_000_000, usage);
if (contextTokens !== undefined && contextTokens > model.data.max_context_tokens)
  console.error(`note: context capped at the model's maximum of ${model.data.max_context_tokens.toLocaleString('en-US')} tokens (asked for ${contextTokens.toLocaleString('en-US')})`);
const kv = values.kv ?? 'f16';
if (!['f16', 'q8_0', 'q4_0'].includes(kv)) fail(`--kv must be f16, q8_0 or q4_0, not "${kv}"`);
const asOf = values['as-of'] === undefined ? newestDataDate(catalogue) : calendarDay('--as-of', values['as-of'], usage);

const result = evaluateFit(model, rig, context, { contextTokens, kvPrecision: kv as KvPrecision, asOf });
// Levers are ~20 engine runs: only when they are printed.
const levers = !values.json || values.levers ? verdictLevers(model, rig, context, { asOf, contextTokens: result.contextTokens, kvPrecision: result.kvPrecision }, result) : undefined;
const engineName = (id: string) => catalogue.engines.find((e) => e.id === id)?.data.name ?? id;
// --json is exactly /api/fit/<rig>.json's element; --levers adds what would change the verdict
// (the engine re-run per lever: kept out of the API, where it would cost the build ~20 runs per pair).
console.log(values.json ? JSON.stringify(fitJson(result, levers), null, 2) : fitText(result, model.data.name, rig.data.name, engineName, levers));
