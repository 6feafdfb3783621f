import { tsImport } from 'tsx/esm/api';
const { ensureImages } = await tsImport('/work/wt/sdk/src/control/images.ts', import.meta.url);
const r = await ensureImages({ name: 'tarantool', aptPackages: ['tarantool'] }, { onProgress: (l) => console.log(l.slice(0, 150)) });
console.log(JSON.stringify(r));
