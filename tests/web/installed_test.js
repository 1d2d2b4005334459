// The web parts as `cmake --install` puts them in a prefix, used from there: installs component
// `web` into a temporary prefix, requires the npm package with Node from a directory outside
// the source and build trees (NODE_PATH=PREFIX/lib/node_modules) and converts a sentence, then
// opens the installed page (PREFIX/share/ortaq/web/index.html) in headless Chromium and checks
// a conversion typed into it.
//
//   node installed_test.js CMAKE BUILD_DIR [CHROMIUM]
'use strict';
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { pathToFileURL } = require('node:url');
const assert = require('node:assert/strict');
const { withPage } = require('./chromium.js');

const [cmake, buildDir, chromium] = process.argv.slice(2);

async function main() {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'ortaq-web-install-'));
  try {
    const prefix = path.join(work, 'prefix');
    execFileSync(cmake, ['--install', buildDir, '--prefix', prefix, '--component', 'web'], { stdio: 'inherit' });
    const modules = path.join(prefix, 'lib', 'node_modules');
    const pageDir = path.join(prefix, 'share', 'ortaq', 'web');
    for (const file of ['package.json', 'index.js', 'index.d.ts', 'ortaq.js', 'README.md'])
      assert.ok(fs.existsSync(path.join(modules, 'ortaq', file)), `not installed: lib/node_modules/ortaq/${file}`);
    for (const file of ['index.html', 'index.js', 'ortaq.js'])
      assert.ok(fs.existsSync(path.join(pageDir, file)), `not installed: share/ortaq/web/${file}`);

    // (a) The package, found by Node the way a user's script finds it: by name, from elsewhere.
    const user = path.join(work, 'user');
    fs.mkdirSync(user);
    const script = `require('ortaq').load().then((o) => {
      process.stdout.write(JSON.stringify({ path: require.resolve('ortaq'),
        text: o.convert('Қазақстан ішінде бір тіл', 'kk-Cyrl', 'cta-2024', ['kk-i=ï']) }));
    })`;
    const result = JSON.parse(execFileSync(process.execPath, ['-e', script],
      { cwd: user, env: { PATH: process.env.PATH, NODE_PATH: modules } }).toString());
    assert.equal(result.text, 'Qazaqstan ïşïnde bïr tïl');
    assert.equal(result.path, path.join(modules, 'ortaq', 'index.js'));
    console.log(`web_install: require('ortaq') from ${user} loaded ${result.path}: "${result.text}"`);

    // (b) The installed page, opened as a file in Chromium.
    if (!chromium || /NOTFOUND$/.test(chromium)) {
      console.log('web_install: chromium not found; the installed page was not opened');
      return;
    }
    const url = pathToFileURL(path.join(pageDir, 'index.html')).href;
    await withPage(chromium, url, async ({ evaluate, problems, waitFor }) => {
      await waitFor('typeof window.ortaqReady === "object"');
      assert.match(await evaluate('window.ortaqReady'), /^\d+\.\d+\.\d+$/);
      await evaluate(`(() => { const i = document.getElementById('input'); i.value = 'Шаңғы тебу';
        i.dispatchEvent(new Event('input')); })()`);
      assert.equal(await evaluate('document.getElementById("to").value'), 'cta-2024');
      assert.equal(await evaluate('document.getElementById("output").textContent'), 'Şañğı tebu');
      assert.deepEqual(problems, []);
      console.log(`web_install: the installed page ${url} converts "Шаңғы тебу" to "Şañğı tebu"`);
    });
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
