// No test or source may read a path outside the repository: a fresh clone has nothing beside it.
// 1. Every tracked code file is searched for `../shared`, absolute paths of this machine, and
//    relative paths (string literals starting with `../`) that climb above the repository root
//    from the file's own folder. Comment lines are skipped: they may name a sibling for humans.
// 2. The crypto tests (the ones that once read ../shared/vectors) run from a copy of the
//    repository's tracked files in an empty temp folder, with the workspace's node_modules linked.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { ROOT } from './lib/stack-urls.mjs';

const CODE = /\.(ts|tsx|mts|cts|js|mjs|cjs|json|html)$/;
const SKIP = /(^|\/)(pnpm-lock\.yaml|test\/vectors\/)|^bench\/results\//;
const ESCAPES = [/\.\.\/shared(\/|['"`])/, /\/work\/(wt|shared|main)\b/, /\/root\//];
/** Projects run from the copy: the ones that read data files of their own. */
const FROM_COPY = ['crypto'];

const git = (...args) => spawnSync('git', args, { cwd: ROOT, encoding: 'utf8' }).stdout;
const tracked = git('ls-files', '-co', '--exclude-standard').split('\n').filter(Boolean);
const problems = [];

for (const file of tracked.filter((f) => CODE.test(f) && !SKIP.test(f))) {
  let text;
  try {
    text = readFileSync(join(ROOT, file), 'utf8');
  } catch {
    continue; // deleted in the working tree
  }
  text.split('\n').forEach((line, i) => {
    const code = line.trim();
    if (/^(\/\/|\*|\/\*)/.test(code)) return;
    for (const re of ESCAPES) if (re.test(code)) problems.push(`${file}:${i + 1}: ${code.slice(0, 120)}`);
    for (const m of code.matchAll(/['"`]((?:\.\.\/)+)/g)) {
      const target = resolve(ROOT, dirname(file), m[1]);
      if (relative(ROOT, target).split(sep)[0] === '..') problems.push(`${file}:${i + 1}: '${m[1]}…' climbs out of the repository`);
    }
  });
}
if (problems.length) {
  console.error(`Paths outside the repository (a fresh clone has nothing beside it; copy the data in):\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log(`repo paths: ${tracked.length} tracked files, none reads outside the repository`);

const tmp = mkdtempSync(join(tmpdir(), 'tf-clone-'));
const copy = join(tmp, 'repo');
try {
  for (const file of tracked) {
    mkdirSync(dirname(join(copy, file)), { recursive: true });
    try {
      cpSync(join(ROOT, file), join(copy, file));
    } catch {
      // deleted in the working tree
    }
  }
  for (const dir of ['.', ...FROM_COPY.map((p) => `packages/${p}`)])
    symlinkSync(join(ROOT, dir, 'node_modules'), join(copy, dir, 'node_modules'));
  // A generous timeout: this checks where files are read from, not speed (pnpm test runs them again).
  const args = ['run', '--testTimeout=60000', ...FROM_COPY.flatMap((p) => ['--project', p])];
  const r = spawnSync(join(copy, 'node_modules/.bin/vitest'), args, {
    cwd: copy,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
  });
  const summary = (r.stdout ?? '')
    .split('\n')
    .filter((l) => /Test Files|Tests /.test(l))
    .join(' / ');
  if (r.status !== 0) {
    console.error(`${FROM_COPY.join(', ')} tests failed from a copy with nothing beside it (${copy}):\n${r.stdout}${r.stderr}`);
    process.exit(1);
  }
  console.log(`repo paths: ${FROM_COPY.join(', ')} tests pass from a copy in an empty folder: ${summary.trim()}`);
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
