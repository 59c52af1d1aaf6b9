/**
 * A gate is one comparison of a report metric with a number. The grammar (EBNF), whitespace allowed
 * around the operator:
 *
 *   gate   = metric , op , number , [ unit ] ;
 *   metric = ident , { "." , ident } ;
 *   ident  = letter , { letter | digit | "_" | "-" } ;
 *   op     = "<=" | ">=" | "==" | "!=" | "<" | ">" ;
 *   number = [ "-" ] , digit , { digit } , [ "." , digit , { digit } ] ;
 *   unit   = "ms" | "s" | "m" | "%" ;
 *
 * Examples: `score >= 70`, `integrity.lost == 0`, `phase.fault.availability > 0.5` (or `> 50%`),
 * `recovery.ttr < 300s`. Which metrics exist and which units they take is `gateMetrics.ts`'s job.
 */
export type GateOp = '<' | '<=' | '>' | '>=' | '==' | '!=';
export type GateUnit = 'ms' | 's' | 'm' | '%';

export interface ParsedGate {
  expr: string;
  metric: string;
  op: GateOp;
  value: number;
  unit?: GateUnit;
}

const GATE = /^\s*([A-Za-z][\w-]*(?:\.[A-Za-z][\w-]*)*)\s*(<=|>=|==|!=|<|>)\s*(-?\d+(?:\.\d+)?)\s*(ms|s|m|%)?\s*$/;

/** Parses one gate; returns an error message instead of throwing, so validation can collect every problem. */
export function parseGate(expr: string): { gate: ParsedGate } | { error: string } {
  const match = GATE.exec(expr);
  if (!match) {
    return { error: `cannot parse gate ${JSON.stringify(expr)}: write "<metric> <op> <number>[unit]" with op one of < <= > >= == != and unit ms, s, m or %, e.g. "recovery.ttr < 300s"` };
  }
  const [, metric = '', op, value = '0', unit] = match;
  return { gate: { expr: expr.trim(), metric, op: op as GateOp, value: Number(value), ...(unit ? { unit: unit as GateUnit } : {}) } };
}

/** Compares with the gate's operator. */
export function compare({ actual, op, value }: { actual: number; op: GateOp; value: number }): boolean {
  switch (op) {
    case '<':
      return actual < value;
    case '<=':
      return actual <= value;
    case '>':
      return actual > value;
    case '>=':
      return actual >= value;
    case '==':
      return actual === value;
    case '!=':
      return actual !== value;
  }
}
