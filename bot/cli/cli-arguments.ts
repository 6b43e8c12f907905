/**
 * Minimal argument reading for the bot's command-line tools (`--flag value` and `--switch`).
 */
export function readArguments(argv: string[]): { flags: Map<string, string | true>; rest: string[] } {
  const flags = new Map<string, string | true>();
  const rest: string[] = [];
  for (let index = 0; index < argv.length; index += 1) {
    const argument = argv[index];
    if (argument.startsWith('--')) {
      const [name, inline] = argument.slice(2).split('=', 2);
      if (inline !== undefined) flags.set(name, inline);
      else if (index + 1 < argv.length && !argv[index + 1].startsWith('--') && VALUE_FLAGS.has(name)) {
        flags.set(name, argv[++index]);
      } else flags.set(name, true);
    } else rest.push(argument);
  }
  return { flags, rest };
}

/** Flags of the bot's CLIs that take a value (`--index DIR`, `--json "问题"`). */
const VALUE_FLAGS = new Set(['index', 'json']);
