/**
 * Offline manifest check: `npm run validate` (= tsx scripts/validate-manifest.ts manifest.xml).
 * Prints a Chinese + English report and exits 1 when the manifest has problems.
 * The checks themselves live in ./manifest-check.ts (also covered by jest).
 */
import { readFileSync } from 'node:fs';
import { findManifestProblems } from './manifest-check';

function main(argv: readonly string[]): number {
  const file = argv[0] ?? 'manifest.xml';
  console.log(`清单检查 / Manifest check: ${file}`);

  let xml: string;
  try {
    xml = readFileSync(file, 'utf8');
  } catch (error) {
    console.error(`✘ 无法读取文件 / Cannot read the file: ${(error as Error).message}`);
    return 1;
  }

  const problems = findManifestProblems(xml);
  if (problems.length === 0) {
    console.log('✔ 通过：未发现问题。 / Passed: no problems found.');
    console.log('  注：这只是离线结构检查，发布前仍应使用微软的验证工具（office-addin-manifest）。');
    console.log('  Note: this is an offline structural check only; run Microsoft\'s validator (office-addin-manifest) before publishing.');
    return 0;
  }

  console.log(`✘ 发现 ${problems.length} 个问题。 / ${problems.length} problem(s) found:`);
  problems.forEach((problem, i) => {
    console.log(`  ${i + 1}. [${problem.path}] (${problem.code})`);
    console.log(`     ${problem.zh}`);
    console.log(`     ${problem.en}`);
  });
  return 1;
}

process.exitCode = main(process.argv.slice(2));
