// One reader for every command's arguments: options, whole numbers, decimals and calendar
// days, each refused with the project's own words and exit code 2 (a usage mistake, not a
// data problem). Numbers are plain digits on purpose: Number() would read "0x100" as 256,
// "1e12" as a trillion and "" as 0, none of which a person typing a context length means.
import { parseArgs, type ParseArgsConfig } from 'node:util';

type Options = NonNullable<ParseArgsConfig['options']>;

/** Prints the message (and the usage) to stderr and exits 2. */
export function usageError(message: string, usage?: string): never {
  console.error(usage ? `${message}\n${usage}` : message);
  process.exit(2);
}

/**
 * node:util parseArgs, but a value that starts with "-" is still the option's value when it
 * looks like a number ("--context -5" is a bad context, not an "ambiguous argument"), and
 * its errors are said in one line ending with the usage.
 */
export function readArgs<O extends Options>(options: O, usage: string, args = process.argv.slice(2)) {
  const takesValue = (arg: string) => /^--[a-z]/.test(arg) && !arg.includes('=') && options[arg.slice(2)]?.type === 'string';
  const joined: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const next = args[i + 1];
    if (takesValue(args[i]!) && next !== undefined && /^-[\d.]/.test(next)) joined.push(`${args[i++]}=${next}`);
    else joined.push(args[i]!);
  }
  try {
    return parseArgs({ args: joined, options, allowPositionals: true, strict: true });
  } catch (error) {
    return usageError(argsErrorText(error as Error & { code?: string }), usage);
  }
}

/** parseArgs's messages, said as the project says things. */
function argsErrorText(error: Error & { code?: string }): string {
  const option = /'(-[^' ]+)/.exec(error.message)?.[1];
  if (error.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return `unknown option ${option ?? error.message}`;
  if (error.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') return `option ${option ?? ''} needs a value`.replace('  ', ' ');
  return error.message.split('\n')[0]!;
}

const digits = (n: number) => n.toLocaleString('en-US');

/** A whole number in plain digits (1,000 separators allowed), from `min` to `max` inclusive. */
export function wholeNumber(option: string, text: string, min: number, max: number, usage?: string): number {
  const plain = text.replace(/[,_](?=\d{3}(?:\D|$))/g, '');
  if (!/^\d+$/.test(plain)) usageError(`${option} must be a whole number written in digits, e.g. 32768, not "${text}"`, usage);
  const value = Number(plain);
  if (value < min || value > max) usageError(`${option} must be from ${digits(min)} to ${digits(max)}, not ${digits(value)}`, usage);
  return value;
}

/** A decimal above zero in plain digits ("30", "7.5"), at most `max`. */
export function positiveDecimal(option: string, text: string, max: number, usage?: string): number {
  if (!/^\d+(\.\d+)?$/.test(text)) usageError(`${option} must be a number above 0 written in digits, e.g. 10 or 7.5, not "${text}"`, usage);
  const value = Number(text);
  if (value <= 0 || value > max) usageError(`${option} must be above 0 and at most ${digits(max)}, not ${text}`, usage);
  return value;
}

/** A real calendar day written YYYY-MM-DD: "2026-02-30" and "2026-13-45" are refused. */
export function calendarDay(option: string, text: string, usage?: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) usageError(`${option} must be a date written like 2026-05-07 (year-month-day), not "${text}"`, usage);
  const [year, month, day] = match.slice(1).map(Number) as [number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (month < 1 || month > 12 || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day)
    usageError(`${option} ${text} is not a day on the calendar: the month is 01-12 and the day must exist in that month`, usage);
  return text;
}
