/**
 * Memoizes what a node compiles from its config (a mapper, a predicate). A run validates a node's config once
 * and keeps that object, so keying by it compiles once per run and forgets with the run.
 * @example const mapperFor = compilePerConfig((ctx) => compileMapper(ctx.config)); mapperFor(ctx)(records);
 */
export function compilePerConfig<Ctx extends { config: object }, T>(compile: (ctx: Ctx) => T): (ctx: Ctx) => T {
  const compiled = new WeakMap<object, T>();
  return (ctx) => {
    if (compiled.has(ctx.config)) return compiled.get(ctx.config) as T;
    const value = compile(ctx);
    compiled.set(ctx.config, value);
    return value;
  };
}
