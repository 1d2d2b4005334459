// The WebAssembly build converts byte for byte as the native one: every file of a corpus
// directory through every table the library lists, with its default options and with each
// other value of each option, compared with the native `ortaq convert`.
//
//   node identity_test.js PACKAGE_DIR ORTAQ_CLI CORPUS_DIR
'use strict';
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

async function main() {
  const [packageDir, cli, corpusDir] = process.argv.slice(2);
  const ortaq = await require(path.resolve(packageDir)).load();
  const files = fs.readdirSync(corpusDir).filter((f) => f.endsWith('.txt')).sort();
  if (files.length === 0) throw new Error(`no .txt files in ${corpusDir}`);
  let compared = 0, differing = 0, bytes = 0;
  const tables = ortaq.listTables();
  let variants = 0;
  for (const { from, to } of tables) {
    const t = ortaq.open(from, to);
    const settingsList = [[]];
    for (const option of t.options())
      for (const value of option.values) if (value !== option.value) settingsList.push([`${option.name}=${value}`]);
    t.close();
    for (const settings of settingsList) {
      ++variants;
      const wasm = ortaq.open(from, to, settings);
      for (const file of files) {
        const input = fs.readFileSync(path.join(corpusDir, file));
        const args = ['convert', '--from', from, '--to', to, ...settings.flatMap((s) => ['--set', s]), path.join(corpusDir, file)];
        const native = execFileSync(cli, args, { maxBuffer: 1 << 30 });
        const web = wasm.convert(new Uint8Array(input));
        ++compared;
        bytes += native.length;
        if (!Buffer.from(web).equals(native)) {
          ++differing;
          let at = 0;
          while (at < native.length && native[at] === web[at]) ++at;
          console.log(`DIFFERENT ${from} -> ${to} [${settings.join(' ')}] ${file}: native ${native.length} bytes, ` +
                      `wasm ${web.length} bytes, first difference at byte ${at}`);
        }
      }
      wasm.close();
    }
  }
  console.log(`${files.length} files x ${tables.length} tables (${variants} table/option settings): ` +
              `${compared} conversions, ${bytes} bytes of output, ${differing} different`);
  process.exitCode = differing === 0 && compared === files.length * variants ? 0 : 1;
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
