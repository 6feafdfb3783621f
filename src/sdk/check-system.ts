import { FaultlineError } from '../core/errors.js';
import type { System, SystemOption } from '../core/system.js';
import { SDK_VERSION } from './sdk-version.js';

/** What a system is checked against when it is loaded. */
export interface CheckSystemContext {
  /** Where it came from, for messages, e.g. `./my-db.ts` or `built-in`. */
  source: string;
  /** Workload names the CLI knows; a client for another name is an error. */
  workloads?: readonly string[];
  /** Flags the CLI itself declares (`--nodes`, ...); a system option may not take one. */
  reservedFlags?: readonly string[];
}

const FLAG = /^--[a-z][a-z0-9-]*( <[a-z][a-z0-9-]*>)?$/;
const NAME = /^[a-z][a-z0-9-]*$/;
const REQUIRED_FUNCTIONS = ['setup', 'teardown', 'version', 'logFiles'] as const;

function bad(ctx: CheckSystemContext, what: string, hint: string): FaultlineError {
  return new FaultlineError('BAD_PLUGIN', `System plugin ${ctx.source}: ${what}`, { hint });
}

/** The long flag of an option, without its value placeholder: `--level <level>` -> `--level`. */
export function flagName(option: Pick<SystemOption, 'flag'>): string {
  return option.flag.split(' ')[0]!;
}

function checkOption(option: unknown, i: number, ctx: CheckSystemContext): void {
  const o = option as Partial<SystemOption> | null;
  const where = `options[${i}]`;
  if (typeof o !== 'object' || o === null)
    throw bad(ctx, `${where} is not an object.`, 'Declare { key, flag, help }.');
  if (typeof o.key !== 'string' || !/^[a-zA-Z][a-zA-Z0-9]*$/.test(o.key))
    throw bad(ctx, `${where}.key must be a camelCase name, e.g. "fastReads".`, 'Give every option a key.');
  if (typeof o.flag !== 'string' || !FLAG.test(o.flag))
    throw bad(
      ctx,
      `${where}.flag "${String(o.flag)}" is not a long flag like "--fast-reads" or "--mode <mode>".`,
      'Use lowercase words joined by -.',
    );
  if (typeof o.help !== 'string' || o.help === '')
    throw bad(ctx, `option ${o.flag} has no help text.`, 'Say in one line what it does.');
  if (ctx.reservedFlags?.includes(flagName({ flag: o.flag })))
    throw bad(
      ctx,
      `option ${o.flag} clashes with faultline's own ${flagName({ flag: o.flag })} flag.`,
      'Rename it, e.g. prefix it with the system name.',
    );
  if (o.choices !== undefined && (!Array.isArray(o.choices) || o.choices.some((c) => typeof c !== 'string')))
    throw bad(ctx, `option ${o.flag}: choices must be a list of strings.`, 'E.g. choices: ["a", "b"].');
  if (o.parse !== undefined && typeof o.parse !== 'function')
    throw bad(ctx, `option ${o.flag}: parse must be a function.`, 'parse(text) returns the value or throws.');
}

/**
 * Checks that `candidate` is a System a run can use: SDK version, name, image, lifecycle functions,
 * clients, options. Throws FaultlineError('BAD_PLUGIN') naming the plugin and what is wrong.
 */
export function checkSystem(candidate: unknown, ctx: CheckSystemContext): System {
  const s = candidate as Partial<System> | null;
  if (typeof s !== 'object' || s === null)
    throw bad(ctx, 'it does not export a system.', 'Export one: `export default defineSystem({ ... })`.');
  if (s.sdkVersion !== SDK_VERSION)
    throw bad(
      ctx,
      s.sdkVersion === undefined
        ? 'it has no sdkVersion: it was not made with defineSystem.'
        : `it was written for system SDK version ${s.sdkVersion}, but this faultline has version ${SDK_VERSION}.`,
      "Build it with defineSystem from 'faultline/system' of the installed faultline.",
    );
  if (typeof s.name !== 'string' || !NAME.test(s.name))
    throw bad(
      ctx,
      `name "${String(s.name)}" must be lowercase letters, digits and -.`,
      'E.g. name: "tarantool".',
    );
  if (typeof s.description !== 'string')
    throw bad(ctx, `${s.name} has no description.`, 'Say in one line what database and topology it runs.');
  const image = s.image as Partial<System['image']> | undefined;
  if (typeof image !== 'object' || image === null || typeof image.name !== 'string')
    throw bad(
      ctx,
      `${s.name} has no image.`,
      'Declare image: { name, aptPackages } (or a dockerfile or tag).',
    );
  if (image.tag === undefined && image.dockerfile === undefined && !Array.isArray(image.aptPackages))
    throw bad(
      ctx,
      `${s.name}'s image has no aptPackages, dockerfile or tag.`,
      'Say how to get the database into the image.',
    );
  for (const member of REQUIRED_FUNCTIONS)
    if (typeof s[member] !== 'function')
      throw bad(
        ctx,
        `${s.name} has no ${member}() function.`,
        `Every system needs ${REQUIRED_FUNCTIONS.join(', ')}.`,
      );
  const clients = s.clients;
  if (typeof clients !== 'object' || clients === null || Object.keys(clients).length === 0)
    throw bad(
      ctx,
      `${s.name} has no clients.`,
      'Declare clients: { register: { open(ctx, node) { ... } } }.',
    );
  for (const [workload, factory] of Object.entries(clients)) {
    if (ctx.workloads && !ctx.workloads.includes(workload))
      throw bad(
        ctx,
        `${s.name} has a client for "${workload}", a workload faultline does not know.`,
        `Workloads: ${ctx.workloads.join(', ')}.`,
      );
    if (typeof (factory as { open?: unknown } | undefined)?.open !== 'function')
      throw bad(
        ctx,
        `workload ${workload} has no client: clients.${workload}.open is not a function.`,
        'A client factory is { open(ctx, node) }.',
      );
  }
  if (s.options !== undefined && !Array.isArray(s.options))
    throw bad(ctx, `${s.name}'s options must be a list.`, 'options: [{ key, flag, help }]');
  (s.options ?? []).forEach((o, i) => checkOption(o, i, ctx));
  return s as System;
}
