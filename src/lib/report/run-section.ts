// "How to run it": the engine's launch command for the pick and the llama-bench line that
// checks the predicted speed. Commands go through a component prop, never through Markdown.
import { formatGB } from '../units.ts';
import { engineName, pickOf } from './facts.ts';
import { component, heading, para } from './mdx.ts';
import type { ReportInput } from './report-input.ts';
import { PLACEMENT_LABEL, predictedSpeed } from './words.ts';

export function runSection(input: ReportInput): string {
  const { result: r, rig } = input.house;
  const pick = pickOf(r);
  const engine = engineName(input, r.stack.engine ?? rig.data.engines[0] ?? null);
  const parts = [heading(2, 'How to run it')];
  if (!pick) {
    parts.push(para(`There is nothing to run on ${rig.data.name} yet: no file is both good enough and small enough for it. The other rigs below show where it does run.`));
    return parts.join('\n\n');
  }
  const blocked = r.walls.stack.blocked;
  if (!pick.command) {
    parts.push(para(`The pick, ${pick.name}, is a ${pick.format} file; ${engine} does not load it, so there is no command line to print.${blocked ? ` Once an engine on this rig supports ${input.model.data.architecture}, this section will show one.` : ''}`));
    return parts.join('\n\n');
  }
  const lead = blocked
    ? `Once ${engine} supports ${input.model.data.architecture}, this is how the pick would run; today mainline ${engine} will refuse to load it.`
    : `Serve ${pick.name} (${formatGB(pick.weightsBytes)}, ${PLACEMENT_LABEL[pick.placement]}) with ${engine} at a ${r.contextTokens.toLocaleString('en-US')}-token context. The flags place it exactly as this report assumes.`;
  if (pick.convertCommand) parts.push(para(`Nobody has published ${pick.converted ? 'this GGUF' : 'a GGUF of the original weights'}: make it with llama.cpp's converter${pick.converted ? ' and llama-quantize' : ''} from the released weights (a local download of the model's Hugging Face repository).`), component('Command', { label: 'Make the file', command: pick.convertCommand }));
  parts.push(para(lead), component('Command', { label: 'Serve it', command: pick.command }));
  if (pick.benchCommand) {
    parts.push(
      para(`Then check the prediction: llama-bench's tg128 figure should land near ${predictedSpeed(pick.decodeTokensPerSecond)}. If it does not, the measurement is worth adding to the data.`),
      component('Command', { label: 'Check the speed', command: pick.benchCommand }),
      'Ran it? Add `-o json` and [contribute the result](https://github.com/three-walls/three-walls/blob/main/CONTRIBUTING.md#contribute-your-llama-bench-run): one command turns it into a measurement that recalibrates every prediction.',
    );
  }
  return parts.join('\n\n');
}
