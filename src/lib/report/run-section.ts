// "How to run it": the pick and the engine's commands for it: the conversion first when the
// reader makes the file from the released weights, then the llama-server line, with the
// llama-bench check and the pick rule (PICK_RULE, the engine's own words) folded below.
// Commands go through a component prop, never through Markdown.
import { PICK_RULE } from '../fit/pick.ts';
import { formatFileSize } from '../units.ts';
import { pickOf, verdictEngine } from './facts.ts';
import { component, folded, heading, para } from './mdx.ts';
import type { ReportInput } from './report-input.ts';
import { judgedSpeed, PLACEMENT_LABEL, predictedSpeed } from './words.ts';

const CONTRIBUTE = 'Ran it? Add `-o json` and [contribute the result](https://github.com/three-walls/three-walls/blob/main/CONTRIBUTING.md#contribute-your-llama-bench-run): one command turns it into a measurement that recalibrates every prediction.';

function benchFold(input: ReportInput): string {
  const pick = pickOf(input.house.result)!;
  if (!pick.benchCommand) return '';
  return folded(
    'Check the prediction with llama-bench',
    para(`Its tg128 figure should land near ${predictedSpeed(pick.decodeTokensPerSecond)} (an empty context). If it does not, the measurement is worth adding to the data.`),
    component('Command', { label: 'Check the speed', command: pick.benchCommand }),
    CONTRIBUTE,
  );
}

export function runSection(input: ReportInput): string {
  const { result: r, rig } = input.house;
  const pick = pickOf(r);
  const engine = verdictEngine(input);
  const parts = [heading(2, 'How to run it')];
  const rule = folded('How the pick is chosen', para(PICK_RULE));
  if (!pick) {
    const elsewhere = input.rigs.some((x) => x.result.verdict === 'runs') ? ' "On other rigs" below shows where it does run.' : '';
    parts.push(para(`Nothing to run on ${rig.data.name} yet: no file is both good enough and small enough for it.${elsewhere}`), rule);
    return parts.join('\n\n');
  }
  const what = `The pick is ${pick.name}, ${formatFileSize(pick.weightsBytes)}, ${PLACEMENT_LABEL[pick.placement]}: ${judgedSpeed(pick, r)}.`;
  if (!pick.command) {
    parts.push(para(`${what} It is a ${pick.format} file that ${engine} does not load, so there is no command line to print.`), rule);
    return parts.join('\n\n');
  }
  const blocked = r.walls.stack.blocked;
  const lead = blocked
    ? `${what} Once ${engine} supports ${input.model.data.architecture}, this is how it would run; today mainline ${engine} refuses to load it.`
    : `${what} The flags place it exactly as this report assumes, at a ${r.contextTokens.toLocaleString('en-US')}-token context.`;
  parts.push(para(lead));
  if (pick.convertCommand) {
    const made = pick.converted ? 'Nobody has published this GGUF: make it from the released weights (a local download of the model\'s Hugging Face repository) with llama.cpp\'s converter and llama-quantize.' : 'Make the GGUF from the released weights (a local download of the model\'s Hugging Face repository) with llama.cpp\'s converter.';
    parts.push(para(made), component('Command', { label: '1. Make the file', command: pick.convertCommand }), component('Command', { label: '2. Serve it', command: pick.command }));
  } else {
    parts.push(component('Command', { label: 'Serve it', command: pick.command }));
  }
  parts.push(benchFold(input), rule);
  return parts.filter((s) => s !== '').join('\n\n');
}
