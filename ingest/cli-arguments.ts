/**
 * Command-line arguments of the ingest CLI, parsed with node:util and checked, so that cli.ts only
 * deals with a typed result. Usage errors are in Chinese: the hall's operators run this command.
 */
import { parseArgs } from 'node:util';

export interface IngestArguments {
  catalog?: string;
  docs?: string;
  hall?: string;
  out?: string;
  json: boolean;
  /** Catalog warnings (consistency rules) count as errors. */
  strict: boolean;
  help: boolean;
}

export class CliUsageError extends Error {
  readonly code = 'CLI_USAGE';

  constructor(message: string) {
    super(message);
    this.name = 'CliUsageError';
  }
}

export const INGEST_USAGE = [
  '用法：npm run ingest -- [--catalog <事项清单.json|.csv|.xlsx>] [--docs <政策文件夹>] [--hall <大厅布局.json>] [--out <索引文件夹>] [--strict] [--json]',
  '',
  '  不带参数时，按配置（CATALOG_FILE、DOCS_DIR、HALL_FILE、INDEX_DIR）建立默认索引。',
  '  --catalog  事项清单文件；指定后只导入 --docs 给出的政策文件夹',
  '  --docs     政策文件所在文件夹（TXT/MD/HTML/PDF/DOCX）',
  '  --hall     大厅布局文件，默认取配置 HALL_FILE',
  '  --out      索引输出文件夹，默认取配置 INDEX_DIR',
  '  --strict   把事项清单的提醒（承诺时限超过法定时限、全程网办仍需到现场、即办件时限不为 0、收费未写依据等）',
  '             也当作错误：有提醒时不建立索引。不加时照常建立索引，并逐条列出提醒',
  '  --json     以 JSON 输出结果摘要',
].join('\n');

export function parseIngestArguments(argv: string[]): IngestArguments {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      options: {
        catalog: { type: 'string' },
        docs: { type: 'string' },
        hall: { type: 'string' },
        out: { type: 'string' },
        json: { type: 'boolean', default: false },
        strict: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
      allowPositionals: false,
      strict: true,
    });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new CliUsageError(`参数有误：${reason}`);
  }
  const { values } = parsed;
  for (const name of ['catalog', 'docs', 'hall', 'out'] as const) {
    if (values[name] !== undefined && values[name].trim() === '') {
      throw new CliUsageError(`参数 --${name} 不能为空。`);
    }
  }
  return {
    catalog: values.catalog,
    docs: values.docs,
    hall: values.hall,
    out: values.out,
    json: values.json ?? false,
    strict: values.strict ?? false,
    help: values.help ?? false,
  };
}
