// Every property test runs from one fixed seed, so a CI run is reproducible and its failures can be
// rerun exactly. FC_SEED=<integer> picks another seed; FC_SEED=random draws a fresh one per run, for
// hunting counterexamples locally (fast-check prints the seed of any failure it finds).
import fc from 'fast-check';

const DEFAULT_SEED = 20261204;

function chosenSeed(text: string | undefined): number | undefined {
  if (text === undefined || text === '') return DEFAULT_SEED;
  if (text === 'random') return undefined;
  const seed = Number(text);
  if (!Number.isSafeInteger(seed))
    throw new Error(
      `FC_SEED=${JSON.stringify(text)} is not an integer: use an integer seed, or FC_SEED=random`,
    );
  return seed;
}

const seed = chosenSeed(process.env['FC_SEED']);
if (seed !== undefined) fc.configureGlobal({ ...fc.readConfigureGlobal(), seed });
