// Lints probe files with the project's ESLint configuration, outside jest (whose module system cannot load
// eslint.config.mjs): reads [{ code, path }] as JSON on stdin, writes one list of rule findings per probe.
import { ESLint } from 'eslint';
import { join } from 'node:path';

const root = process.argv[2];
let input = '';
for await (const chunk of process.stdin) input += chunk;
const probes = JSON.parse(input);
const eslint = new ESLint({ cwd: root });
const results = [];
for (const probe of probes) {
  const [result] = await eslint.lintText(probe.code, { filePath: join(root, probe.path) });
  results.push(result.messages.map((message) => ({ ruleId: message.ruleId, message: message.message })));
}
process.stdout.write(JSON.stringify(results));
