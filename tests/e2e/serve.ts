/** The static server moved to src/cli/serve.ts (src/ must not import from tests/); src/cli/bench.ts still imports it from here. */
export * from '../../src/cli/serve.ts';
