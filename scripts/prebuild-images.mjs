#!/usr/bin/env node
// Builds (or reuses) the Docker image of every registered system before the tests run, one at a
// time, so test files do not race to build them under load. Prints how long each took. A failed
// build is reported and skipped: the tests of that system then fail with the same error.
import console from 'node:console';
import { tsImport } from 'tsx/esm/api';

let builtinSystems = [];
let ensureImages;
try {
  ({ builtinSystems } = await tsImport('../systems/builtin-systems.ts', import.meta.url));
  ({ ensureImages } = await tsImport('../src/control/images.ts', import.meta.url));
} catch (error) {
  // Never stop the test run here: the tests report the same problem with more context.
  console.error(`prebuild-images: skipped, cannot load the system registry: ${error?.message ?? error}`);
}

const shown = /^(Step \d+|debootstrap|docker import|building|pulling|cannot pull)/;
let failed = 0;
for (const system of builtinSystems) {
  const { name } = system;
  const started = Date.now();
  const seconds = () => ((Date.now() - started) / 1000).toFixed(1);
  try {
    const { image } = await ensureImages(system.image, {
      onProgress: (line) => {
        if (shown.test(line)) console.log(`prebuild-images: ${name} [${seconds()} s] ${line.slice(0, 160)}`);
      },
    });
    console.log(`prebuild-images: ${name}: ${image} ready in ${seconds()} s`);
  } catch (error) {
    failed++;
    console.error(`prebuild-images: ${name}: FAILED after ${seconds()} s: ${error?.message ?? error}`);
  }
}

// The file-system layer (faultline-fs, compiled in the image) on each system that declares its
// storage: the exact layer a run with --nemesis lose-unfsynced builds, so no test builds it in its timeout.
let fsLayer;
try {
  const { nemesisPackage } = await tsImport('../nemesis/nemesis-package.ts', import.meta.url);
  fsLayer = nemesisPackage(['lose-unfsynced'], { nodes: ['n1'] }).image;
} catch (error) {
  console.error(`prebuild-images: fs layers skipped: ${error?.message ?? error}`);
}
for (const system of fsLayer ? builtinSystems.filter((s) => s.storage) : []) {
  const started = Date.now();
  const seconds = () => ((Date.now() - started) / 1000).toFixed(1);
  try {
    const { image } = await ensureImages(system.image, { layer: fsLayer, onProgress: () => {} });
    console.log(`prebuild-images: ${system.name} fs layer: ${image} ready in ${seconds()} s`);
  } catch (error) {
    failed++;
    console.error(
      `prebuild-images: ${system.name} fs layer: FAILED after ${seconds()} s: ${error?.message ?? error}`,
    );
  }
}
if (failed > 0) console.error(`prebuild-images: ${failed} image(s) failed; their tests will fail too.`);

// The stand-in SSH hosts of the SSH platform's tests.
try {
  const started = Date.now();
  const { sshHostImage } = await tsImport('../test/integration/ssh/ssh-host-image.ts', import.meta.url);
  const { image } = await ensureImages(sshHostImage, { onProgress: () => {} });
  console.log(`prebuild-images: sshhost: ${image} ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
} catch (error) {
  console.error(`prebuild-images: sshhost: FAILED: ${error?.message ?? error}`);
}

// The clock nemesis's ptrace tool is compiled in an image of its own (gcc on the base image).
try {
  const started = Date.now();
  const { ensureClockTool } = await tsImport('../src/control/clock-tool.ts', import.meta.url);
  const binary = await ensureClockTool();
  console.log(
    `prebuild-images: clock tool: ${binary.length} bytes ready in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
} catch (error) {
  console.error(`prebuild-images: clock tool: FAILED: ${error?.message ?? error}`);
}
