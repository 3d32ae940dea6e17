import { writeFileSync, mkdirSync } from 'node:fs';
import { loadScenario } from './src/scenario/load.ts';
import { formatDiagnostic } from './src/engine/diagnostics.ts';
const d = '/tmp/sc2';
const files = process.argv.slice(2);
writeFileSync(`${d}/deepseq.yaml`, 'name: x\nlevers:\n  cadreEffort: ' + '- '.repeat(100000) + '1\n');
writeFileSync(`${d}/deepmap.yaml`, 'a:\n' + Array.from({ length: 1000 }, (_, i) => ' '.repeat(i + 1) + 'b:').join('\n'));
writeFileSync(`${d}/blockscalar.yaml`, 'name: x\ndescription: |\n' + '  [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[\n' + ' '.repeat(150) + 'deeply indented text\nlevers:\n  cadreEffort: 0.5\n');
writeFileSync(`${d}/dups.yaml`, 'name: x\nlevers:\n' + '  cadreEffort: 0.5\n'.repeat(20000));
writeFileSync(`${d}/jsonerrs.json`, '{"name": "x",\n "levers": {"cadreEffort": NaN}}');
writeFileSync(`${d}/jsonerrs2.json`, '{"name": "x",\n "levers": {"cadreEffort": 0.5,}}');
writeFileSync(`${d}/jsonerrs3.json`, '{"name": "x",\n "levers": {"cadreEffort": 0.5}');
writeFileSync(`${d}/jsonerrs4.json`, '{"name": "x\n", "levers": {}}');
writeFileSync(`${d}/jsonerrs5.json`, "{'name': 'x'}");
writeFileSync(`${d}/jsonerrs6.json`, '{"name": "x"} x');
writeFileSync(`${d}/jsonerrs7.json`, '{"name": "x", "levers": [1, 2,]}');
for (const f of [...files, 'deep.yaml', 'deep.json', 'deep2.yaml', 'deepseq.yaml', 'deepmap.yaml', 'blockscalar.yaml', 'dups.yaml', 'jsonerrs.json', 'jsonerrs2.json', 'jsonerrs3.json', 'jsonerrs4.json', 'jsonerrs5.json', 'jsonerrs6.json', 'jsonerrs7.json', 'bad1.json', 'bad2.json', 'bad3.json', 'complexkey.yaml', 'protokey.yaml', 'tag.yaml', 'y11.yaml', 'list.yaml', 'scalar.json', 'nul.json', 'nameLong.yaml', 'nameNl.yaml', 'nameMissing.yaml', 'emptyLevers.yaml', 'toplever.yaml', 'schedYear.yaml', 'ext.txt', 'cyc-a.yaml', 'self.yaml', 'miss.yaml', 'dirext.yaml', 'badparent.yaml', 'manykeys.yaml', 'big.yaml', 'nothere.yaml', 'dir.yaml']) {
  const t0 = performance.now();
  try { const r = loadScenario(`${d}/${f}`); console.log(f, 'OK', JSON.stringify(r.values)) } catch (e: any) { if (!e.diagnostics) { console.log(f, 'NON-INPUT', e); continue; } console.log(`--- ${f} (${(performance.now()-t0).toFixed(0)} ms, ${e.diagnostics.length})\n` + e.diagnostics.slice(0, 4).map(formatDiagnostic).join('\n')); }
}
